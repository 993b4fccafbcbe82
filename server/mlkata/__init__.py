"""ML Kata: practise machine-learning interview coding rounds against hidden tests."""

from __future__ import annotations

import warnings

# torch warns on import when numpy is absent; the judge never needs numpy.
warnings.filterwarnings("ignore", message="Failed to initialize NumPy")

__version__ = "0.1.0"
