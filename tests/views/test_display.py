"""Pure display helpers: intensity, regime colour, stage and anonymised member labels."""
import datetime as dt
from decimal import Decimal
from types import SimpleNamespace

import pytest

from tandem.cases.views.display import (
    intensity,
    masked_bsn,
    member_labels,
    regime,
    stage,
)

D = dt.date


@pytest.mark.parametrize("hours,label", [("3", "licht"), ("4", "middel"), ("15.9", "middel"), ("16", "zwaar")])
def test_intensity_classes_over_four_weeks(hours, label):
    result = intensity(Decimal(hours), D(2025, 1, 1), D(2025, 1, 28), today=D(2025, 6, 1))
    assert result.label == label
    assert result.weeks == Decimal("4.0")


def test_intensity_counts_at_least_one_week_and_stops_at_today():
    assert intensity(Decimal(2), D(2025, 1, 1), None, today=D(2025, 1, 2)).per_week == Decimal("2.00")
    assert intensity(Decimal(14), D(2025, 1, 1), None, today=D(2025, 1, 14)).per_week == Decimal("7.00")


def test_regime_takes_the_heaviest_form():
    assert regime(["consult", "red", "green"]).label == "Rood"
    assert regime(["green", "orange"]).key == "orange"
    assert regime(["consult"]).label == "Advies"
    assert regime([]).label == "Geen"


def test_stage():
    open_t, closed_t = SimpleNamespace(closed_on=None), SimpleNamespace(closed_on=D(2025, 5, 1))
    admitted = [SimpleNamespace(kind="access", outcome="admitted")]
    assert stage(open_t, []) == "Aangemeld"
    assert stage(open_t, [SimpleNamespace(kind="access", outcome="not_admitted")]) == "Aangemeld"
    assert stage(open_t, admitted) == "Lopend"
    assert stage(closed_t, admitted) == "Afgesloten"


def member(pk, given, birth=None, minor=None, network=False, relation=""):
    return SimpleNamespace(pk=pk, full_name=f"{given} Jansen", birth_date=birth, minor=minor, is_network=network,
                           relation=relation)


def test_member_labels_anonymised_and_numbered():
    members = [member(1, "Ans", D(1980, 6, 1)), member(2, "Bo", D(2016, 5, 2)), member(3, "Cor", minor=True),
               member(4, "Opa", network=True, relation="opa")]
    labels = member_labels(members, identifying=False, today=D(2025, 6, 1))
    assert labels == {1: "Gezinslid 1 (volwassene, 45 jaar)", 2: "Gezinslid 2 (kind, 9 jaar)",
                      3: "Gezinslid 3 (kind)", 4: "Netwerkpersoon 1, opa"}
    assert member_labels(members, identifying=True, today=D(2025, 6, 1))[1] == "Ans Jansen"


def test_bsn_shows_only_last_three_digits():
    assert masked_bsn("111222333") == "eindigt op 333"
    assert "111" not in masked_bsn("111222333")
    assert masked_bsn("") == "niet bekend"
