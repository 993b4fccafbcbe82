"""``python -m mlkata.server``: serve over stdio."""

from __future__ import annotations

from mlkata.server.app import main

raise SystemExit(main())
