"""The shape of the monitor's output (spec/monitor.md, "Machine-readable output"), without a database."""
from fractions import Fraction

from tandem.monitor import rules
from tandem.monitor.report import CSV_HEADER, Counts, build_report, csv_rows

SPEC_KEYS = {"scope", "quarter", "period", "active", "A", "B", "C", "C_pct", "D", "E", "E_pct_of_A", "F",
             "F_cumulative", "F_measures_sum", "F_measures_pct_of_active", "experiences"}


def example_counts() -> Counts:
    return Counts(
        active=12, A=3, B=1, C=0, E=1,
        form_households={"consult": 2},
        form_hours={"consult": [Fraction(1, 2), Fraction(1)]},
        F={"rvdk_request": 1, "ots": 2}, F_cumulative={"rvdk_request": 2, "ots": 3},
        experiences=[("G", "Eén vast gezicht.", None, []), ("J", "", True, ["brugfunctie naar het gezin"])],
    )


def test_report_has_the_keys_of_the_spec():
    report = build_report({"site": "HLV"}, rules.parse_quarter("2025-Q1"), example_counts())
    assert set(report) == SPEC_KEYS
    assert report["period"] == {"start": "2025-01-01", "end": "2025-03-31"}
    assert list(report["D"]) == list(rules.FORMS)
    assert list(report["F"]) == list(rules.MEASURE_TYPES)
    assert report["C_pct"] == 0.0 and report["E_pct_of_A"] == 33.3
    assert report["D"]["consult"] == {"households": 2, "pct_of_active": 16.7, "avg_hours_per_week": 0.75,
                                      "intensity": "licht", "by_intensity": {"licht": 1, "middel": 1, "zwaar": 0}}
    assert report["D"]["green"]["avg_hours_per_week"] is None
    assert report["F_measures_sum"] == 2 and report["F_measures_pct_of_active"] == 16.7
    assert report["experiences"]["J"] == {"yes": 1, "no": 0, "reasons": {"brugfunctie naar het gezin": 1}}


def test_percentages_over_zero_are_null():
    report = build_report({"region": "GV"}, rules.parse_quarter("2025-Q2"), Counts())
    assert report["C_pct"] is None and report["E_pct_of_A"] is None
    assert report["F_measures_pct_of_active"] is None
    assert report["D"]["red"]["pct_of_active"] is None


def test_csv_is_long_format_with_the_same_figures():
    report = build_report({"site": "HLV"}, rules.parse_quarter("2025-Q1"), example_counts())
    rows = csv_rows(report)
    assert CSV_HEADER == ("scope", "quarter", "question", "form_or_type", "measure", "value")
    assert all(len(row) == 6 and row[:2] == ("site:HLV", "2025-Q1") for row in rows)
    by_key = {row[2:5]: row[5] for row in rows}
    assert by_key[("active", "", "households")] == "12"
    assert by_key[("C", "", "pct_of_A")] == "0.0"
    assert by_key[("D", "consult", "avg_hours_per_week")] == "0.75"
    assert by_key[("D", "green", "avg_hours_per_week")] == ""
    assert by_key[("D", "consult", "by_intensity_middel")] == "1"
    assert by_key[("F", "ots", "households_cumulative")] == "3"
    assert by_key[("F", "measures_sum", "pct_of_active")] == "16.7"
    assert by_key[("G", "", "text")] == "Eén vast gezicht."
    assert by_key[("J", "brugfunctie naar het gezin", "reason")] == "1"
