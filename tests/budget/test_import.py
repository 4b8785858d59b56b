"""`tandem budget import` and `tandem budget report` (`spec/budget.md`): the worked example of seed 002 exactly,
Dutch CSV, XLSX, all or nothing with every problem by row and column, seed 003's stated totals as warnings."""
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from tandem.audit.models import AuditEvent
from tandem.budget import services
from tandem.budget.importer import BudgetImportFailed, parse_budget
from tandem.budget.models import Budget, BudgetLine, StatedTotal
from tandem.budget.selectors import budget_report

pytestmark = pytest.mark.django_db

HERE = Path(__file__).resolve().parent
EXAMPLES = next(p for p in HERE.parents if (p / "pyproject.toml").exists()).parent / "shared/spec/examples/budget"
SEED_002 = EXAMPLES / "seed-002.csv"
SEED_003 = HERE / "files" / "seed-003-table2.csv"
needs_examples = pytest.mark.skipif(not SEED_002.exists(), reason=f"the shared examples are not here: {EXAMPLES}")


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("budget", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def import_text(region, text: str, name: str = "begroting.csv"):
    return services.budget_import(actor=None, region=region, filename=name, data=text.encode())


@needs_examples
def test_the_seed_002_example_gives_exactly_the_expected_report(region, tmp_path):
    out, _ = run("import", str(SEED_002), "--region", "GV")
    assert "33 regels" in out and "2022, 2023, 2024, 2025" in out
    report, _ = run("report", "--region", "GV", "--format", "json")
    expected = (EXAMPLES / "seed-002.expected.json").read_text(encoding="utf-8")
    assert json.loads(report) == json.loads(expected)
    assert report.rstrip("\n") == expected  # to the letter: key order, two decimals, strings
    run("report", "--region", "GV", "--format", "json", "--output", str(tmp_path / "b.json"))
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8")) == json.loads(expected)


@needs_examples
def test_importing_the_same_file_again_changes_no_figure(region):
    run("import", str(SEED_002), "--region", "GV")
    first = budget_report(region)
    run("import", str(SEED_002), "--region", "GV")
    assert budget_report(region) == first and BudgetLine.objects.count() == 33


def test_dutch_csv_with_semicolons_and_decimal_commas(region):
    change = import_text(region, "jaar;soort;regel;bedrag;besteed\n"
                                 "2025;kosten;Projectleider;108.000,00;54.000,50\n"
                                 "2025;inkomsten;DUVO (POK-middelen);254.000;\n"
                                 "2025;cost;Communicatie;464,75;\n")
    assert change.years == [2025] and change.lines == 3 and change.warnings == []
    year = budget_report(region)["years"][0]
    assert year["costs"] == {"Projectleider": "108000.00", "Communicatie": "464.75"}
    assert year["balance"] == "145535.25"
    assert BudgetLine.objects.get(name="Projectleider").spent == Decimal("54000.50")


def test_an_xlsx_file(region):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for row in (["amount", "kind", "year", "line"], [81000, "cost", 2023, "Projectleider"],
                ["254.000,00", "income", 2023, "DUVO (POK-middelen)"], [None, None, None, None],
                [11032.5, "cost", "2023", "VT onderzoeks- en toetstafel"]):
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    change = services.budget_import(actor=None, region=region, filename="begroting.XLSX", data=out.getvalue())
    assert change.lines == 3
    year = budget_report(region)["years"][0]
    assert year["costs"] == {"Projectleider": "81000.00", "VT onderzoeks- en toetstafel": "11032.50"}
    assert year["income_lines"] == "254000.00"


def test_a_duplicate_line_is_refused_and_nothing_changes(region):
    import_text(region, "year,kind,line,amount\n2024,cost,Projectleider,108000\n2024,income,DUVO,254000\n")
    before, version = budget_report(region), Budget.objects.get(region=region).version
    with pytest.raises(BudgetImportFailed) as refused:
        import_text(region, "year,kind,line,amount\n2024,cost,Projectleider,1\n2025,cost,Scholing,2\n"
                            "2025,cost,scholing ,3\n")
    assert refused.value.problems == ["Rij 4, kolom line: de regel 'scholing' (kosten) van 2025 staat ook in rij 3. "
                                      "Een regel staat maar één keer in een jaar."]
    assert budget_report(region) == before and Budget.objects.get(region=region).version == version == 1
    assert not AuditEvent.objects.filter(action="budget_import").exclude(detail__lines=2).exists()


def test_every_problem_is_named_by_row_and_column_and_nothing_is_written(region):
    text = ("year;kind;line;amount;spent\n"
            "2024;kosten;Projectleider;108.000;\n"
            "twintig;kosten;Scholing;40.000;\n"
            "2024;subsidie;Iets;1;\n"
            "2024;kosten;;5;\n"
            "\n"
            "2024;kosten;Juridisch advies;-20.000;\n"
            "2024;kosten;Communicatie;veel;1,234\n")
    with pytest.raises(BudgetImportFailed) as refused:
        import_text(region, text)
    problems = refused.value.problems
    assert problems[0] == "Rij 3, kolom year: Jaar 'twintig' is geen jaartal. Schrijf bijvoorbeeld 2025."
    assert problems[1].startswith("Rij 4, kolom kind: Soort 'subsidie' is onbekend")
    assert problems[2].startswith("Rij 5, kolom line: Geef de regel een naam")
    assert problems[3] == "Rij 7, kolom amount: Het bedrag mag niet negatief zijn ('-20.000')."
    assert problems[4].startswith("Rij 8, kolom amount: Het bedrag 'veel' is geen bedrag. "
                                  "Schrijf bijvoorbeeld 1.234,56")
    assert problems[5] == "Rij 8, kolom spent: Het bestede bedrag heeft meer dan twee cijfers achter de komma."
    assert len(problems) == 6
    assert not BudgetLine.objects.exists()


@pytest.mark.parametrize("text, problem", [
    ("year,kind,amount\n2024,cost,1\n", "Rij 1: de kolom line ontbreekt."),
    ("year,kind,line,amount,bron\n", "Rij 1, kolom bron: onbekende kolom. Gebruik year, kind, line, amount en "
                                     "eventueel spent."),
    ("year,kind,line,amount\n", "Het bestand heeft geen regels onder de kopregel."),
    ("", "Het bestand is leeg."),
])
def test_a_wrong_header_or_an_empty_file(region, text, problem):
    with pytest.raises(BudgetImportFailed) as refused:
        import_text(region, text)
    assert problem in refused.value.problems


def test_files_that_are_not_a_table_are_refused_in_dutch(region):
    with pytest.raises(BudgetImportFailed, match="alleen .csv- en .xlsx"):
        services.budget_import(actor=None, region=region, filename="begroting.pdf", data=b"%PDF")
    with pytest.raises(BudgetImportFailed, match="geen geldig Excel"):
        services.budget_import(actor=None, region=region, filename="begroting.xlsx", data=b"geen zip")
    with pytest.raises(BudgetImportFailed, match="UTF-8"):
        services.budget_import(actor=None, region=region, filename="b.csv", data="jaar;€".encode("cp1252"))


def test_an_import_replaces_only_the_years_it_contains(region):
    import_text(region, "year,kind,line,amount\n2023,cost,Projectleider,81000\n2024,cost,Projectleider,108000\n"
                        "2024,cost,Scholing,40000\n")
    import_text(region, "year,kind,line,amount\n2024,cost,Projectleider,100000\n")
    report = {y["year"]: y for y in budget_report(region)["years"]}
    assert report[2023]["costs"] == {"Projectleider": "81000.00"}
    assert report[2024]["costs"] == {"Projectleider": "100000.00"}


def test_seed_003_table_2_stated_totals_are_warnings_not_refusals(region):
    out, err = run("import", str(SEED_003), "--region", "GV")
    assert "27 regels" not in out and "regels voor 2023, 2024, 2025, 2026" in out
    warnings = [line for line in err.splitlines() if line.startswith("Let op:")]
    assert len(warnings) == 2
    assert "Jaar 2024: het opgegeven totaal (€ 869.500,00) wijkt af van de som van de kostenregels " \
           "(€ 872.500,00); verschil -€ 3.000,00" in warnings[0]
    assert "Jaar 2025" in warnings[1] and "verschil € 22.000,00" in warnings[1]
    report = {y["year"]: y for y in budget_report(region)["years"]}
    assert report[2024]["total_costs"] == "872500.00"  # the lines count, not the stated total
    assert report[2026]["total_costs"] == "212500.00"
    assert dict(StatedTotal.objects.values_list("year", "amount")) == {
        2023: Decimal("2450"), 2024: Decimal("869500"), 2025: Decimal("844500"), 2026: Decimal("212500")}
    assert not any(name.startswith("Totaal") for name in BudgetLine.objects.values_list("name", flat=True))


def test_parse_keeps_the_file_order_of_the_lines():
    parsed = parse_budget("b.csv", b"year,kind,line,amount\n2024,cost,B,1\n2024,cost,A,2\n2023,income,C,3\n")
    assert [line.name for line in parsed.lines] == ["B", "A", "C"] and parsed.years == [2023, 2024]


def test_command_errors_are_dutch(region, tmp_path):
    bad = tmp_path / "b.csv"
    bad.write_text("year,kind,line,amount\n2024,cost,Projectleider,abc\n", encoding="utf-8")
    with pytest.raises(CommandError, match="Niets ingelezen: 1 probleem"):
        run("import", str(bad), "--region", "GV")
    with pytest.raises(CommandError, match="Onbekende regio"):
        run("report", "--region", "XX")
    with pytest.raises(CommandError, match="--output BESTAND is verplicht|is --output BESTAND verplicht"):
        run("report", "--region", "GV", "--format", "xlsx")
    with pytest.raises(CommandError, match="Kan '.*' niet lezen"):
        run("import", str(tmp_path / "er-niet.csv"), "--region", "GV")
    with pytest.raises(CommandError, match="Geef het bestand op"):
        run("import", "--region", "GV")
