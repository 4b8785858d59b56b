"""Who may read and edit the learning programme and the budget of a region, and the reads of the programme.

- The project lead and the coordinators of a region read and edit its programme and budget.
- Policy officers (beleidsmedewerkers) of the region read them.
- Nobody else reaches them: a region someone may not see does not exist for them (404), as with dossiers.
Nothing here leads to a dossier: lessons, evaluations, milestones and budgets hold no household data, and the
figures come from the monitor as counts.
"""
from dataclasses import dataclass

from django.db.models import QuerySet

from tandem.organisations.models import Region, Role
from tandem.programme.models import (
    Evaluation,
    ImprovementProposal,
    Lesson,
    Milestone,
    ProgressReport,
    Target,
)

EDIT_ROLES = {Role.PROJECTLEIDER, Role.COORDINATOR}
READ_ROLES = EDIT_ROLES | {Role.BELEID}


@dataclass(frozen=True)
class RegionAccess:
    region: Region
    edit: bool


def _region_of(user) -> Region | None:
    organisation = getattr(user, "organisation", None)
    if organisation is None:
        return None
    return organisation.region or (organisation.site.region if organisation.site else None)


def programme_access(user) -> RegionAccess | None:
    """The region whose programme and budget this person may open, and whether they may change them."""
    if not (user.is_authenticated and user.is_active) or user.role not in READ_ROLES:
        return None
    region = _region_of(user)
    if region is None:
        return None
    return RegionAccess(region=region, edit=user.role in EDIT_ROLES)


def region_access(user, code: str) -> RegionAccess | None:
    """The access to the region with this code, or None when the person may not see it (the view answers 404)."""
    access = programme_access(user)
    return access if access is not None and access.region.code == code else None


def may_edit(user, region: Region) -> bool:
    """For the services: `None` is the system (import, demo loader)."""
    if user is None:
        return True
    access = programme_access(user)
    return bool(access and access.edit and access.region.pk == region.pk)


# ------------------------------------------------------------------------------------------------- reads

def lessons_of(region: Region, *, quarter: str | None = None) -> QuerySet[Lesson]:
    lessons = Lesson.objects.filter(region=region).select_related("site")
    return lessons.filter(quarter=quarter) if quarter else lessons


def improvements_of(region: Region) -> QuerySet[ImprovementProposal]:
    return ImprovementProposal.objects.filter(region=region).select_related("site", "evaluation")


def improvements_realised_in(region: Region, start, end) -> QuerySet[ImprovementProposal]:
    """Improvements realised with the practice group in a period (seed 001: "Verbetervoorstellen gerealiseerd")."""
    return improvements_of(region).filter(realised_on__range=(start, end)).order_by("id")


def evaluations_of(region: Region) -> QuerySet[Evaluation]:
    return Evaluation.objects.filter(region=region).order_by("-held_on", "-id")


def milestones_of(region: Region) -> QuerySet[Milestone]:
    return Milestone.objects.filter(region=region).order_by("year", "position", "id")


def targets_of(region: Region) -> QuerySet[Target]:
    return Target.objects.filter(region=region).order_by("year")


def progress_texts(region: Region, quarter: str) -> ProgressReport | None:
    return ProgressReport.objects.filter(region=region, quarter=quarter).first()


def find(queryset, region: Region, pk):
    """One object of the region, or None (the view answers 404): ids of another region do not exist here."""
    return queryset.filter(region=region, pk=pk).first()
