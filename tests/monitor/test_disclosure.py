"""The CBS disclosure rule (research.md, "Municipal analysts and the CBS rule"), without a database."""
import copy
from decimal import Decimal
from fractions import Fraction

import pytest

from tandem.monitor import disclosure as d
from tandem.monitor import rules


@pytest.mark.parametrize("value, expected", [
    (0, d.SECRET), (1, d.SECRET), (5, d.SECRET), (7, d.SECRET),  # "0 tot en met 7 ... geheim"
    (8, 10), (9, 10), (10, 10), (12, 10), (13, 15), (17, 15), (18, 20), (22, 20), (23, 25),
    (1000, 1000), (1002, 1000), (1003, 1005), (None, None),
])
def test_counts_are_rounded_to_fives_and_0_to_7_are_secret(value, expected):
    assert d.protect_count(value) == expected


def test_seven_is_secret_and_eight_is_published():
    assert d.is_secret(7) and not d.is_secret(8)
    assert d.protect_count(7) == "geheim" and d.protect_count(8) == 10


@pytest.mark.parametrize("value, expected", [
    (12.5, 15), (Fraction(25, 2), 15), (Decimal("7.5"), 10), (2.5, 5), (-12.5, -15),
    (12.4, 10), (12.6, 15), (Decimal("17.49"), 15), (0, 0),
])
def test_halfway_rounds_away_from_zero(value, expected):
    assert d.round_to_five(value) == expected


def test_percentages_are_computed_after_rounding():
    # true 9 of 12 = 75.0 %; published 10 of 10 = 100.0 %
    part, whole = d.protect_count(9), d.protect_count(12)
    assert d.protect_percentage(part, whole) == 100.0
    assert d.protect_percentage(d.protect_count(13), d.protect_count(32)) == rules.percentage(15, 30) == 50.0


def test_a_percentage_of_a_secret_part_or_whole_is_secret():
    assert d.protect_percentage(d.SECRET, 20) == d.SECRET
    assert d.protect_percentage(10, d.SECRET) == d.SECRET
    assert d.protect_percentage(None, 10) is None


def test_one_hidden_cell_with_a_published_total_hides_the_smallest_other_cell():
    hidden, total_hidden = d.secondary_suppression({"a": 3, "b": 40, "c": 12, "d": 25}, total=80)
    assert hidden == {"a", "c"} and not total_hidden


def test_two_hidden_cells_need_no_secondary_suppression():
    assert d.secondary_suppression({"a": 3, "b": 2, "c": 50}, total=55) == ({"a", "b"}, False)


def test_without_a_published_total_only_primary_suppression():
    assert d.secondary_suppression({"a": 3, "b": 40}, total=None) == ({"a"}, False)


def test_a_secret_total_needs_nothing_more():
    assert d.secondary_suppression({"a": 3, "b": 0}, total=3) == ({"a", "b"}, True)


def test_a_single_cell_group_hides_its_total():
    assert d.secondary_suppression({"a": 4}, total=9) == ({"a"}, True)


def test_ties_take_the_first_cell_in_the_groups_order():
    hidden, _ = d.secondary_suppression({"a": 1, "b": 20, "c": 20}, total=41)
    assert hidden == {"a", "b"}


def test_protect_group_rounds_what_stays_visible():
    cells, total = d.protect_group({"a": 3, "b": 41, "c": 12}, total=56)
    assert cells == {"a": "geheim", "b": 40, "c": "geheim"} and total == 55


def _report(**changes) -> dict:
    form = {"households": 0, "pct_of_active": 0.0, "avg_hours_per_week": None, "intensity": None,
            "by_intensity": {"licht": 0, "middel": 0, "zwaar": 0}}
    report = {
        "scope": {"region": "GV"}, "quarter": "2025-Q1", "period": {"start": "2025-01-01", "end": "2025-03-31"},
        "active": 123, "A": 32, "B": 7, "C": 9, "C_pct": 28.1,
        "D": {f: copy.deepcopy(form) for f in rules.FORMS},
        "E": 13, "E_pct_of_A": 40.6,
        "F": {"rvdk_request": 12, "ots": 3, "muhp": 0, "custody_ending": 9, "restraining_order": 20,
              "contact_ban": 0, "probation": 0},
        "F_cumulative": {"rvdk_request": 30, "ots": 9, "muhp": 2, "custody_ending": 11, "restraining_order": 44,
                         "contact_ban": 1, "probation": 0},
        "F_measures_sum": 32, "F_measures_pct_of_active": 26.0,
        "experiences": {"G": ["Goed."], "H": [], "I": [], "K": [], "J": {"yes": 9, "no": 2, "reasons": {"x": 8}}},
    }
    report["D"]["green"] = {"households": 40, "pct_of_active": 32.5, "avg_hours_per_week": 1.5,
                            "intensity": "middel", "by_intensity": {"licht": 10, "middel": 20, "zwaar": 3}}
    report["D"]["red"] = {"households": 6, "pct_of_active": 4.9, "avg_hours_per_week": 5.0,
                          "intensity": "zwaar", "by_intensity": {"licht": 0, "middel": 1, "zwaar": 5}}
    report.update(changes)
    return report


def test_apply_cbs_to_a_whole_report():
    original = _report()
    before = copy.deepcopy(original)
    out = d.apply_cbs(original)
    assert original == before  # not changed in place
    assert out["disclosure"] == "cbs"
    assert (out["active"], out["A"], out["B"], out["C"], out["E"]) == (125, 30, "geheim", 10, 15)
    assert out["C_pct"] == 33.3 and out["E_pct_of_A"] == 50.0  # 10/30 and 15/30, after rounding
    green = out["D"]["green"]
    assert green["households"] == 40 and green["pct_of_active"] == 32.0  # 40/125
    assert green["avg_hours_per_week"] == 1.5 and green["by_intensity"] == {"licht": 10, "middel": 20,
                                                                          "zwaar": "geheim"}
    red = out["D"]["red"]
    assert red["households"] == "geheim" and red["pct_of_active"] == "geheim"
    assert red["avg_hours_per_week"] == "geheim" and red["intensity"] == "geheim"
    assert out["D"]["consult"]["avg_hours_per_week"] is None  # nothing to hide
    # F: ots, contact_ban and probation are secret (3, 0, 0): more than one, so no secondary suppression
    assert out["F"] == {"rvdk_request": 10, "ots": "geheim", "muhp": "geheim", "custody_ending": 10,
                        "restraining_order": 20, "contact_ban": "geheim", "probation": "geheim"}
    assert out["F_measures_sum"] == 30 and out["F_measures_pct_of_active"] == 24.0
    assert out["F_cumulative"]["ots"] == 10 and out["F_cumulative"]["contact_ban"] == "geheim"
    assert out["experiences"]["J"] == {"yes": 10, "no": "geheim", "reasons": {"x": 10}}
    assert out["experiences"]["G"] == ["Goed."]


def test_the_measures_sum_cannot_reveal_one_hidden_type():
    F = {"rvdk_request": 12, "ots": 3, "muhp": 0, "custody_ending": 9, "restraining_order": 20,
         "contact_ban": 10, "probation": 30}
    out = d.apply_cbs(_report(F=F, F_measures_sum=72))
    # only ots is secret among the summed types: the smallest other (custody_ending, 9) goes too
    assert out["F"]["ots"] == "geheim" and out["F"]["custody_ending"] == "geheim"
    assert out["F"]["contact_ban"] == 10 and out["F_measures_sum"] == 70
    assert out["F"]["muhp"] == "geheim"  # not in the sum: primary suppression only
