"""Involvement episodes of partner organisations and the time registered on them (domain §4 step 4)."""
import datetime as dt
from decimal import Decimal

from django.db import transaction
from django.db.models import Min

from tandem.cases import rules
from tandem.cases.models import Consent, Form, Involvement, TimeEntry, Trajectory
from tandem.cases.rules.rights import Action
from tandem.cases.services.base import begin_change, check_in_trajectory, facts, log_change, today
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import OrganisationKind


def _own(actor, organisation_id) -> frozenset:
    return facts(own_organisation=actor is not None and actor.organisation_id == organisation_id)


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
    fresh = begin_change(actor, trajectory, expected_version, action=Action.INVOLVEMENT_START,
                         given=_own(actor, organisation.pk))
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
    fresh = begin_change(actor, involvement.trajectory, expected_version, action=Action.INVOLVEMENT_END,
                         given=_own(actor, involvement.organisation_id))
    involvement = _end(involvement, end)
    log_change(actor, "involvement_end", fresh, involvement)
    return involvement


def _end(involvement: Involvement, end: dt.date) -> Involvement:
    involvement = Involvement.objects.get(pk=involvement.pk)
    if involvement.end is not None:
        raise RuleViolation("already_ended", "Deze betrokkenheid is al beëindigd.")
    rules.check_not_future(end, today(), "einddatum")
    rules.check_end_after_start(involvement.start, end)
    involvement.end = end
    if involvement.consent_withdrawn_on is not None and involvement.decided_on is None:
        involvement.decided_on = today()
    involvement.save(update_fields=["end", "decided_on"])
    return involvement


@transaction.atomic
def involvement_decide(*, actor, involvement: Involvement, end: dt.date | None = None, form: str = "",
                       statutory_ground: str = "", expected_version: int | None = None) -> Involvement:
    """After a withdrawn consent: end the green episode (`end`), or carry on under a statutory ground in the
    orange or red form (`form`, `statutory_ground`): the green episode ends the day before and the new one
    starts, under the orange/red guardrails. Either way the work item is done."""
    fresh = begin_change(actor, involvement.trajectory, expected_version, action=Action.INVOLVEMENT_DECIDE)
    involvement = Involvement.objects.select_related("organisation").get(pk=involvement.pk)
    if involvement.consent_withdrawn_on is None or involvement.decided_on is not None:
        raise RuleViolation("nothing_to_decide", "Over deze betrokkenheid hoeft niets besloten te worden.")
    if end is not None:
        involvement = _end(involvement, end)
        log_change(actor, "involvement_decide", fresh, involvement, decision="ended")
        return involvement
    return _continue_on_ground(actor, fresh, involvement, form, statutory_ground)


def _continue_on_ground(actor, fresh: Trajectory, involvement: Involvement, form: str, ground: str) -> Involvement:
    if form not in (Form.ORANGE, Form.RED) or not ground.strip():
        raise RuleViolation("ground_missing", "Kies oranje of rood en schrijf de wettelijke grond op waarop de "
                            "organisatie doorgaat. Of beëindig de betrokkenheid.", field="statutory_ground")
    start = today()
    check_involvement(fresh, organisation=involvement.organisation, form=form, start=start, anonymous=False,
                      household_informed_on=involvement.household_informed_on)
    previous_end = max(involvement.start, start - dt.timedelta(days=1))
    _end(involvement, previous_end)
    Involvement.objects.filter(pk=involvement.pk).update(statutory_ground=ground.strip())
    successor = Involvement.objects.create(
        trajectory=fresh, site_id=fresh.site_id, household_id=fresh.household_id,
        organisation=involvement.organisation, form=form, start=start,
        household_informed_on=involvement.household_informed_on, statutory_ground=ground.strip())
    log_change(actor, "involvement_decide", fresh, successor, decision="statutory", form=form)
    return successor


@transaction.atomic
def time_register(*, actor, involvement: Involvement, on: dt.date, hours,
                  expected_version: int | None = None) -> TimeEntry:
    """Register time spent on an episode; the intensity (licht/middel/zwaar) is derived from it."""
    fresh = begin_change(actor, involvement.trajectory, expected_version, action=Action.TIME_REGISTER,
                         given=_own(actor, involvement.organisation_id))
    hours = Decimal(str(hours)).quantize(Decimal("0.01"))  # as stored (2 decimals): 0.001 is 0 and refused
    rules.check_hours(hours)
    # Preparation and aftercare count too: the date lies within the trajectory, not necessarily the episode.
    check_in_trajectory(on, fresh, "datum van de uren")
    entry = TimeEntry.objects.create(involvement=involvement, site_id=fresh.site_id, on=on, hours=hours,
                                     professional=actor if actor is not None else None)
    log_change(actor, "time_register", fresh, entry, hours=hours)
    return entry
