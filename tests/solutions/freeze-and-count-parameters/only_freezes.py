# expect: wrong_answer previously_frozen_match_is_unfrozen
# Only freezes the non-matching parameters; a matching parameter that was frozen before stays frozen.
import fnmatch


def freeze_except(model, patterns):
    named = list(model.named_parameters(remove_duplicate=False))
    chosen = {id(p) for n, p in named if any(fnmatch.fnmatchcase(n, pat) for pat in patterns)}
    distinct = {}
    for n, p in named:
        if id(p) not in chosen:
            p.requires_grad = False
        distinct[id(p)] = p
    total = sum(p.numel() for p in distinct.values())
    trainable = sum(p.numel() for p in distinct.values() if p.requires_grad)
    return trainable, total
