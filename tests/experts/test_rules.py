"""The pool's rules as pure functions: no database."""
import datetime as dt

import pytest

from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.experts import rules

D = dt.date(2025, 6, 1)


def candidate(**over):
    values = dict(profile_ids=frozenset({1}), site_ids=frozenset({10}), available=True, active=True, load=1,
                  max_families=3)
    values.update(over)
    return rules.Candidate(**values)


def test_a_match_needs_profile_site_availability_and_room():
    assert rules.is_match(candidate(), profile_id=1, site_id=10)
    for over in ({"profile_ids": frozenset({2})}, {"site_ids": frozenset({11})}, {"available": False},
                 {"active": False}, {"load": 3}):
        assert not rules.is_match(candidate(**over), profile_id=1, site_id=10), over


@pytest.mark.parametrize("over,code", [({"profile_ids": frozenset()}, "expert_profile"),
                                       ({"site_ids": frozenset()}, "expert_site"),
                                       ({"available": False}, "expert_unavailable"), ({"load": 3}, "expert_full"),
                                       ({"active": False}, "expert_inactive")])
def test_check_match_names_the_reason(over, code):
    with pytest.raises(RuleViolation) as refused:
        rules.check_match(candidate(**over), profile_id=1, site_id=10)
    assert refused.value.code == code and refused.value.message


def test_the_steps_go_in_order():
    rules.check_step("requested", "propose")
    rules.check_step("proposed", "accept")
    rules.check_step("accepted", "join")
    for status, step in (("requested", "accept"), ("proposed", "join"), ("joined", "withdraw"),
                         ("withdrawn", "propose"), ("accepted", "propose")):
        with pytest.raises(RuleViolation):
            rules.check_step(status, step)


def test_only_the_local_team_asks_and_only_the_proposed_expert_answers():
    rules.check_may_request("local_team")
    rules.check_may_request("team_leader")
    for position in ("partner_named", "partner_lead", "expert", "local_colleague", None):
        with pytest.raises(NotPermitted):
            rules.check_may_request(position)
    rules.check_is_proposed_expert(actor_id=5, proposed_user_id=5)
    for actor in (None, 6):
        with pytest.raises(NotPermitted):
            rules.check_is_proposed_expert(actor_id=actor, proposed_user_id=5)


def test_the_pool_is_kept_by_its_own_coordinator():
    rules.check_keeps_pool(role="poolcoordinator", of_organisation=True)
    for role, own in (("poolcoordinator", False), ("coordinator", True), ("ervaringsdeskundige", True)):
        with pytest.raises(NotPermitted):
            rules.check_keeps_pool(role=role, of_organisation=own)


def test_reports_for_the_pool_and_the_region():
    rules.check_may_read_reports(role="poolcoordinator", of_organisation=True, of_region=True)
    rules.check_may_read_reports(role="coordinator", of_organisation=False, of_region=True)
    for role in ("consulent", "ervaringsdeskundige", "beschermpartner"):
        with pytest.raises(NotPermitted):
            rules.check_may_read_reports(role=role, of_organisation=False, of_region=True)


def _call_up(**over):
    values = dict(purpose="home_visit", wanted_on=D, wanted_until=None, today=D, trajectory_open=True,
                  profile_active=True, profile_of_region=True)
    values.update(over)
    rules.check_call_up(**values)


@pytest.mark.parametrize("over,code", [
    ({"trajectory_open": False}, "trajectory_closed"), ({"profile_of_region": False}, "profile_unknown"),
    ({"purpose": "x"}, "purpose_unknown"), ({"purpose": "support"}, "until_missing"),
    ({"wanted_until": D}, "until_only_support"),
    ({"purpose": "support", "wanted_until": D - dt.timedelta(days=1)}, "until_before_from"),
    ({"wanted_on": D - dt.timedelta(days=30)}, "wanted_past")])
def test_a_call_up_is_clear(over, code):
    with pytest.raises(RuleViolation) as refused:
        _call_up(**over)
    assert refused.value.code == code
    _call_up(purpose="support", wanted_until=D + dt.timedelta(days=60))


@pytest.mark.parametrize("kwargs", [dict(kind="chat"), dict(number=0), dict(number=21), dict(minutes=0),
                                    dict(minutes=1441), dict(on=D + dt.timedelta(days=1))])
def test_a_contact_is_counted_within_bounds(kwargs):
    values = dict(kind="phone", number=1, minutes=15, on=D, today=D)
    rules.check_contact(**values)
    with pytest.raises(RuleViolation):
        rules.check_contact(**{**values, **kwargs})


def test_the_voice_once_in_own_words():
    rules.check_voice(k_text="fijn", i_text="", already_answered=False, own_household=True)
    for kwargs in (dict(own_household=False), dict(already_answered=True), dict(k_text=" "),
                   dict(k_text="x" * 2001)):
        with pytest.raises(RuleViolation):
            rules.check_voice(**{**dict(k_text="fijn", i_text="", already_answered=False, own_household=True),
                                 **kwargs})


def test_consent_before_joining():
    rules.check_consent_for_join(True)
    with pytest.raises(RuleViolation) as refused:
        rules.check_consent_for_join(False)
    assert "toestemming" in refused.value.message
