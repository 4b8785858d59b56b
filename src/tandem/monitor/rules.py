"""The counting rules of the quarterly monitor (`spec/monitor.md`, seed `000_…` Bijlage 2), as pure functions.

No queries: every function takes plain values (dates, numbers, tuples) so that the rules are tested without a
database and two sites always count the same way.
"""
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from functools import cached_property
from math import floor

from tandem.core.dates import age_on
from tandem.core.exceptions import DomainError, RuleViolation

FORMS = ("consult", "green", "orange", "red", "other")
MEASURE_TYPES = ("rvdk_request", "ots", "muhp", "custody_ending", "restraining_order", "contact_ban", "probation")
# F_measures_sum leaves out RvdK requests and MUHP: they double-count (seed, Bijlage 2, question F).
SUMMED_MEASURES = ("ots", "custody_ending", "restraining_order", "contact_ban", "probation")
INTENSITIES = ("licht", "middel", "zwaar")
EXPERIENCE_QUESTIONS = ("G", "H", "I", "J", "K")
TEXT_QUESTIONS = ("G", "H", "I", "K")
ADULT_AGE = 18

_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")


class MonitorError(DomainError):
    """A monitor cannot be made as asked (an unknown quarter, site or region). The message is plain Dutch."""


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @property
    def label(self) -> str:
        return f"{self.year}-Q{self.number}"

    @cached_property  # (a frozen dataclass: cached_property writes to the instance's __dict__ directly)
    def start(self) -> dt.date:
        return dt.date(self.year, 3 * self.number - 2, 1)

    @cached_property
    def end(self) -> dt.date:
        """The reference date (peildatum): the last day of the quarter."""
        return self.next().start - dt.timedelta(days=1)

    def next(self) -> "Quarter":
        return Quarter(self.year + self.number // 4, self.number % 4 + 1)

    def __str__(self) -> str:
        return self.label


def parse_quarter(text: str) -> Quarter:
    """`2025-Q1` → Quarter(2025, 1). Anything else is refused with a Dutch message."""
    match = _QUARTER.match(str(text).strip().upper())
    if not match or not 1 <= int(match[1]) <= 9999:
        raise MonitorError(f"Onbekend kwartaal '{text}'. Schrijf het kwartaal als JJJJ-Qn, bijvoorbeeld 2025-Q1.")
    return Quarter(int(match[1]), int(match[2]))


def quarter_of(day: dt.date) -> Quarter:
    return Quarter(day.year, (day.month - 1) // 3 + 1)


def last_finished(today: dt.date, first: Quarter | None = None) -> Quarter:
    """The last quarter that has ended on `today` (the one before today's): the monitor's index opens that one,
    since a running quarter's figures are still growing. Never before `first`, the programme's first quarter."""
    finished = quarter_of(quarter_of(today).start - dt.timedelta(days=1))
    if first is not None and (finished.year, finished.number) < (first.year, first.number):
        return first
    return finished


def quarters_from(first: Quarter, last: Quarter) -> list[Quarter]:
    """Every quarter from `first` up to and including `last`; empty when `last` lies before `first`."""
    quarters, current = [], first
    while (current.year, current.number) <= (last.year, last.number):
        quarters.append(current)
        current = current.next()
    return quarters


def in_quarter(day: dt.date | None, quarter: Quarter) -> bool:
    return day is not None and quarter.start <= day <= quarter.end


def overlaps(start: dt.date, end: dt.date | None, quarter: Quarter) -> bool:
    """An episode (or trajectory) overlaps the quarter: start <= quarter end and (no end or end >= start)."""
    return start <= quarter.end and (end is None or end >= quarter.start)


def active_in(registered_on: dt.date, closed_on: dt.date | None, quarter: Quarter) -> bool:
    """A trajectory is active when registered by the quarter's end and not closed before its start."""
    return overlaps(registered_on, closed_on, quarter)


def counts_for_b(registered_on: dt.date, closed_on: dt.date | None, quarter: Quarter,
                 programme_start: dt.date) -> bool:
    """Question B: closed in the quarter and registered on or after the programme start."""
    return in_quarter(closed_on, quarter) and registered_on >= programme_start


def household_counts(trajectories: Iterable[tuple], quarter: Quarter, programme_start: dt.date) -> dict[str, int]:
    """active, A, B and E as distinct households, from (household, registered_on, closed_on,
    measure_considered) per trajectory. A household that registered again still counts once.

    The reference for the database aggregate in `tandem.monitor.queries`.
    """
    found = {key: set() for key in ("active", "A", "B", "E")}
    for household, registered_on, closed_on, measure_considered in trajectories:
        checks = {
            "active": active_in(registered_on, closed_on, quarter),
            "A": in_quarter(registered_on, quarter),
            "B": counts_for_b(registered_on, closed_on, quarter, programme_start),
            "E": in_quarter(registered_on, quarter) and measure_considered,
        }
        for key, passed in checks.items():
            if passed:
                found[key].add(household)
    return {key: len(households) for key, households in found.items()}


def covered_days(episodes: Iterable[tuple[dt.date, dt.date | None]], quarter: Quarter) -> int:
    """Days of the quarter covered by the union of the episodes (start, end or None), both ends included."""
    first, last = quarter.start, quarter.end
    if isinstance(episodes, list) and len(episodes) == 1:  # the common case, as the loop below counts it
        start, end = episodes[0]
        start, end = max(start, first), min(end or last, last)
        return max((end - start).days + 1, 0)
    clipped = sorted(
        (max(start, first), min(end or last, last))
        for start, end in episodes if start <= last and (end is None or end >= first)  # `overlaps`
    )
    days, reach = 0, first - dt.timedelta(days=1)
    for start, end in clipped:
        start = max(start, reach + dt.timedelta(days=1))
        if end >= start:
            days += (end - start).days + 1
            reach = end
    return days


def weeks(days: int) -> Fraction:
    """Days divided by seven, and at least one week."""
    return max(Fraction(days, 7), Fraction(1))


def _exact(value) -> Fraction:
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def hours_per_week(hours, days: int) -> Fraction:
    """One household's hours in the quarter over its weeks of that form in the quarter."""
    return _exact(hours) / weeks(days)


def round_half_away(value, digits: int) -> float:
    """Round half away from zero (2.345 → 2.35, -0.05 → -0.1), exactly, without binary surprises."""
    scaled = _exact(value) * 10 ** digits
    magnitude = floor(abs(scaled) + Fraction(1, 2))
    rounded = Decimal(magnitude if scaled >= 0 else -magnitude).scaleb(-digits)
    return float(rounded)


def percentage(part: int, whole: int) -> float | None:
    """part / whole × 100, to one decimal; `None` over a zero denominator."""
    if not whole:
        return None
    return round_half_away(Fraction(part * 100, whole), 1)


def mean_hours(values: Iterable) -> float | None:
    """The mean of the households' hours per week, rounded to two decimals after averaging; None if none."""
    values = [_exact(v) for v in values]
    if not values:
        return None
    return round_half_away(sum(values) / len(values), 2)


def intensity(value) -> str | None:
    """Below 1 hour a week `licht`; from 1 up to but not including 4 `middel`; 4 or more `zwaar`."""
    if value is None:
        return None
    value = _exact(value)
    if value < 1:
        return "licht"
    return "middel" if value < 4 else "zwaar"


def by_intensity(values: Iterable) -> dict[str, int]:
    counts = dict.fromkeys(INTENSITIES, 0)
    for value in values:
        counts[intensity(value)] += 1
    return counts


def form_summary(values: list, households: int, active: int) -> dict:
    """Question D for one form: `values` are the hours per week of the households that registered hours."""
    average = mean_hours(values)
    return {
        "households": households,
        "pct_of_active": percentage(households, active),
        "avg_hours_per_week": average,
        "intensity": intensity(average),
        "by_intensity": by_intensity(values),
    }


# Every max(days, 7) a household can have in a quarter divides this number, so a household's hours per week,
# hours × 7 / max(days, 7), is an exact integer "weight" over it: hours in cents × SHARE / max(days, 7). Weights
# add up exactly (in SQL as well as in Python), whatever the number of households, sites or regions.
SHARE = 718766754945489455304472257065075294400  # lcm(7, 8, …, 92): a quarter has at most 92 days


def intensity_of(hours, days: int) -> str:
    """The class of one household's hours over max(days, 7) (the same as `intensity(hours_per_week(...))`)."""
    days = max(days, 7)
    return "licht" if hours * 7 < days else "middel" if hours * 7 < 4 * days else "zwaar"


_SHARE_PER_DAY = {days: SHARE // days for days in range(7, 93)}


def hours_weight(hours, days: int) -> int:
    """hours (at most two decimals, as stored) × 100 × SHARE / max(days, 7): exact, see `SHARE`."""
    cents = hours * 100 if isinstance(hours, (int, Decimal)) else _exact(hours) * 100
    if cents != int(cents):
        raise ValueError(f"uren met meer dan twee decimalen: {hours}")
    days = max(days, 7)
    if days in _SHARE_PER_DAY:
        return int(cents) * _SHARE_PER_DAY[days]
    weight = Fraction(int(cents) * SHARE, days)  # never in a quarter; exact all the same
    if weight.denominator != 1:
        raise ValueError(f"{days} dagen passen niet in een kwartaal")
    return weight.numerator


@dataclass
class HoursTally:
    """Question D for one form, summed without keeping a value per household: the same mean and classes as
    `form_summary` over the list of hours per week, exactly, and tallies of sites add up to their region's.

    Each household adds its class and its `hours_weight` (its hours per week as an integer over `SHARE`), kept
    per class so that the monitor's ledger (`tandem.monitor.ledger`) can store a tally as rows."""

    households: int = 0
    by_class: dict = field(default_factory=lambda: dict.fromkeys(INTENSITIES, 0))
    weights: dict = field(default_factory=lambda: dict.fromkeys(INTENSITIES, 0))  # class → summed weight
    extra: Fraction = Fraction(0)  # hours per week added as ready values (`add_value`)

    def add(self, hours, days: int) -> None:
        self.add_class(intensity_of(hours, days), 1, hours_weight(hours, days))

    def add_class(self, level: str, households: int, weight: int) -> None:
        """`households` of class `level` whose weights sum to `weight` (one household, or a stored tally)."""
        self.households += households
        self.by_class[level] += households
        self.weights[level] += weight

    def add_value(self, value) -> None:
        self.households += 1
        self.extra += _exact(value)
        self.by_class[intensity(value)] += 1

    def merge(self, other: "HoursTally") -> None:
        self.households += other.households
        self.extra += other.extra
        for level in INTENSITIES:
            self.by_class[level] += other.by_class[level]
            self.weights[level] += other.weights[level]

    def mean(self) -> float | None:
        if not self.households:
            return None
        total = self.extra + Fraction(7 * sum(self.weights.values()), 100 * SHARE)
        return round_half_away(total / self.households, 2)


def tally_summary(tally: HoursTally, households: int, active: int) -> dict:
    """`form_summary` from a tally instead of a list of values."""
    average = tally.mean()
    return {
        "households": households,
        "pct_of_active": percentage(households, active),
        "avg_hours_per_week": average,
        "intensity": intensity(average),
        "by_intensity": dict(tally.by_class),
    }


def under_age_at(birth_date: dt.date | None, minor: bool | None, day: dt.date) -> bool:
    """Under 18 on `day`. Without a birth date the recorded `minor` flag decides (unknown counts as adult)."""
    if birth_date is None:
        return bool(minor)
    if birth_date > day:  # not yet born on that day: not a member then
        return False
    return age_on(birth_date, day) < ADULT_AGE


def without_minors(members: Iterable[tuple[dt.date | None, bool | None, bool]], registered_on: dt.date) -> bool:
    """Question C for one registration: no household member under 18 on `registered_on`.

    `members` are (birth_date, minor, is_network); network persons are not household members here.
    """
    return not any(
        under_age_at(birth_date, minor, registered_on)
        for birth_date, minor, is_network in members if not is_network
    )


def measures_sum(counts: dict[str, int]) -> int:
    return sum(counts.get(kind, 0) for kind in SUMMED_MEASURES)


def counts_for_f(on: dt.date, initiated_from_site: bool, first: dt.date, last: dt.date) -> bool:
    """Question F: a measure counts when initiated from the site and dated between `first` and `last`."""
    return bool(initiated_from_site) and first <= on <= last


def measure_counts(measures: Iterable[tuple], quarter: Quarter) -> dict[str, int]:
    """F: distinct households per type, from (type, household, on, initiated_from_site) per measure."""
    seen = {kind: set() for kind in MEASURE_TYPES}
    for kind, household, on, initiated in measures:
        if counts_for_f(on, initiated, quarter.start, quarter.end):
            seen[kind].add(household)
    return {kind: len(households) for kind, households in seen.items()}


def measure_cumulative(measures: Iterable[tuple], quarter: Quarter, programme_start: dt.date) -> dict[str, int]:
    """F_cumulative: F per type summed over the quarters from the programme start's quarter to this one."""
    measures = list(measures)
    totals = dict.fromkeys(MEASURE_TYPES, 0)
    for each in quarters_from(quarter_of(programme_start), quarter):
        for kind, number in measure_counts(measures, each).items():
            totals[kind] += number
    return totals


def experiences_summary(rows: Iterable[tuple[str, str, bool | None, list]]) -> dict:
    """G, H, I, K as lists of texts; J as yes, no and a count per reason given with a yes.

    `rows` are (question, text, answer, reasons) in the order they were entered.
    """
    result = {question: [] for question in TEXT_QUESTIONS}
    answers = {"yes": 0, "no": 0, "reasons": {}}
    for question, text, answer, reasons in rows:
        if question in result:
            result[question].append(text)
        elif question == "J" and answer is not None:
            answers["yes" if answer else "no"] += 1
            for reason in (reasons or []) if answer else []:
                answers["reasons"][reason] = answers["reasons"].get(reason, 0) + 1
    result["J"] = answers
    return result


# Closing a quarter (submit → approve → reopen). Statuses as stored on `QuarterClosure.status`.
OPEN, SUBMITTED, APPROVED = "open", "submitted", "approved"
# The experiences' fixed reasons for J ("waarin zit de meerwaarde"); anything else goes in as written under 'anders'.
J_REASONS = (
    "brugfunctie naar het gezin",
    "het gezin voelt zich begrepen",
    "herkenning en hoop",
    "andere kijk voor professionals",
    "betere samenwerking met het gezin",
    "gezin blijft beter betrokken",
)


def check_submit(status: str) -> None:
    if status == SUBMITTED:
        raise RuleViolation("quarter_already_submitted", "Dit kwartaal is al ingediend.")
    if status == APPROVED:
        raise RuleViolation("quarter_approved", "Dit kwartaal is al goedgekeurd. Laat het eerst heropenen.")


def check_submit_after_end(quarter_end: dt.date, today: dt.date) -> None:
    """A quarter is handed in after its last day (issue "Tandem 7": the running quarter was submitted once)."""
    if today <= quarter_end:
        raise RuleViolation("quarter_running", f"Dit kwartaal loopt nog tot en met {quarter_end:%d-%m-%Y}. U kunt "
                            "het indienen vanaf de dag daarna.")


def check_four_eyes(submitted_by_id: int | None, approver_id: int | None) -> None:
    """Four eyes: whoever submitted a quarter does not approve it (issue "Tandem 7")."""
    if submitted_by_id is not None and submitted_by_id == approver_id:
        raise RuleViolation("same_person", "U heeft dit kwartaal zelf ingediend. Iemand anders moet het goedkeuren.")


def check_approve(status: str) -> None:
    if status == APPROVED:
        raise RuleViolation("quarter_approved", "Dit kwartaal is al goedgekeurd.")
    if status != SUBMITTED:
        raise RuleViolation("quarter_not_submitted",
                            "De toekomsttuin heeft dit kwartaal nog niet ingediend. Keur het goed na het indienen.")


def check_reopen(status: str, reason: str) -> None:
    if status == OPEN:
        raise RuleViolation("quarter_open", "Dit kwartaal is al open.")
    if not (reason or "").strip():
        raise RuleViolation("reason_missing", "Schrijf op waarom u het kwartaal heropent.", field="reason")


def check_experiences_open(status: str) -> None:
    if status == APPROVED:
        raise RuleViolation("quarter_locked", "Dit kwartaal is goedgekeurd en staat vast. U kunt geen ervaringen "
                            "meer toevoegen. Vraag de coördinator het kwartaal te heropenen.", field="quarter")


def flatten_figures(report: dict) -> dict[str, object]:
    """The counted figures of a monitor (A–F) as {"A": 3, "D.consult.households": 2, "F.ots": 0, …}.

    Experiences are left out: they are locked with the quarter, so they cannot differ."""
    flat = {key: report[key] for key in ("active", "A", "B", "C", "C_pct", "E", "E_pct_of_A",
                                         "F_measures_sum", "F_measures_pct_of_active")}
    for form, values in report["D"].items():
        for key in ("households", "pct_of_active", "avg_hours_per_week", "intensity"):
            flat[f"D.{form}.{key}"] = values[key]
    for group in ("F", "F_cumulative"):
        for kind, number in report[group].items():
            flat[f"{group}.{kind}"] = number
    return flat


def figure_differences(locked: dict, live: dict) -> list[tuple[str, object, object]]:
    """(figure, locked value, value computed now) for every figure that changed since approval."""
    before, now = flatten_figures(locked), flatten_figures(live)
    return [(key, before.get(key), now.get(key)) for key in now if before.get(key) != now.get(key)]
