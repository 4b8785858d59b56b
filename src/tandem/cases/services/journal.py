"""The journal and the contacts of experts by experience (domain §4 step 7, §5)."""
import datetime as dt

from django.db import transaction

from tandem.cases import rules
from tandem.cases.models import EntryKind, ExpertContact, JournalEntry, Member, Trajectory
from tandem.cases.rules.rights import Action
from tandem.cases.services.base import begin_change, check_in_trajectory, facts, log_change, require_right, today
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import Role

KIND_ACTIONS = {EntryKind.CONTACT_NOTE: Action.JOURNAL_CONTACT_NOTE,
                EntryKind.PARTNER_REPORT: Action.JOURNAL_PARTNER_REPORT,
                EntryKind.DECISION: Action.JOURNAL_DECISION}


def _kind_action(kind: str) -> Action:
    if kind not in KIND_ACTIONS:
        raise RuleViolation("entry_kind", "Kies de soort notitie.", field="kind")
    return KIND_ACTIONS[kind]


@transaction.atomic
def journal_entry_add(*, actor, trajectory: Trajectory, kind: str, nature: str, source: str, text: str,
                      withheld_reason: str = "", on: dt.date | None = None, hidden_from=(), hidden_reason: str = "",
                      expected_version: int | None = None) -> JournalEntry:
    """Add a journal entry. It says who wrote it, whether it is a fact, an observation or an opinion, and on
    what source; the household sees it unless a stated reason says otherwise; `hidden_from` keeps it from named
    members only (with `hidden_reason`)."""
    fresh = begin_change(actor, trajectory, expected_version, action=_kind_action(kind))
    hidden_from = list(hidden_from)
    if withheld_reason.strip() or hidden_from:
        require_right(actor, fresh, Action.JOURNAL_HIDE, facts(own_entry=True))
        _check_members(fresh, hidden_from)
    if not text.strip():
        raise RuleViolation("text_missing", "Schrijf wat er is gebeurd of besloten.", field="text")
    if not source.strip():
        raise RuleViolation("source_missing", "Vul de bron in: waar komt deze informatie vandaan?", field="source")
    on = on or today()
    rules.check_not_future(on, today(), "datum van het contact of besluit")
    rules.check_on_or_after(on, fresh.registered_on, "datum van het contact of besluit", "de aanmelding")
    entry = JournalEntry.objects.create(trajectory=fresh, author=actor, kind=kind, nature=nature,
                                        source=source, text=text, withheld_reason=withheld_reason.strip(), on=on,
                                        hidden_reason=rules.check_hide_reason(hidden_reason) if hidden_from else "")
    entry.hidden_from.set(hidden_from)
    log_change(actor, "journal_entry_add", fresh, entry, kind=kind, withheld=bool(entry.withheld_reason),
               hidden_from=len(hidden_from))
    return entry


def _check_members(trajectory: Trajectory, members: list[Member]) -> None:
    if any(m.household_id != trajectory.household_id or m.is_network for m in members):
        raise RuleViolation("hide_not_member", "Kies gezinsleden van dit gezin.", field="hidden_from")


@transaction.atomic
def journal_entry_hide(*, actor, entry: JournalEntry, members: list[Member], reason: str,
                       expected_version: int | None = None) -> JournalEntry:
    """Keep an entry from named household members (for example the person the others are afraid of), with
    the reason; the others still see it. An empty list shows it to everyone again. Logged with the members'
    record numbers, never their names."""
    entry = JournalEntry.objects.select_related("trajectory").get(pk=entry.pk)
    own = actor is not None and entry.author_id == actor.pk
    fresh = begin_change(actor, entry.trajectory, expected_version, action=Action.JOURNAL_HIDE,
                         given=facts(own_entry=own))
    _check_members(fresh, members)
    entry.hidden_reason = rules.check_hide_reason(reason) if members else ""
    entry.save(update_fields=["hidden_reason"])
    entry.hidden_from.set(members)
    log_change(actor, "journal_entry_hide", fresh, entry, members=",".join(str(m.pk)[:8] for m in members))
    return entry


@transaction.atomic
def expert_contact_record(*, actor, trajectory: Trajectory, on: dt.date, expert,
                          expected_version: int | None = None) -> ExpertContact:
    """Count one contact of an expert by experience. Never any content."""
    fresh = begin_change(actor, trajectory, expected_version, action=Action.EXPERT_CONTACT,
                         given=facts(self=actor is not None and actor.pk == expert.pk))
    if expert.role != Role.ERVARINGSDESKUNDIGE:
        raise RuleViolation("not_an_expert", "Kies een ervaringsdeskundige.", field="expert")
    check_in_trajectory(on, fresh, "datum van het contact")
    contact = ExpertContact.objects.create(trajectory=fresh, on=on, expert=expert)
    log_change(actor, "expert_contact_record", fresh, contact)
    return contact
