"""The plan page, a new version, sign-off, scores, kept agreements and the PDF for the family."""
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases.rules.rights import Action
from tandem.cases.selectors import rights_for
from tandem.cases.views.common import (
    NOT_FOUND,
    bound,
    load_trajectory,
    process,
    versioned,
)
from tandem.core.plain_language import check_reviewed
from tandem.safetyplan import forms, selectors, services
from tandem.safetyplan.models import SafetyAgreement
from tandem.safetyplan.pdf import plan_pdf
from tandem.safetyplan.views.common import (
    Reading,
    household_members,
    household_name,
    label_words,
    load_for_reading,
    plan_url,
    post_hints,
)


VERSION_PATHS = ("situations__conditions", "situations__agreements", "scores", "resident_views__member",
                 "correction_requests__member")


def show_version(reading: Reading, version) -> None:
    """Texts through the lens, residents' words labelled as the page labels members."""
    if version is not None:
        reading.lens.walk([version], *VERSION_PATHS)
        label_words(reading, [version])


def _page(request, reading: Reading, version):
    trajectory = reading.trajectory
    show_version(reading, version)
    context = {
        **reading.context(), "title": "Veiligheidsplan", "version": version, "today": timezone.localdate(),
        "history": selectors.plan_history(trajectory),
        "spread": selectors.spread(version.scores.all()) if version else None,
        "is_current": version is not None and version.number == max(
            (v.number for v in selectors.plan_history(trajectory)), default=0),
        "may_handle_corrections": Action.CORRECTION_HANDLE in reading.rights,
    }
    return render(request, "safetyplan/plan.html", context)


@login_required
def plan_page(request, trajectory_id):
    reading = load_for_reading(request, trajectory_id, section="plan")
    return _page(request, reading, selectors.current_plan(reading.trajectory))


@login_required
def version_page(request, trajectory_id, number):
    reading = load_for_reading(request, trajectory_id, section="plan")
    version = selectors.plan_version(reading.trajectory, number)
    if version is None:
        raise Http404("Deze versie bestaat niet.")
    return _page(request, reading, version)


@login_required
def version_create(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.PLAN_VERSION)
    today = timezone.localdate()
    initial = {**forms.initial_from(selectors.plan_data_of(selectors.current_plan(trajectory))),
               **versioned(trajectory), "dated_on": today}
    form = forms.PlanVersionEditForm(bound(request), initial=initial, **household_members(trajectory))
    found = post_hints(request, form.texts)

    def action():
        check_reviewed(found, form.cleaned_data["reviewed"])
        services.plan_version_create(actor=request.user, trajectory=trajectory, data=form.plan_data(),
                                     expected_version=form.cleaned_data["expected_version"])

    context = {"title": "Nieuwe versie van het veiligheidsplan", "trajectory": trajectory, "hints": found,
               "back_url": plan_url(trajectory), "submit": "Versie opslaan"}
    return process(request, form, action, success="De nieuwe versie van het veiligheidsplan is opgeslagen.",
                   redirect_to=plan_url(trajectory), template="safetyplan/version_form.html", context=context)


def _small_form(request, trajectory, form, action, *, title, success, intro=""):
    context = {"title": title, "intro": intro, "back_url": plan_url(trajectory), "trajectory": trajectory}
    return process(request, form, action, success=success, redirect_to=plan_url(trajectory),
                   template="safetyplan/form.html", context=context)


def _version_or_404(trajectory, number):
    version = selectors.plan_version(trajectory, number)
    if version is None:
        raise Http404(NOT_FOUND)
    return version


@login_required
def sign_off(request, trajectory_id, number):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.PLAN_SIGN_OFF)
    version = _version_or_404(trajectory, number)
    form = forms.SignOffForm(bound(request), initial=versioned(trajectory))

    def action():
        c = form.cleaned_data
        services.plan_version_sign_off(
            actor=request.user, version=version, expected_version=c["expected_version"],
            signed_off_on=c["signed_off_on"] if c["signed"] else None,
            refused_reason="" if c["signed"] else c["refused_reason"])

    return _small_form(request, trajectory, form, action, title=f"Tekenen door het gezin: versie {number}",
                       success="Vastgelegd of het gezin tekende.",
                       intro="Het gezin tekent voor gezien. Tekent het gezin niet? Schrijf dan de reden op.")


@login_required
def score_add(request, trajectory_id, number):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.SCALE_SCORE)
    version = _version_or_404(trajectory, number)
    own_only = not rights_for(request.user, trajectory, access).allows(Action.SCALE_SCORE)
    form = forms.ScoreForm(bound(request), initial=versioned(trajectory), own_only=own_only,
                           own_name=str(request.user))

    def action():
        c = dict(form.cleaned_data)
        expected = c.pop("expected_version")
        if own_only:  # a partner gives their own score, as a professional
            c.update(participant=str(request.user), user=request.user)
        services.scale_score_record(actor=request.user, version=version, expected_version=expected,
                                    data=services.ScoreData(**c))

    return _small_form(request, trajectory, form, action, title=f"Cijfer op de veiligheidsschaal: versie {number}",
                       success="Het cijfer is opgeslagen.",
                       intro="Ieder geeft een eigen cijfer. Cijfers worden naast elkaar getoond, nooit gemiddeld.")


@login_required
def agreement_kept(request, trajectory_id, agreement_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.AGREEMENT_KEPT)
    agreement = get_object_or_404(SafetyAgreement, pk=agreement_id, situation__version__plan__trajectory=trajectory)
    form = forms.KeptForm(bound(request), initial=versioned(trajectory))

    def action():
        services.agreement_mark_kept(actor=request.user, agreement=agreement, **form.cleaned_data)

    return _small_form(request, trajectory, form, action, title="Afspraak nagekomen",
                       success="De afspraak staat als nagekomen.", intro=f"{agreement.who}: {agreement.what}")


@login_required
def version_pdf(request, trajectory_id, number):
    reading = load_for_reading(request, trajectory_id, section="plan", action="document_download")
    version = _version_or_404(reading.trajectory, number)
    show_version(reading, version)
    response = HttpResponse(plan_pdf(version, household_name(reading.trajectory, reading.access)),
                            content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="veiligheidsplan-versie-{number}.pdf"'
    return response
