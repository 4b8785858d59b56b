"""The access log's anchor: removing the NEWEST entries is detected too; the log outlives a dossier."""
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tandem.audit.models import AuditEvent, AuditHead
from tandem.audit.services import audit_record, audit_verify
from tandem.security.services import erase_household


@pytest.fixture
def log(family, actors):
    for _ in range(3):
        audit_record(actor=actors["consulent"], action="view", household_id=family.household_id, obj=family)
    return list(AuditEvent.objects.order_by("id"))


def test_the_anchor_follows_every_append(log):
    head = AuditHead.objects.get()
    assert (head.count, head.last_id, head.last_hash) == (len(log), log[-1].id, log[-1].hash)
    assert audit_verify() == []


def test_removing_the_newest_entry_is_detected_and_named(log):
    AuditEvent.objects.filter(pk=log[-1].pk).delete()  # the chain itself still verifies without it
    problems = audit_verify()
    assert problems == [f"Regel {log[-1].id}: de nieuwste regel(s) na regel {log[-2].id} zijn verwijderd "
                        f"(het anker telt {len(log)} regels, het logboek {len(log) - 1})."]


def test_the_command_prints_the_anchor_hash_and_checks_a_written_down_one(log, capsys):
    call_command("audit", "verify", "--expect", log[1].hash)
    out = capsys.readouterr().out
    assert f"Ankerhash (noteer deze buiten het systeem): {log[-1].hash}" in out
    with pytest.raises(CommandError):
        call_command("audit", "verify", "--expect", "f" * 64)


def test_the_command_fails_when_the_newest_entries_are_gone(log, capsys):
    AuditEvent.objects.filter(pk__in=[log[-1].pk, log[-2].pk]).delete()
    with pytest.raises(CommandError):
        call_command("audit", "verify")
    assert f"Regel {log[-1].id}" in capsys.readouterr().err


def test_deleting_a_household_leaves_its_log_entries(log, family):
    household_id = family.household_id
    before = AuditEvent.objects.filter(household_id=household_id).count()
    erase_household(household_id)
    assert AuditEvent.objects.filter(household_id=household_id).count() == before > 0
    assert audit_verify() == []


def _without_csrf(content: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", content)


def test_a_refused_dossier_is_logged_without_telling(client, family, actors):
    client.force_login(actors["outsider"])
    response = client.get(reverse("cases:household", args=[family.household_id]))
    unknown = client.get(reverse("cases:household", args=["00000000-0000-4000-8000-000000000000"]))
    assert response.status_code == unknown.status_code == 404
    # The same Dutch page for both; only the sign-out form's CSRF token is masked afresh for every response.
    assert _without_csrf(response.content) == _without_csrf(unknown.content)
    assert "bestaat niet, of u heeft er geen toegang toe" in response.content.decode()
    denied = AuditEvent.objects.filter(action="access_denied", actor_id=actors["outsider"].pk)
    assert [e.household_id for e in denied] == [family.household_id, None]


def test_the_consultant_sees_who_opened_the_dossier(client, family, actors):
    client.force_login(actors["outsider"])
    client.get(reverse("cases:household", args=[family.household_id]))
    client.force_login(actors["consulent"])
    household_page = client.get(reverse("cases:household", args=[family.household_id])).content.decode()
    assert reverse("cases:access_log", args=[family.household_id]) in household_page
    page = client.get(reverse("cases:access_log", args=[family.household_id])).content.decode()
    assert "Dirk Jansen" in page and "geweigerd (geen toegang)" in page and "De Jeugd- en Gezinsbeschermers" in page
    assert "Anna de Wit" in page and "dossier inzien" in page


def test_the_access_log_page_is_for_editors_only(client, family, actors):
    client.force_login(actors["coordinator"])
    assert client.get(reverse("cases:access_log", args=[family.household_id])).status_code == 404
