"""'Mijn gezinnen': the households this professional may open, one row each."""
from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.utils import timezone

from tandem.cases.rules.rights import REGISTERING_ROLES
from tandem.cases.selectors import access_for, households_for_overview
from tandem.cases.views.display import Regime, is_current, regime, stage
from tandem.organisations.models import NO_DOSSIER_ROLES, OrganisationKind
from tandem.safetyplan.selectors import overdue_for
from tandem.security.rules import EMERGENCY_ROLES
from tandem.security.selectors import emergency_notices_for_lead

ANONYMOUS = "Anoniem gezin"


@dataclass(frozen=True)
class OverviewRow:
    household_id: str
    name: str
    site: str
    lead: str
    stage: str
    regime: Regime


def can_register(user) -> bool:
    """Only a consulent or team leader of a local team registers households (rules/rights.py)."""
    org = user.organisation
    return bool(org and org.kind == OrganisationKind.LOCAL_TEAM and user.role in REGISTERING_ROLES)


def _current_trajectory(household, user):
    trajectories = sorted(household.trajectories.all(), key=lambda t: t.registered_on, reverse=True)
    for trajectory in sorted(trajectories, key=lambda t: not t.is_open):
        access = access_for(user, trajectory)
        if access.view:
            return trajectory, access
    return None, None


def _lead_name(trajectory) -> str:
    lead = trajectory.lead_periods.filter(end__isnull=True).select_related("professional").first()
    return str(lead.professional) if lead else "Geen"


def _row(household, user, today) -> OverviewRow | None:
    trajectory, access = _current_trajectory(household, user)
    if trajectory is None:
        return None
    name = household.family_names if access.identifying else f"{ANONYMOUS} {household.short_code}"
    forms = [i.form for i in trajectory.involvements.all() if is_current(i.start, i.end, today)]
    return OverviewRow(
        household_id=str(household.pk), name=name, site=household.site.name, lead=_lead_name(trajectory),
        stage=stage(trajectory, trajectory.triage_decisions.all()), regime=regime(forms),
    )


def _overdue(user, rows, today) -> list[dict]:
    """Overdue safety agreements and evaluation dates (safety plan), named as the row names the household."""
    names = {r.household_id: r.name for r in rows}
    return [{"item": item, "name": names[item.household_id],
             "text": "inhoud niet getoond (u ziet dit gezin anoniem)" if names[item.household_id].startswith(ANONYMOUS)
             and item.kind == "agreement" else item.text}
            for item in overdue_for(user, today) if item.household_id in names]


@login_required
def my_families(request):
    user, today = request.user, timezone.localdate()
    rows = [row for h in households_for_overview(user) if (row := _row(h, user, today)) is not None]
    rows.sort(key=lambda r: (r.stage == "Afgesloten", r.name.lower()))
    context = {
        "title": "Mijn gezinnen",
        "rows": rows,
        "overdue": _overdue(user, rows, today),
        "no_dossiers": user.role in NO_DOSSIER_ROLES or user.organisation is None,
        "can_register": can_register(user),
        "emergency_notices": list(emergency_notices_for_lead(user)),
        "can_request_emergency": user.role in EMERGENCY_ROLES,
    }
    return render(request, "cases/my_families.html", context)
