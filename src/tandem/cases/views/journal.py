"""The journal and the contacts of experts by experience (domain §4 step 7, §5 reporting)."""
from django import forms as django_forms
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from tandem.cases import forms, services
from tandem.cases.views.common import bound, form_page, load_trajectory, versioned
from tandem.core.plain_language import check_reviewed, hints
from tandem.organisations.models import Role


@login_required
def journal_entry_add(request, trajectory_id):
    trajectory, _ = load_trajectory(request.user, trajectory_id)
    form = forms.JournalEntryForm(bound(request), initial={**versioned(trajectory), "on": timezone.localdate()})
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
    trajectory, access = load_trajectory(request.user, trajectory_id, edit=False)
    if not access.edit and request.user.role != Role.ERVARINGSDESKUNDIGE:
        raise PermissionDenied("U mag dit dossier bekijken, maar niet wijzigen.")
    only = None if access.edit else request.user  # an expert counts their own contacts
    form = forms.ExpertContactForm(bound(request), initial=versioned(trajectory), only=only)

    def action():
        services.expert_contact_record(actor=request.user, trajectory=trajectory, **form.cleaned_data)

    return form_page(request, form=form, action=action, title="Contact met ervaringsdeskundige vastleggen",
                     success="Het contact is geteld.", household=trajectory.household,
                     intro="We tellen alleen dat er contact was. Schrijf hier nooit de inhoud van het gesprek.")
