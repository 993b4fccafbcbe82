# expect: wrong_answer whole_name_must_match
# Selects a parameter when a pattern (stars removed) occurs anywhere in its name, instead of fnmatch on the whole name.
def freeze_except(model, patterns):
    named = list(model.named_parameters(remove_duplicate=False))
    chosen = set()
    for name, p in named:
        for pat in patterns:
            if pat.replace("*", "") in name:
                chosen.add(id(p))
    seen = {}
    for name, p in named:
        p.requires_grad_(id(p) in chosen)
        seen[id(p)] = p
    total = sum(p.numel() for p in seen.values())
    trainable = sum(p.numel() for p in seen.values() if p.requires_grad)
    return trainable, total
