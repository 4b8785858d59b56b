"""Reads of the access log."""
from django.db.models import QuerySet

from tandem.audit.models import AuditEvent


def access_log_for(household_id) -> QuerySet[AuditEvent]:
    """Who opened, changed or was refused this household's dossier, newest first."""
    return AuditEvent.objects.filter(household_id=household_id).order_by("-id")
