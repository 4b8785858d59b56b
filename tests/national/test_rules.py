"""The national rules, without a database: what a document must hold, replacement, and the research export's
disclosure check (a combination of k−1 households is suppressed, one of k is kept)."""
import datetime as dt

import pytest

from tandem.core.exceptions import RuleViolation
from tandem.national import rules

UTC = dt.UTC


def _document(**changes):
    document = {"format": rules.FORMAT, "version": 1, "region": {"code": "GV", "name": "Gooi en Vechtstreek"},
                "quarter": "2025-Q1", "approved": True, "approved_at": "2025-04-02T10:00:00+00:00",
                "created_at": "2025-04-03T10:00:00+00:00", "monitor": {"disclosure": "cbs"}, "lessons": [],
                "improvements": []}
    return {**document, **changes}


def test_an_approved_document_gives_region_quarter_and_moment():
    assert rules.check_document(_document()) == ("GV", "2025-Q1", dt.datetime(2025, 4, 2, 10, tzinfo=UTC))


@pytest.mark.parametrize("changes, code", [
    ({"approved": False}, "not_approved"),
    ({"approved": "ja"}, "not_approved"),
    ({"approved_at": None}, "not_approved"),
    ({"approved_at": "2025-04-02T10:00:00"}, "not_approved"),  # no time zone: not a moment Tandem writes
    ({"monitor": {"A": 3}}, "not_protected"),  # figures without the CBS rule never leave a region
    ({"quarter": "2025-Q5"}, "quarter_unknown"),
    ({"format": "iets anders"}, "wrong_format"),
    ({"lessons": "tekst"}, "incomplete"),
    ({"improvements": ["tekst"]}, "incomplete"),
    ({"monitor": {"disclosure": "cbs", "D": {"green": 5}}}, "incomplete"),
])
def test_a_document_that_is_not_an_approved_protected_quarter_is_refused(changes, code):
    with pytest.raises(RuleViolation) as refused:
        rules.check_document(_document(**changes))
    assert refused.value.code == code


def test_a_missing_part_is_named():
    document = _document()
    del document["monitor"]
    with pytest.raises(RuleViolation, match="monitor ontbreekt"):
        rules.check_document(document)


def test_another_regions_key_is_refused():
    rules.check_key_owner("GV", "GV")
    with pytest.raises(RuleViolation) as refused:
        rules.check_key_owner("AA", "GV")
    assert refused.value.code == "other_region_key" and "sleutel van regio AA" in refused.value.message


T0 = dt.datetime(2025, 4, 2, 10, tzinfo=UTC)


def test_replacement():
    assert rules.check_replacement(earlier_approved_at=None, earlier_digest=None, approved_at=T0, digest="a") is False
    later = T0 + dt.timedelta(days=3)
    assert rules.check_replacement(earlier_approved_at=T0, earlier_digest="a", approved_at=later, digest="b") is True
    for approved_at, digest in ((T0, "b"), (later, "a")):
        with pytest.raises(RuleViolation) as refused:
            rules.check_replacement(earlier_approved_at=T0, earlier_digest="a", approved_at=approved_at, digest=digest)
        assert refused.value.code == "already_imported"
    with pytest.raises(RuleViolation) as refused:
        rules.check_replacement(earlier_approved_at=later, earlier_digest="b", approved_at=T0, digest="a")
    assert refused.value.code == "older_approval"


def _rows(households: int, *, form="green", band="4-11", quarter="2025-Q1", region="GV", rows_each=1):
    return [{"region": region, "quarter": quarter, "age_band": band, "form": form, "household": f"{form}{band}{i}",
             "trajectory": f"t{i}-{j}"} for i in range(households) for j in range(rows_each)]


def test_a_combination_of_k_minus_one_households_is_suppressed_and_of_k_kept():
    rows = _rows(4, form="red") + _rows(5, form="green")
    kept, suppressed = rules.suppress(rows, 5)
    assert {row["form"] for row in kept} == {"green"} and len(kept) == 5
    assert suppressed == [{"region": "GV", "quarter": "2025-Q1", "age_band": "4-11", "form": "red"}]


def test_households_not_rows_count():
    """Two trajectories of one household are one household: 4 households in 8 rows are still fewer than 5."""
    kept, suppressed = rules.suppress(_rows(4, rows_each=2), 5)
    assert kept == [] and len(suppressed) == 1


def test_every_part_of_the_combination_counts():
    rows = _rows(5) + _rows(3, band="12-17") + _rows(3, quarter="2025-Q2") + _rows(3, region="CG")
    kept, suppressed = rules.suppress(rows, 5)
    assert len(kept) == 5 and len(suppressed) == 3


def test_k_must_be_positive():
    with pytest.raises(RuleViolation):
        rules.suppress([], 0)


@pytest.mark.parametrize("born, band", [
    (dt.date(2025, 3, 31), "0-3"), (dt.date(2021, 4, 1), "0-3"), (dt.date(2021, 3, 31), "4-11"),
    (dt.date(2013, 4, 1), "4-11"), (dt.date(2013, 3, 31), "12-17"), (dt.date(2007, 3, 31), "18-22"),
    (dt.date(1980, 1, 1), "23+"), (None, "onbekend"),
])
def test_age_bands_on_the_quarters_end(born, band):
    assert rules.age_band(born, dt.date(2025, 3, 31)) == band


def test_the_heaviest_form_is_the_rows_form():
    assert rules.main_form(["green", "red", "consult"]) == "red"
    assert rules.main_form([]) == "geen"
    assert rules.month(dt.date(2025, 2, 17)) == "2025-02" and rules.month(None) == ""
