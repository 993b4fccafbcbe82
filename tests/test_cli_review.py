"""The review queue on the command line, and moving progress between machines (export / import)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from mlkata.cli import main
from mlkata.review import RATINGS, ReviewQueue
from mlkata.store import Store
from mlkata.transfer import TransferError, export_progress, import_progress


def _progress(db: Path) -> Store:
    store = Store.open(db)
    store.record_start("layer-norm", at=1000.0)
    report = {"verdict": "passed", "passed": 1, "total": 1, "tests": [{"name": "t", "duration_ms": 1.5}]}
    store.record_run("layer-norm", report, "# mlkata: layer-norm\nx = 'é'\n", at=1100.0)
    queue = ReviewQueue(store)
    queue.grade("card", "clip-temperature", RATINGS["good"], 1200.0, answer="the temperature τ sharpens")
    queue.grade("problem", "layer-norm", RATINGS["easy"], 1300.0, "solved")
    return store


def test_export_then_import_round_trips_byte_for_byte(tmp_path: Path) -> None:
    exported = export_progress(_progress(tmp_path / "a.sqlite3"))
    document = json.loads(exported)
    assert document["format"] == "mlkata-progress" and len(document["tables"]["review_log"]["rows"]) == 2
    fresh = Store.open(tmp_path / "b.sqlite3")
    counts = import_progress(fresh, exported)
    assert counts["runs"] == 1 and counts["reviews"] == 2
    assert export_progress(fresh) == exported
    assert ReviewQueue(fresh).history("card", "clip-temperature")[0]["answer"] == "the temperature τ sharpens"


def test_import_refuses_a_store_with_progress_and_bad_documents(tmp_path: Path) -> None:
    exported = export_progress(_progress(tmp_path / "a.sqlite3"))
    target = _progress(tmp_path / "b.sqlite3")
    before = export_progress(target)
    with pytest.raises(TransferError, match=r"already holds progress \(1 runs"):
        import_progress(target, exported)
    assert export_progress(target) == before, "nothing changed"
    empty = Store.open(None)
    for text, message in [
        ("[]", "not an ML Kata progress export"),
        ("{", "not a JSON document"),
        (exported.replace('"schema": 2', '"schema": 99'), "exported with schema 99"),
        (exported.replace('"answers"', '"secrets"', 1), "unknown tables: secrets"),
    ]:
        with pytest.raises(TransferError, match=message):
            import_progress(empty, text)


def test_cli_export_never_overwrites_and_import_fills_an_empty_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _progress(tmp_path / "a.sqlite3").close()
    out = tmp_path / "progress.json"
    assert main(["export", str(out), "--database", str(tmp_path / "a.sqlite3")]) == 0
    first = out.read_bytes()
    assert main(["export", str(out), "--database", str(tmp_path / "a.sqlite3")]) == 1
    assert "exists" in capsys.readouterr().err and out.read_bytes() == first
    assert main(["import", str(out), "--database", str(tmp_path / "b.sqlite3")]) == 0
    assert main(["import", str(out), "--database", str(tmp_path / "b.sqlite3")]) == 1
    assert "already holds progress" in capsys.readouterr().err
    again = tmp_path / "again.json"
    assert main(["export", str(again), "--database", str(tmp_path / "b.sqlite3")]) == 0
    assert again.read_bytes() == first


def test_cli_review_asks_reveals_and_records_the_grade(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    db = tmp_path / "p.sqlite3"
    assert main(["next", "--database", str(db)]) == 0
    assert "10 due; next: card " in capsys.readouterr().out
    monkeypatch.setattr("sys.stdin", io.StringIO("my answer about it\n\n3\n"))
    assert main(["review", "--database", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "Your answer" in shown and "Model answer:" in shown and "graded good: next review" in shown
    store = Store.open(db)
    logged = store.query("SELECT kind, item, rating FROM review_log")
    assert [(r[0], r[2]) for r in logged] == [("card", int(RATINGS["good"]))]
    assert ReviewQueue(store).history("card", logged[0][1])[0]["answer"] == "my answer about it"
    assert main(["next", "--database", str(db)]) == 0
    assert "9 due" in capsys.readouterr().out


def test_cli_review_with_an_answer_and_a_grade_given(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "p.sqlite3"
    assert main(["review", "--database", str(db), "--answer", "x", "--grade", "again"]) == 0
    assert "graded again" in capsys.readouterr().out
