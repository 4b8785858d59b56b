"""Writing to the access log. Called by services (writes) and selectors/views (reads), in the same transaction."""
import hashlib
import json
from uuid import UUID

from django.db import connection, transaction
from django.utils import timezone

from tandem.audit.models import AuditEvent

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


@transaction.atomic
def audit_record(*, actor, action: str, household_id: UUID | None = None, obj=None,
                 purpose: str = "", detail: dict | None = None) -> AuditEvent:
    """Append one entry. `detail` must never hold personal data: ids and field names only."""
    if connection.vendor == "postgresql":  # serialise appends so the chain never forks
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(7513)")
    last = AuditEvent.objects.order_by("-id").first()
    prev_hash = last.hash if last else GENESIS
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
        purpose=purpose,
        detail=detail or {},
    )
    event.prev_hash = prev_hash
    event.hash = _digest(prev_hash, _fields(event))
    event.save()
    return event


def audit_verify() -> list[str]:
    """Walk the chain; return a Dutch description of every break (empty when the log is intact)."""
    problems = []
    prev_hash = GENESIS
    for event in AuditEvent.objects.order_by("id").iterator():
        if event.prev_hash != prev_hash:
            problems.append(f"Regel {event.id}: de regel ervoor is gewijzigd of verwijderd.")
        if _digest(event.prev_hash, _fields(event)) != event.hash:
            problems.append(f"Regel {event.id}: de inhoud van deze regel is gewijzigd.")
        prev_hash = event.hash
    return problems
