"""`tandem import FILE` and `tandem export`: exit status and every problem on its own line, in Dutch."""
import json
import os
import subprocess
import sys

import pytest
from django.core.management import CommandError, call_command

from tandem.cases.models import Household

from .documents import repo_root, small, trajectory

pytestmark = pytest.mark.django_db


def write(tmp_path, document) -> str:
    path = tmp_path / "uitwisseling.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    return str(path)


def test_import_command_prints_a_summary(tmp_path, capsys):
    call_command("import", write(tmp_path, small()))
    assert "1 gezin en 1 traject" in capsys.readouterr().out
    assert Household.objects.count() == 1


def test_import_command_shows_progress_for_large_files(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr("tandem.cases.management.commands.import.PROGRESS_FROM", 1)
    call_command("import", write(tmp_path, small()))
    assert capsys.readouterr().err.strip() == "1 van 1 gezinnen verwerkt"


def test_import_command_lists_every_problem_one_per_line(tmp_path):
    document = small()
    trajectory(document)["closed_on"] = "2025-01-01"
    document["households"][0]["members"][1]["bsn"] = "123456789"
    with pytest.raises(CommandError) as failed:
        call_command("import", write(tmp_path, document))
    lines = str(failed.value).splitlines()
    assert lines[0].startswith("Het bestand is niet geïmporteerd; er is niets gewijzigd")
    assert any(line.startswith("households[0].members[1].bsn: ") and "elfproef" in line for line in lines)
    assert any(line.startswith("households[0].trajectories[0].closed_on: ") for line in lines)
    assert failed.value.returncode == 1
    assert Household.objects.count() == 0


def test_import_command_explains_a_file_that_is_not_json(tmp_path):
    path = tmp_path / "kapot.json"
    path.write_text("{\"format\": ", encoding="utf-8")
    with pytest.raises(CommandError, match="geen geldige JSON"):
        call_command("import", str(path))


def test_import_command_exits_non_zero_in_a_real_process(tmp_path):
    """The console command itself: exit status 1 and the problems on standard error."""
    document = small()
    trajectory(document)["involvements"][0]["organisation"] = "NOPE"
    env = {**os.environ, "TANDEM_DEV": "1", "TANDEM_DATA_DIR": str(tmp_path),
           "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.sqlite3'}"}
    tandem = [sys.executable, "-m", "tandem"]
    subprocess.run([*tandem, "migrate", "-v0"], env=env, check=True, cwd=repo_root())
    done = subprocess.run([*tandem, "import", write(tmp_path, document)], env=env, capture_output=True, text=True,
                          cwd=repo_root(), check=False)
    assert done.returncode == 1
    assert "households[0].trajectories[0].involvements[0].organisation: Onbekende verwijzing 'NOPE'" in done.stderr
