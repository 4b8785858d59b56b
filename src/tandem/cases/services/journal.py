"""The journal and the contacts of experts by experience (domain §4 step 7, §5)."""
import datetime as dt

from django.db import transaction

from tandem.cases import rules
from tandem.cases.models import ExpertContact, JournalEntry, Trajectory
from tandem.cases.selectors import access_for
from tandem.cases.services.base import check_in_trajectory, lock, log_change, require_edit, today
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import Role


@transaction.atomic
def journal_entry_add(*, actor, trajectory: Trajectory, kind: str, nature: str, source: str, text: str,
                      withheld_reason: str = "", on: dt.date | None = None,
                      expected_version: int | None = None) -> JournalEntry:
    """Add a journal entry. It says who wrote it, whether it is a fact, an observation or an opinion, and on
    what source; the household sees it unless a stated reason says otherwise."""
    require_edit(actor, trajectory)
    fresh = lock(trajectory, expected_version)
    if not text.strip():
        raise RuleViolation("text_missing", "Schrijf wat er is gebeurd of besloten.", field="text")
    if not source.strip():
        raise RuleViolation("source_missing", "Vul de bron in: waar komt deze informatie vandaan?", field="source")
    on = on or today()
    rules.check_not_future(on, today(), "datum van het contact of besluit")
    rules.check_on_or_after(on, fresh.registered_on, "datum van het contact of besluit", "de aanmelding")
    entry = JournalEntry.objects.create(trajectory=fresh, author=actor, kind=kind, nature=nature,
                                        source=source, text=text, withheld_reason=withheld_reason.strip(), on=on)
    log_change(actor, "journal_entry_add", fresh, entry, kind=kind, withheld=bool(entry.withheld_reason))
    return entry


def _require_expert_or_editor(actor, trajectory: Trajectory, expert) -> None:
    if actor is None:
        return
    access = access_for(actor, trajectory)
    if not (access.edit or (access.view and actor.pk == expert.pk)):
        raise NotPermitted("U mag dit dossier niet wijzigen.")


@transaction.atomic
def expert_contact_record(*, actor, trajectory: Trajectory, on: dt.date, expert,
                          expected_version: int | None = None) -> ExpertContact:
    """Count one contact of an expert by experience. Never any content."""
    _require_expert_or_editor(actor, trajectory, expert)
    fresh = lock(trajectory, expected_version)
    if expert.role != Role.ERVARINGSDESKUNDIGE:
        raise RuleViolation("not_an_expert", "Kies een ervaringsdeskundige.", field="expert")
    check_in_trajectory(on, fresh, "datum van het contact")
    contact = ExpertContact.objects.create(trajectory=fresh, on=on, expert=expert)
    log_change(actor, "expert_contact_record", fresh, contact)
    return contact

