"""`tandem pseudonymise --input F --output G`: the same list back, pseudonymised; bad input a Dutch message and
exit status 1, no traceback."""
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

CORPUS = Path(__file__).parent / "corpus"


def test_pseudonymises_a_list_in_order(tmp_path):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    source.write_text(json.dumps(["Fatima belde op 3 maart.", "", "Veilig Thuis sprak Fatima en Noah."]))
    call_command("pseudonymise", input=str(source), output=str(target), stdout=io.StringIO())
    assert json.loads(target.read_text(encoding="utf-8")) == [
        "[persoon 1] belde op [datum].", "", "Veilig Thuis sprak [persoon 1] en [persoon 2]."]


def run(*args):
    env = dict(os.environ, DJANGO_SETTINGS_MODULE="tandem.config.settings")
    return subprocess.run([sys.executable, "-m", "tandem", "pseudonymise", *args], capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.mark.parametrize(("content", "message"), [
    ("dit is geen json", "geen geldige JSON"),
    ('{"tekst": "Jan"}', "moet een JSON-lijst van teksten zijn"),
    ('["Jan", 3, null]', "element 2, 3 is geen tekst"),
    (b"\xff\xfe\x00", "geen tekstbestand in UTF-8"),
])
def test_bad_input_gets_a_dutch_message_and_status_1(tmp_path, content, message):
    source, target = tmp_path / "in.json", tmp_path / "out.json"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content, encoding="utf-8")
    result = run("--input", str(source), "--output", str(target))
    assert result.returncode == 1
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert not target.exists()


def test_a_missing_file_or_argument_is_said_in_dutch(tmp_path):
    missing = run("--input", str(tmp_path / "nergens.json"), "--output", str(tmp_path / "out.json"))
    assert missing.returncode == 1 and "Kan " in missing.stderr and "niet lezen" in missing.stderr
    assert "Traceback" not in missing.stderr
    no_output = run("--input", str(tmp_path / "x.json"))
    assert no_output.returncode == 1 and "Geef --input" in no_output.stderr


def test_evaluate_prints_recall_and_keep_rate(capsys):
    call_command("pseudonymise", evaluate=str(CORPUS), engine="tandem")
    out = capsys.readouterr().out
    assert "[alle] tandem" in out and "recall" in out and "behouden" in out
    assert "[achtergehouden] tandem" in out


def test_bench_prints_the_times(capsys):
    call_command("pseudonymise", bench=str(CORPUS))
    out = capsys.readouterr().out
    assert "laden (eenmaal per proces)" in out and "ms per tekst" in out and "50 teksten" in out


def test_an_unwritable_output_is_said_in_dutch_and_leaves_nothing(tmp_path):
    source = tmp_path / "in.json"
    source.write_text('["Jan belde."]', encoding="utf-8")
    result = run("--input", str(source), "--output", str(tmp_path / "geen-map" / "out.json"))
    assert result.returncode == 1 and "niet schrijven" in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in.json"]
