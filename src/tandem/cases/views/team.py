"""The team around the family: who joins, who steps off, and who rides in front (domain §4 step 3)."""
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404

from tandem.cases import forms, services
from tandem.cases.rules.rights import Action, Limit
from tandem.cases.views.common import bound, form_page, load_trajectory, require_action, versioned


@login_required
def team_member_add(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.TEAM_ADD)
    own_only = not require_action(access, trajectory, Action.TEAM_ADD).allows(Action.TEAM_ADD)
    form = forms.TeamMemberAddForm(bound(request), initial=versioned(trajectory),
                                   organisation=request.user.organisation if own_only else None)

    def action():
        services.team_member_add(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Iemand aan het team toevoegen",
                     success="De medewerker is aan het team toegevoegd.", household=trajectory.household,
                     intro="Een partner stapt achterop. Niemand verlaat het team omdat er iemand bij komt.")


@login_required
def team_member_leave(request, trajectory_id, membership_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.TEAM_LEAVE)
    membership = get_object_or_404(trajectory.team.select_related("professional"), pk=membership_id)
    own = membership.professional_id == request.user.pk or membership.organisation_id == request.user.organisation_id
    require_action(access, trajectory, Action.TEAM_LEAVE, *([Limit.SELF_OR_OWN_ORGANISATION] if own else []))
    form = forms.TeamMemberLeaveForm(bound(request), initial=versioned(trajectory))

    def action():
        services.team_member_leave(actor=request.user, membership=membership, **form.cleaned_data)

    return form_page(request, form=form, action=action, title=f"{membership.professional} stapt af",
                     success="De medewerker is uit het team gegaan.", household=trajectory.household,
                     submit="Uit het team halen")


@login_required
def lead_switch(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.LEAD_SWITCH)
    back_only = not require_action(access, trajectory, Action.LEAD_SWITCH).allows(Action.LEAD_SWITCH)
    form = forms.LeadSwitchForm(bound(request), initial=versioned(trajectory), trajectory=trajectory,
                                local_team_only=back_only)

    def action():
        services.lead_switch(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Regie wisselen",
                     success="De regie is gewisseld.", household=trajectory.household, submit="Regie wisselen",
                     intro="Wie de regie neemt, rijdt voorop. De vorige regiehouder blijft achterop in het team. "
                           "Een beschermpartner neemt de regie alleen over bij een melding of maatregel.")
