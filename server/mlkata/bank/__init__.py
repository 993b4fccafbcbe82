"""The problem bank: typed problems loaded from ``problems/<id>/`` folders."""

from __future__ import annotations

from mlkata.bank.loader import Bank, ProblemError, default_roots, load_bank, load_problem
from mlkata.bank.model import Limits, Problem

__all__ = ["Bank", "Limits", "Problem", "ProblemError", "default_roots", "load_bank", "load_problem"]
