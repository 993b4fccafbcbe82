# expect: forbidden_api small_known_product
# Uses numpy, which the problem forbids.
import numpy as np


def matmul(a, b):
    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)
    if a.shape[1] != b.shape[0]:
        raise ValueError("shape mismatch")
    return (a @ b).tolist()
