"""`tandem monitor --site|--region CODE --quarter YYYY-Qn --format json|csv`."""
import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out = io.StringIO()
    call_command("monitor", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def registered(build, site):
    trajectory = build.trajectory(build.household(site), dt.date(2025, 2, 3), measure_considered=True)
    build.episode(trajectory, "green", dt.date(2025, 2, 3), dt.date(2025, 2, 9), hours=[(dt.date(2025, 2, 4), 1)])
    return trajectory


def test_json_for_a_site(registered):
    report = json.loads(run("--site", "HLV", "--quarter", "2025-Q1", "--format", "json"))
    assert report["scope"] == {"site": "HLV"} and report["quarter"] == "2025-Q1"
    assert (report["active"], report["A"], report["E"], report["E_pct_of_A"]) == (1, 1, 1, 100.0)
    assert report["D"]["green"]["intensity"] == "middel"


def test_json_is_the_default_and_a_region_works(registered):
    report = json.loads(run("--region", "GV", "--quarter", "2025-Q1"))
    assert report["scope"] == {"region": "GV"} and report["A"] == 1


def test_csv_in_long_format(registered):
    rows = list(csv.reader(io.StringIO(run("--site", "HLV", "--quarter", "2025-Q1", "--format", "csv"))))
    assert rows[0] == ["scope", "quarter", "question", "form_or_type", "measure", "value"]
    assert ["site:HLV", "2025-Q1", "A", "", "households", "1"] in rows
    assert ["site:HLV", "2025-Q1", "D", "green", "avg_hours_per_week", "1.0"] in rows


@pytest.mark.parametrize("args, message", [
    (("--site", "NOPE", "--quarter", "2025-Q1"), "Onbekende toekomsttuin 'NOPE'"),
    (("--region", "NOPE", "--quarter", "2025-Q1"), "Onbekende regio 'NOPE'"),
    (("--site", "HLV", "--quarter", "2025-5"), "Onbekend kwartaal '2025-5'"),
])
def test_clear_dutch_errors(site, args, message):
    with pytest.raises(CommandError, match=message):
        run(*args)
