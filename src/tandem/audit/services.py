"""Writing to the access log. Called by services (writes) and selectors/views (reads), in the same transaction."""
import hashlib
import json
from uuid import UUID

from django.db import connection, transaction
from django.utils import timezone

from tandem.audit.models import AuditEvent, AuditHead

GENESIS = "0" * 64


def _digest(prev_hash: str, fields: dict) -> str:
    payload = json.dumps(fields, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256((prev_hash + payload).encode()).hexdigest()


def _fields(event: AuditEvent) -> dict:
    return {
        "at": event.at.isoformat(),
        "actor_id": event.actor_id,
        "actor_name": event.actor_name,
        "actor_role": event.actor_role,
        "actor_organisation": event.actor_organisation,
        "household_id": str(event.household_id) if event.household_id else None,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "purpose": event.purpose,
        "detail": event.detail,
    }


def _locked_head() -> AuditHead:
    """The anchor row, locked for this transaction (it also serialises appends on PostgreSQL)."""
    if connection.vendor == "postgresql":  # serialise appends so the chain never forks
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(7513)")
    head = AuditHead.objects.select_for_update().filter(pk=1).first()
    if head is None:
        head = AuditHead(pk=1, count=0, last_id=None, last_hash=GENESIS)
    return head


@transaction.atomic
def audit_record(*, actor, action: str, household_id: UUID | None = None, obj=None,
                 purpose: str = "", detail: dict | None = None) -> AuditEvent:
    """Append one entry. `detail` must never hold personal data: ids and field names only."""
    head = _locked_head()
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
    event.prev_hash = head.last_hash
    event.hash = _digest(event.prev_hash, _fields(event))
    event.save()
    head.count, head.last_id, head.last_hash, head.updated_at = head.count + 1, event.id, event.hash, event.at
    head.save()
    return event


def audit_head() -> AuditHead | None:
    return AuditHead.objects.filter(pk=1).first()


def audit_verify() -> list[str]:
    """Walk the chain and compare its end with the anchor; a Dutch description of every break (empty: intact)."""
    problems = []
    prev_hash, count, last = GENESIS, 0, None
    for event in AuditEvent.objects.order_by("id").iterator():
        if event.prev_hash != prev_hash:
            problems.append(f"Regel {event.id}: de regel ervoor is gewijzigd of verwijderd.")
        if _digest(event.prev_hash, _fields(event)) != event.hash:
            problems.append(f"Regel {event.id}: de inhoud van deze regel is gewijzigd.")
        prev_hash, count, last = event.hash, count + 1, event
    return problems + _head_problems(audit_head(), count, last)


def _head_problems(head, count: int, last) -> list[str]:
    """The newest entries: only the anchor shows that they were removed. (A removed entry further back
    breaks the chain itself and is named by the walk.)"""
    if head is None:
        return ["Het anker van het logboek ontbreekt."] if count else []
    last_hash, last_id = (last.hash, last.id) if last else (GENESIS, 0)
    if head.last_hash == last_hash:
        return []
    if head.last_id and head.last_id > last_id:
        return [f"Regel {head.last_id}: de nieuwste regel(s) na regel {last_id} zijn verwijderd "
                f"(het anker telt {head.count} regels, het logboek {count})."]
    return [f"Regel {last_id}: het anker klopt niet met het logboek (anker: regel {head.last_id}, "
            f"{head.count} regels, hash {head.last_hash[:12]}…; logboek: {count} regels, hash {last_hash[:12]}…)."]


def audit_hash_known(value: str) -> bool:
    """Whether a head hash written down earlier is still part of the chain."""
    return value == GENESIS or AuditEvent.objects.filter(hash=value.strip().lower()).exists()
