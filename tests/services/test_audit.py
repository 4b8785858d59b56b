"""The access log: every change is logged, the chain verifies, tampering is detected."""
import datetime as dt

import pytest
from django.db import connection

from tandem.audit.models import AuditEvent
from tandem.audit.services import GENESIS, _digest, _fields, audit_record, audit_verify
from tandem.cases.services import (
    consent_record,
    involvement_start,
    journal_entry_add,
    report_record,
    trajectory_close,
)

D = dt.date


@pytest.fixture
def history(actors, family, orgs, mother, on_team):
    """A handful of changes, each one writing a log entry."""
    consent_record(actor=actors["consulent"], how="conversation", trajectory=family, organisation=orgs["vt"], given_by=mother,
                   purpose="analyse", given_on=D(2025, 1, 18))
    report_record(actor=actors["consulent"], trajectory=family, on=D(2025, 2, 1), organisation=orgs["vt"])
    involvement_start(actor=actors["partner"], trajectory=family, organisation=orgs["vt"], form="orange",
                      start=D(2025, 2, 1))
    journal_entry_add(actor=actors["partner"], trajectory=family, kind="partner_report", nature="fact",
                      source="huisbezoek", text="Huisbezoek afgelegd.")
    audit_record(actor=actors["partner"], action="view", household_id=family.household_id, obj=family,
                 purpose="dossier inzien")
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    return list(AuditEvent.objects.order_by("id"))


def test_every_change_is_logged_in_order(history, family):
    assert [e.action for e in history] == ["household_register", "team_member_add", "consent_record",
                                           "report_record", "involvement_start", "journal_entry_add", "view",
                                           "trajectory_close"]
    assert {e.household_id for e in history} == {family.household_id}


def test_the_chain_links_every_entry_to_the_one_before(history):
    assert history[0].prev_hash == GENESIS
    for before, after in zip(history, history[1:]):
        assert after.prev_hash == before.hash
    assert len({e.hash for e in history}) == len(history)


def test_the_chain_verifies(history):
    assert audit_verify() == []


def test_an_empty_log_verifies(db):
    assert audit_verify() == []


def test_a_changed_entry_is_detected(history):
    target = history[3]
    AuditEvent.objects.filter(pk=target.pk).update(action="x")
    problems = audit_verify()
    assert problems == [f"Regel {target.pk}: de inhoud van deze regel is gewijzigd."]


def test_a_changed_detail_is_detected(history):
    target = history[2]
    AuditEvent.objects.filter(pk=target.pk).update(detail={"organisation": "RVDK"})
    assert any(str(target.pk) in p for p in audit_verify())


def test_a_deleted_entry_is_detected_through_a_queryset(history):
    target, following = history[4], history[5]
    AuditEvent.objects.filter(pk=target.pk).delete()     # bulk delete bypasses AuditEvent.delete()
    assert not AuditEvent.objects.filter(pk=target.pk).exists()
    assert audit_verify() == [f"Regel {following.pk}: de regel ervoor is gewijzigd of verwijderd."]


def test_a_deleted_entry_is_detected_through_raw_sql(history):
    target, following = history[2], history[3]
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {AuditEvent._meta.db_table} WHERE id = %s", [target.pk])
    assert audit_verify() == [f"Regel {following.pk}: de regel ervoor is gewijzigd of verwijderd."]


def test_a_rehashed_entry_still_breaks_the_chain(history):
    """Changing an entry and recomputing its own hash passes for that entry but breaks the next link."""
    target, following = history[3], history[4]
    target.action = "x"
    AuditEvent.objects.filter(pk=target.pk).update(action="x", hash=_digest(target.prev_hash, _fields(target)))
    assert audit_verify() == [f"Regel {following.pk}: de regel ervoor is gewijzigd of verwijderd."]


def test_entries_cannot_be_changed_or_deleted_through_the_model(history):
    entry = history[1]
    entry.action = "x"
    with pytest.raises(RuntimeError):
        entry.save()
    with pytest.raises(RuntimeError):
        entry.delete()
    assert AuditEvent.objects.get(pk=entry.pk).action == "team_member_add"
    assert audit_verify() == []


def test_the_log_holds_no_personal_data(history):
    for event in history:
        text = str(event.detail) + event.object_id + event.object_type + event.purpose
        for personal in ("Fatima", "Amrani", "Daan", "Vries", "111222333", "1988", "2016"):
            assert personal not in text


def test_system_changes_are_logged_as_the_system(db):
    event = audit_record(actor=None, action="import")
    assert (event.actor_id, event.actor_name, event.actor_role) == (None, "systeem", "")
    assert audit_verify() == []
