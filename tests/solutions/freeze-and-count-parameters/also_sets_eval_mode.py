# expect: wrong_answer nothing_else_about_the_model_changes
# Also puts the model in eval mode while freezing it; only requires_grad may change.
import fnmatch

import torch
from torch import nn


def freeze_except(model, patterns):
    """Train only the parameters whose name matches a pattern; return (trainable, total)."""
    params = {}  # id -> parameter, every distinct object once
    selected = set()  # ids of the parameters with at least one matching name
    for name, param in model.named_parameters(remove_duplicate=False):
        params[id(param)] = param
        if any(fnmatch.fnmatchcase(name, pattern) for pattern in patterns):
            selected.add(id(param))
    model.eval()  # a frozen backbone should not update its BatchNorm statistics
    for key, param in params.items():
        param.requires_grad_(key in selected)
    total = sum(p.numel() for p in params.values())
    trainable = sum(p.numel() for p in params.values() if p.requires_grad)
    return int(trainable), int(total)
