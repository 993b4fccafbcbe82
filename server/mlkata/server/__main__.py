"""``python -m mlkata.server``: serve over stdio."""

from __future__ import annotations

from mlkata.server.early import spawn_workers

workers = spawn_workers()  # before the language-server imports (0.8 s): the worker's torch import overlaps them

from mlkata.server.app import main  # noqa: E402

raise SystemExit(main(workers))
