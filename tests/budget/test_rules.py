"""The budget's rules (`spec/budget.md`): amounts, the carry-over, duplicates, stated totals (pure, no database)."""
import ast
import inspect
from decimal import Decimal

import pytest

from tandem.budget import rules
from tandem.budget.rules import LineValue

E = Decimal


def line(year, kind, name, amount, spent=None):
    return LineValue(year, kind, name, E(str(amount)), None if spent is None else E(str(spent)))


def test_rules_module_is_pure():
    tree = ast.parse(inspect.getsource(rules))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    imported |= {a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names}
    assert not any(name.startswith("django") or name.endswith("models") for name in imported), imported


# --------------------------------------------------------------------------------------------- amounts

@pytest.mark.parametrize("text, decimal_comma, expected", [
    ("254000", True, "254000.00"),
    ("1.234,56", True, "1234.56"),  # Dutch: point groups thousands, comma is the decimal sign
    ("1234,56", True, "1234.56"),
    ("30.000", True, "30000.00"),
    ("€ 30.000,--", True, "30000.00"),
    ("1.234.567,8", True, "1234567.80"),
    ("1234.56", False, "1234.56"),
    ("1,234.56", False, "1234.56"),
    ("0", False, "0.00"),
    ("1.234", None, "1234.00"),  # an XLSX text cell: three digits after the separator are thousands
    ("12,5", None, "12.50"),
    (1234.56, True, "1234.56"),  # a number cell of an XLSX
    (11032, None, "11032.00"),
])
def test_amounts_in_dutch_and_plain_notation(text, decimal_comma, expected):
    assert rules.parse_amount(text, decimal_comma=decimal_comma) == E(expected)


@pytest.mark.parametrize("text, decimal_comma, code", [
    ("-5", True, "amount_negative"),
    ("abc", True, "amount_invalid"),
    ("12.50", True, "amount_invalid"),  # in a Dutch file the comma is the decimal sign
    ("1234,56", False, "amount_invalid"),  # in a plain CSV the point is
    ("1,001", True, "amount_decimals"),
    ("1,5555", None, "amount_decimals"),
    ("", True, "amount_missing"),
    (True, None, "amount_invalid"),
])
def test_what_is_no_amount_is_refused_in_dutch(text, decimal_comma, code):
    with pytest.raises(rules.BudgetError) as refused:
        rules.parse_amount(text, decimal_comma=decimal_comma)
    assert refused.value.code == code
    assert "bedrag" in refused.value.message.lower()


def test_the_refusal_shows_the_notation_of_the_file():
    with pytest.raises(rules.BudgetError) as refused:
        rules.parse_amount("veel", decimal_comma=True)
    assert "1.234,56" in refused.value.message


@pytest.mark.parametrize("text, kind", [("cost", "cost"), ("Kosten", "cost"), ("income", "income"),
                                        ("inkomsten", "income"), ("Totaal", "total")])
def test_kinds(text, kind):
    assert rules.parse_kind(text) == kind


def test_unknown_kind_and_year_are_refused():
    with pytest.raises(rules.BudgetError, match="onbekend"):
        rules.parse_kind("subsidie")
    with pytest.raises(rules.BudgetError, match="geen jaartal"):
        rules.parse_year("twintig")
    with pytest.raises(rules.BudgetError, match="tussen"):
        rules.parse_year("1999")
    assert rules.parse_year(2024.0) == 2024


# ------------------------------------------------------------------------------------------- carry-over

def test_each_year_carries_the_previous_balance():
    years = rules.compute_years([line(2023, "income", "DUVO", 254000), line(2023, "cost", "Projectleider", 81000),
                                 line(2024, "income", "DUVO", 254000), line(2024, "cost", "Projectleider", 108000)])
    assert [(y.year, y.carried_in, y.total_income, y.balance) for y in years] == [
        (2023, E("0.00"), E("254000"), E("173000")),
        (2024, E("173000"), E("427000"), E("319000"))]


def test_a_negative_balance_is_carried_as_a_negative_amount():
    years = rules.compute_years([line(2024, "income", "DUVO", 100), line(2024, "cost", "Projectleider", 250),
                                 line(2025, "income", "DUVO", 100)])
    assert years[0].balance == E("-150")
    assert years[1].carried_in == E("-150") and years[1].total_income == E("-50") and years[1].balance == E("-50")
    assert rules.report_dict("GV", years)["years"][1]["carried_in"] == "-150.00"


