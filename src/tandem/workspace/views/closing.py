"""Closing a trajectory: first what still runs (the tandem, episodes, measures, open agreements of the safety
plan), then the end evaluation and exit triage, and a confirmation (domain §4 step 8)."""
import dataclasses

from django.contrib.auth.decorators import login_required
from django.utils import timezone

from tandem.cases import forms, services
from tandem.cases.rules.rights import Action
from tandem.cases.views.common import bound, form_page, load_trajectory, versioned
from tandem.safetyplan.selectors import open_agreements_count


def _running(trajectory, on):
    running = services.still_running(trajectory, on)
    return dataclasses.replace(running, open_agreements=open_agreements_count(trajectory))


@login_required
def trajectory_close(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.CLOSE)
    form = forms.CloseForm(bound(request), initial={**versioned(trajectory), "closed_on": timezone.localdate()})

    def action():
        data = {k: v for k, v in form.cleaned_data.items() if k != "confirmed"}
        services.trajectory_close(actor=request.user, trajectory=trajectory, **data)

    return form_page(request, form=form, action=action, title="Traject afsluiten", submit="Traject afsluiten",
                     success="Het traject is afgesloten.", household=trajectory.household,
                     template="workspace/close.html", extra={"running": _running(trajectory, timezone.localdate())},
                     intro="Bij afsluiten stoppen de regie, het team en alle betrokkenheid op de afsluitdatum.")
