"""Registering a household, adding members, triage, closing and registering again (domain §4 steps 1, 2, 8)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render

from tandem.cases import forms, services
from tandem.cases.rules.rights import Action, Limit
from tandem.cases.selectors import may_register
from tandem.cases.views.common import (
    add_rule_error,
    bound,
    error_summary,
    form_page,
    household_url,
    load_household,
    load_trajectory,
    process,
    querydict,
    require_action,
    versioned,
)
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import Role

REGISTER_TEMPLATE = "cases/household_register.html"


def _member_data(cleaned: dict) -> services.MemberData:
    return services.MemberData(**{k: v for k, v in cleaned.items() if k != "expected_version"})


def _register(request, form, formset):
    members = [_member_data(f.cleaned_data) for f in formset.forms if f.has_changed() and f.cleaned_data]
    return services.household_register(actor=request.user, site=request.user.organisation.site, members=members,
                                       **form.cleaned_data)


STEPS = {1: "Aanmelding", 2: "Gezinsleden en netwerk", 3: "Controleren en aanmelden"}
DRAFT_KEY = "aanmelding"  # what was typed in the steps, kept in the session until the household is registered
MEMBER_FIELDS = set(forms.MemberForm.base_fields)


def _forms(draft: dict):
    return (forms.RegistrationForm(querydict(draft.get("registration"))),
            forms.MemberFormSet(querydict(draft.get("members")), prefix="leden"))


def _step_of(request) -> int:
    raw = request.POST.get("stap") if request.method == "POST" else request.GET.get("stap")
    return int(raw) if raw in ("1", "2", "3") else 1


def _step_url(request, step: int) -> str:
    return f"{request.path}?stap={step}"


def _save_step(request, step: int) -> dict:
    draft = dict(request.session.get(DRAFT_KEY, {}))
    if step in (1, 2):
        draft["registration" if step == 1 else "members"] = {
            k: request.POST.getlist(k) for k in request.POST if k not in ("csrfmiddlewaretoken", "stap", "ga")}
    request.session[DRAFT_KEY] = draft
    return draft


def _finish(request, form, formset):
    """The last step: one service call with everything typed; a refusal keeps it all and says where to fix it."""
    try:
        trajectory = _register(request, form, formset)
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    except RuleViolation as exc:
        add_rule_error(form, exc)
        return None, 2 if exc.field in MEMBER_FIELDS else 1
    request.session.pop(DRAFT_KEY, None)
    messages.success(request, "Het gezin is aangemeld.")
    return redirect(household_url(trajectory.household)), None


@login_required
def household_register(request):
    """Registration in three steps (the registration, the people, check and register); what was typed is kept in
    the session between the steps and when a step or the registration is refused. A POST of every field at once
    (without `stap`) registers in one go, as before."""
    if not may_register(request.user):
        raise PermissionDenied("Alleen medewerkers van een lokaal team kunnen een gezin aanmelden.")
    if request.method == "POST" and "stap" not in request.POST:
        return _register_at_once(request)
    step, fix_step = _step_of(request), None
    draft = _save_step(request, step) if request.method == "POST" else request.session.get(DRAFT_KEY, {})
    form, formset = _forms(draft)
    go = request.POST.get("ga") if request.method == "POST" else None
    if go == "terug":
        return redirect(_step_url(request, step - 1))
    if go == "verder" and (form if step == 1 else formset).is_valid():
        return redirect(_step_url(request, step + 1))
    if go == "aanmelden" and form.is_valid() and formset.is_valid():
        response, fix_step = _finish(request, form, formset)
        if response is not None:
            return response
    shown = [f for f in ((form,) if step == 1 else (formset,) if step == 2 else (form, formset)) if f.is_bound]
    context = {"title": "Nieuw gezin aanmelden", "form": form, "formset": formset, "step": step, "steps": STEPS,
               "errors": error_summary(*shown), "fix_step": fix_step,
               "members": [f.cleaned_data for f in formset.forms if formset.is_bound and f.is_valid()
                           and f.has_changed()] if step == 3 else []}
    return render(request, REGISTER_TEMPLATE, context)


def _register_at_once(request):
    form = forms.RegistrationForm(bound(request))
    formset = forms.MemberFormSet(bound(request), prefix="leden")
    if form.is_valid() and formset.is_valid():
        response, _ = _finish(request, form, formset)
        if response is not None:
            return response
    context = {"title": "Nieuw gezin aanmelden", "form": form, "formset": formset, "step": 0, "steps": STEPS,
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
    if not may_register(request.user):
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
