# expect: passed
# Correct alternative: patterns translated to regexes, names built by walking modules' own parameters, distinct objects by identity.
import fnmatch
import re


def freeze_except(model, patterns):
    regexes = [re.compile(fnmatch.translate(p)) for p in patterns]
    params, names = [], {}
    for mod_name, module in model.named_modules(remove_duplicate=False):
        for local, p in module.named_parameters(recurse=False):
            full = f"{mod_name}.{local}" if mod_name else local
            if not any(q is p for q in params):
                params.append(p)
            names.setdefault(id(p), []).append(full)
    for p in params:
        p.requires_grad = any(rx.match(n) for n in names[id(p)] for rx in regexes)
    total = sum(p.numel() for p in params)
    return sum(p.numel() for p in params if p.requires_grad), total
