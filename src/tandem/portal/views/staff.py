"""Professional pages of the portal: make a one-time sign-in code for a household member, and answer a
resident's request for a correction. Need-to-know as on the dossier: others get a 404."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases.models import Member
from tandem.cases.rules.family import age_at
from tandem.cases.rules.rights import Action
from tandem.cases.views.common import (
    add_rule_error,
    error_summary,
    forbid,
    household_url,
    load_household,
    require_action,
)
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.portal import services
from tandem.portal.forms import CorrectionResponseForm
from tandem.portal.models import CorrectionRequest, ResidentView


def _household_for(user, household_id, action: Action, purpose: str):
    view = load_household(user, household_id)  # 404 for anyone who may not see it
    require_action(view.access, view.primary, action)
    audit_record(actor=user, action="open_form", household_id=view.household.id, obj=view.household,
                 purpose=purpose)
    return view.household


@login_required
def invite_household(request, household_id):
    household = _household_for(request.user, household_id, Action.PORTAL_CODE, "inlogcode voor het gezinsdossier")
    min_age, today = household.site.region.portal_min_age, timezone.localdate()
    members = [{"member": m, "old_enough": (age := age_at(m.birth_date, today)) is not None and age >= min_age
                or (m.birth_date is None and m.minor is False)}
               for m in household.members.all() if not m.is_network]
    return render(request, "portal/staff_invite_household.html",
                  {"title": "Inlogcode voor het gezinsdossier", "household": household, "members": members,
                   "min_age": min_age})


@login_required
def invite_member(request, member_id):
    member = get_object_or_404(Member.objects.select_related("household"), pk=member_id)
    household = _household_for(request.user, member.household_id, Action.PORTAL_CODE,
                               "inlogcode voor het gezinsdossier")
    issued, error = None, ""
    if request.method == "POST":
        try:
            issued = services.portal_invite_create(actor=request.user, member=member)
        except NotPermitted as exc:
            raise forbid(exc) from exc
        except RuleViolation as exc:
            error = exc.message
    context = {"title": "Inlogcode voor het gezinsdossier", "household": household, "member": member,
               "issued": issued, "error": error, "minutes": services.CODE_MINUTES}
    response = render(request, "portal/staff_invite_member.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def correction_handle(request, correction_id):
    correction = get_object_or_404(CorrectionRequest.objects.select_related("member", "journal_entry", "plan_version"),
                                   pk=correction_id)
    household = _household_for(request.user, correction.member.household_id, Action.CORRECTION_HANDLE,
                               "verzoek om verbetering beantwoorden")
    form = CorrectionResponseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.correction_request_handle(actor=request.user, correction=correction, **form.cleaned_data)
        except NotPermitted as exc:
            raise forbid(exc) from exc
        except RuleViolation as exc:
            add_rule_error(form, exc)
        else:
            messages.success(request, "Uw antwoord is opgeslagen. Het gezin ziet het in het gezinsdossier.")
            return redirect(household_url(household))
    context = {"title": "Verzoek om verbetering beantwoorden", "household": household, "c": correction,
               "form": form, "errors": error_summary(form)}
    return render(request, "portal/staff_correction.html", context)


@login_required
@require_POST
def resident_view_read(request, view_id):
    """The local team has read a resident's own view: it goes off the work list."""
    view = get_object_or_404(ResidentView.objects.select_related("member"), pk=view_id)
    household = _household_for(request.user, view.member.household_id, Action.CORRECTION_HANDLE,
                               "eigen kijk van het gezin gelezen")
    try:
        services.resident_view_read(actor=request.user, view=view)
    except NotPermitted as exc:
        raise forbid(exc) from exc
    messages.success(request, "De eigen kijk staat op gelezen.")
    return redirect(household_url(household) + "#journaal")
