"""Involvement of partner organisations: episodes per form, and the time spent (domain §4 step 4)."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from tandem.cases import forms, services
from tandem.cases.rules.rights import Action, Limit
from tandem.cases.views.common import bound, form_page, load_trajectory, require_action, versioned


def _own(request, organisation_id) -> list:
    return [Limit.OWN_ORGANISATION] if request.user.organisation_id == organisation_id else []

FORMS_INTRO = ("Advies en/of consult: advies aan het lokale team. Groen: begeleiding met toestemming van het gezin. "
               "Oranje: met wettelijke bevoegdheden, pas na een melding of maatregel. Rood: binnen een maatregel.")


@login_required
def involvement_start(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.INVOLVEMENT_START)
    own_only = not require_action(access, trajectory, Action.INVOLVEMENT_START).allows(Action.INVOLVEMENT_START)
    form = forms.InvolvementStartForm(bound(request), initial=versioned(trajectory),
                                      organisation=request.user.organisation if own_only else None)

    def action():
        services.involvement_start(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Betrokkenheid van een partner starten",
                     success="De betrokkenheid is vastgelegd.", household=trajectory.household, intro=FORMS_INTRO)


def _involvement(trajectory, involvement_id):
    return get_object_or_404(trajectory.involvements.select_related("organisation"), pk=involvement_id)


@login_required
def involvement_end(request, trajectory_id, involvement_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.INVOLVEMENT_END)
    involvement = _involvement(trajectory, involvement_id)
    require_action(access, trajectory, Action.INVOLVEMENT_END, *_own(request, involvement.organisation_id))
    form = forms.InvolvementEndForm(bound(request), initial=versioned(trajectory))

    def action():
        services.involvement_end(actor=request.user, involvement=involvement, **form.cleaned_data)

    title = f"Betrokkenheid van {involvement.organisation} beëindigen"
    return form_page(request, form=form, action=action, title=title, submit="Betrokkenheid beëindigen",
                     success="De betrokkenheid is beëindigd.", household=trajectory.household)


@login_required
def time_register(request, trajectory_id, involvement_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.TIME_REGISTER)
    involvement = _involvement(trajectory, involvement_id)
    require_action(access, trajectory, Action.TIME_REGISTER, *_own(request, involvement.organisation_id))
    form = forms.TimeRegisterForm(bound(request), initial=versioned(trajectory))

    def action():
        services.time_register(actor=request.user, involvement=involvement, **form.cleaned_data)

    title = f"Tijd schrijven op {involvement.organisation} ({involvement.get_form_display()})"
    return form_page(request, form=form, action=action, title=title, success="De tijd is geregistreerd.",
                     household=trajectory.household,
                     intro="Registreer de tijd per dag. Uit de uren per week volgt de intensiteit.")


@login_required
def involvement_decide(request, trajectory_id, involvement_id):
    """After a withdrawn consent: end the episode, or carry on under a statutory ground (orange or red)."""
    trajectory, _ = load_trajectory(request.user, trajectory_id, action=Action.INVOLVEMENT_DECIDE)
    involvement = _involvement(trajectory, involvement_id)
    form = forms.InvolvementDecideForm(bound(request), initial=versioned(trajectory))

    def action():
        data = form.cleaned_data
        if data["decision"] == "end":
            services.involvement_decide(actor=request.user, involvement=involvement, end=data["end"],
                                        expected_version=data["expected_version"])
        else:
            services.involvement_decide(actor=request.user, involvement=involvement, form=data["form"],
                                        statutory_ground=data["statutory_ground"],
                                        expected_version=data["expected_version"])

    title = f"Toestemming ingetrokken: besluit over {involvement.organisation}"
    return form_page(request, form=form, action=action, title=title, submit="Besluit vastleggen",
                     success="Het besluit is vastgelegd.", household=trajectory.household,
                     intro="Het gezin heeft de toestemming ingetrokken waarop deze betrokkenheid rustte. De "
                           "organisatie ziet geen namen meer. Beëindig de betrokkenheid, of leg vast op welke "
                           "wettelijke grond de organisatie doorgaat (oranje kan alleen na een melding of maatregel).")
