"""Involvement episodes of partner organisations and the time registered on them (domain §4 step 4)."""
import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Min

from tandem.cases import rules
from tandem.cases.models import Consent, Form, Involvement, TimeEntry, Trajectory
from tandem.cases.services.base import begin_change, check_in_trajectory, log_change, today
from tandem.organisations.models import OrganisationKind


def consent_periods(trajectory: Trajectory, organisation) -> list[rules.ConsentPeriod]:
    rows = Consent.objects.filter(trajectory=trajectory, organisation=organisation)
    return [rules.ConsentPeriod(c.given_on, c.withdrawn_on) for c in rows]


def first_legal_basis(trajectory: Trajectory) -> tuple[dt.date | None, dt.date | None]:
    """The first melding-or-measure date and the first measure date of the trajectory."""
    first_report = trajectory.reports.aggregate(d=Min("on"))["d"]
    first_measure = trajectory.measures.aggregate(d=Min("on"))["d"]
    dates = [d for d in (first_report, first_measure) if d is not None]
    return (min(dates) if dates else None), first_measure


def check_involvement(trajectory: Trajectory, *, organisation, form: str, start: dt.date, anonymous: bool,
                      household_informed_on: dt.date | None) -> None:
    """All guardrails for an episode of `form` starting on `start` (loads the facts, the rules decide)."""
    rules.check_anonymous_only_consult(form, anonymous)
    basis, first_measure = first_legal_basis(trajectory)
    if form == Form.ORANGE:
        rules.check_orange_after_report_or_measure(start, basis)
    if form == Form.RED:
        rules.check_red_after_measure(start, first_measure)
    consents = consent_periods(trajectory, organisation)
    if form == Form.GREEN:
        rules.check_green_has_consent(start, consents)
    if organisation.kind == OrganisationKind.RVDK:
        rules.check_rvdk_household_knows(start, anonymous, consents, household_informed_on)


@transaction.atomic
def involvement_start(*, actor, trajectory: Trajectory, organisation, form: str, start: dt.date,
                      end: dt.date | None = None, anonymous: bool = False,
                      household_informed_on: dt.date | None = None,
                      expected_version: int | None = None) -> Involvement:
    """A partner organisation becomes involved in one form (advice, green, orange, red, other)."""
    fresh = begin_change(actor, trajectory, expected_version)
    check_in_trajectory(start, fresh, "begindatum")
    rules.check_not_future(end, today(), "einddatum")
    rules.check_end_after_start(start, end)
    rules.check_not_future(household_informed_on, today(), "datum waarop het gezin is geïnformeerd")
    check_involvement(fresh, organisation=organisation, form=form, start=start, anonymous=anonymous,
                      household_informed_on=household_informed_on)
    involvement = Involvement.objects.create(trajectory=fresh, site_id=fresh.site_id, household_id=fresh.household_id,
                                             organisation=organisation, form=form, start=start, end=end,
                                             anonymous=anonymous, household_informed_on=household_informed_on)
    log_change(actor, "involvement_start", fresh, involvement, form=form, organisation=organisation.code)
    return involvement


@transaction.atomic
def involvement_end(*, actor, involvement: Involvement, end: dt.date,
                    expected_version: int | None = None) -> Involvement:
    """End an episode (the partner steps off in this form)."""
    fresh = begin_change(actor, involvement.trajectory, expected_version)
    involvement = Involvement.objects.get(pk=involvement.pk)
    rules.check_not_future(end, today(), "einddatum")
    rules.check_end_after_start(involvement.start, end)
    involvement.end = end
    involvement.save(update_fields=["end"])
    log_change(actor, "involvement_end", fresh, involvement)
    return involvement


@transaction.atomic
def time_register(*, actor, involvement: Involvement, on: dt.date, hours,
                  expected_version: int | None = None) -> TimeEntry:
    """Register time spent on an episode; the intensity (licht/middel/zwaar) is derived from it."""
    fresh = begin_change(actor, involvement.trajectory, expected_version, open_only=False)
    hours = Decimal(str(hours)).quantize(Decimal("0.01"))  # as stored (2 decimals): 0.001 is 0 and refused
    rules.check_hours(hours)
    # Preparation and aftercare count too: the date lies within the trajectory, not necessarily the episode.
    check_in_trajectory(on, fresh, "datum van de uren")
    entry = TimeEntry.objects.create(involvement=involvement, site_id=fresh.site_id, on=on, hours=hours,
                                     professional=actor if actor is not None else None)
    log_change(actor, "time_register", fresh, entry, hours=hours)
    return entry
