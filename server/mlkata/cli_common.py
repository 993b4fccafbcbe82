"""What every ``mlkata`` command shares: the problem folders, the bank, a problem by id, the progress database."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, overload

if TYPE_CHECKING:
    from mlkata.bank import Bank, Problem
    from mlkata.store import Store


def roots(args: argparse.Namespace) -> list[Path]:
    """The bundled bank's folder and the ``--problems`` folders."""
    from mlkata.bank import default_roots

    return default_roots() + [Path(p) for p in getattr(args, "problems", None) or []]


def bank(args: argparse.Namespace) -> Bank:
    """The problems of :func:`roots`; a problem that fails to load is a warning on standard error."""
    from mlkata.bank import load_bank

    loaded = load_bank(roots(args))
    for error in loaded.errors:
        print(f"warning: {error}", file=sys.stderr)
    return loaded


def problem(args: argparse.Namespace) -> Problem:
    """The problem ``args.id`` names; an unknown id exits 2 with the bank's message (closest ids)."""
    try:
        return bank(args).get(args.id)
    except KeyError as exc:
        raise SystemExit(f"mlkata: {exc.args[0]}") from None


@overload
def open_store(args: argparse.Namespace) -> Store: ...
@overload
def open_store(args: argparse.Namespace, unavailable: Callable[[str], None]) -> Store | None: ...


def open_store(args: argparse.Namespace, unavailable: Callable[[str], None] | None = None) -> Store | None:
    """The progress database of ``--database`` (default: the user's, the editor's).

    One that cannot be opened exits 2, or, with ``unavailable``, is passed to it (why) and gives None.
    """
    from mlkata.store import Store, StoreError, default_path

    path = Path(args.database).expanduser() if getattr(args, "database", None) else default_path()
    try:
        store = Store.open(path)
    except StoreError as exc:
        if unavailable is None:
            raise SystemExit(f"mlkata: {exc}") from None
        unavailable(str(exc))
        return None
    if store.notice:
        print(f"warning: {store.notice}", file=sys.stderr)
    return store
