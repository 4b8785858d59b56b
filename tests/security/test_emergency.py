"""Emergency access (break the glass): a reason, a time limit, read-only, flagged and logged."""
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.audit.models import AuditEvent
from tandem.cases.selectors import access_for, trajectories_visible_to
from tandem.core.exceptions import RuleViolation
from tandem.security import rules
from tandem.security.models import EmergencyAccess
from tandem.security.services import emergency_access_grant, emergency_access_request

REASON = "Politie belt: kind mogelijk in gevaar, ik heb nu het veiligheidsplan nodig."


def test_rule_wants_a_dossier_role_and_a_real_reason():
    rules.check_emergency_request(role="beschermpartner", reason=REASON, requests_last_day=0)
    for role in ("coordinator", "projectleider", "beheerder", "ervaringsdeskundige"):
        with pytest.raises(RuleViolation, match="rol"):
            rules.check_emergency_request(role=role, reason=REASON, requests_last_day=0)
    with pytest.raises(RuleViolation) as exc:
        rules.check_emergency_request(role="consulent", reason="nodig", requests_last_day=0)
    assert exc.value.field == "reason"
    with pytest.raises(RuleViolation, match="24 uur"):
        rules.check_emergency_request(role="consulent", reason=REASON, requests_last_day=rules.MAX_REQUESTS_PER_DAY)


def test_a_grant_gives_read_only_identifying_access_for_a_limited_time(family, actors, settings):
    settings.TANDEM_EMERGENCY_MINUTES = 30
    outsider = actors["outsider"]
    assert not access_for(outsider, family).view
    grant = emergency_access_grant(actor=outsider, household=family.household, reason=REASON)
    assert grant.ends_at - grant.starts_at == dt.timedelta(minutes=30)
    access = access_for(outsider, family)
    assert (access.view, access.edit, access.identifying, access.emergency) == (True, False, True, True)
    assert trajectories_visible_to(outsider).filter(pk=family.pk).exists()
    event = AuditEvent.objects.get(action="emergency_access")
    assert event.household_id == family.household_id and REASON in event.purpose
    past = timezone.now() - dt.timedelta(hours=2)
    EmergencyAccess.objects.filter(pk=grant.pk).update(starts_at=past, ends_at=past + dt.timedelta(minutes=30))
    assert not access_for(outsider, family).view


def test_no_grant_for_roles_without_dossiers_or_when_access_exists(family, actors):
    with pytest.raises(RuleViolation):
        emergency_access_grant(actor=actors["coordinator"], household=family.household, reason=REASON)
    with pytest.raises(RuleViolation, match="al toegang"):
        emergency_access_grant(actor=actors["consulent"], household=family.household, reason=REASON)
    assert not EmergencyAccess.objects.exists()


def test_unknown_and_known_codes_get_the_same_answer(client, family, actors):
    client.force_login(actors["outsider"])
    url = reverse("cases:emergency_request")
    unknown = client.post(url, {"code": "00000000", "reason": REASON})
    known = client.post(url, {"code": family.household.short_code, "reason": REASON})
    assert unknown.status_code == known.status_code == 302
    assert unknown["Location"] == known["Location"] == reverse("cases:my_families")
    assert [e.action for e in AuditEvent.objects.filter(actor_id=actors["outsider"].pk)] == [
        "emergency_access_unknown", "emergency_access"]
    page = client.get(reverse("cases:household", args=[family.household_id])).content.decode()
    assert "Fatima" in page and "noodtoegang" in page
    edit = client.get(reverse("cases:journal_entry_add", args=[family.pk]))
    assert edit.status_code == 403


def test_the_consultant_sees_who_broke_the_glass(client, family, actors):
    emergency_access_request(actor=actors["outsider"], code=family.household.short_code, reason=REASON)
    client.force_login(actors["consulent"])
    for url in (reverse("cases:household", args=[family.household_id]), reverse("cases:my_families")):
        page = client.get(url).content.decode()
        assert "Noodtoegang door Dirk Jansen" in page and REASON in page


def test_too_many_requests_are_refused(client, actors):
    for _ in range(rules.MAX_REQUESTS_PER_DAY):
        emergency_access_request(actor=actors["outsider"], code="00000000", reason=REASON)
    with pytest.raises(RuleViolation, match="24 uur"):
        emergency_access_request(actor=actors["outsider"], code="00000000", reason=REASON)
