"""Involvement of partner organisations: episodes per form, and the time spent (domain §4 step 4)."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from tandem.cases import forms, services
from tandem.cases.views.common import bound, form_page, load_trajectory, versioned

FORMS_INTRO = ("Advies en/of consult: advies aan het lokale team. Groen: begeleiding met toestemming van het gezin. "
               "Oranje: met wettelijke bevoegdheden, pas na een melding of maatregel. Rood: binnen een maatregel.")


@login_required
def involvement_start(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id)
    form = forms.InvolvementStartForm(bound(request), initial=versioned(trajectory))

    def action():
        services.involvement_start(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Betrokkenheid van een partner starten",
                     success="De betrokkenheid is vastgelegd.", household=trajectory.household, intro=FORMS_INTRO)


def _involvement(trajectory, involvement_id):
    return get_object_or_404(trajectory.involvements.select_related("organisation"), pk=involvement_id)


@login_required
def involvement_end(request, trajectory_id, involvement_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id)
    involvement = _involvement(trajectory, involvement_id)
    form = forms.InvolvementEndForm(bound(request), initial=versioned(trajectory))

    def action():
        services.involvement_end(actor=request.user, involvement=involvement, **form.cleaned_data)

    title = f"Betrokkenheid van {involvement.organisation} beëindigen"
    return form_page(request, form=form, action=action, title=title, submit="Betrokkenheid beëindigen",
                     success="De betrokkenheid is beëindigd.", household=trajectory.household)


@login_required
def time_register(request, trajectory_id, involvement_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id)
    involvement = _involvement(trajectory, involvement_id)
    form = forms.TimeRegisterForm(bound(request), initial=versioned(trajectory))

    def action():
        services.time_register(actor=request.user, involvement=involvement, **form.cleaned_data)

    title = f"Tijd schrijven op {involvement.organisation} ({involvement.get_form_display()})"
    return form_page(request, form=form, action=action, title=title, success="De tijd is geregistreerd.",
                     household=trajectory.household,
                     intro="Registreer de tijd per dag. Uit de uren per week volgt de intensiteit.")
