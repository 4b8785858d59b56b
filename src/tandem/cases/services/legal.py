"""Reports (meldingen) and legal measures (domain §4 step 6, §5)."""
import datetime as dt

from django.db import transaction

from tandem.cases import rules
from tandem.cases.models import Measure, MeasureType, Report, Trajectory
from tandem.cases.rules.rights import Action
from tandem.cases.services.base import begin_change, check_in_trajectory, log_change, today
from tandem.core.exceptions import RuleViolation


def _check_subject(trajectory: Trajectory, subject, measure_type: str | None, on: dt.date) -> None:
    if subject is None:
        return
    if subject.household_id != trajectory.household_id or subject.is_network:
        raise RuleViolation("subject_not_member", "Kies een lid van dit gezin.", field="subject")
    if measure_type is not None:
        rules.check_measure_subject(measure_type, on, subject.birth_date, subject.minor)


def _check_handler(trajectory: Trajectory, handled_by) -> None:
    """Separation of functions: whoever handles it was never on this family's team."""
    if handled_by is not None:
        rules.check_handler_not_on_team(trajectory.team.filter(professional=handled_by).exists())


def _check_dates(trajectory: Trajectory, on: dt.date, initiated_from_site: bool, what: str) -> None:
    """A measure already running when the household arrived may predate the registration."""
    if initiated_from_site:
        check_in_trajectory(on, trajectory, what)
    else:
        rules.check_not_future(on, today(), what)


@transaction.atomic
def report_record(*, actor, trajectory: Trajectory, on: dt.date, organisation, subject=None,
                  initiated_from_site: bool = True, handled_by=None,
                  expected_version: int | None = None) -> Report:
    """Record a melding (usually to Veilig Thuis)."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.REPORT_RECORD)
    _check_dates(fresh, on, initiated_from_site, "datum van de melding")
    _check_subject(fresh, subject, None, on)
    _check_handler(fresh, handled_by)
    report = Report.objects.create(trajectory=fresh, on=on, organisation=organisation, subject=subject,
                                   initiated_from_site=initiated_from_site, handled_by=handled_by)
    log_change(actor, "report_record", fresh, report, organisation=organisation.code)
    return report


def _first_start(extends: Measure | None, on: dt.date) -> dt.date:
    while extends is not None:
        on, extends = extends.on, extends.extends
    return on


def _check_measure(trajectory, *, type, on, ends_on, provisional, extends, subject) -> None:
    if extends is not None:
        if extends.trajectory_id != trajectory.pk:
            raise RuleViolation("extension_elsewhere", "Een verlenging hoort bij een maatregel van dit traject.",
                                field="extends")
        rules.check_extension(type, extends.type)
        rules.check_on_or_after(on, extends.on, "datum van de verlenging", "de maatregel die wordt verlengd")
    if type == MeasureType.MUHP:
        rules.check_muhp_has_ots(on, trajectory.measures.filter(type=MeasureType.OTS).values_list("on", flat=True))
    rules.check_not_future(ends_on, today() + dt.timedelta(days=3 * 366), "einddatum")
    rules.check_measure_term(type, on, ends_on, provisional, _first_start(extends, on))
    _check_subject(trajectory, subject, type, on)


@transaction.atomic
def measure_record(*, actor, trajectory: Trajectory, type: str, on: dt.date, ends_on: dt.date | None = None,
                   provisional: bool = False, extends: Measure | None = None, initiated_from_site: bool = True,
                   subject=None, handled_by=None, expected_version: int | None = None) -> Measure:
    """Record a legal measure, or an extension of one."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.MEASURE_RECORD)
    _check_dates(fresh, on, initiated_from_site, "datum van de maatregel")
    _check_measure(fresh, type=type, on=on, ends_on=ends_on, provisional=provisional, extends=extends,
                   subject=subject)
    _check_handler(fresh, handled_by)
    measure = Measure.objects.create(trajectory=fresh, site_id=fresh.site_id, household_id=fresh.household_id,
                                     type=type, on=on, ends_on=ends_on, provisional=provisional, extends=extends,
                                     initiated_from_site=initiated_from_site, subject=subject,
                                     handled_by=handled_by)
    log_change(actor, "measure_record", fresh, measure, type=type)
    return measure
