"""The repository as text: no merge-conflict markers left in any tracked file."""
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MARKERS = ("<" * 7 + " ", ">" * 7 + " ")


def test_no_conflict_markers_in_tracked_files():
    files = subprocess.run(["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.split()
    found = []
    for name in files:
        path = ROOT / name
        if path.suffix in (".png", ".xlsx", ".pdf", ".docx", ".ico", ".woff", ".woff2") or not path.is_file():
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="ignore").splitlines(), 1):
            if line.startswith(MARKERS):
                found.append(f"{name}:{number}")
    assert not found, "Conflictmarkeringen: " + ", ".join(found)
