# expect: forbidden_api no_smoothing_matches_reference
# Calls the library loss the problem asks you to write.
import torch.nn.functional as F


def cross_entropy(logits, target, label_smoothing=0.0, ignore_index=-100):
    return F.cross_entropy(logits, target, ignore_index=ignore_index, label_smoothing=label_smoothing)
