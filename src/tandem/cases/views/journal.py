"""The journal and the contacts of experts by experience (domain §4 step 7, §5 reporting)."""
from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.utils import timezone

from tandem.cases import forms, services
from tandem.cases.rules.rights import Action, Limit
from tandem.cases.selectors import rights_for
from tandem.cases.services.journal import KIND_ACTIONS
from tandem.cases.views.anonymity import Lens
from tandem.cases.views.common import bound, form_page, load_trajectory, require_action, versioned
from tandem.cases.views.display import member_labels
from tandem.core.plain_language import check_reviewed, hints


def _journal_rights(request, trajectory, access):
    """The kinds of entry this person may write here (403 when none), and whether they may keep it back."""
    rights = rights_for(request.user, trajectory, access)
    kinds = [kind for kind, action in KIND_ACTIONS.items() if action in rights]
    if not kinds:
        require_action(access, trajectory, Action.JOURNAL_CONTACT_NOTE)
    return kinds, rights.allows(Action.JOURNAL_HIDE, Limit.OWN_ENTRY)


@login_required
def journal_entry_add(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=None)
    kinds, may_hide = _journal_rights(request, trajectory, access)
    members = trajectory.household.members.filter(is_network=False)
    labels = member_labels(list(trajectory.household.members.all()), access.identifying, timezone.localdate())
    form = forms.JournalEntryForm(bound(request), initial={**versioned(trajectory), "on": timezone.localdate()},
                                  kinds=kinds, may_hide=may_hide, members=members, labels=labels)
    found = hints(request.POST.get("text", "")) if request.method == "POST" else []
    if found:  # plain-language hints: shown before saving, with a check box to confirm re-reading
        form.fields["reviewed"] = django_forms.BooleanField(label="Ik heb de tekst nagelezen", required=False)

    def action():
        data = dict(form.cleaned_data)
        check_reviewed(found, data.pop("reviewed", False))
        services.journal_entry_add(actor=request.user, trajectory=trajectory, **data)

    return form_page(request, form=form, action=action, title="Notitie toevoegen aan het journaal",
                     success="De notitie is opgeslagen.", household=trajectory.household,
                     intro="Het gezin kan het journaal lezen. " + forms.JOURNAL_HELP, extra={"hints": found})


@login_required
def expert_contact_record(request, trajectory_id):
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.EXPERT_CONTACT)
    rights = rights_for(request.user, trajectory, access)
    only = None if rights.allows(Action.EXPERT_CONTACT) else request.user  # an expert counts their own contacts
    form = forms.ExpertContactForm(bound(request), initial=versioned(trajectory), only=only)

    def action():
        services.expert_contact_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Contact met ervaringsdeskundige vastleggen",
                     success="Het contact is geteld.", household=trajectory.household,
                     intro="We tellen alleen dat er contact was. Schrijf hier nooit de inhoud van het gesprek.")


@login_required
def journal_entry_hide(request, trajectory_id, entry_id):
    """Keep an entry from named household members (reason recorded and logged), or show it to all again."""
    trajectory, access = load_trajectory(request.user, trajectory_id, action=Action.JOURNAL_HIDE)
    entry = get_object_or_404(trajectory.journal.prefetch_related("hidden_from"), pk=entry_id)
    require_action(access, trajectory, Action.JOURNAL_HIDE,
                   *([Limit.OWN_ENTRY] if entry.author_id == request.user.pk else []))
    members = trajectory.household.members.filter(is_network=False)
    labels = member_labels(list(trajectory.household.members.all()), access.identifying, timezone.localdate())
    reason = Lens.for_household(access, trajectory.household).text(entry.hidden_reason)
    form = forms.JournalHideForm(bound(request), initial={**versioned(trajectory), "reason": reason,
                                                          "members": list(entry.hidden_from.all())})
    form.set_members(members, labels)

    def action():
        services.journal_entry_hide(actor=request.user, entry=entry, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Notitie afschermen voor een gezinslid",
                     success="Vastgelegd wie deze notitie niet ziet.", household=trajectory.household,
                     intro="Niet alle gezinsleden zijn altijd veilig bij elkaar. Kies wie deze notitie niet mag "
                           "lezen. De anderen lezen hem wel. De reden wordt vastgelegd.")
