"""The rights matrix: docs/rights.md and rules/rights.py say the same, cell by cell (pure, no database)."""
import pytest

from rights_world import read_matrix
from tandem.cases.rules import rights
from tandem.cases.rules.rights import COLUMNS, Action, Cell, Limit, Position
from tandem.core.exceptions import NotPermitted


def test_the_document_writes_out_every_cell_of_the_code():
    written = read_matrix()
    assert set(written) == set(rights.MATRIX), "docs/rights.md mist rijen of kolommen"
    differ = [f"{a} × {p}: document {written[(a, p)]}, code {rights.MATRIX[(a, p)]}"
              for (a, p) in rights.MATRIX if written[(a, p)] != rights.MATRIX[(a, p)]]
    assert not differ, "\n".join(differ)


def test_every_limited_row_says_what_its_limit_is():
    for action in Action:
        limited = any(rights.MATRIX[(action, p)] == Cell.LIMITED for p in COLUMNS)
        assert limited == (action in rights.LIMITS), action


@pytest.mark.parametrize("action", list(Action))
def test_no_position_means_no_action(action):
    with pytest.raises(NotPermitted):
        rights.check_right(action, None)


def test_a_refusal_says_who_can_in_dutch():
    with pytest.raises(NotPermitted) as info:
        rights.check_right(Action.CONSENT_RECORD, Position.PARTNER_NAMED)
    assert info.value.code == "right_consent_record"
    assert "Dit kan de consulent van het lokale team of het gezin zelf" in info.value.message


def test_a_limited_cell_needs_its_fact():
    rights.check_right(Action.TIME_REGISTER, Position.PARTNER_ANONYMOUS, frozenset({Limit.OWN_ORGANISATION}))
    with pytest.raises(NotPermitted) as info:
        rights.check_right(Action.TIME_REGISTER, Position.PARTNER_ANONYMOUS, frozenset({Limit.SELF}))
    assert info.value.code == "right_time_register_limited" and "eigen organisatie" in info.value.message


@pytest.mark.parametrize("facts, position", [
    (dict(local_team_of_site=True, role="consulent", on_team=True), Position.LOCAL_TEAM),
    (dict(local_team_of_site=True, role="consulent", on_team=False), Position.LOCAL_COLLEAGUE),
    (dict(local_team_of_site=True, role="gedragswetenschapper", on_team=False), Position.LOCAL_GW),
    (dict(local_team_of_site=True, role="teamleider", on_team=False), Position.TEAM_LEADER),
    (dict(local_team_of_site=False, role="beschermpartner", on_team=True), Position.PARTNER_ANONYMOUS),
    (dict(local_team_of_site=False, role="beschermpartner", on_team=True, identifying=True), Position.PARTNER_NAMED),
    (dict(local_team_of_site=False, role="beschermpartner", on_team=True, is_lead=True), Position.PARTNER_LEAD),
    (dict(local_team_of_site=False, role="ervaringsdeskundige", on_team=True, is_expert=True), Position.EXPERT),
    (dict(local_team_of_site=False, role="beschermpartner", on_team=False), None),
])
def test_position_of(facts, position):
    values = {"is_lead": False, "identifying": False, "is_expert": False, **facts}
    assert rights.position_of(**values) == position
