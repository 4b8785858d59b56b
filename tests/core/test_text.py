"""core.text.check_text: NUL characters and over-long text are refused wherever text enters (issue 11)."""
import pytest

from tandem.core.exceptions import RuleViolation
from tandem.core.text import FREE_TEXT_MAX, check_text


@pytest.mark.parametrize("value", ["", None, "Gewoon een zin.", "x" * FREE_TEXT_MAX])
def test_ordinary_text_passes(value):
    check_text(value, field="text")


def test_a_nul_character_is_refused():
    with pytest.raises(RuleViolation) as info:
        check_text("voor\x00na", field="text")
    assert (info.value.code, info.value.field) == ("text_nul", "text") and "NUL" in info.value.message


def test_text_longer_than_the_field_is_refused():
    with pytest.raises(RuleViolation) as info:
        check_text("x" * 100_000, field="text")
    assert info.value.code == "text_too_long" and "100.000 tekens, hoogstens 20.000" in info.value.message
    with pytest.raises(RuleViolation):
        check_text("x" * 201, field="family_name", max_length=200)


def test_the_portal_refuses_a_nul_character_from_a_resident():
    from tandem.portal import rules as portal_rules

    with pytest.raises(RuleViolation) as info:
        portal_rules.check_text("Daan heet \x00anders.", "wat er niet klopt")
    assert info.value.code == "text_nul"
