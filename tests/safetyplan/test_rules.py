"""The safety-plan guardrails, without a database."""
import datetime as dt

import pytest

from tandem.core.exceptions import RuleViolation
from tandem.safetyplan import rules

D = dt.date


def code_of(func, *args):
    with pytest.raises(RuleViolation) as info:
        func(*args)
    return info.value.code


def test_top3_needs_one_to_three_distinct_ranks():
    rules.check_situation_ranks([1, 2, 3])
    rules.check_situation_ranks([2])
    assert code_of(rules.check_situation_ranks, []) == "no_situation"
    assert code_of(rules.check_situation_ranks, [1, 2, 3, 3]) == "too_many_situations"
    assert code_of(rules.check_situation_ranks, [1, 1]) == "situation_ranks"
    assert code_of(rules.check_situation_ranks, [4]) == "situation_ranks"


def test_a_situation_needs_family_words_a_condition_and_an_agreement():
    rules.check_situation_complete(1, "Als papa drinkt", 1, 1)
    assert code_of(rules.check_situation_complete, 1, "  ", 1, 1) == "situation_family_words"
    assert code_of(rules.check_situation_complete, 2, "x", 0, 1) == "situation_no_condition"
    assert code_of(rules.check_situation_complete, 3, "x", 1, 0) == "situation_no_agreement"


def test_an_agreement_says_who_what_and_by_when():
    rules.check_agreement("Oma", "Haalt Daan op", D(2025, 3, 1))
    assert code_of(rules.check_agreement, "", "Haalt Daan op", D(2025, 3, 1)) == "agreement_who_what"
    assert code_of(rules.check_agreement, "Oma", " ", D(2025, 3, 1)) == "agreement_who_what"
    assert code_of(rules.check_agreement, "Oma", "Haalt op", None) == "agreement_due"


@pytest.mark.parametrize("score", [0, 5, 10])
def test_scale_runs_from_0_to_10(score):
    rules.check_score(score)


@pytest.mark.parametrize("score", [-1, 11])
def test_scale_refuses_outside_0_to_10(score):
    assert code_of(rules.check_score, score) == "score_range"


def test_a_score_has_a_participant_and_the_family_score_is_noticed():
    assert code_of(rules.check_score_participant, "") == "score_participant"
    rules.check_family_score_present(["family", "professional"])
    assert code_of(rules.check_family_score_present, ["professional"]) == "no_family_score"


def test_evaluation_not_before_the_version():
    rules.check_evaluation_date(D(2025, 2, 1), D(2025, 2, 1))
    assert code_of(rules.check_evaluation_date, D(2025, 2, 1), D(2025, 1, 31)) == "evaluation_before_version"
    assert code_of(rules.check_evaluation_date, D(2025, 2, 1), None) == "evaluation_missing"
    assert code_of(rules.check_monitor_named, " ") == "monitor_missing"


def test_sign_off_with_a_date_or_a_reason():
    today = D(2025, 3, 1)
    rules.check_sign_off(D(2025, 2, 1), D(2025, 2, 2), "", today)
    rules.check_sign_off(D(2025, 2, 1), None, "Vader wil eerst met zijn advocaat praten", today)
    assert code_of(rules.check_sign_off, D(2025, 2, 1), None, "", today) == "sign_off_missing"
    assert code_of(rules.check_sign_off, D(2025, 2, 1), D(2025, 2, 2), "reden", today) == "sign_off_both"
    assert code_of(rules.check_sign_off, D(2025, 2, 1), D(2025, 3, 2), "", today) == "sign_off_future"
    assert code_of(rules.check_sign_off, D(2025, 2, 1), D(2025, 1, 31), "", today) == "sign_off_before_version"
    assert code_of(rules.check_not_yet_signed, True) == "sign_off_settled"


def test_a_meeting_has_an_expert_or_a_reason():
    rules.check_expert_or_reason(True, "")
    rules.check_expert_or_reason(False, "Ziek afgemeld")
    assert code_of(rules.check_expert_or_reason, False, " ") == "meeting_no_expert"
    assert code_of(rules.check_expert_role, "consulent") == "expert_role"
    rules.check_expert_role("ervaringsdeskundige")


def test_only_a_behavioural_scientist_challenges():
    rules.check_challenger("gedragswetenschapper")
    for role in ["consulent", "beschermpartner", "ervaringsdeskundige", ""]:
        assert code_of(rules.check_challenger, role) == "challenger_role"


def test_analysis_needs_facts_and_responses_follow_challenges():
    assert code_of(rules.check_analysis_facts, "") == "analysis_no_facts"
    rules.check_on_or_after_challenge(D(2025, 2, 2), D(2025, 2, 2))
    assert code_of(rules.check_on_or_after_challenge, D(2025, 2, 1), D(2025, 2, 2)) == "response_before_challenge"
