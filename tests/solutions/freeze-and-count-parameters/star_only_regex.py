# expect: wrong_answer question_mark_and_set_wildcards
# Translates the patterns to regexes by hand but only handles '*': '?' and '[...]' are matched literally.
import fnmatch
import re

import torch
from torch import nn


def freeze_except(model, patterns):
    """Train only the parameters whose name matches a pattern; return (trainable, total)."""
    params = {}  # id -> parameter, every distinct object once
    selected = set()  # ids of the parameters with at least one matching name
    for name, param in model.named_parameters(remove_duplicate=False):
        params[id(param)] = param
        if any(re.fullmatch(re.escape(pattern).replace(r"\*", ".*"), name) for pattern in patterns):
            selected.add(id(param))
    for key, param in params.items():
        param.requires_grad_(key in selected)
    total = sum(p.numel() for p in params.values())
    trainable = sum(p.numel() for p in params.values() if p.requires_grad)
    return int(trainable), int(total)
