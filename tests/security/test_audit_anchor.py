"""The access log's external anchor: `tandem audit anchor` writes outside the database, `tandem audit verify
--anchor` names an emptied, shortened or rebuilt log; the log outlives a dossier."""
import re
import socket

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.urls import reverse

from tandem.audit import chain
from tandem.audit.models import AuditEvent, AuditSeal
from tandem.audit.services import audit_record, audit_seal, audit_verify
from tandem.security.services import erase_household


@pytest.fixture
def log(family, actors):
    for _ in range(3):
        audit_record(actor=actors["consulent"], action="view", household_id=family.household_id, obj=family)
    audit_seal()
    return list(AuditEvent.objects.order_by("id"))


@pytest.fixture
def anchor_file(log, tmp_path, capsys):
    path = tmp_path / "anker.txt"
    call_command("audit", "anchor", "--output", str(path))
    capsys.readouterr()
    return path


def verify_fails(path, capsys) -> str:
    with pytest.raises(CommandError) as failed:
        call_command("audit", "verify", "--anchor", str(path))
    assert failed.value.returncode == 1
    return capsys.readouterr().err


def test_the_anchor_is_one_line_per_run_with_its_own_mac(log, anchor_file, capsys):
    call_command("audit", "anchor", "--output", str(anchor_file))
    lines = anchor_file.read_text().splitlines()
    assert len(lines) == 2
    anchor = chain.parse_anchor(lines[-1])
    last = AuditSeal.objects.order_by("-seq").first()
    assert (anchor.count, anchor.seq, anchor.hash) == (len(log), last.seq, last.hash)
    call_command("audit", "verify", "--anchor", str(anchor_file))
    assert f"Het anker van {anchor.time} ({len(log)} regels) klopt." in capsys.readouterr().out


def test_removing_the_newest_entries_is_named(log, anchor_file, owner_sql, capsys):
    last = AuditSeal.objects.order_by("-seq").first()
    owner_sql("DELETE FROM audit_auditseal WHERE seq = %s", [last.seq])
    owner_sql("DELETE FROM audit_auditevent WHERE id = %s", [last.event_id])
    assert audit_verify() == []  # the chain alone cannot see it ...
    err = verify_fails(anchor_file, capsys)  # ... the anchor outside the database can
    assert f"Het logboek is ingekort: het anker van" in err and f"eindigt bij volgnummer {last.seq}" in err


def test_an_emptied_log_is_named(log, anchor_file, owner_sql, capsys):
    owner_sql("DELETE FROM audit_auditseal")
    owner_sql("DELETE FROM audit_auditevent")
    assert audit_verify() == []
    assert f"Het logboek is leeg, maar het anker van" in verify_fails(anchor_file, capsys)


def test_a_rebuilt_chain_is_named_even_with_the_right_key(log, anchor_file, owner_sql, settings, capsys):
    """Worst case: the whole log replaced by a consistent one (made with the key); the anchor still differs."""
    owner_sql("DELETE FROM audit_auditseal")
    owner_sql("DELETE FROM audit_auditevent")
    audit_record(actor=None, action="view")
    audit_seal()
    assert audit_verify() == []
    assert "Het logboek is ingekort" in verify_fails(anchor_file, capsys)


def test_a_changed_anchor_line_is_named(anchor_file, capsys):
    line = anchor_file.read_text().strip()
    anchor_file.write_text(line.replace("count=", "count=1") + "\n")
    assert "is vervalst (de sleutelcontrole klopt niet)" in verify_fails(anchor_file, capsys)


def test_no_new_anchor_over_a_shortened_log(log, anchor_file, owner_sql, capsys):
    last = AuditSeal.objects.order_by("-seq").first()
    owner_sql("DELETE FROM audit_auditseal WHERE seq = %s", [last.seq])
    with pytest.raises(CommandError, match="er is geen anker geschreven"):
        call_command("audit", "anchor", "--output", str(anchor_file))
    assert len(anchor_file.read_text().splitlines()) == 1


def test_the_anchor_goes_to_syslog(log, capsys):
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as receiver:
        receiver.bind(("127.0.0.1", 0))
        receiver.settimeout(5)
        call_command("audit", "anchor", "--syslog", f"127.0.0.1:{receiver.getsockname()[1]}")
        message = receiver.recv(4096).decode()
    line = capsys.readouterr().out.strip()
    assert message == f"<38>tandem-audit-anchor: {line}"
    assert chain.parse_anchor(line).count == len(log)


def test_verify_without_an_anchor_says_what_it_cannot_see(log, capsys):
    call_command("audit", "verify", "--expect", AuditSeal.objects.get(seq=2).hash)
    out = capsys.readouterr().out
    assert f"Het toegangslogboek is intact ({len(log)} regels" in out and "zonder extern anker" in out
    with pytest.raises(CommandError):
        call_command("audit", "verify", "--expect", "f" * 64)


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
