import fnmatch

import torch
from torch import nn


def freeze_except(model, patterns):
    """Train only the parameters with a name matching one of the patterns; freeze the rest.

    Matching: fnmatch.fnmatchcase(dotted_name, pattern) on whole names; a tied parameter is
    selected if any of its names matches. Selected parameters get requires_grad = True, all
    others False (in place). Returns (trainable, total) numel counts as Python ints, every
    distinct parameter counted once, buffers not counted.
    """
    raise NotImplementedError
