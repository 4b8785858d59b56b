"""Network meetings (netwerkberaad, triage), optionally producing a plan version."""
from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from tandem.cases.forms import dossier_professionals
from tandem.cases.rules.rights import Action
from tandem.cases.views.common import bound, load_trajectory, process, versioned
from tandem.core.plain_language import check_reviewed
from tandem.safetyplan import forms, selectors, services
from tandem.safetyplan.views.common import household_members, load_for_reading, post_hints


def meetings_url(trajectory) -> str:
    return reverse("safetyplan:meetings", args=[trajectory.pk])


@login_required
def meetings_page(request, trajectory_id):
    reading = load_for_reading(request, trajectory_id, section="meetings")
    meetings = selectors.meetings(reading.trajectory)
    for meeting in meetings:
        reading.lens.fields(meeting)
    context = {**reading.context(), "title": "Netwerkberaad en triage", "meetings": meetings}
    return render(request, "safetyplan/meetings.html", context)


def _team(trajectory):
    today = timezone.localdate()
    current = Q(memberships__trajectory=trajectory) & (
        Q(memberships__left_on__isnull=True) | Q(memberships__left_on__gte=today))
    return dossier_professionals().filter(current).distinct()


def _forms(request, trajectory, ticked: bool):
    today = timezone.localdate()
    meeting = forms.MeetingForm(bound(request), team=_team(trajectory),
                                initial={**versioned(trajectory), "held_on": today, "family_present": "ja"})
    initial = forms.initial_from(selectors.plan_data_of(selectors.current_plan(trajectory)))
    plan = forms.PlanVersionForm(request.POST if ticked else None, prefix="plan", with_date=False, initial=initial,
                                 **household_members(trajectory))
    return meeting, plan


@login_required
def meeting_create(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.MEETING_RECORD)
    makes_plan = request.method == "POST" and bool(request.POST.get("makes_plan"))
    meeting, plan = _forms(request, trajectory, makes_plan)
    found = post_hints(request, plan.texts) if makes_plan else []

    def action():
        if makes_plan:
            check_reviewed(found, plan.cleaned_data["reviewed"])
        services.meeting_record(actor=request.user, trajectory=trajectory, data=meeting.meeting_data(),
                                plan=plan.plan_data(dated_on=meeting.cleaned_data["held_on"]) if makes_plan else None,
                                expected_version=meeting.cleaned_data["expected_version"])

    context = {"title": "Netwerkberaad vastleggen", "trajectory": trajectory, "plan_form": plan, "hints": found,
               "back_url": meetings_url(trajectory), "submit": "Overleg opslaan"}
    return process(request, meeting, action, success="Het overleg is opgeslagen.",
                   redirect_to=meetings_url(trajectory), template="safetyplan/meeting_form.html", context=context,
                   extra_forms=[plan] if makes_plan else ())
