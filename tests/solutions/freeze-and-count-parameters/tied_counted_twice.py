# expect: wrong_answer tied_parameter_counted_once
# Sees every name of a tied weight (right selection) but counts its numel once per name.
import fnmatch


def freeze_except(model, patterns):
    named = list(model.named_parameters(remove_duplicate=False))
    chosen = {id(p) for n, p in named if any(fnmatch.fnmatchcase(n, pat) for pat in patterns)}
    for n, p in named:
        p.requires_grad_(id(p) in chosen)
    total = sum(p.numel() for n, p in named)
    trainable = sum(p.numel() for n, p in named if p.requires_grad)
    return trainable, total
