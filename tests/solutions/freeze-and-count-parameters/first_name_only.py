# expect: wrong_answer tied_parameter_selected_by_its_second_name
# Iterates named_parameters(), which lists a tied weight only under its first name, so a pattern on the second name is missed.
import fnmatch


def freeze_except(model, patterns):
    trainable = total = 0
    for name, p in model.named_parameters():
        keep = any(fnmatch.fnmatchcase(name, pat) for pat in patterns)
        p.requires_grad = keep
        total += p.numel()
        if keep:
            trainable += p.numel()
    return trainable, total
