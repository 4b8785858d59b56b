"""The progress report's figures over the worked examples (`spec/examples/README.md`, `spec/progress.md`): after
importing the scenario, every quarter of `expected/` gives per site new = A and followed = active − A of that
site's expected monitor, and the region's total is the sum of its sites and equals the region's own monitor."""
import io
import json
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import transaction

from tandem.organisations.models import Region
from tandem.programme.progress import progress_report

ROOT = next(p for p in Path(__file__).resolve().parents if (p / "pyproject.toml").exists())
EXAMPLE = ROOT.parent / "shared" / "spec" / "examples" / "gooi-en-vechtstreek"
QUARTERS = sorted(p.stem.split("_")[1] for p in (EXAMPLE / "expected").glob("region-GV_*.json")) \
    if EXAMPLE.is_dir() else []

pytestmark = [pytest.mark.skipif(not EXAMPLE.is_dir(), reason=f"the shared examples are not here: {EXAMPLE}"),
              pytest.mark.django_db]


def expected(scope: str, quarter: str) -> dict:
    return json.loads((EXAMPLE / "expected" / f"{scope}_{quarter}.json").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def reports(django_db_setup, django_db_blocker) -> dict[str, dict]:
    """The scenario imported once (through `tandem import`), every quarter's report as JSON, then rolled back."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("import", str(EXAMPLE / "scenario.json"), stdout=io.StringIO(), stderr=io.StringIO())
        region = Region.objects.get(code="GV")
        found = {quarter: progress_report(region, quarter).as_json() for quarter in QUARTERS}
        transaction.set_rollback(True)
    return found


@pytest.mark.parametrize("quarter", QUARTERS)
def test_each_site_is_new_a_and_followed_active_minus_a(quarter, reports):
    report = reports[quarter]
    assert [site["site"] for site in report["sites"]] == ["GMR", "HLV", "HZN"]  # ordered by code
    for site in report["sites"]:
        monitor = expected(f"site-{site['site']}", quarter)
        assert (site["new"], site["followed"]) == (monitor["A"], monitor["active"] - monitor["A"]), site["site"]


@pytest.mark.parametrize("quarter", QUARTERS)
def test_the_region_is_the_sum_of_its_sites_and_its_own_monitor(quarter, reports):
    report, region = reports[quarter], expected("region-GV", quarter)
    assert report["total"] == {"new": sum(s["new"] for s in report["sites"]),
                               "followed": sum(s["followed"] for s in report["sites"])}
    assert report["total"] == {"new": region["A"], "followed": region["active"] - region["A"]}
    assert report["region"] == "GV" and report["quarter"] == quarter


def test_the_examples_have_figures_to_compare(reports):
    assert len(QUARTERS) >= 7
    assert any(r["total"]["new"] > 0 for r in reports.values())
    assert any(r["total"]["followed"] > 0 for r in reports.values())
    assert set(reports[QUARTERS[0]]) == {"region", "quarter", "sites", "total", "sections"}
    assert reports[QUARTERS[0]]["sections"] == {"lessons": [], "improvements": [], "regional": [], "national": []}
