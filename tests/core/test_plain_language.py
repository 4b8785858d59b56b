"""Plain-language hints (B1): long sentences and jargon with its plain word. Pure, no database."""
import pytest

from tandem.core.exceptions import RuleViolation
from tandem.core.plain_language import (
    check_reviewed,
    hints,
    jargon,
    long_sentences,
    sentences,
)


def test_short_plain_text_has_no_hints():
    assert hints("Fatima belt oma als het thuis niet goed gaat. Daan slaapt dan bij oma.") == []


def test_a_long_sentence_is_named():
    long = " ".join(["woord"] * 25) + "."
    found = hints("Dit is kort. " + long)
    assert len(found) == 1 and "25 woorden" in found[0]
    assert long_sentences("Kort. " + long) == [long]
    assert sentences("Een. Twee!\n\nDrie") == ["Een.", "Twee!", "Drie"]


def test_jargon_gets_its_plain_word():
    found = hints("De OTS loopt nog. De GI gebruikt haar bevoegdheden.")
    assert any("OTS" in h and "kinderrechter" in h for h in found)
    assert any("bevoegdheden" in h and "volgens de wet" in h for h in found)
    assert [t for t, _ in jargon("casusregie bij de gi")] == ["casusregie", "gi"]


def test_jargon_matches_whole_words_only():
    assert jargon("De gitaar en de vtwo staan klaar") == []


def test_review_is_asked_only_when_there_are_hints():
    check_reviewed([], False)
    check_reviewed(["tip"], True)
    with pytest.raises(RuleViolation) as info:
        check_reviewed(["tip"], False)
    assert info.value.field == "reviewed"
