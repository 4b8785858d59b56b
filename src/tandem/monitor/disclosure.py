"""Disclosure control for monitor figures that leave the region, after the CBS rule. Pure functions.

Source: `shared/docs/research.md`, section 3 "Municipal analysts and the CBS rule", quoting CBS's
*Toelichting Wijk- en Buurtkaart 2022–2024* §5.7–5.8 (youth care and Wmo by municipality and neighbourhood):

- "De cijfers zijn afgerond op vijftallen… de waarden 0 tot en met 7 weergegeven als geheim": every count is
  rounded to a multiple of five, and a count whose *true* value is 0, 1, …, 7 is not shown at all but as
  `geheim`. So 7 → geheim, 8 → 10 (8 is published, rounded). Totals may then differ from the sum of their
  parts; that is accepted, as at CBS.
- "relatieve cijfers zijn berekend na het afronden": a percentage is computed from the *rounded* part and
  the *rounded* whole, never from the true counts. When the part or the whole is secret, so is the percentage.
- "No total that reveals a hidden cell" (research.md, "What our monitor should do", point 1: secondary
  suppression): when exactly one cell of a group with a published total is secret, the total minus the
  others would give it away, so a second cell is hidden as well: the smallest other published cell (by true
  value, the first in the group's order on a tie). If there is no other cell to hide, the total is hidden.

Decisions the sources leave open, made here:
- Rounding is to the *nearest* multiple of five. CBS rounds household counts "aselect" (randomly, research.md
  [28]); we round deterministically so that the same figures always give the same export and can be checked.
  Counts are whole numbers, so a tie cannot occur; for a fractional value exactly halfway (12.5) we round half
  away from zero, as the monitor rounds everywhere (`spec/monitor.md`): 12.5 → 15, 7.5 → 10, 2.5 → 5.
- Averages (hours per week) are not counts: they are shown unrounded, but only when the number of households
  they average over is publishable (8 or more); otherwise the average and its intensity class are secret.
- Texts (questions G, H, I, K) are not figures; the site writes them for the report and they are passed on.
"""
from decimal import Decimal
from fractions import Fraction
from math import floor

from tandem.monitor import rules

SECRET = "geheim"
LARGEST_SECRET = 7  # "de waarden 0 tot en met 7 weergegeven als geheim"
BASE = 5  # "afgerond op vijftallen"


def is_secret(value) -> bool:
    """A true count from 0 up to and including 7 is shown as secret; an already hidden cell stays hidden."""
    return value == SECRET or (value is not None and value <= LARGEST_SECRET)


def round_to_five(value) -> int:
    """The nearest multiple of five; exactly halfway (12.5) goes away from zero (→ 15)."""
    exact = Fraction(str(value)) if isinstance(value, (float, Decimal)) else Fraction(value)
    steps = exact / BASE
    magnitude = floor(abs(steps) + Fraction(1, 2))
    return BASE * (magnitude if steps >= 0 else -magnitude)


def protect_count(value):
    """A count as published: `geheim` for 0–7, otherwise rounded to five. `None` stays `None`."""
    if value is None:
        return None
    if is_secret(value):
        return SECRET
    return round_to_five(value)


def protect_percentage(part, whole):
    """A percentage of two *published* (already protected) counts, computed after rounding.

    Secret when either is secret; `None` over a zero or missing denominator, as in the monitor."""
    if part == SECRET or whole == SECRET:
        return SECRET
    if part is None:
        return None
    return rules.percentage(part, whole)


def secondary_suppression(cells: dict, total=None) -> tuple[set, bool]:
    """Which cells of a group (name → true count) and whether its total must be hidden.

    `total` is the group's true total when it is published with the group, else `None`. Returns (names of the
    hidden cells, total hidden). Primary: every cell of 0–7. Secondary: if exactly one cell is hidden while the
    total is published, also hide the smallest other published cell, or else the total.
    """
    hidden = {name for name, value in cells.items() if is_secret(value)}
    total_hidden = total is not None and is_secret(total)
    if total is None or total_hidden or len(hidden) != 1:
        return hidden, total_hidden
    order = list(cells)
    others = [name for name in order if name not in hidden]
    if others:
        hidden.add(min(others, key=lambda name: (cells[name], order.index(name))))
    else:
        total_hidden = True
    return hidden, total_hidden


def protect_group(cells: dict, total=None) -> tuple[dict, object]:
    """A group of true counts (and its true total, or None) as published: rounded, secret, suppressed."""
    hidden, total_hidden = secondary_suppression(cells, total)
    published = {name: SECRET if name in hidden else protect_count(value) for name, value in cells.items()}
    if total is None:
        return published, None
    return published, SECRET if total_hidden else protect_count(total)


def _protect_form(values: dict, active) -> dict:
    households = protect_count(values["households"])
    with_hours = sum(values["by_intensity"].values())
    average_hidden = is_secret(values["households"]) or is_secret(with_hours)
    return {
        **values,
        "households": households,
        "pct_of_active": protect_percentage(households, active),
        "avg_hours_per_week": SECRET if average_hidden and values["avg_hours_per_week"] is not None
        else values["avg_hours_per_week"],
        "intensity": SECRET if average_hidden and values["intensity"] is not None else values["intensity"],
        "by_intensity": {level: protect_count(n) for level, n in values["by_intensity"].items()},
    }


def _protect_f(report: dict) -> tuple[dict, object]:
    """F: the types summed into F_measures_sum form a group with that sum as its published total."""
    summed = {kind: report["F"][kind] for kind in rules.SUMMED_MEASURES if kind in report["F"]}
    published, total = protect_group(summed, report["F_measures_sum"])
    F = {kind: published[kind] if kind in published else protect_count(n) for kind, n in report["F"].items()}
    return F, total


def _protect_experiences(experiences: dict) -> dict:
    answers = experiences["J"]
    return {
        **experiences,
        "J": {"yes": protect_count(answers["yes"]), "no": protect_count(answers["no"]),
              "reasons": {reason: protect_count(n) for reason, n in answers["reasons"].items()}},
    }


def apply_cbs(report: dict) -> dict:
    """The monitor object of `compute_monitor` with every count protected by the CBS rule.

    Same keys (`spec/monitor.md`), plus `"disclosure": "cbs"`; protected numbers are multiples of five or the
    string `geheim`. The input is not changed."""
    active = protect_count(report["active"])
    A, C, E = (protect_count(report[key]) for key in ("A", "C", "E"))
    F, measures_sum = _protect_f(report)
    return {
        **report,
        "disclosure": "cbs",
        "active": active,
        "A": A, "B": protect_count(report["B"]),
        "C": C, "C_pct": protect_percentage(C, A),
        "D": {form: _protect_form(values, active) for form, values in report["D"].items()},
        "E": E, "E_pct_of_A": protect_percentage(E, A),
        "F": F,
        "F_cumulative": {kind: protect_count(n) for kind, n in report["F_cumulative"].items()},
        "F_measures_sum": measures_sum,
        "F_measures_pct_of_active": protect_percentage(measures_sum, active),
        "experiences": _protect_experiences(report["experiences"]),
    }
