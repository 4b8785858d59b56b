"""The team around the family: who joins, who steps off, and who rides in front (domain §4 step 3)."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from tandem.cases import forms, services
from tandem.cases.views.common import bound, form_page, load_trajectory, versioned


@login_required
def team_member_add(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id)
    form = forms.TeamMemberAddForm(bound(request), initial=versioned(trajectory))

    def action():
        services.team_member_add(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Iemand aan het team toevoegen",
                     success="De medewerker is aan het team toegevoegd.", household=trajectory.household,
                     intro="Een partner stapt achterop. Niemand verlaat het team omdat er iemand bij komt.")


@login_required
def team_member_leave(request, trajectory_id, membership_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id)
    membership = get_object_or_404(trajectory.team.select_related("professional"), pk=membership_id)
    form = forms.TeamMemberLeaveForm(bound(request), initial=versioned(trajectory))

    def action():
        services.team_member_leave(actor=request.user, membership=membership, **form.cleaned_data)

    return form_page(request, form=form, action=action, title=f"{membership.professional} stapt af",
                     success="De medewerker is uit het team gegaan.", household=trajectory.household,
                     submit="Uit het team halen")


@login_required
def lead_switch(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id)
    form = forms.LeadSwitchForm(bound(request), initial=versioned(trajectory))

    def action():
        services.lead_switch(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Regie wisselen",
                     success="De regie is gewisseld.", household=trajectory.household, submit="Regie wisselen",
                     intro="Wie de regie neemt, rijdt voorop. De vorige regiehouder blijft achterop in het team.")
