"""The research export: one row per trajectory and quarter, pseudonymous keyed ids, months, age bands, the region
instead of the site, no free text; the disclosure check leaves out every combination of fewer than k households
and reports it."""
import csv
import datetime as dt
import io
import json
from decimal import Decimal

import pytest
from django.core.management import call_command

from tandem.cases.models import Household, Involvement, Measure, Member, TimeEntry, Trajectory
from tandem.national import research

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def vt(orgs):
    return orgs["vt"]


def _family(site, vt, *, child_born, form="green", hours=(), registered=D(2025, 1, 10), measure=None,
            reason="Vader Kees de Groot sloeg Tim (7)."):
    household = Household.objects.create(site=site)
    Member.objects.create(household=household, given_names="Kees", family_name="de Groot", birth_date=D(1980, 1, 1))
    Member.objects.create(household=household, given_names="Tim", family_name="de Groot", birth_date=child_born)
    Member.objects.create(household=household, given_names="Oma", family_name="Netwerk", birth_date=D(2024, 1, 1),
                          is_network=True)  # a network person is not a household member: no "0-3" band
    trajectory = Trajectory.objects.create(household=household, registered_on=registered, reason=reason,
                                           measure_considered=measure is not None)
    episode = Involvement.objects.create(trajectory=trajectory, organisation=vt, form=form, start=registered)
    for on, amount in hours:
        TimeEntry.objects.create(involvement=episode, on=on, hours=Decimal(amount))
    if measure:
        Measure.objects.create(trajectory=trajectory, type=measure, on=D(2025, 2, 3))
    return trajectory


@pytest.fixture
def families(site, other_site, vt):
    """Five school-age children in green (one with 20 hours in the quarter: middel) and four toddlers in red."""
    made = [_family(site, vt, child_born=D(2016, 5, 2), hours=[(D(2025, 2, 1), "20")] if i == 0 else ())
            for i in range(5)]
    made += [_family(other_site, vt, child_born=D(2023, 6, 1), form="red", measure="ots") for _ in range(4)]
    return made


def test_rows_are_pseudonymous_and_coarse(families, settings):
    settings.TANDEM_RESEARCH_KEY = "regio-geheim"
    export = research.research_export(region="GV", quarters=["2025-Q1"], k=1)
    assert len(export.rows) == 9 and export.suppressed == []
    row = next(r for r in export.rows if r["intensity_green"] == "middel")
    assert row["region"] == "GV" and row["quarter"] == "2025-Q1"
    assert row["registered_month"] == "2025-01" and row["closed_month"] == "" and row["closed_in_quarter"] == "nee"
    assert row["age_band"] == "4-11" and row["form"] == "green" and row["forms"] == "green"
    red = next(r for r in export.rows if r["form"] == "red")
    assert red["age_band"] == "0-3" and red["measures"] == "ots" and red["measure_considered"] == "ja"
    text = export.csv()
    for forbidden in ("Kees", "Groot", "Tim", "HLV", "Hilversum", "Huizen", "2025-01-10", str(families[0].pk),
                      str(families[0].household_id)):
        assert forbidden not in text, forbidden
    assert next(csv.reader(io.StringIO(text))) == research.COLUMNS


def test_ids_are_keyed_stable_and_change_with_the_key(families, settings):
    settings.TANDEM_RESEARCH_KEY = "regio-geheim"
    first = {r["trajectory"] for r in research.research_export(region="GV", quarters=["2025-Q1"], k=1).rows}
    again = {r["trajectory"] for r in research.research_export(region="GV", quarters=["2025-Q1"], k=1).rows}
    settings.TANDEM_RESEARCH_KEY = "ander-geheim"
    other = {r["trajectory"] for r in research.research_export(region="GV", quarters=["2025-Q1"], k=1).rows}
    assert first == again and len(first) == 9 and not first & other


def test_one_row_per_trajectory_and_quarter(families):
    export = research.research_export(region="GV", quarters=["2025-Q2", "2025-Q1"], k=1)
    assert len(export.rows) == 18 and export.quarters == ["2025-Q1", "2025-Q2"]
    assert len({(r["trajectory"], r["quarter"]) for r in export.rows}) == 18


def test_combinations_under_k_are_left_out_and_reported(families):
    export = research.research_export(region="GV", quarters=["2025-Q1"], k=5)
    assert len(export.rows) == 5 and {r["form"] for r in export.rows} == {"green"}  # 5 kept, 4 left out
    assert export.suppressed == [{"region": "GV", "quarter": "2025-Q1", "age_band": "0-3", "form": "red"}]
    report = export.report()
    assert report["rows_before"] == 9 and report["rows_after"] == 5
    assert report["suppressed"][0]["reason"] == "minder dan 5 huishoudens"


def test_k_comes_from_the_setting(families, settings):
    settings.TANDEM_RESEARCH_K = 6
    assert research.research_export(region="GV", quarters=["2025-Q1"]).rows == []


def test_research_command_writes_csv_and_report(families, tmp_path, capsys):
    call_command("national", "research", "--region", "GV", "--quarter", "2025-Q1", "--output",
                 str(tmp_path / "r.csv"), "--report", str(tmp_path / "r.json"))
    assert len((tmp_path / "r.csv").read_text().splitlines()) == 6  # header and five rows
    assert json.loads((tmp_path / "r.json").read_text())["suppressed"][0]["form"] == "red"
    assert "1 combinaties weggelaten" in capsys.readouterr().err
