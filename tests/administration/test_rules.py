"""The administration's pure rules (no database)."""
import datetime as dt

import pytest

from tandem.administration import rules
from tandem.core.exceptions import RuleViolation

NOW = dt.datetime(2026, 1, 1, 12, tzinfo=dt.timezone.utc)


def test_roles_keep_their_order_once_each():
    assert rules.check_roles(["coordinator", "gedragswetenschapper", "coordinator", ""]) == [
        "coordinator", "gedragswetenschapper"]
    for bad in ([], ["koning"], ["koppeling"]):  # "koppeling" is an API client's account, never a person's role
        with pytest.raises(RuleViolation):
            rules.check_roles(bad)


def test_an_invitation_is_used_once_and_expires():
    later = NOW + dt.timedelta(days=1)
    rules.check_invitation_usable(used_at=None, withdrawn_at=None, expires_at=later, now=NOW)
    with pytest.raises(RuleViolation) as error:
        rules.check_invitation_usable(used_at=NOW, withdrawn_at=None, expires_at=later, now=NOW)
    assert error.value.code == "invitation_used"
    for withdrawn, expires in ((NOW, later), (None, NOW)):
        with pytest.raises(RuleViolation) as error:
            rules.check_invitation_usable(used_at=None, withdrawn_at=withdrawn, expires_at=expires, now=NOW)
        assert error.value.code == "invitation_expired"


@pytest.mark.parametrize("confirmer, beheerder, leader, code", [
    (1, True, False, "same_person"), (3, True, True, "own_reset"), (4, False, False, "not_second_person")])
def test_the_second_person(confirmer, beheerder, leader, code):
    with pytest.raises(RuleViolation) as error:
        rules.check_second_person(requested_by_id=1, confirmer_id=confirmer, user_id=3,
                                  confirmer_is_beheerder=beheerder, confirmer_is_team_leader=leader)
    assert error.value.code == code


def test_a_second_beheerder_or_the_team_leader_confirms():
    rules.check_second_person(requested_by_id=1, confirmer_id=2, user_id=3, confirmer_is_beheerder=True,
                              confirmer_is_team_leader=False)
    rules.check_second_person(requested_by_id=1, confirmer_id=2, user_id=3, confirmer_is_beheerder=False,
                              confirmer_is_team_leader=True)


def test_a_local_team_needs_a_site():
    with pytest.raises(RuleViolation):
        rules.check_organisation_place(kind="local_team", has_site=False)
    rules.check_organisation_place(kind="veilig_thuis", has_site=False)
    with pytest.raises(RuleViolation):
        rules.check_organisation_place(kind="bakkerij", has_site=False)
