"""Migration audit 0003 re-chains the entries of the unkeyed SHA-256 chain (tandem.audit.legacy), pure."""
import datetime as dt
import uuid
from types import SimpleNamespace

from tandem.audit import chain, legacy

KEY = chain.make_key("sleutel-voor-de-overstap-van-het-logboek-2026")


def old_log(n: int = 4) -> list:
    """Entries as the old code wrote them: prev_hash and hash = SHA-256 over previous hash and content."""
    events, prev = [], chain.GENESIS
    for i in range(1, n + 1):
        event = SimpleNamespace(id=i, at=dt.datetime(2025, 1, i, 9, tzinfo=dt.UTC), actor_id=7,
                                actor_name="Anna de Wit",
                                actor_role="consulent", actor_organisation="Gemeente Hilversum",
                                household_id=uuid.UUID(int=i), action="view", object_type="Trajectory",
                                object_id=str(i), purpose="dossier inzien", detail={}, prev_hash=prev)
        event.hash = chain.legacy_hash(prev, event)
        events.append(event)
        prev = event.hash
    return events


def head_of(events):
    return SimpleNamespace(count=len(events), last_id=events[-1].id, last_hash=events[-1].hash)


def test_an_intact_old_log_gets_a_mac_per_entry_and_a_clean_record():
    events = old_log()
    result = legacy.rechain(events, head_of(events), KEY)
    assert result.problems == [] and result.last_hash == events[-1].hash
    assert result.macs == {e.id: (KEY.id, chain.event_mac(KEY, e)) for e in events}
    detail = legacy.switch_detail(result, len(events))
    assert detail == {"legacy_entries": 4, "legacy_last_hash": events[-1].hash, "legacy_intact": True,
                      "legacy_problems": [], "legacy_problem_count": 0}


def test_breaks_found_at_migration_are_recorded_not_laundered():
    events = old_log()
    head = head_of(events)
    events[1].action = "x"  # changed before the migration
    del events[3]  # the newest entry removed before the migration
    result = legacy.rechain(events, head, KEY)
    assert result.problems == ["Regel 2: de inhoud van deze regel is gewijzigd.",
                               "Het anker (regel 4, 4 regels) klopt niet met het logboek (3 regels): de nieuwste "
                               "regels zijn verwijderd of gewijzigd."]
    assert legacy.switch_detail(result, len(events))["legacy_intact"] is False
