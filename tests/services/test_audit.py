"""The access log: every change is logged, entries are sealed into a keyed chain, tampering is named.

Tampering is done as someone with the database owner's rights would: past the triggers (`owner_sql`)."""
import datetime as dt

import pytest
from django.db import DatabaseError, connection, models, transaction

from tandem.audit import chain
from tandem.audit.models import AppendOnlyError, AuditEvent, AuditPending, AuditSeal
from tandem.audit.services import audit_keys, audit_record, audit_seal, audit_verify
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
    audit_seal()
    return list(AuditEvent.objects.order_by("id"))


def seal_of(event) -> AuditSeal:
    return AuditSeal.objects.get(event_id=event.pk)


def test_every_change_is_logged_in_order(history, family):
    assert [e.action for e in history] == ["household_register", "team_member_add", "consent_record",
                                           "report_record", "involvement_start", "journal_entry_add", "view",
                                           "trajectory_close"]
    assert {e.household_id for e in history} == {family.household_id}


def test_entries_wait_for_the_seal_and_are_then_chained_in_order(family, actors):
    audit_seal()
    entry = audit_record(actor=actors["consulent"], action="view", household_id=family.household_id)
    assert AuditPending.objects.filter(event_id=entry.pk).exists()  # inside the transaction: not yet sealed
    assert not AuditSeal.objects.filter(event_id=entry.pk).exists()
    assert audit_seal() == 1
    seals = list(AuditSeal.objects.order_by("seq"))
    assert [s.seq for s in seals] == list(range(1, len(seals) + 1))
    assert seals[0].prev_hash == chain.GENESIS
    for before, after in zip(seals, seals[1:]):
        assert after.prev_hash == before.hash
    assert seals[-1].event_id == entry.pk and not AuditPending.objects.exists()


def test_the_chain_is_keyed(history):
    """The same content under another key gives other macs and hashes: without the key nothing can be redone."""
    event, seal = history[2], seal_of(history[2])
    key, other = audit_keys()[0], chain.make_key("iemand-anders-heeft-deze-sleutel-gemaakt-123")
    assert event.mac == chain.event_mac(key, event) != chain.event_mac(other, event)
    assert seal.hash == chain.seal_hash(key, seq=seal.seq, event_id=event.pk, mac=event.mac, prev_hash=seal.prev_hash)
    assert seal.hash != chain.seal_hash(other, seq=seal.seq, event_id=event.pk, mac=event.mac,
                                        prev_hash=seal.prev_hash)


def test_the_chain_verifies(history):
    assert audit_verify() == []


def test_an_empty_log_verifies(db):
    assert audit_verify() == []


