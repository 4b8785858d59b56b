"""Loading a trajectory for the safety-plan pages: need-to-know (404 for outsiders), what this person may see of
the plan (an expert by experience only what the family's consent covers), the lens (pseudonymised texts for an
anonymous partner), the rights for the page's actions, and the read log."""
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases.selectors import Access, Rights, rights_for
from tandem.cases.views.anonymity import Lens, lens_for
from tandem.cases.views.common import find_trajectory
from tandem.cases.views.display import member_labels
from tandem.cases.views.display import sections_for
from tandem.core.plain_language import hints

PURPOSE = "veiligheidsplan bekijken"
NOT_FOR_EXPERT = {
    "plan": "Het gezin heeft niet toegestaan dat u het hele veiligheidsplan ziet. De afspraken over u staan op de "
            "pagina van het gezin.",
    "analysis": "Een ervaringsdeskundige ziet de verklarende analyse niet.",
    "meetings": "De overleggen waar u bij was, staan op de pagina van het gezin.",
}


@dataclass
class Reading:
    trajectory: object
    access: Access
    rights: Rights
    lens: Lens
    labels: dict  # member id -> the label this person sees (a name, or "Gezinslid 1 (...)")

    def context(self) -> dict:
        return {"trajectory": self.trajectory, "household": self.trajectory.household, "access": self.access,
                "rights": self.rights, "lens": self.lens, "name": household_name(self.trajectory, self.access)}


def load_for_reading(request, trajectory_id, *, section: str, what: object = None, action: str = "view") -> Reading:
    """The trajectory as this person may read this part of it; 404 (logged) when they may not see it, 403 when
    it is a part the family did not open to them. Every read is logged (a PDF as `document_download`)."""
    trajectory, access = find_trajectory(request.user, trajectory_id)
    if section not in sections_for(access):
        raise PermissionDenied(NOT_FOR_EXPERT.get(section, "Dit deel van het dossier is niet voor u zichtbaar."))
    audit_record(actor=request.user, action=action, household_id=trajectory.household_id, obj=what or trajectory,
                 purpose=PURPOSE)
    household = trajectory.household
    labels = member_labels(list(household.members.all()), access.identifying, timezone.localdate())
    return Reading(trajectory, access, rights_for(request.user, trajectory, access),
                   lens_for(request, access, household), labels)


def label_words(reading: Reading, objects) -> None:
    """The residents' own views and correction requests beside an object carry the page's label of the member."""
    for obj in objects:
        for words in [*obj.resident_views.all(), *obj.correction_requests.all()]:
            words.member_label = reading.labels.get(words.member_id, "")


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


def household_members(trajectory) -> dict:
    """The members a plan part can be kept from, labelled by name (only those who write the plan see this)."""
    members = list(trajectory.household.members.all())
    labels = member_labels(members, True, timezone.localdate())
    return {"members": trajectory.household.members.filter(is_network=False), "labels": labels}
