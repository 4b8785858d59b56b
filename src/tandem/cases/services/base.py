"""What every dossier service does first: permission, concurrency, the date of today, and the log."""
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases import rules
from tandem.cases.models import Trajectory
from tandem.cases.selectors import access_for
from tandem.core import changes
from tandem.core.exceptions import NotPermitted


def today():
    return timezone.localdate()


def require_edit(actor, trajectory: Trajectory) -> None:
    """`actor=None` is the system (import, demo loader); anyone else needs edit access to the trajectory."""
    if actor is not None and not access_for(actor, trajectory).edit:
        raise NotPermitted("U mag dit dossier niet wijzigen.")


def lock(trajectory: Trajectory, expected_version: int | None) -> Trajectory:
    """Lock the trajectory row, refuse a stale edit, bump the version. Returns the fresh row; the caller's
    object is left as it was, so a refused change leaves nothing stale behind."""
    fresh = Trajectory.objects.select_for_update().get(pk=trajectory.pk)
    rules.check_expected_version(expected_version, fresh.version)
    fresh.version += 1
    fresh.save(update_fields=["version"])
    changes.changing(fresh.household_id)
    return fresh


def begin_change(actor, trajectory: Trajectory, expected_version: int | None, *, open_only: bool = True) -> Trajectory:
    """Permission, lock and (by default) the check that the trajectory is still open."""
    require_edit(actor, trajectory)
    fresh = lock(trajectory, expected_version)
    if open_only:
        rules.check_trajectory_open(fresh.closed_on)
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
