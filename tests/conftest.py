"""Shared fixtures: the bundled bank and judge options with a per-session reference cache."""

from __future__ import annotations

from pathlib import Path

import pytest

from mlkata.bank import Bank, load_bank
from mlkata.judge.runner import Options

ROOT = Path(__file__).resolve().parent.parent


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Run slow tests last (they stay part of the suite)."""
    items.sort(key=lambda item: item.get_closest_marker("slow") is not None)


@pytest.fixture(scope="session")
def bank() -> Bank:
    """The bundled problem bank (must load without errors)."""
    loaded = load_bank([ROOT / "problems"])
    assert not loaded.errors, [str(e) for e in loaded.errors]
    return loaded


@pytest.fixture(scope="session")
def options(tmp_path_factory: pytest.TempPathFactory) -> Options:
    """Judge options whose reference cache lives in this session's temp folder."""
    return Options(cache_dir=tmp_path_factory.mktemp("reference-cache"))
