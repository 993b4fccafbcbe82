"""``python -m mlkata``: the command-line interface."""

from __future__ import annotations

from mlkata.cli import main

raise SystemExit(main())
