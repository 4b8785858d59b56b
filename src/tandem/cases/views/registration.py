"""Registering a household, adding members, triage, closing and registering again (domain §4 steps 1, 2, 8)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from tandem.cases import forms, services
from tandem.cases.rules.rights import Action, Limit
from tandem.cases.views.common import (
    add_rule_error,
    bound,
    error_summary,
    form_page,
    household_url,
    load_household,
    load_trajectory,
    process,
    require_action,
    versioned,
)
from tandem.cases.views.overview import can_register
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import Role

REGISTER_TEMPLATE = "cases/household_register.html"


def _member_data(cleaned: dict) -> services.MemberData:
    return services.MemberData(**{k: v for k, v in cleaned.items() if k != "expected_version"})


def _register(request, form, formset):
    members = [_member_data(f.cleaned_data) for f in formset.forms if f.has_changed() and f.cleaned_data]
    return services.household_register(actor=request.user, site=request.user.organisation.site, members=members,
                                       **form.cleaned_data)


@login_required
def household_register(request):
    if not can_register(request.user):
        raise PermissionDenied("Alleen medewerkers van een lokaal team kunnen een gezin aanmelden.")
    form = forms.RegistrationForm(bound(request))
    formset = forms.MemberFormSet(bound(request), prefix="leden")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            trajectory = _register(request, form, formset)
        except NotPermitted as exc:
            raise PermissionDenied(exc.message) from exc
        except RuleViolation as exc:
            add_rule_error(form, exc)
        else:
            messages.success(request, "Het gezin is aangemeld.")
            return redirect(household_url(trajectory.household))
    context = {"title": "Nieuw gezin aanmelden", "form": form, "formset": formset,
               "errors": error_summary(form, formset)}
    return render(request, REGISTER_TEMPLATE, context)


@login_required
def member_add(request, household_id):
    view = load_household(request.user, household_id)
    require_action(view.access, view.primary, Action.MEMBER_ADD)
    household = view.household
    form = forms.MemberAddForm(bound(request), initial=versioned(household.trajectories.first()))

    def action():
        services.member_add(actor=request.user, household=household, data=_member_data(form.cleaned_data),
                            expected_version=form.cleaned_data["expected_version"])

    return form_page(request, form=form, action=action, title="Gezinslid of netwerkpersoon toevoegen",
                     success="De persoon is toegevoegd.", household=household)


@login_required
def trajectory_register(request, household_id):
    view = load_household(request.user, household_id)
    require_action(view.access, view.primary, Action.REGISTER_AGAIN)
    if not can_register(request.user):
        raise PermissionDenied("Alleen medewerkers van een lokaal team kunnen een gezin aanmelden.")
    household = view.household
    form = forms.RegistrationForm(bound(request))
    context = {"title": "Gezin opnieuw aanmelden", "household": household, "submit": "Opnieuw aanmelden",
               "intro": "Het vorige traject is afgesloten. Met een nieuwe aanmelding begint een nieuw traject."}

    def action():
        services.trajectory_register(actor=request.user, household=household, **form.cleaned_data)

    return process(request, form, action, success="Het gezin is opnieuw aangemeld.",
                   redirect_to=household_url(household), template="cases/form.html", context=context)


@login_required
def triage_record(request, trajectory_id):
    gw = [Limit.GEDRAGSWETENSCHAPPER] if request.user.role == Role.GEDRAGSWETENSCHAPPER else []
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.TRIAGE, facts=gw)
    form = forms.TriageForm(bound(request), initial=versioned(trajectory))

    def action():
        services.triage_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Triagebesluit vastleggen",
                     success="Het triagebesluit is vastgelegd.", household=trajectory.household,
                     intro="Leg vast wat bij de gezamenlijke triage is besloten over instroom of uitstroom.")


@login_required
def trajectory_reopen(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.REOPEN)
    form = forms.ReopenForm(bound(request), initial=versioned(trajectory))

    def action():
        services.trajectory_reopen(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    days = trajectory.site.region.reopen_days
    return form_page(request, form=form, action=action, title="Traject weer openen", submit="Traject weer openen",
                     success="Het traject is weer open. U heeft de regie.", household=trajectory.household,
                     intro=f"Een afgesloten traject kan tot {days} dagen na het afsluiten weer open, met een reden. "
                           "Daarna meldt u het gezin opnieuw aan.")
