"""Pages of the pool: thin views that parse a form, call one service or selector, and render. The pool
coordinator's pages hold no family name; the consultant reaches the request form through the dossier."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tandem.audit.services import audit_record
from tandem.cases.models import Trajectory
from tandem.cases.selectors import access_for
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.experts import forms, selectors, services
from tandem.experts.models import CallUpStatus, Expert, Profile

NOT_FOUND = "Dit bestaat niet, of u heeft er geen toegang toe."
PURPOSE = "pool ervaringsdeskundigen"


def _run(form, call):
    """Call one service with the form's data; a refusal becomes the form's error (a 403 for a missing right)."""
    try:
        return call(form.cleaned_data)
    except NotPermitted as error:
        raise PermissionDenied(error.message) from error
    except RuleViolation as error:
        field = error.field if error.field in form.fields else None
        form.add_error(field, error.message)
        return None


def _bound(request):
    return request.POST if request.method == "POST" else None


def _form_page(request, form, title, *, back, intro="", submit="Opslaan"):
    return render(request, "experts/form.html", {"form": form, "title": title, "back": back, "intro": intro,
                                                 "submit": submit})


def _pool_of(request):
    organisation = selectors.pool_organisation(request.user)
    if organisation is None:
        raise PermissionDenied("Deze pagina is voor de poolcoördinator van de ervaringsdeskundigen.")
    return organisation


# ------------------------------------------------------------------------------------------------ the pool

@login_required
def pool(request):
    organisation = _pool_of(request)
    audit_record(actor=request.user, action="expert_pool_view", obj=organisation, purpose=PURPOSE)
    context = {"title": "Pool ervaringsdeskundigen", "organisation": organisation,
               "rows": selectors.pool_rows(organisation),
               "call_ups": selectors.call_ups_for_pool(organisation),
               "profiles": selectors.profiles_of(organisation.region, active_only=False) if organisation.region else []}
    return render(request, "experts/pool.html", context)


def _expert_form(request, organisation, expert=None):
    region = organisation.region
    return forms.ExpertForm(
        _bound(request), organisation=organisation, editing=expert is not None,
        profiles=selectors.profiles_of(region), sites=region.sites.all() if region else Profile.objects.none(),
        initial=None if expert is None else {
            "pool": expert.pool, "profiles": list(expert.profiles.all()), "sites": list(expert.sites.all()),
            "available": expert.available, "max_families": expert.max_families, "version": expert.version})


@login_required
def expert_add(request):
    organisation = _pool_of(request)
    form = _expert_form(request, organisation)
    if request.method == "POST" and form.is_valid():
        if _run(form, lambda d: services.expert_add(
                actor=request.user, organisation=organisation, user=d["user"], pool=d["pool"], profiles=d["profiles"],
                sites=d["sites"], available=d["available"], max_families=d["max_families"])):
            messages.success(request, "De ervaringsdeskundige staat in de pool.")
            return redirect("experts:pool")
    return _form_page(request, form, "Ervaringsdeskundige toevoegen aan de pool", back="experts:pool")


@login_required
def expert_edit(request, expert_id):
    organisation = _pool_of(request)
    expert = get_object_or_404(Expert.objects.select_related("user"), pk=expert_id, organisation=organisation)
    form = _expert_form(request, organisation, expert)
    if request.method == "POST" and form.is_valid():
        if _run(form, lambda d: services.expert_update(
                actor=request.user, expert=expert, pool=d["pool"], profiles=d["profiles"], sites=d["sites"],
                available=d["available"], max_families=d["max_families"], expected_version=d["version"])):
            messages.success(request, "Opgeslagen.")
            return redirect("experts:pool")
    return _form_page(request, form, f"{expert} in de pool", back="experts:pool")


@login_required
def profile_add(request):
    region = selectors.region_of(request.user)
    if region is None:
        raise PermissionDenied("U werkt niet in een regio.")
    form = forms.ProfileForm(_bound(request))
    if request.method == "POST" and form.is_valid():
        if _run(form, lambda d: services.profile_add(actor=request.user, region=region, name=d["name"])):
            messages.success(request, "Het profiel staat op de lijst van de regio.")
            return redirect("experts:pool" if selectors.pool_organisation(request.user) else "experts:profile_add")
    profiles = selectors.profiles_of(region, active_only=False)
    return _form_page(request, form, "Profiel toevoegen", back="experts:pool",
                      intro="Profielen nu: " + (", ".join(p.name for p in profiles) or "nog geen") + ".")


@login_required
def sessions(request):
    organisation = _pool_of(request)
    experts = Expert.objects.filter(organisation=organisation).select_related("user")
    form = forms.SessionForm(_bound(request), experts=experts, initial={"held_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        if _run(form, lambda d: services.session_record(actor=request.user, organisation=organisation,
                                                        kind=d["kind"], held_on=d["held_on"],
                                                        attendees=d["attendees"])):
            messages.success(request, "De bijeenkomst is vastgelegd.")
            return redirect("experts:sessions")
    return render(request, "experts/sessions.html", {"title": "Coaching en supervisie", "form": form,
                                                     "sessions": selectors.sessions_of(organisation)[:50]})


@login_required
def reports(request):
    try:
        organisation, region = selectors.report_scope(request.user)
    except NotPermitted as error:
        raise PermissionDenied(error.message) from error
    audit_record(actor=request.user, action="expert_reports_view", obj=organisation, purpose=PURPOSE)
    context = {"title": "Cijfers ervaringsdeskundigen", "contacts": selectors.contacts_report(organisation, region),
               "families": selectors.families_with_expert(organisation, region),
               "hours": selectors.expert_network_hours(region) if region else {}}
    return render(request, "experts/reports.html", context)


# ------------------------------------------------------------------------------------------------ the call-up

def _trajectory_for(request, trajectory_id) -> Trajectory:
    trajectory = Trajectory.objects.filter(pk=trajectory_id).select_related("site__region", "household").first()
    if trajectory is None or not access_for(request.user, trajectory).view:
        raise Http404(NOT_FOUND)
    return trajectory


@login_required
def call_up_request(request, trajectory_id):
    trajectory = _trajectory_for(request, trajectory_id)
    form = forms.CallUpForm(_bound(request), profiles=selectors.profiles_of(trajectory.site.region))
    if request.method == "POST" and form.is_valid():
        call_up = _run(form, lambda d: services.call_up_request(actor=request.user, trajectory=trajectory, **d))
        if call_up:
            messages.success(request, "Uw vraag is naar de pool van ervaringsdeskundigen gestuurd.")
            return redirect("experts:call_up", call_up.pk)
    audit_record(actor=request.user, action="open_form", household_id=trajectory.household_id, obj=trajectory,
                 purpose="ervaringsdeskundige vragen")
    return render(request, "experts/form.html", {
        "form": form, "title": "Een ervaringsdeskundige vragen", "back_url": f"/gezinnen/{trajectory.household_id}/",
        "intro": "De poolcoördinator zoekt iemand die past. Die komt in het team als het gezin toestemming geeft.",
        "submit": "Vraag versturen"})


@login_required
def call_up(request, call_up_id):
    found = selectors.call_up_for(request.user, call_up_id)
    if found is None:
        raise Http404(NOT_FOUND)
    is_pool = selectors.pool_organisation(request.user) is not None
    matching = selectors.matching_experts(found) if is_pool and found.status == CallUpStatus.REQUESTED else []
    form = forms.ProposeForm(experts=Expert.objects.filter(pk__in=[r.expert.pk for r in matching]),
                             initial={"version": found.version}) if matching else None
    is_expert = found.expert_id is not None and found.expert.user_id == request.user.pk
    audit_record(actor=request.user, action="call_up_view", household_id=None if is_pool else
                 found.trajectory.household_id, obj=found, purpose=PURPOSE)
    context = {"title": "Vraag om een ervaringsdeskundige", "c": found, "matching": matching, "form": form,
               "is_pool": is_pool, "is_expert": is_expert, "steps": found.steps.select_related("by", "expert__user"),
               "may_open_dossier": not is_pool and access_for(request.user, found.trajectory).view}
    return render(request, "experts/call_up.html", context)


@login_required
@require_POST
def call_up_step(request, call_up_id, step):
    found = selectors.call_up_for(request.user, call_up_id)
    if found is None:
        raise Http404(NOT_FOUND)
    version = request.POST.get("version")
    expected = int(version) if version and version.isdigit() else None
    actions = {"accept": services.call_up_accept, "decline": services.call_up_decline,
               "join": services.call_up_join, "withdraw": services.call_up_withdraw}
    try:
        if step == "propose":
            form = forms.ProposeForm(request.POST, experts=Expert.objects.filter(organisation=found.organisation))
            if not form.is_valid():
                raise RuleViolation("expert_missing", "Kies wie u voorstelt.")
            services.call_up_propose(actor=request.user, call_up=found, expert=form.cleaned_data["expert"],
                                     expected_version=expected)
        elif step in actions:
            actions[step](actor=request.user, call_up=found, expected_version=expected)
        else:
            raise Http404(NOT_FOUND)
        messages.success(request, "Gelukt. De volgende stap staat op de werklijst.")
    except NotPermitted as error:
        raise PermissionDenied(error.message) from error
    except RuleViolation as error:
        messages.error(request, error.message)
    return redirect("experts:call_up", found.pk)


# ------------------------------------------------------------------------------------------------ the expert

def _expert_or_403(request) -> Expert:
    expert = selectors.expert_of(request.user)
    if expert is None:
        raise PermissionDenied("Deze pagina is voor ervaringsdeskundigen in de pool.")
    return expert


@login_required
def mine(request):
    expert = _expert_or_403(request)
    audit_record(actor=request.user, action="expert_own_view", obj=expert, purpose=PURPOSE)
    context = {"title": "Mijn inzet als ervaringsdeskundige", "expert": expert,
               "families": selectors.my_families(expert), "contacts": selectors.my_contacts(expert),
               "proposals": expert.call_ups.filter(status=CallUpStatus.PROPOSED).select_related("site", "profile")}
    return render(request, "experts/mine.html", context)


@login_required
def contact_record(request, trajectory_id):
    expert = _expert_or_403(request)
    trajectory = _trajectory_for(request, trajectory_id)
    form = forms.ContactForm(_bound(request), initial={"on": timezone.localdate(), "number": 1})
    if request.method == "POST" and form.is_valid():
        if _run(form, lambda d: services.contact_record(actor=request.user, expert=expert, trajectory=trajectory,
                                                        **d)):
            messages.success(request, "Het contact is geteld.")
            return redirect("experts:mine")
    return _form_page(request, form, "Contact tellen", back="experts:mine", submit="Tellen",
                      intro="U telt hier alleen: de soort, het aantal en de duur. Wat er besproken is, schrijft u niet op.")


@login_required
def lesson_add(request):
    expert = _expert_or_403(request)
    form = forms.LessonForm(_bound(request), sites=expert.sites.all())
    if request.method == "POST" and form.is_valid():
        if _run(form, lambda d: services.expert_lesson_add(actor=request.user, **d)):
            messages.success(request, "Uw ervaring staat bij de lessen van de praktijkgroep.")
            return redirect("experts:mine")
    return _form_page(request, form, "Eigen ervaring delen met de praktijkgroep", back="experts:mine",
                      submit="Delen")
