"""What every dossier service does first: the right to take this action, concurrency, the date of today, and
the log."""
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases import rules
from tandem.cases.models import Trajectory
from tandem.cases.rules.rights import AFTER_CLOSURE, ONLY_AFTER_CLOSURE, Action, Limit, check_right
from tandem.cases.selectors import access_for
from tandem.core import changes
from tandem.core.exceptions import NotPermitted, RuleViolation


def today():
    return timezone.localdate()


def facts(**flags: bool) -> frozenset[Limit]:
    """The limits of a 'beperkt' cell that hold for this change: `facts(own_organisation=org == actor.org)`."""
    return frozenset(Limit(name) for name, value in flags.items() if value)


def require_right(actor, trajectory: Trajectory, action: Action, given: frozenset[Limit] = frozenset()) -> None:
    """`actor=None` is the system (import, demo loader, a resident's own act through the portal's services);
    anyone else needs the right of the matrix (rules/rights.py) in their position on this trajectory."""
    if actor is None:
        return
    access = access_for(actor, Trajectory.objects.get(pk=trajectory.pk))  # as stored now, not as the caller saw it
    if not access.view or access.position is None:
        raise NotPermitted("U mag dit dossier niet wijzigen.", code="no_access")
    check_right(action, access.position, given)


def lock(trajectory: Trajectory, expected_version: int | None) -> Trajectory:
    """Lock the trajectory row, refuse a stale edit, bump the version. Returns the fresh row; the caller's
    object is left as it was, so a refused change leaves nothing stale behind."""
    fresh = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    rules.check_expected_version(expected_version, fresh.version)
    fresh.version += 1
    fresh.save(update_fields=["version"])
    changes.changing(fresh.household_id)
    return fresh


def begin_change(actor, trajectory: Trajectory, expected_version: int | None, *, action: Action,
                 given: frozenset[Limit] = frozenset()) -> Trajectory:
    """The right, the lock, and whether the action fits the trajectory's state (most need it open)."""
    require_right(actor, trajectory, action, given)
    fresh = lock(trajectory, expected_version)
    if action not in AFTER_CLOSURE:
        rules.check_trajectory_open(fresh.closed_on)
    if action in ONLY_AFTER_CLOSURE and fresh.closed_on is None:
        raise RuleViolation("trajectory_not_closed", "Dit traject loopt nog.")
    return fresh


def check_in_trajectory(day, trajectory: Trajectory, what: str) -> None:
    """A step lies between the registration and today (and not after a closure)."""
    rules.check_not_future(day, today(), what)
    rules.check_on_or_after(day, trajectory.registered_on, what, "de aanmelding")
    rules.check_not_after_closure(day, trajectory.closed_on, what)


def log_change(actor, action: str, trajectory: Trajectory, obj, **detail) -> None:
    changes.changed(trajectory.household_id)
    audit_record(actor=actor, action=action, household_id=trajectory.household_id, obj=obj,
                 purpose="dossier bijwerken", detail={k: str(v) for k, v in detail.items()})
