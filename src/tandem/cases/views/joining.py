"""Pull in, never hand over: asking a partner organisation to join (the local team), and answering it (a worker
or the team leader of that organisation, from their work list) (docs/rights.md S19)."""
import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.cases import forms, services
from tandem.cases.models import JoinRequest
from tandem.cases.rules.rights import Action
from tandem.cases.services.joining import may_answer
from tandem.cases.views.anonymity import Lens
from tandem.cases.views.common import (
    add_rule_error,
    bound,
    deny,
    error_summary,
    forbid,
    form_page,
    household_url,
    load_trajectory,
    versioned,
)
from tandem.core.exceptions import NotPermitted, RuleViolation


@login_required
def join_request_create(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.JOIN_REQUEST)
    initial = {**versioned(trajectory), "wanted_by": timezone.localdate() + dt.timedelta(days=7)}
    form = forms.JoinRequestForm(bound(request), initial=initial)

    def action():
        services.join_request_create(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Een partner vragen aan te sluiten",
                     submit="Verzoek versturen", household=trajectory.household, extra={"trajectory": trajectory},
                     success="Uw verzoek is verstuurd. De organisatie antwoordt vanuit haar werklijst.",
                     intro="U haalt een partner erbij: de organisatie kiest wie aansluit, of zegt met een reden nee. "
                           "U blijft zelf in het team. Een collega van uw eigen lokale team zet u direct in het team.")


def _load_request(user, join_request_id) -> JoinRequest:
    join_request = (JoinRequest.objects.select_related("trajectory__household", "trajectory__site", "organisation")
                    .filter(pk=join_request_id).first())
    if join_request is None:
        raise deny(user, requested=join_request_id)
    if not may_answer(user, join_request):
        raise deny(user, household_id=join_request.trajectory.household_id)
    return join_request


@login_required
def join_request_answer(request, join_request_id):
    """Only what the answerer needs: the site, what for (pseudonymised: they are not on the team yet), the form
    and the dates. The page passes the anonymous lens's safety net too."""
    join_request = _load_request(request.user, join_request_id)
    trajectory = join_request.trajectory
    audit_record(actor=request.user, action="open_form", household_id=trajectory.household_id, obj=join_request,
                 purpose="verzoek om aan te sluiten beantwoorden")
    lens = Lens(anonymous=True, members=tuple(trajectory.household.members.all()))
    request.tandem_lens = lens
    lens.fields(join_request)
    answer = request.POST.get("antwoord") if request.method == "POST" else None
    accept = forms.JoinAcceptForm(request.POST if answer == "aannemen" else None, organisation=join_request.organisation,
                                  initial={"joined_on": timezone.localdate(), "professional": request.user.pk})
    decline = forms.JoinDeclineForm(request.POST if answer == "afwijzen" else None)
    form = accept if answer == "aannemen" else decline if answer == "afwijzen" else None
    if form is not None and form.is_valid():
        try:
            if form is accept:
                services.join_request_accept(actor=request.user, request=join_request, **form.cleaned_data)
            else:
                services.join_request_decline(actor=request.user, request=join_request, **form.cleaned_data)
        except NotPermitted as exc:
            raise forbid(exc) from exc
        except RuleViolation as exc:
            add_rule_error(form, exc)
        else:
            if form is decline:
                messages.success(request, "Uw antwoord is vastgelegd. Het lokale team krijgt een melding.")
                return redirect(reverse("workspace:work"))
            messages.success(request, "Aangenomen: de medewerker zit nu in het team van het gezin.")
            joined_self = form.cleaned_data["professional"].pk == request.user.pk
            return redirect(household_url(trajectory.household) if joined_self else reverse("workspace:work"))
    context = {"title": "Verzoek om aan te sluiten", "join_request": join_request, "accept": accept,
               "decline": decline, "errors": error_summary(*(f for f in (form,) if f is not None))}
    return render(request, "cases/join_request_answer.html", context)
