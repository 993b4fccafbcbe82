# expect: wrong_answer buffers_are_not_counted
# Counts the total over model.state_dict(), which includes buffers and lists tied weights under every name.
import fnmatch


def freeze_except(model, patterns):
    for name, p in model.named_parameters(remove_duplicate=False):
        p.requires_grad_(False)
    for name, p in model.named_parameters(remove_duplicate=False):
        if any(fnmatch.fnmatchcase(name, pat) for pat in patterns):
            p.requires_grad_(True)
    total = sum(t.numel() for t in model.state_dict().values())
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    return trainable, total
