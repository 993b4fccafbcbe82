"""ML Kata: practise machine-learning interview coding rounds against hidden tests."""

from __future__ import annotations

__version__ = "0.1.0"