def test_a_year_without_lines_is_still_reported_and_carries_the_balance_on():
    years = rules.compute_years([line(2022, "income", "DUVO", 1000), line(2024, "cost", "Projectleider", 400)])
    assert [y.year for y in years] == [2022, 2023, 2024]
    empty = years[1]
    assert not empty.has_lines and empty.total_costs == 0 and empty.income_lines == 0
    assert empty.carried_in == E("1000") and empty.balance == E("1000")
    assert years[2].carried_in == E("1000") and years[2].balance == E("600")
    report = rules.report_dict("GV", years)["years"][1]
    assert report == {"year": 2023, "costs": {}, "income": {}, "total_costs": "0.00", "carried_in": "1000.00",
                      "income_lines": "0.00", "total_income": "1000.00", "balance": "1000.00"}


def test_no_lines_no_years():
    assert rules.compute_years([]) == []
    assert rules.report_dict("GV", []) == {"region": "GV", "years": []}


def test_amounts_are_strings_with_two_decimals_without_float_rounding():
    years = rules.compute_years([line(2025, "cost", "A", "0.10"), line(2025, "cost", "B", "0.20"),
                                 line(2025, "income", "C", "0.30")])
    assert rules.report_dict("GV", years)["years"][0]["total_costs"] == "0.30"
    assert rules.report_dict("GV", years)["years"][0]["balance"] == "0.00"


def test_a_missing_line_differs_from_a_line_of_zero():
    years = rules.compute_years([line(2023, "cost", "Scholing", 0), line(2024, "cost", "Juridisch advies", 20000)])
    rows = {row.label: row.cells for row in rules.overview(years)}
    assert rows["Scholing"] == [E("0"), None]
    assert rows["Juridisch advies"] == [None, E("20000")]
    assert [rules.euro(c) for c in rows["Scholing"]] == ["€ 0,00", "–"]


# ------------------------------------------------------------------------------------ duplicates, totals

def test_a_duplicate_line_is_refused_names_compared_without_case_and_spaces():
    lines = [line(2024, "cost", "Projectleider", 1), line(2024, "cost", " projectleider ", 2)]
    with pytest.raises(rules.BudgetError) as refused:
        rules.check_no_duplicates(lines)
    assert refused.value.code == "line_duplicate" and "2024" in refused.value.message


def test_the_same_name_in_another_year_or_kind_is_no_duplicate():
    rules.check_no_duplicates([line(2024, "cost", "DUVO", 1), line(2025, "cost", "DUVO", 1),
                               line(2024, "income", "DUVO", 1)])
    assert rules.duplicates([(1, "a", "x"), (1, "a", "y"), (1, "a", "x")]) == [(2, 0)]


def test_a_stated_total_that_differs_is_a_warning_with_the_difference():
    years = rules.compute_years([line(2024, "cost", "A", 500000), line(2024, "cost", "B", 372500),
                                 line(2026, "cost", "C", 212500)])
    warnings = rules.stated_total_warnings({2024: E("869500"), 2026: E("212500")}, years)
    assert warnings == ["Jaar 2024: het opgegeven totaal (€ 869.500,00) wijkt af van de som van de kostenregels "
                        "(€ 872.500,00); verschil -€ 3.000,00. Tandem rekent met de regels."]


def test_euro_in_dutch_notation():
    assert rules.euro(E("1234567.5")) == "€ 1.234.567,50"
    assert rules.euro(E("-22000")) == "-€ 22.000,00"
    assert rules.euro(None) == "–"


def test_the_account_compares_spent_with_budgeted_per_line():
    lines = [line(2025, "cost", "Projectleider", 108000, 54000), line(2025, "cost", "Juridisch advies", 30000, 31000),
             line(2025, "cost", "Communicatie", 464), line(2025, "income", "DUVO", 254000, 254000),
             line(2024, "cost", "Projectleider", 1, 1)]
    rows = rules.account_rows(lines, 2025)
    assert [r.name for r in rows] == ["Projectleider", "Juridisch advies", "Communicatie", "DUVO"]
    assert rows[0].remaining == E("54000") and rows[0].pct_spent == E("50.0") and not rows[0].overspent
    assert rows[1].overspent and rows[1].remaining == E("-1000")
    assert rows[2].spent is None and rows[2].remaining is None and rows[2].pct_spent is None
    assert rules.account_totals(rows, rules.COST) == (E("138464"), E("85000"))


def test_hour_lines_are_recognised_by_their_name():
    assert rules.is_hours_line("Gezamenlijke taal en instrumenten (uren)")
    assert rules.is_hours_line("Vergoeding ontwikkeluren professionals")
    assert not rules.is_hours_line("Juridisch advies")
