"""The family's voice at closure and after a contact, and the expert's own lesson for the practice group."""
import datetime as dt

import pytest

from tandem.cases import services as dossier
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.experts import selectors, services
from tandem.experts.models import FamilyVoice
from tandem.monitor.models import Experience
from tandem.monitor.rules import quarter_of
from tandem.programme.models import Lesson

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_at_closure_the_member_is_asked_once(family, mother, actors, site):
    assert selectors.open_voice_questions(mother) == []
    dossier.trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=TODAY,
                             end_evaluation="Veilig genoeg.", exit_participants="gezin, consulent")
    [question] = selectors.open_voice_questions(mother)
    assert question.occasion == "closure"
    services.voice_answer(member=mother, occasion="closure", object_id=question.object_id,
                          i_text="Het team luisterde naar ons. Soms ging het te snel.")
    i = Experience.objects.get(question="I")
    assert i.site == site and i.quarter == quarter_of(TODAY).label and "luisterde" in i.text
    assert not Experience.objects.filter(question="K").exists()  # not answered: nothing sent
    assert selectors.open_voice_questions(mother) == []
    with pytest.raises(RuleViolation) as refused:
        services.voice_answer(member=mother, occasion="closure", object_id=question.object_id, i_text="nog eens")
    assert refused.value.code == "already_answered"
    assert FamilyVoice.objects.count() == 1


def test_an_empty_answer_sends_nothing(family, mother, actors):
    dossier.trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=TODAY,
                             end_evaluation="Veilig genoeg.", exit_participants="gezin, consulent")
    with pytest.raises(RuleViolation):
        services.voice_answer(member=mother, occasion="closure", object_id=str(family.pk), k_text=" ", i_text="")
    assert not Experience.objects.exists() and not FamilyVoice.objects.exists()


def test_an_open_trajectory_has_no_closure_question(family, mother):
    with pytest.raises(RuleViolation) as refused:
        services.voice_answer(member=mother, occasion="closure", object_id=str(family.pk), i_text="x")
    assert refused.value.code == "not_found"


def test_each_member_answers_for_themselves(joined, expert, family, mother, child, actors):
    contact = services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY,
                                      kind="phone", minutes=20)
    services.voice_answer(member=mother, occasion="contact", object_id=contact.pk, k_text="Steun.")
    assert [q.object_id for q in selectors.open_voice_questions(child)] == [contact.pk]
    assert selectors.open_voice_questions(mother) == []


def test_the_expert_shares_a_lesson_without_names(expert, actors, site):
    lesson = services.expert_lesson_add(actor=actors["expert"], site=site, aspect="process", kind="lesson",
                                        text="Bij Jan de Boer werkte een kort eerste gesprek thuis het best.")
    lesson = Lesson.objects.get(pk=lesson.pk)
    assert lesson.site == site and lesson.quarter == quarter_of(TODAY).label
    assert "Jan de Boer" not in lesson.text and "kort eerste gesprek" in lesson.text
    assert "ervaringsdeskundigheid" in lesson.themes


def test_only_an_expert_of_the_site_shares_a_lesson(expert, actors, other_site, site):
    with pytest.raises(NotPermitted):
        services.expert_lesson_add(actor=actors["expert"], site=other_site, aspect="process", text="x")
    with pytest.raises(NotPermitted):
        services.expert_lesson_add(actor=actors["consulent"], site=site, aspect="process", text="x")
    assert not Lesson.objects.exists()
