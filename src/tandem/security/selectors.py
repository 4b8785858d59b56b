"""Reads for emergency access and the per-dossier access log."""
import datetime as dt

from django.db.models import QuerySet
from django.utils import timezone

from tandem.audit.selectors import access_log_for  # noqa: F401  (kept here for callers of security)
from tandem.cases.models import Household, LeadPeriod
from tandem.security.models import EmergencyAccess

NOTICE_DAYS = 30  # how long a grant stays flagged on the lead's "Mijn gezinnen"


def emergency_grants_for(household: Household) -> QuerySet[EmergencyAccess]:
    """Every emergency access to this household, newest first (shown on the household page)."""
    return household.emergency_accesses.select_related("user__organisation")


def emergency_notices_for_lead(user) -> QuerySet[EmergencyAccess]:
    """Recent emergency access to the households this person currently holds regie over."""
    since = timezone.now() - dt.timedelta(days=NOTICE_DAYS)
    led = LeadPeriod.objects.filter(professional=user, end__isnull=True).values("trajectory__household_id")
    return EmergencyAccess.objects.filter(household_id__in=led, starts_at__gte=since).select_related(
        "user__organisation")

