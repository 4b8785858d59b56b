"""The beheerder's page for API clients of the organisations in their region: create one (the key is shown once),
revoke one. Small on purpose; the general beheer screens live elsewhere."""
from django import forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import path
from django.views.decorators.http import require_POST

from tandem.api import services
from tandem.api.models import ApiClient, Scope
from tandem.cases.forms import PlainForm
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import Organisation, Role

app_name = "api_beheer"


def _region_organisations(user):
    region = user.region if user.role == Role.BEHEERDER else None
    if region is None:
        raise PermissionDenied("Alleen de beheerder van een regio beheert API-clients.")
    return Organisation.objects.filter(Q(region=region) | Q(site__region=region))


class ClientForm(PlainForm):
    organisation = forms.ModelChoiceField(Organisation.objects.none(), label="Organisatie")
    name = forms.CharField(label="Naam van de koppeling", max_length=100)
    scope = forms.ChoiceField(label="Rechten", choices=Scope.choices)
    role = forms.ChoiceField(label="Soort", choices=[("koppeling", "Koppeling van een partner (dossiers)"),
                                                     ("coordinator", "Cijfers voor de coördinatoren van de regio")])
    days = forms.IntegerField(label="Geldig (dagen)", min_value=1, max_value=730, initial=365)


@login_required
def clients(request):
    organisations = _region_organisations(request.user)
    form = ClientForm(request.POST or None)
    form.fields["organisation"].queryset = organisations
    key = None
    if request.method == "POST" and form.is_valid():
        try:
            client, key = services.api_client_create(actor=request.user, **form.cleaned_data)
        except RuleViolation as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            form = ClientForm()
            form.fields["organisation"].queryset = organisations
    rows = ApiClient.objects.filter(organisation__in=organisations).select_related("organisation")
    return render(request, "api/beheer.html", {"form": form, "clients": rows, "key": key,
                                               "title": "API-clients"})


@login_required
@require_POST
def revoke(request, client_id):
    client = get_object_or_404(ApiClient, pk=client_id, organisation__in=_region_organisations(request.user))
    services.api_client_revoke(actor=request.user, client=client)
    return redirect("api_beheer:clients")


urlpatterns = [
    path("", clients, name="clients"),
    path("<int:client_id>/intrekken/", revoke, name="revoke"),
]
