"""experience_record: the experiences (G–K) of a site and quarter, entered by people of that site."""
import pytest

from tandem.audit.models import AuditEvent
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.monitor.models import Experience
from tandem.monitor.queries import compute_monitor
from tandem.monitor.services import experience_record

pytestmark = pytest.mark.django_db


def test_texts_and_answers_reach_the_monitor(actors, site):
    experience_record(actor=actors["consulent"], site=site, quarter="2025-q1", question="g", text=" Eén gezicht. ")
    experience_record(actor=actors["coordinator"], site=site, quarter="2025-Q1", question="J", answer=True,
                      reasons=["brugfunctie naar het gezin"])
    experience_record(actor=None, site=site, quarter="2025-Q1", question="J", answer=False)
    assert Experience.objects.filter(site=site, quarter="2025-Q1").count() == 3
    experiences = compute_monitor(site=site, quarter="2025-Q1")["experiences"]
    assert experiences["G"] == ["Eén gezicht."]
    assert experiences["J"] == {"yes": 1, "no": 1, "reasons": {"brugfunctie naar het gezin": 1}}


def test_every_experience_is_logged_without_its_text(actors, site):
    experience_record(actor=actors["consulent"], site=site, quarter="2025-Q1", question="I", text="Persoonlijk")
    event = AuditEvent.objects.get(action="experience_record")
    assert event.detail == {"site": "HLV", "quarter": "2025-Q1", "question": "I"}
    assert "Persoonlijk" not in str(event.detail)


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "expert"])
def test_people_of_other_organisations_may_not(actors, site, who):
    with pytest.raises(NotPermitted):
        experience_record(actor=actors[who], site=site, quarter="2025-Q1", question="G", text="Tekst")
    assert not Experience.objects.exists()


def test_policy_reads_the_monitor_but_does_not_fill_it_in(site, orgs):
    from tandem.organisations.models import User
    policy = User.objects.create_user(username="linda", organisation=orgs["coord"], role="beleid")
    with pytest.raises(NotPermitted):
        experience_record(actor=policy, site=site, quarter="2025-Q1", question="G", text="Tekst")
    assert not Experience.objects.exists()


@pytest.mark.parametrize("values, code", [
    ({"quarter": "2025-Q9", "question": "G", "text": "x"}, "quarter_unknown"),
    ({"quarter": "2025-Q1", "question": "Z", "text": "x"}, "question_unknown"),
    ({"quarter": "2025-Q1", "question": "H", "text": "  "}, "text_missing"),
    ({"quarter": "2025-Q1", "question": "K", "text": "x", "answer": True}, "answer_only_for_j"),
    ({"quarter": "2025-Q1", "question": "J"}, "answer_missing"),
    ({"quarter": "2025-Q1", "question": "J", "answer": True, "reasons": [" "]}, "reasons_missing"),
    ({"quarter": "2025-Q1", "question": "J", "answer": False, "reasons": ["iets"]}, "reasons_with_no"),
])
def test_incomplete_experiences_are_refused(actors, site, values, code):
    with pytest.raises(RuleViolation) as refused:
        experience_record(actor=actors["consulent"], site=site, **values)
    assert refused.value.code == code
    assert not Experience.objects.exists()