def test_a_changed_entry_is_detected(history, owner_sql):
    target = history[3]
    owner_sql("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [target.pk])
    assert audit_verify() == [f"Regel {target.pk} (volgnummer {seal_of(target).seq}): de inhoud van deze regel is "
                              "gewijzigd."]


def test_a_chain_recomputed_without_the_key_is_detected(history, owner_sql):
    """What the old SHA-256 chain allowed: change an entry and redo every mac and hash, here with a key of the
    attacker's own (it has no other): every entry from the change on is named."""
    forger, prev_hash = chain.make_key("de-sleutel-van-iemand-met-alleen-databasetoegang"), chain.GENESIS
    owner_sql("UPDATE audit_auditevent SET action = 'x' WHERE id = %s", [history[3].pk])
    for event in AuditEvent.objects.order_by("id"):
        seal = seal_of(event)
        mac = chain.event_mac(forger, event)
        prev_hash_new = chain.seal_hash(forger, seq=seal.seq, event_id=event.pk, mac=mac, prev_hash=prev_hash)
        owner_sql("UPDATE audit_auditevent SET mac = %s, key_id = %s WHERE id = %s", [mac, seal.key_id, event.pk])
        owner_sql("UPDATE audit_auditseal SET hash = %s, prev_hash = %s WHERE seq = %s",
                  [prev_hash_new, prev_hash, seal.seq])
        prev_hash = prev_hash_new
    problems = audit_verify()
    assert len([p for p in problems if "de keten klopt niet met de sleutel" in p]) == len(history)
    assert len([p for p in problems if "de inhoud van deze regel is gewijzigd" in p]) == len(history)


def test_a_deleted_entry_is_detected(history, owner_sql):
    target = history[4]
    owner_sql("DELETE FROM audit_auditevent WHERE id = %s", [target.pk])
    assert audit_verify() == [f"Regel {target.pk} (volgnummer {seal_of(target).seq}) is verwijderd."]


def test_a_deleted_entry_and_its_seal_are_detected(history, owner_sql):
    target, following = history[2], history[3]
    seq = seal_of(target).seq
    owner_sql("DELETE FROM audit_auditseal WHERE seq = %s", [seq])
    owner_sql("DELETE FROM audit_auditevent WHERE id = %s", [target.pk])
    assert audit_verify() == [f"Regel {following.pk} (volgnummer {seq + 1}): de regels met volgnummer {seq} tot en "
                              f"met {seq} zijn verwijderd."]


def test_an_entry_added_outside_tandem_is_named(history, owner_sql):
    owner_sql("INSERT INTO audit_auditevent (at, actor_name, actor_role, actor_organisation, action, object_type, "
              "object_id, purpose, detail, key_id, mac) VALUES (%s, 'x', '', '', 'view', '', '', '', '{}', 'k', 'm')",
              [history[0].at])
    forged = AuditEvent.objects.order_by("-id").first()
    assert audit_verify() == [f"Regel {forged.pk} staat niet in de keten (buiten Tandem om toegevoegd)."]


def test_entries_cannot_be_changed_or_deleted_through_the_model(history):
    entry = history[1]
    entry.action = "x"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(AppendOnlyError):
        entry.delete()
    assert AuditEvent.objects.get(pk=entry.pk).action == "team_member_add"
    assert audit_verify() == []


@pytest.mark.parametrize("model", [AuditEvent, AuditSeal])
def test_bulk_update_and_delete_are_refused_by_the_queryset(history, model):
    with pytest.raises(AppendOnlyError, match="kan niet worden gewijzigd"):
        model.objects.filter(pk__in=[]).update(key_id="x")
    with pytest.raises(AppendOnlyError):
        model.objects.all().delete()
    with pytest.raises(AppendOnlyError):
        model.objects.bulk_update(list(model.objects.all()[:1]), ["key_id"])
    assert audit_verify() == []


@pytest.mark.parametrize("statement", ["UPDATE audit_auditevent SET action = 'x'", "DELETE FROM audit_auditevent",
                                       "UPDATE audit_auditseal SET hash = 'x'", "DELETE FROM audit_auditseal"])
def test_the_database_refuses_sql_that_changes_the_log(history, statement):
    """On PostgreSQL and SQLite alike: a trigger refuses the statement, even past the ORM."""
    with pytest.raises(DatabaseError, match="kan niet worden gewijzigd"):
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(statement)
    assert audit_verify() == []
    assert AuditEvent.objects.count() == len(history)


def test_a_bulk_update_past_every_guard_is_named_for_every_entry(history):
    """A plain QuerySet (not the log's own) with the triggers lifted: each changed entry is named."""
    with owner_rights():
        models.QuerySet(AuditEvent).update(purpose="niets aan de hand")
    problems = audit_verify()
    assert len(problems) == len(history)
    assert all("de inhoud van deze regel is gewijzigd" in p for p in problems)


def owner_rights():
    from tandem.audit.database import triggers_suspended

    return triggers_suspended()


def test_the_log_holds_no_personal_data(history):
    for event in history:
        text = str(event.detail) + event.object_id + event.object_type + event.purpose
        for personal in ("Fatima", "Amrani", "Daan", "Vries", "111222333", "1988", "2016"):
            assert personal not in text


def test_system_changes_are_logged_as_the_system(db):
    event = audit_record(actor=None, action="import")
    assert (event.actor_id, event.actor_name, event.actor_role) == (None, "systeem", "")
    assert audit_verify() == []


def test_a_new_key_is_recorded_in_the_chain_and_both_keys_verify(history, settings, family, actors):
    old = settings.TANDEM_AUDIT_KEYS[0]
    settings.TANDEM_AUDIT_KEYS = ["een-nieuwe-sleutel-voor-het-logboek-2026-abcdef", old]
    audit_record(actor=actors["consulent"], action="view", household_id=family.household_id)
    audit_seal()
    rotation, after = [AuditEvent.objects.get(pk=s.event_id) for s in AuditSeal.objects.order_by("-seq")[:2][::-1]]
    assert rotation.action == "audit_key_rotate"
    assert rotation.detail == {"from": chain.make_key(old).id, "to": audit_keys()[0].id, "old_key_configured": True}
    assert seal_of(rotation).key_id == chain.make_key(old).id  # the old key vouches for the switch
    assert seal_of(after).key_id == audit_keys()[0].id
    assert audit_verify() == []
    settings.TANDEM_AUDIT_KEYS = [settings.TANDEM_AUDIT_KEYS[0]]  # the old key dropped: its part cannot be checked
    problems = audit_verify()
    assert problems and all("ontbreekt in TANDEM_AUDIT_KEY" in p for p in problems)
