"""Professional pages of the portal: make a one-time sign-in code for a household member, and answer a
resident's request for a correction. Need-to-know as on the dossier: others get a 404."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from tandem.audit.services import audit_record
from tandem.cases.models import Member
from tandem.cases.views.common import (
    add_rule_error,
    error_summary,
    household_url,
    load_household,
    require_edit,
)
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.portal import services
from tandem.portal.forms import CorrectionResponseForm
from tandem.portal.models import CorrectionRequest


def _editable_household(user, household_id):
    view = load_household(user, household_id)  # 404 for anyone who may not see it
    require_edit(view.access)
    audit_record(actor=user, action="open_form", household_id=view.household.id, obj=view.household,
                 purpose="inlogcode voor het gezinsdossier")
    return view.household


@login_required
def invite_household(request, household_id):
    household = _editable_household(request.user, household_id)
    members = [m for m in household.members.all() if not m.is_network]
    return render(request, "portal/staff_invite_household.html",
                  {"title": "Inlogcode voor het gezinsdossier", "household": household, "members": members})


@login_required
def invite_member(request, member_id):
    member = get_object_or_404(Member.objects.select_related("household"), pk=member_id)
    household = _editable_household(request.user, member.household_id)
    issued, error = None, ""
    if request.method == "POST":
        try:
            issued = services.portal_invite_create(actor=request.user, member=member)
        except RuleViolation as exc:
            error = exc.message
        except NotPermitted as exc:
            raise PermissionDenied(str(exc)) from exc
    context = {"title": "Inlogcode voor het gezinsdossier", "household": household, "member": member,
               "issued": issued, "error": error, "minutes": services.CODE_MINUTES}
    response = render(request, "portal/staff_invite_member.html", context)
    response["Cache-Control"] = "no-store"
    return response


@login_required
def correction_handle(request, correction_id):
    correction = get_object_or_404(CorrectionRequest.objects.select_related("member", "journal_entry", "plan_version"),
                                   pk=correction_id)
    household = _editable_household(request.user, correction.member.household_id)
    form = CorrectionResponseForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.correction_request_handle(actor=request.user, correction=correction, **form.cleaned_data)
        except RuleViolation as exc:
            add_rule_error(form, exc)
        except NotPermitted as exc:
            raise PermissionDenied(str(exc)) from exc
        else:
            messages.success(request, "Uw antwoord is opgeslagen. Het gezin ziet het in het gezinsdossier.")
            return redirect(household_url(household))
    context = {"title": "Verzoek om verbetering beantwoorden", "household": household, "c": correction,
               "form": form, "errors": error_summary(form)}
    return render(request, "portal/staff_correction.html", context)
