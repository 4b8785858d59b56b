"""Loading a trajectory for the safety-plan pages, with need-to-know (404 for outsiders) and the read log."""
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from tandem.audit.services import audit_record
from tandem.cases.views.common import find_trajectory
from tandem.core.plain_language import hints

PURPOSE = "veiligheidsplan bekijken"


def load_for_reading(user, trajectory_id, *, what: object = None, action: str = "view"):
    """The trajectory and the person's access; 404 (logged) when they may not see it. Every read is logged
    (a PDF as `document_download`)."""
    trajectory, access = find_trajectory(user, trajectory_id)
    audit_record(actor=user, action=action, household_id=trajectory.household_id, obj=what or trajectory,
                 purpose=PURPOSE)
    return trajectory, access


def require_open(trajectory) -> None:
    if not trajectory.is_open:
        raise PermissionDenied("Dit traject is afgesloten. Het veiligheidsplan kan niet meer veranderen.")


def plan_url(trajectory) -> str:
    return reverse("safetyplan:plan", args=[trajectory.pk])


def household_name(trajectory, access) -> str:
    """The family's name only for those who may see identifying data."""
    household = trajectory.household
    return household.family_names if access.identifying else f"Anoniem gezin {household.short_code}"


def post_hints(request, text_of) -> list[str]:
    """Plain-language hints on the text just posted (empty on GET)."""
    if request.method != "POST":
        return []
    return hints(text_of())
