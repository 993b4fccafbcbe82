"""The demo's practice folder (client/scripts/practice-folder.sh): outside the clone, the old one moved over once."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "client" / "scripts" / "practice-folder.sh"


def run(old: Path, data: Path) -> Path:
    """Run the script with XDG_DATA_HOME=data; the folder it prints."""
    env = {k: v for k, v in os.environ.items() if k != "MLKATA_PRACTICE"} | {"XDG_DATA_HOME": str(data)}
    out = subprocess.run(["bash", str(SCRIPT), str(old)], env=env, capture_output=True, text=True, check=True)
    return Path(out.stdout.strip())


def test_a_fresh_machine_gets_the_folder_under_the_data_home_with_its_marker(tmp_path: Path) -> None:
    folder = run(tmp_path / "clone" / "build" / "practice", tmp_path / "data")
    assert folder == tmp_path / "data" / "mlkata" / "practice"
    assert (folder / ".mlkata").is_dir()
    assert not (tmp_path / "clone").exists()


def test_the_old_folder_inside_the_clone_is_moved_over_once(tmp_path: Path) -> None:
    old = tmp_path / "clone" / "build" / "practice"
    (old / "sub").mkdir(parents=True)
    (old / "attention.py").write_text("# mlkata: scaled-dot-product-attention\nmine\n")
    (old / "sub" / "notes.txt").write_text("notes")
    folder = run(old, tmp_path / "data")
    assert not old.exists()
    assert (folder / "attention.py").read_text() == "# mlkata: scaled-dot-product-attention\nmine\n"
    assert (folder / "sub" / "notes.txt").read_text() == "notes"
    assert run(old, tmp_path / "data") == folder, "a second run changes nothing"
    assert sorted(p.name for p in folder.iterdir()) == [".mlkata", "attention.py", "sub"]


def test_both_folders_with_files_keep_every_file(tmp_path: Path) -> None:
    old = tmp_path / "clone" / "build" / "practice"
    old.mkdir(parents=True)
    (old / "layer_norm.py").write_text("old")
    new = tmp_path / "data" / "mlkata" / "practice"
    new.mkdir(parents=True)
    (new / "layer_norm.py").write_text("new")
    folder = run(old, tmp_path / "data")
    assert (folder / "layer_norm.py").read_text() == "new"
    [moved] = folder.glob("from-build-practice-*")
    assert (moved / "layer_norm.py").read_text() == "old"
    assert not old.exists()
