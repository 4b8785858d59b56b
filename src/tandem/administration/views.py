"""The beheer screens (/beheer/): thin views. Only an active beheerder of a region reaches them (403 for everyone
else); objects of another region do not exist for them (404). Every read of people's data is logged."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_POST

from tandem.administration import forms, selectors, services
from tandem.administration.models import FactorReset
from tandem.audit.services import audit_record
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import Role

ONLY_BEHEERDER = "Deze pagina is voor de beheerder van de regio."


def beheerder_only(view):
    @login_required
    def wrapped(request, *args, **kwargs):
        region = selectors.administered_region(request.user)
        if region is None:
            raise PermissionDenied(ONLY_BEHEERDER)
        request.region = region
        return view(request, *args, **kwargs)

    wrapped.__name__, wrapped.__doc__ = view.__name__, view.__doc__
    return wrapped


def _errors(form) -> list[dict]:
    return [{"href": f"#id_{name}" if name != "__all__" else "#formulier", "text": message}
            for name, messages_ in form.errors.items() for message in messages_]


def _run(request, form, action, *, success: str, redirect_to: str, template: str, context: dict):
    """Validate, call one service, redirect; a refusal shows on the form and nothing is saved."""
    if request.method == "POST" and form.is_valid():
        try:
            action()
        except NotPermitted as exc:
            raise PermissionDenied(exc.message) from exc
        except RuleViolation as exc:
            field = exc.field if exc.field in form.fields else None
            form.add_error(field, exc.message)
        else:
            messages.success(request, success)
            return redirect(redirect_to)
    status = 400 if request.method == "POST" else 200
    return render(request, template, {**context, "form": form, "errors": _errors(form)}, status=status)


def _bound(request):
    return request.POST if request.method == "POST" else None


@beheerder_only
def index(request):
    region = request.region
    context = {"title": "Beheer", "region": region, "resets": selectors.waiting_resets_for(request.user),
               "counts": {"organisations": selectors.organisations_of(region).count(),
                          "sites": selectors.sites_of(region).count(),
                          "users": selectors.users_of(region).filter(is_active=True).count()}}
    return render(request, "administration/index.html", context)


# Organisations -------------------------------------------------------------------------------------------------

@beheerder_only
def organisations(request):
    return render(request, "administration/organisations.html", {
        "title": "Organisaties", "organisations": selectors.organisations_of(request.region)})


@beheerder_only
def organisation_create(request):
    form = forms.OrganisationForm(_bound(request), region=request.region)

    def action():
        services.organisation_create(actor=request.user, **form.cleaned_data)

    return _run(request, form, action, success="De organisatie is toegevoegd.",
                redirect_to=reverse("administration:organisations"), template="administration/form.html",
                context={"title": "Organisatie toevoegen", "back": reverse("administration:organisations")})


@beheerder_only
def organisation_edit(request, organisation_id):
    organisation = get_object_or_404(selectors.organisations_of(request.region), pk=organisation_id)
    initial = {"name": organisation.name, "kind": organisation.kind, "site": organisation.site_id}
    form = forms.OrganisationForm(_bound(request), initial=initial, region=request.region, editing=True)

    def action():
        services.organisation_update(actor=request.user, organisation=organisation, **form.cleaned_data)

    return _run(request, form, action, success="De organisatie is bijgewerkt.",
                redirect_to=reverse("administration:organisations"), template="administration/form.html",
                context={"title": f"Organisatie wijzigen: {organisation.code}",
                         "back": reverse("administration:organisations")})


# Sites ---------------------------------------------------------------------------------------------------------

@beheerder_only
def sites(request):
    return render(request, "administration/sites.html", {"title": "Toekomsttuinen",
                                                         "sites": selectors.sites_of(request.region)})


@beheerder_only
def site_create(request):
    form = forms.SiteForm(_bound(request))

    def action():
        services.site_create(actor=request.user, **form.cleaned_data)

    return _run(request, form, action, success="De toekomsttuin is toegevoegd.",
                redirect_to=reverse("administration:sites"), template="administration/form.html",
                context={"title": "Toekomsttuin toevoegen", "back": reverse("administration:sites")})


@beheerder_only
def site_edit(request, site_id):
    site = get_object_or_404(selectors.sites_of(request.region), pk=site_id)
    initial = {f: getattr(site, f) for f in ("name", "municipality", "monitor_filler", "monitor_approver")}
    form = forms.SiteForm(_bound(request), initial=initial, editing=True)

    def action():
        services.site_update(actor=request.user, site=site, **form.cleaned_data)

    return _run(request, form, action, success="De toekomsttuin is bijgewerkt.",
                redirect_to=reverse("administration:sites"), template="administration/form.html",
                context={"title": f"Toekomsttuin wijzigen: {site.code}", "back": reverse("administration:sites")})


# Region settings -----------------------------------------------------------------------------------------------

@beheerder_only
def region_settings(request):
    form = forms.RegionSettingsForm(_bound(request), instance=request.region)
    form.instance = type(request.region).objects.get(pk=request.region.pk)  # the form must not change the region

    def action():
        services.region_settings_update(actor=request.user, **form.cleaned_data)

    return _run(request, form, action, success="De instellingen van de regio zijn opgeslagen.",
                redirect_to=reverse("administration:index"), template="administration/form.html",
                context={"title": f"Instellingen van regio {request.region}", "back": reverse("administration:index")})


# People --------------------------------------------------------------------------------------------------------

@beheerder_only
def users(request):
    people = list(selectors.users_of(request.region))
    audit_record(actor=request.user, action="admin_users_read", purpose="beheer", detail={"count": len(people)})
    return render(request, "administration/users.html", {"title": "Mensen en rollen", "people": people})


def _person(request, user_id):
    person = get_object_or_404(selectors.users_of(request.region), pk=user_id)
    audit_record(actor=request.user, action="admin_user_read", obj=person, purpose="beheer")
    return person


@beheerder_only
def user_invite(request):
    form = forms.PersonForm(_bound(request), organisations=selectors.organisations_of(request.region))

    def action():
        services.user_invite(actor=request.user, data=form.person_data())

    return _run(request, form, action, success="De uitnodiging is verstuurd.",
                redirect_to=reverse("administration:users"), template="administration/form.html",
                context={"title": "Iemand uitnodigen", "back": reverse("administration:users"),
                         "intro": "De persoon krijgt een e-mail met een link die één keer werkt. Daarmee kiest "
                                  "die een wachtwoord en stelt de tweede stap van het inloggen in."})


@beheerder_only
def user_detail(request, user_id):
    person = _person(request, user_id)
    held = person.held_roles
    initial = {"first_name": person.first_name, "last_name": person.last_name, "email": person.email,
               "organisation": person.organisation_id, "role": person.role, "other_roles": held[1:]}
    form = forms.PersonForm(_bound(request), initial=initial, editing=True,
                            organisations=selectors.organisations_of(request.region))

    def action():
        services.user_update(actor=request.user, user=person, data=form.person_data(person.username))

    context = {"title": f"{person.get_full_name() or person.username}", "person": person,
               "roles": [Role(r).label for r in held], "invitation": selectors.open_invitation(person),
               "has_factor": selectors.has_second_factor(person), "reset_form": forms.ResetRequestForm(),
               "resets": person.factor_resets.select_related("requested_by", "confirmed_by")[:5],
               "back": reverse("administration:users")}
    return _run(request, form, action, success="De gegevens zijn opgeslagen.",
                redirect_to=reverse("administration:user", args=[person.pk]), template="administration/user.html",
                context=context)


def _user_step(request, user_id, service, success: str, **kwargs):
    person = get_object_or_404(selectors.users_of(request.region), pk=user_id)
    try:
        service(actor=request.user, user=person, **kwargs)
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, success)
    return redirect("administration:user", user_id=person.pk)


@beheerder_only
@require_POST
def user_deactivate(request, user_id):
    return _user_step(request, user_id, services.user_deactivate, "Het account is uitgezet. Het blijft bewaard.")


@beheerder_only
@require_POST
def user_reactivate(request, user_id):
    return _user_step(request, user_id, services.user_reactivate, "Het account staat weer aan.")


@beheerder_only
@require_POST
def invitation_resend(request, user_id):
    return _user_step(request, user_id, services.invitation_resend, "Er is een nieuwe uitnodiging verstuurd.")


@beheerder_only
@require_POST
def factor_reset_request(request, user_id):
    form = forms.ResetRequestForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _user_step(request, user_id, services.factor_reset_request,
                      "De herstelling is aangevraagd. Een tweede persoon (een andere beheerder of de teamleider) "
                      "moet die nog bevestigen.", reason=reason)


# Two-factor resets: confirmed by a second person (also a team leader, who is no beheerder) ----------------------

def _second_person_only(user) -> None:
    if selectors.administered_region(user) is None and Role.TEAMLEIDER not in user.held_roles:
        raise PermissionDenied("Deze pagina is voor beheerders en teamleiders.")


@login_required
def resets(request):
    _second_person_only(request.user)
    waiting = selectors.waiting_resets_for(request.user)
    return render(request, "administration/resets.html", {"title": "Tweede stap herstellen: bevestigen",
                                                          "resets": waiting})


@login_required
@require_POST
def reset_step(request, reset_id, step):
    _second_person_only(request.user)
    reset = selectors.waiting_resets_for(request.user).filter(pk=reset_id).first()
    if reset is None or step not in {"bevestigen", "intrekken"}:
        raise Http404("Deze herstelling bestaat niet of wacht niet op u.")
    service = services.factor_reset_confirm if step == "bevestigen" else services.factor_reset_withdraw
    try:
        service(actor=request.user, reset=reset)
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    except RuleViolation as exc:
        messages.error(request, exc.message)
    else:
        messages.success(request, "Bevestigd: de persoon stelt bij de volgende keer inloggen een nieuwe app in."
                         if step == "bevestigen" else "De herstelling is ingetrokken.")
    return redirect("administration:resets")


@beheerder_only
@require_POST
def own_reset_withdraw(request, reset_id):
    reset = get_object_or_404(FactorReset, pk=reset_id, status=FactorReset.Status.WAITING)
    try:
        services.factor_reset_withdraw(actor=request.user, reset=reset)
    except NotPermitted as exc:
        raise PermissionDenied(exc.message) from exc
    messages.success(request, "De herstelling is ingetrokken.")
    return redirect("administration:user", user_id=reset.user_id)
