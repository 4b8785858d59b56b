"""The explanatory analysis (verklarende analyse) and its tegenspraak."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone

from tandem.cases.rules.rights import Action, Limit
from tandem.cases.views.common import bound, load_trajectory, process, versioned
from tandem.organisations.models import Role
from tandem.safetyplan import forms, selectors, services
from tandem.safetyplan.models import AnalysisChallenge, ExplanatoryAnalysis
from tandem.safetyplan.views.common import load_for_reading


def analysis_url(trajectory) -> str:
    return reverse("safetyplan:analysis", args=[trajectory.pk])


@login_required
def analysis_page(request, trajectory_id):
    reading = load_for_reading(request, trajectory_id, section="analysis")
    analyses = selectors.analyses(reading.trajectory)
    reading.lens.walk(analyses, "challenges")
    gw = [Limit.GEDRAGSWETENSCHAPPER] if request.user.role == Role.GEDRAGSWETENSCHAPPER else []
    context = {**reading.context(), "title": "Verklarende analyse", "analyses": analyses,
               "can_challenge": reading.rights.allows(Action.ANALYSIS_CHALLENGE, *gw)}
    return render(request, "safetyplan/analysis.html", context)


def _form(request, trajectory, form, action, *, title, success, intro=""):
    context = {"title": title, "intro": intro, "back_url": analysis_url(trajectory), "trajectory": trajectory}
    return process(request, form, action, success=success, redirect_to=analysis_url(trajectory),
                   template="safetyplan/form.html", context=context)


@login_required
def analysis_create(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.ANALYSIS_RECORD)
    latest = selectors.analyses(trajectory)[:1]
    initial = {**versioned(trajectory), "made_on": timezone.localdate()}
    if latest:
        a = latest[0]
        initial.update(facts=a.facts, risk_factors=a.risk_factors, protective_factors=a.protective_factors,
                       patterns=a.patterns, hypotheses=a.hypotheses, made_with_family=a.made_with_family)
    form = forms.AnalysisForm(bound(request), initial=initial)

    def action():
        services.analysis_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return _form(request, trajectory, form, action, title="Verklarende analyse: nieuwe versie",
                 success="De verklarende analyse is opgeslagen.",
                 intro="Maak de analyse samen met het gezin. Houd feiten en meningen uit elkaar.")


@login_required
def challenge_add(request, trajectory_id, number):
    gw = [Limit.GEDRAGSWETENSCHAPPER] if request.user.role == Role.GEDRAGSWETENSCHAPPER else []
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.ANALYSIS_CHALLENGE, facts=gw)
    analysis = get_object_or_404(ExplanatoryAnalysis, trajectory=trajectory, number=number)
    form = forms.ChallengeForm(bound(request), initial={**versioned(trajectory), "on": timezone.localdate()})

    def action():
        services.analysis_challenge(actor=request.user, analysis=analysis, **form.cleaned_data)

    return _form(request, trajectory, form, action, title=f"Tegenspraak op de analyse (versie {number})",
                 success="De tegenspraak is opgeslagen.",
                 intro="Alleen een gedragswetenschapper geeft tegenspraak. Het team schrijft daarna zijn reactie.")


@login_required
def challenge_respond(request, trajectory_id, challenge_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.ANALYSIS_RESPOND)
    challenge = get_object_or_404(AnalysisChallenge.objects.select_related("analysis"), pk=challenge_id,
                                  analysis__trajectory=trajectory)
    form = forms.RespondForm(bound(request), initial={**versioned(trajectory), "responded_on": timezone.localdate()})

    def action():
        services.analysis_challenge_respond(actor=request.user, challenge=challenge, **form.cleaned_data)

    return _form(request, trajectory, form, action, title="Reactie van het team op de tegenspraak",
                 success="De reactie is opgeslagen.", intro=challenge.challenge)
