"""What one household adds to the monitor's figures, quarter by quarter: the unit of the monitor's ledger.

Pure: takes the household's facts (plain tuples) and returns its contributions, using the counting rules of
`tandem.monitor.rules` (`spec/monitor.md`). Every count of the monitor is a number of distinct households, and a
household belongs to one site, so a site's figure for a quarter is the sum of its households' contributions, and a
region's the sum of its sites'. `tandem.monitor.ledger` keeps those sums up to date.

A contribution is keyed by (quarter number, key) and holds (number, weight):
- point keys count in their own quarter only: `A`, `B`, `C`, `E`, `F:<type>`, and `H:<form>:<class>` (a household
  that registered hours on that form in the quarter: number 1 and its hours per week as an exact integer
  weight, `rules.hours_weight`);
- running keys (`RUNNING`: `active` and `D:<form>`) are stored as changes: +1 in the first quarter of a run of
  quarters, -1 in the quarter after it. A quarter's figure is the sum of the changes up to and including it, so a
  trajectory or an episode that is still open counts in every later quarter without a row per quarter.
The quarter number of `2025-Q1` is 2025 × 4 + 0 (`quarter_number`).
"""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field

from tandem.monitor import rules

RUNNING_KEYS = ("active",) + tuple(f"D:{form}" for form in rules.FORMS)
RUNNING = frozenset(RUNNING_KEYS)


def quarter_number(quarter: rules.Quarter) -> int:
    return quarter.year * 4 + quarter.number - 1


def quarter_from_number(number: int) -> rules.Quarter:
    return rules.Quarter(number // 4, number % 4 + 1)


def number_of_day(day: dt.date) -> int:
    return day.year * 4 + (day.month - 1) // 3


@dataclass
class Facts:
    """Everything of one household that the monitor reads (as value tuples)."""

    programme_start: dt.date
    trajectories: list = field(default_factory=list)  # (registered_on, closed_on, measure_considered)
    members: list = field(default_factory=list)  # (birth_date, minor, is_network)
    episodes: list = field(default_factory=list)  # (id, form, start, end)
    time_entries: list = field(default_factory=list)  # (episode id, on, hours)
    measures: list = field(default_factory=list)  # (type, on, initiated_from_site)


def _runs(spans) -> list[tuple[int, int | None]]:
    """Merge (first, last or None for open) quarter spans into runs that neither overlap nor touch."""
    merged = []
    for first, last in sorted(spans, key=lambda span: span[0]):
        if merged and (merged[-1][1] is None or first <= merged[-1][1] + 1):
            if merged[-1][1] is not None and (last is None or last > merged[-1][1]):
                merged[-1] = (merged[-1][0], last)
            continue
        merged.append((first, last))
    return merged


def _add_running(found: dict, key: str, spans) -> None:
    for first, last in _runs(spans):
        _add(found, first, key, 1)
        if last is not None:
            _add(found, last + 1, key, -1)


def _add(found: dict, quarter: int, key: str, number: int, weight: int = 0) -> None:
    old_number, old_weight = found.get((quarter, key), (0, 0))
    found[(quarter, key)] = (old_number + number, old_weight + weight)


def _span(start: dt.date, end: dt.date | None) -> tuple[int, int | None]:
    return number_of_day(start), None if end is None else number_of_day(end)


def _trajectory_points(facts: Facts) -> set[tuple[int, str]]:
    """A, B, C and E: each at most once per quarter (distinct households)."""
    points = set()
    for registered_on, closed_on, considered in facts.trajectories:
        quarter = number_of_day(registered_on)
        points.add((quarter, "A"))
        if considered:
            points.add((quarter, "E"))
        if rules.without_minors(facts.members, registered_on):
            points.add((quarter, "C"))
        if closed_on is not None and registered_on >= facts.programme_start:
            points.add((number_of_day(closed_on), "B"))
    return points


def _hours(facts: Facts, found: dict) -> None:
    """H:<form>:<class> for every quarter in which the household registered hours on a form and had an episode of
    that form (hours may lie outside their own episode: preparation and aftercare)."""
    form_of = {episode: form for episode, form, _, _ in facts.episodes}
    hours = defaultdict(int)
    for episode, on, amount in facts.time_entries:
        hours[(form_of[episode], number_of_day(on))] += amount
    for (form, number), total in hours.items():
        quarter = quarter_from_number(number)
        episodes = [(start, end) for _, kind, start, end in facts.episodes
                    if kind == form and rules.overlaps(start, end, quarter)]
        if episodes and total:
            days = rules.covered_days(episodes, quarter)
            _add(found, number, f"H:{form}:{rules.intensity_of(total, days)}", 1, rules.hours_weight(total, days))


def household_contributions(facts: Facts) -> dict[tuple[int, str], tuple[int, int]]:
    """{(quarter number, key): (number, weight)} of one household; running keys as changes (see the module)."""
    found = {}
    if facts.trajectories:
        _add_running(found, "active", [_span(registered, closed) for registered, closed, _ in facts.trajectories])
    for form in rules.FORMS:
        spans = [_span(start, end) for _, kind, start, end in facts.episodes if kind == form]
        if spans:
            _add_running(found, f"D:{form}", spans)
    for quarter, key in _trajectory_points(facts):
        _add(found, quarter, key, 1)
    for quarter, key in {(number_of_day(on), f"F:{kind}") for kind, on, initiated in facts.measures if initiated}:
        _add(found, quarter, key, 1)
    _hours(facts, found)
    return {key: value for key, value in found.items() if value != (0, 0)}


def difference(new: dict, old: dict) -> dict[tuple[int, str], tuple[int, int]]:
    """new − old, leaving out what did not change."""
    changes = {}
    for key in new.keys() | old.keys():
        number = new.get(key, (0, 0))[0] - old.get(key, (0, 0))[0]
        weight = new.get(key, (0, 0))[1] - old.get(key, (0, 0))[1]
        if number or weight:
            changes[key] = (number, weight)
    return changes
