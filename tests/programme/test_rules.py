"""The learning programme's rules (pure, no database)."""
import ast
import datetime as dt
import inspect

import pytest

from tandem.core.exceptions import RuleViolation
from tandem.programme import rules

D = dt.date
TODAY = D(2025, 10, 15)


def test_rules_module_is_pure():
    tree = ast.parse(inspect.getsource(rules))
    imported = {n.module for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)}
    assert not any(name.startswith("django") or name.endswith("models") for name in imported), imported


def test_new_is_a_and_followed_is_active_minus_a():
    assert rules.new_and_followed(1, 5) == {"new": 1, "followed": 4}
    assert rules.new_and_followed(0, 0) == {"new": 0, "followed": 0}


def test_the_region_is_the_sum_of_its_sites():
    # seed 001's quarter: new Hilversum 1, Huizen 1, Gooise Meren 0; followed Huizen 2, Gooise Meren 2, Hilversum 4
    sites = [rules.new_and_followed(0, 2), rules.new_and_followed(1, 5), rules.new_and_followed(1, 3)]
    assert rules.total(sites) == {"new": 2, "followed": 8}
    assert rules.total([]) == {"new": 0, "followed": 0}


def test_a_free_section_is_its_paragraphs_in_order():
    assert rules.paragraphs("Eerste punt\nloopt door.\n\n  \nTweede punt.\n") == ["Eerste punt loopt door.",
                                                                                "Tweede punt."]
    assert rules.paragraphs("") == []


@pytest.mark.parametrize("comparison, families, registered, met", [
    ("fewer_than", 12, 11, True), ("fewer_than", 12, 12, False),
    ("more_than", 35, 35, False), ("more_than", 35, 36, True),
    ("at_least", 35, 35, True), ("at_most", 12, 12, True), ("at_most", 12, 13, False)])
def test_targets(comparison, families, registered, met):
    assert rules.target_met(comparison, families, registered) is met


def test_a_target_must_be_reachable():
    with pytest.raises(RuleViolation, match="gehaald"):
        rules.check_target(2024, "fewer_than", 0)
    with pytest.raises(RuleViolation):
        rules.check_target(2024, "about", 3)


def test_a_realised_proposal_has_a_date_and_only_then():
    rules.check_improvement("realised", D(2025, 9, 1), TODAY)
    rules.check_improvement("running", None, TODAY)
    with pytest.raises(RuleViolation) as missing:
        rules.check_improvement("realised", None, TODAY)
    assert missing.value.field == "realised_on"
    with pytest.raises(RuleViolation, match="alleen bij de status"):
        rules.check_improvement("proposed", D(2025, 9, 1), TODAY)
    with pytest.raises(RuleViolation, match="toekomst"):
        rules.check_improvement("realised", D(2025, 10, 16), TODAY)


def test_status_changes_follow_the_table():
    rules.check_transition("proposed", "realised")
    rules.check_transition("realised", "realised")
    rules.check_transition("dropped", "proposed")
    with pytest.raises(RuleViolation, match="niet van 'vervallen' naar 'gerealiseerd'"):
        rules.check_transition("dropped", "realised")


def test_participants_are_counted_by_known_role():
    assert rules.check_participants({"consulent": 3, "gi": 0, "veilig_thuis": None}) == {"consulent": 3}
    with pytest.raises(RuleViolation, match="ten minste één"):
        rules.check_participants({"consulent": 0})
    with pytest.raises(RuleViolation):
        rules.check_participants({"wethouder": 1})
    with pytest.raises(RuleViolation):
        rules.check_participants({"consulent": -1})


def test_discussed_quarters_are_known_and_not_after_the_meeting():
    assert rules.check_discussed_quarters(["2025-Q2", "2025-q1", "2025-Q2", ""], D(2025, 7, 10)) == [
        "2025-Q1", "2025-Q2"]
    with pytest.raises(RuleViolation, match="nog niet begonnen"):
        rules.check_discussed_quarters(["2025-Q4"], D(2025, 7, 10))
    with pytest.raises(RuleViolation, match="JJJJ-Qn"):
        rules.check_discussed_quarters(["2025-5"], D(2025, 7, 10))
    with pytest.raises(RuleViolation, match="ten minste één kwartaal"):
        rules.check_discussed_quarters([], D(2025, 7, 10))


def test_actions_one_per_line():
    assert rules.action_lines("- Uitleg herschrijven\n\n• Gedragswetenschappers vast\n  Agenda delen ") == [
        "Uitleg herschrijven", "Gedragswetenschappers vast", "Agenda delen"]


def test_themes():
    assert rules.parse_themes(" TOP3, en-en-regie,top3 ,,") == ["TOP3", "en-en-regie"]
    with pytest.raises(RuleViolation, match="hoogstens 8"):
        rules.parse_themes(",".join(f"t{i}" for i in range(9)))


def test_texts_and_milestones():
    assert rules.check_text("  tekst ", field="text", what="de les") == "tekst"
    with pytest.raises(RuleViolation, match="Vul de les in"):
        rules.check_text(" ", field="text", what="de les")
    with pytest.raises(RuleViolation, match="langer dan"):
        rules.check_text("x" * 4001, field="text", what="de les")
    with pytest.raises(RuleViolation, match="voor de begindatum"):
        rules.check_milestone(2025, "planned", D(2025, 5, 1), D(2025, 4, 1))
    with pytest.raises(RuleViolation):
        rules.check_milestone(2025, "blue", None, None)
