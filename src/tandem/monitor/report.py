"""The monitor's output object (`spec/monitor.md`, "Machine-readable output"), built from plain counts.

Pure: `tandem.monitor.queries` loads the counts, this module shapes them. CSV rows in long format come from
the same object so that both formats always agree.
"""
from dataclasses import dataclass, field
from fractions import Fraction

from tandem.core.cells import safe_row
from tandem.monitor import rules


@dataclass
class Counts:
    """Everything one scope (a site or a whole region) counted for one quarter."""

    active: int = 0
    A: int = 0
    B: int = 0
    C: int = 0
    E: int = 0
    form_households: dict[str, int] = field(default_factory=dict)
    # Per form: the hours per week of each household of that form that registered hours in the quarter, as a
    # list or summed up in a `rules.HoursTally`.
    form_hours: dict[str, list[Fraction] | rules.HoursTally] = field(default_factory=dict)
    F: dict[str, int] = field(default_factory=dict)
    F_cumulative: dict[str, int] = field(default_factory=dict)
    experiences: list[tuple[str, str, bool | None, list]] = field(default_factory=list)


def _add_counts(total: dict, more: dict) -> None:
    for key, number in more.items():
        total[key] = total.get(key, 0) + number


def combine(parts) -> Counts:
    """The counts of a region from those of its sites (`spec/monitor.md`, "Region"): every household belongs to
    exactly one site, so distinct households add up, and D's hours are pooled over all the households.
    Experiences are left to the caller: they are listed in the order they were entered, across the sites."""
    total = Counts()
    for part in parts:
        for key in ("active", "A", "B", "C", "E"):
            setattr(total, key, getattr(total, key) + getattr(part, key))
        for key in ("form_households", "F", "F_cumulative"):
            _add_counts(getattr(total, key), getattr(part, key))
        for form, tally in part.form_hours.items():
            total.form_hours.setdefault(form, rules.HoursTally()).merge(_as_tally(tally))
    return total


def _as_tally(values) -> rules.HoursTally:
    if isinstance(values, rules.HoursTally):
        return values
    tally = rules.HoursTally()
    for value in values:
        tally.add_value(value)
    return tally


def _summary(values, households: int, active: int) -> dict:
    if isinstance(values, rules.HoursTally):
        return rules.tally_summary(values, households, active)
    return rules.form_summary(values, households, active)


def _per_type(counts: dict[str, int]) -> dict[str, int]:
    return {kind: counts.get(kind, 0) for kind in rules.MEASURE_TYPES}


def _forms(counts: Counts) -> dict[str, dict]:
    return {
        form: _summary(counts.form_hours.get(form, []), counts.form_households.get(form, 0), counts.active)
        for form in rules.FORMS
    }


def build_report(scope: dict, quarter: rules.Quarter, counts: Counts) -> dict:
    F = _per_type(counts.F)
    measures = rules.measures_sum(F)
    return {
        "scope": scope,
        "quarter": quarter.label,
        "period": {"start": quarter.start.isoformat(), "end": quarter.end.isoformat()},
        "active": counts.active,
        "A": counts.A, "B": counts.B,
        "C": counts.C, "C_pct": rules.percentage(counts.C, counts.A),
        "D": _forms(counts),
        "E": counts.E, "E_pct_of_A": rules.percentage(counts.E, counts.A),
        "F": F,
        "F_cumulative": _per_type(counts.F_cumulative),
        "F_measures_sum": measures,
        "F_measures_pct_of_active": rules.percentage(measures, counts.active),
        "experiences": rules.experiences_summary(counts.experiences),
    }


CSV_HEADER = ("scope", "quarter", "question", "form_or_type", "measure", "value")


def _csv_value(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nee"
    return str(value)


def _scope_label(scope: dict) -> str:
    return " ".join(f"{kind}:{code}" for kind, code in scope.items())


def _d_rows(report: dict):
    for form, values in report["D"].items():
        for measure in ("households", "pct_of_active", "avg_hours_per_week", "intensity"):
            yield "D", form, measure, values[measure]
        for level, number in values["by_intensity"].items():
            yield "D", form, f"by_intensity_{level}", number


def _f_rows(report: dict):
    for kind, number in report["F"].items():
        yield "F", kind, "households", number
    for kind, number in report["F_cumulative"].items():
        yield "F", kind, "households_cumulative", number
    yield "F", "measures_sum", "households", report["F_measures_sum"]
    yield "F", "measures_sum", "pct_of_active", report["F_measures_pct_of_active"]


def _experience_rows(report: dict):
    experiences = report["experiences"]
    for question in rules.TEXT_QUESTIONS:
        for text in experiences[question]:
            yield question, "", "text", text
    yield "J", "", "yes", experiences["J"]["yes"]
    yield "J", "", "no", experiences["J"]["no"]
    for reason, number in experiences["J"]["reasons"].items():
        yield "J", reason, "reason", number


def _rows(report: dict):
    yield "active", "", "households", report["active"]
    yield "A", "", "households", report["A"]
    yield "B", "", "households", report["B"]
    yield "C", "", "households", report["C"]
    yield "C", "", "pct_of_A", report["C_pct"]
    yield from _d_rows(report)
    yield "E", "", "households", report["E"]
    yield "E", "", "pct_of_A", report["E_pct_of_A"]
    yield from _f_rows(report)
    yield from _experience_rows(report)


def csv_rows(report: dict) -> list[tuple[str, ...]]:
    """The report in long format: scope, quarter, question, form_or_type, measure, value; no cell can run as a
    formula (an experience text is free text)."""
    scope, quarter = _scope_label(report["scope"]), report["quarter"]
    return [tuple(safe_row((scope, quarter, question, kind, measure, _csv_value(value))))
            for question, kind, measure, value in _rows(report)]
