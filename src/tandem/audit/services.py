"""Writing to the access log. Called by services (writes) and selectors/views (reads), in the same transaction.

Two steps, so that no writer waits for another for longer than a short seal (issue 16):
1. `audit_record` inserts the entry with its keyed mac and a row in the work list `AuditPending`, inside the
   caller's transaction, taking no lock that other transactions need. A long import holds nothing shared.
2. After commit, `audit_seal` (a short transaction of its own, one at a time) links the committed entries into
   the chain in the order they became visible, and empties the work list. It also runs before every check,
   so an entry whose process died between its commit and its seal is sealed by the next one.
A rolled-back transaction takes its entries and work list rows with it: the log holds what happened.
"""
from functools import lru_cache
from uuid import UUID

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from tandem.audit import chain
from tandem.audit.models import AuditEvent, AuditPending, AuditSeal

GENESIS = chain.GENESIS
SEAL_BATCH = 5000
SEAL_LOCK = 7513  # PostgreSQL advisory lock: one sealer at a time (SQLite: the write lock does this)


@lru_cache(maxsize=4)
def _keys(texts: tuple[str, ...]) -> tuple[chain.Key, ...]:
    return tuple(chain.make_key(text) for text in texts)


def audit_keys() -> tuple[chain.Key, ...]:
    """The log's keys, newest first (settings.TANDEM_AUDIT_KEYS: from the environment or a secret file)."""
    return _keys(tuple(settings.TANDEM_AUDIT_KEYS))


def key_by_id(key_id: str) -> chain.Key | None:
    return next((key for key in audit_keys() if key.id == key_id), None)


@transaction.atomic
def audit_record(*, actor, action: str, household_id: UUID | None = None, obj=None,
                 purpose: str = "", detail: dict | None = None) -> AuditEvent:
    """Append one entry. `detail` must never hold personal data: ids and field names only."""
    organisation = getattr(actor, "organisation", None)
    event = AuditEvent(
        at=timezone.now(),
        actor_id=getattr(actor, "pk", None),
        actor_name=str(actor) if actor is not None else "systeem",
        actor_role=getattr(actor, "role", "") or "",
        actor_organisation=str(organisation) if organisation else "",
        household_id=household_id,
        action=action,
        object_type=type(obj).__name__ if obj is not None else "",
        object_id=str(obj.pk) if obj is not None else "",
        purpose=purpose[:200],
        detail=detail or {},
    )
    return _insert(event)


def _insert(event: AuditEvent) -> AuditEvent:
    key = audit_keys()[0]
    event.key_id, event.mac = key.id, chain.event_mac(key, event)
    event.save()
    AuditPending.objects.create(event_id=event.pk)
    _seal_after_commit()
    return event


def _seal_now() -> None:
    audit_seal()


def _seal_after_commit() -> None:
    """Once per transaction, however many entries it writes (a savepoint rolled back drops its callback, and
    a later entry then schedules it again)."""
    if any(callback is _seal_now for _, callback, _ in connection.run_on_commit):
        return
    transaction.on_commit(_seal_now, robust=True)


def audit_verify() -> list[str]:
    """The chain's problems in Dutch (empty: intact). Without an external anchor the removal of the newest
    entries is not visible: `tandem.audit.verification.audit_check(anchor=...)` compares with one."""
    from tandem.audit.verification import audit_check

    return audit_check().problems


def _lock() -> None:
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s)", [SEAL_LOCK])


def audit_seal() -> int:
    """Link every committed, unsealed entry into the chain; short transactions of at most SEAL_BATCH entries.
    Returns how many were sealed."""
    total = 0
    while True:
        with transaction.atomic():
            _lock()
            sealed = _seal_batch()
        total += sealed
        if sealed < SEAL_BATCH:
            return total


def _seal_batch() -> int:
    pending = list(AuditPending.objects.order_by("event_id").values_list("event_id", flat=True)[:SEAL_BATCH])
    if not pending:
        return 0
    last = AuditSeal.objects.order_by("-seq").first()
    seq, prev_hash = (last.seq, last.hash) if last else (0, GENESIS)
    events = AuditEvent.objects.in_bulk(pending)
    key = audit_keys()[0]
    order = [(event_id, key) for event_id in pending]
    if last is not None and last.key_id != key.id:  # a new key: the switch is itself an entry in the chain
        rotation = _rotation_entry(last.key_id, key)
        events[rotation.pk] = rotation
        order.insert(0, (rotation.pk, key_by_id(last.key_id) or key))
    now, seals = timezone.now(), []
    for event_id, key in order:
        event = events.get(event_id)
        if event is None:
            continue  # a work-list row whose entry is gone (only possible past the triggers)
        seq += 1
        digest = chain.seal_hash(key, seq=seq, event_id=event_id, mac=event.mac, prev_hash=prev_hash)
        seals.append(AuditSeal(seq=seq, event_id=event_id, sealed_at=now, key_id=key.id, prev_hash=prev_hash,
                               hash=digest))
        prev_hash = digest
    AuditSeal.objects.bulk_create(seals)
    AuditPending.objects.filter(event_id__in=pending).delete()
    return len(pending)


def _rotation_entry(old_key_id: str, new_key: chain.Key) -> AuditEvent:
    """Recorded when the newest key differs from the last seal's key. Sealed with the old key (while it is still
    configured: keep old keys in TANDEM_AUDIT_KEY for checking), so the old key vouches for the switch."""
    event = AuditEvent(at=timezone.now(), actor_id=None, actor_name="systeem", action="audit_key_rotate",
                       detail={"from": old_key_id, "to": new_key.id,
                               "old_key_configured": key_by_id(old_key_id) is not None})
    key = audit_keys()[0]
    event.key_id, event.mac = key.id, chain.event_mac(key, event)
    event.save()
    return event
