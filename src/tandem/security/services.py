"""Emergency access and retention: every change through one service, each logged in the access log."""
import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tandem.audit.models import AuditEvent
from tandem.audit.services import audit_record
from tandem.cases.models import Consent, Household, Measure, Report
from tandem.cases.selectors import need_to_know
from tandem.core.exceptions import RuleViolation
from tandem.security import rules
from tandem.security.models import EmergencyAccess

REQUEST_ACTIONS = ("emergency_access", "emergency_access_unknown")


def _requests_last_day(actor) -> int:
    since = timezone.now() - dt.timedelta(days=1)
    return AuditEvent.objects.filter(actor_id=actor.pk, action__in=REQUEST_ACTIONS, at__gte=since).count()


def _check(actor, reason: str) -> None:
    rules.check_emergency_request(role=actor.role, reason=reason, requests_last_day=_requests_last_day(actor))


def emergency_minutes(actor) -> int:
    """How long one grant lasts: the region's setting (its beheerder) or TANDEM_EMERGENCY_MINUTES."""
    region = getattr(actor, "region", None)
    return (region.emergency_minutes if region and region.emergency_minutes else None) or \
        settings.TANDEM_EMERGENCY_MINUTES


@transaction.atomic
def emergency_access_grant(*, actor, household: Household, reason: str) -> EmergencyAccess:
    """Break the glass: read access to one household for TANDEM_EMERGENCY_MINUTES, flagged and logged."""
    _check(actor, reason)
    if need_to_know(actor).filter(household=household).exists():
        raise RuleViolation("emergency_not_needed", "U heeft al toegang tot dit dossier; noodtoegang is niet nodig.")
    now = timezone.now()
    grant = EmergencyAccess.objects.create(
        user=actor, household=household, reason=reason.strip(), starts_at=now,
        ends_at=rules.emergency_ends_at(now, emergency_minutes(actor)))
    audit_record(actor=actor, action="emergency_access", household_id=household.pk, obj=grant,
                 purpose=f"noodtoegang: {grant.reason}", detail={"ends_at": grant.ends_at.isoformat()})
    return grant


def household_by_code(code: str) -> Household | None:
    """The household whose id starts with this short code (8 hex characters, as the app shows it)."""
    code = (code or "").strip().lower()
    if len(code) != 8 or any(c not in "0123456789abcdef" for c in code):
        return None
    matches = list(Household.objects.filter(id__startswith=code)[:2])
    return matches[0] if len(matches) == 1 else None


@transaction.atomic
def emergency_access_request(*, actor, code: str, reason: str) -> EmergencyAccess | None:
    """The form's entry point. An unknown code is logged and answered exactly like a granted one."""
    _check(actor, reason)
    household = household_by_code(code)
    if household is None:
        audit_record(actor=actor, action="emergency_access_unknown", purpose="noodtoegang gevraagd, code onbekend")
        return None
    return emergency_access_grant(actor=actor, household=household, reason=reason)


@dataclass
class RetentionResult:
    """What `retention_apply` removed (or would remove): household ids only, never names."""

    today: dt.date
    years: int
    dry_run: bool
    household_ids: list = field(default_factory=list)


def _expired(today: dt.date, years: int) -> list:
    """A region may keep dossiers longer than the default (Region.retention_years, set by its beheerder)."""
    closed, region_years = {}, {}
    rows = Household.objects.values_list("id", "trajectories__closed_on", "site__region__retention_years")
    for household_id, closed_on, longer in rows:
        closed.setdefault(household_id, []).append(closed_on)
        region_years[household_id] = max(years, longer or 0)
    return sorted((h for h, days in closed.items() if rules.retention_expired(days, today, region_years[h])),
                  key=str)


def erase_household(household_id) -> None:
    """Remove a dossier and everything in it. The access log has no foreign keys and stays."""
    Consent.objects.filter(trajectory__household_id=household_id).update(given_by=None)
    Report.objects.filter(trajectory__household_id=household_id).update(subject=None)
    Measure.objects.filter(trajectory__household_id=household_id).update(subject=None, extends=None)
    Household.objects.filter(pk=household_id).delete()


@transaction.atomic
def retention_apply(*, today: dt.date, dry_run: bool) -> RetentionResult:
    """Remove every household whose last trajectory closed more than TANDEM_RETENTION_YEARS ago."""
    years = settings.TANDEM_RETENTION_YEARS
    result = RetentionResult(today=today, years=years, dry_run=dry_run, household_ids=_expired(today, years))
    if dry_run:
        return result
    for household_id in result.household_ids:
        erase_household(household_id)
        audit_record(actor=None, action="retention_erase", household_id=household_id,
                     purpose="bewaartermijn verstreken", detail={"years": years, "today": today.isoformat()})
    audit_record(actor=None, action="retention_run", purpose="bewaartermijn toepassen",
                 detail={"years": years, "today": today.isoformat(), "erased": len(result.household_ids)})
    return result
