"""Importing a site's spreadsheet (CSV or XLSX, one row per trajectory) through the exchange import."""
import datetime as dt
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from openpyxl import Workbook

from tandem.cases.models import (
    Consent,
    Household,
    Involvement,
    LeadPeriod,
    Measure,
    Member,
    Report,
    Trajectory,
)
from tandem.exchange.importer import ImportFailed
from tandem.exchange.spreadsheet import import_spreadsheet, read_spreadsheet

pytestmark = pytest.mark.django_db

HEADER = ["kenmerk_gezin", "kenmerk_traject", "datum_aanmelding", "maatregel_overwogen", "datum_afsluiting",
          "regiehouder", "lid1_voornamen", "lid1_tussenvoegsel", "lid1_achternaam", "lid1_geboortedatum",
          "lid1_minderjarig", "lid2_voornamen", "lid2_tussenvoegsel", "lid2_achternaam", "lid2_geboortedatum",
          "groen_organisatie", "groen_begin", "groen_einde", "groen_toestemming", "consult_organisatie",
          "consult_begin", "consult_einde", "consult_anoniem", "melding_datum", "melding_organisatie",
          "maatregel_soort", "maatregel_datum", "maatregel_vanuit_toekomsttuin"]
ROWS = [
    ["G-001", "T-001", "14-01-2025", "ja", "", "anna", "Fatima", "el", "Amrani", "1988-11-30", "",
     "Daan", "de", "Vries", "02-05-2016", "VT-GV", "2025-01-20", "", "2025-01-18", "RVDK", "2025-01-15",
     "2025-01-15", "ja", "2025-02-01", "VT-GV", "ots", "10-02-2025", "ja"],
    ["G-002", "", "2025-03-03", "nee", "2025-06-30", "anna", "Piet", "", "Jansen", "", "nee",
     "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
    ["G-002", "", "2025-07-01", "nee", "", "anna", "Piet", "", "Jansen", "", "nee",
     "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", "", ""],
]


def write_csv(path, rows, delimiter=";"):
    path.write_text("\n".join(delimiter.join(row) for row in [HEADER, *rows]) + "\n", encoding="utf-8")
    return path


def write_xlsx(path, rows):
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:  # dates as real Excel dates where the cell is ISO, as a spreadsheet program would store them
        sheet.append([dt.date.fromisoformat(v) if len(v) == 10 and v[4] == "-" else v for v in row])
    book.save(path)
    return path


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in
            (Household, Member, Trajectory, LeadPeriod, Involvement, Consent, Report, Measure)}


def check_imported():
    assert Household.objects.count() == 2
    assert Member.objects.count() == 3
    first = Trajectory.objects.get(ref="T-001")
    assert first.registered_on == dt.date(2025, 1, 14) and first.measure_considered
    assert first.lead_periods.get().professional.username == "anna"
    assert {(i.form, i.organisation.code, i.anonymous) for i in first.involvements.all()} == {
        ("green", "VT-GV", False), ("consult", "RVDK", True)}
    assert first.consents.get().given_on == dt.date(2025, 1, 18)
    assert first.reports.get().organisation.code == "VT-GV"
    assert first.measures.get().type == "ots"
    second = Household.objects.get(ref="G-002")
    assert sorted((t.registered_on, t.closed_on) for t in second.trajectories.all()) == [
        (dt.date(2025, 3, 3), dt.date(2025, 6, 30)), (dt.date(2025, 7, 1), None)]
    assert second.members.get().minor is False


@pytest.mark.parametrize("delimiter", [";", ","])
def test_csv_imports_and_reimport_creates_no_duplicates(actors, tmp_path, delimiter):
    path = write_csv(tmp_path / "tuin.csv", ROWS, delimiter)
    result = import_spreadsheet(path, site_code="HLV")
    assert result.households == 2 and result.trajectories == 3
    check_imported()
    before = counts()
    again = import_spreadsheet(path, site_code="HLV")
    assert not again.changed
    assert counts() == before


def test_xlsx_imports_and_reimport_creates_no_duplicates(actors, tmp_path):
    path = write_xlsx(tmp_path / "tuin.xlsx", ROWS)
    import_spreadsheet(path, site_code="HLV")
    check_imported()
    before = counts()
    import_spreadsheet(path, site_code="HLV")
    assert counts() == before


def test_document_takes_reference_data_from_the_database(actors, tmp_path):
    document = read_spreadsheet(write_csv(tmp_path / "tuin.csv", ROWS), site_code="HLV")
    assert document["region"]["code"] == "GV"
    assert {o["code"] for o in document["organisations"]} == {"GEM-HLV", "VT-GV", "RVDK"}
    assert [p["ref"] for p in document["professionals"]] == ["anna"]
    assert Household.objects.count() == 0


def test_unreadable_cell_names_row_and_column_and_changes_nothing(actors, tmp_path):
    rows = [ROWS[0], [*ROWS[1][:2], "31-02-2025", *ROWS[1][3:]]]
    with pytest.raises(ImportFailed) as failed:
        import_spreadsheet(write_csv(tmp_path / "tuin.csv", rows), site_code="HLV")
    assert failed.value.problems[0][0] == "rij 3, kolom datum_aanmelding"
    assert failed.value.lines()[0].startswith("rij 3, kolom datum_aanmelding: '31-02-2025' is geen datum")
    assert set(counts().values()) == {0}


def test_guardrail_names_row_and_column_and_changes_nothing(actors, tmp_path):
    no_consent = [*ROWS[0][:18], "", *ROWS[0][19:]]  # green without consent
    with pytest.raises(ImportFailed) as failed:
        import_spreadsheet(write_csv(tmp_path / "tuin.csv", [ROWS[1], no_consent]), site_code="HLV")
    places = [where for where, _ in failed.value.problems]
    assert places and all(where.startswith("rij 3, kolom groen_") for where in places), failed.value.lines()
    assert set(counts().values()) == {0}


def test_unknown_organisation_and_professional(actors, tmp_path):
    bad = [*ROWS[0][:5], "nobody", *ROWS[0][6:15], "XX", *ROWS[0][16:]]
    with pytest.raises(ImportFailed) as failed:
        import_spreadsheet(write_csv(tmp_path / "tuin.csv", [bad]), site_code="HLV")
    assert [where for where, _ in failed.value.problems] == ["rij 2, kolom regiehouder",
                                                             "rij 2, kolom groen_organisatie"]


def test_unknown_column_is_refused(actors, tmp_path):
    path = tmp_path / "tuin.csv"
    path.write_text("kenmerk_gezin;datum_aanmelding;maatregel_overwogen;regiehouder;lid1_voornamen;"
                    "lid1_achternaam;geboren\n", encoding="utf-8")
    with pytest.raises(ImportFailed) as failed:
        import_spreadsheet(path, site_code="HLV")
    assert failed.value.problems[0][0] == "kolom geboren"


def test_command(actors, tmp_path, capsys):
    path = write_csv(tmp_path / "tuin.csv", ROWS)
    call_command("import", str(path), "--site", "HLV")
    assert "2 gezinnen en 3 trajecten" in capsys.readouterr().out
    with pytest.raises(CommandError, match="--site"):
        call_command("import", str(path), "--spreadsheet")


def test_example_in_the_documentation_imports(actors, tmp_path):
    text = (Path(__file__).parents[2] / "docs" / "spreadsheet-import.md").read_text(encoding="utf-8")
    example = text.split("## Voorbeeld (CSV)")[1].split("```")[1].strip()
    path = tmp_path / "voorbeeld.csv"
    path.write_text(example + "\n", encoding="utf-8")
    result = import_spreadsheet(path, site_code="HLV")
    assert (result.households, result.trajectories) == (2, 3)
    check_imported()
