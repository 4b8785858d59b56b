"""The journal and the contacts of experts by experience (domain §4 step 7, §5)."""
import datetime as dt
import json

import pytest
from django.utils import timezone

from tandem.audit.models import AuditEvent
from tandem.cases.models import ExpertContact, JournalEntry
from tandem.cases.services import (
    consent_record,
    expert_contact_record,
    journal_entry_add,
    team_member_add,
    trajectory_close,
)
from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit
from tandem.organisations.models import User

from .helpers import assert_audited, refused, version

D = dt.date
TEXT = "Fatima vertelt dat het rustiger is thuis."


def write(actor, trajectory, **kwargs):
    kwargs.setdefault("text", TEXT)
    kwargs.setdefault("source", "gesprek met moeder")
    return journal_entry_add(actor=actor, trajectory=trajectory, kind="contact_note", nature="observation",
                             **kwargs)


@pytest.fixture
def expert_on_team(actors, family, orgs, mother):
    """Gijs (Samenkracht!) is on the team and the family consented to Samenkracht!."""
    consent_record(actor=actors["consulent"], how="conversation", trajectory=family, organisation=orgs["ed"], given_by=mother,
                   purpose="ervaringsdeskundigheid", given_on=D(2025, 1, 15))
    return team_member_add(actor=actors["consulent"], trajectory=family, professional=actors["expert"],
                           joined_on=D(2025, 1, 16))


# --- journal_entry_add -----------------------------------------------------------------------------------

def test_journal_entry_add_works(actors, family):
    entry = write(actors["consulent"], family, expected_version=1)
    stored = JournalEntry.objects.get(pk=entry.pk)
    assert (stored.author, stored.kind, stored.nature, stored.text) == (actors["consulent"], "contact_note",
                                                                       "observation", TEXT)
    assert stored.visible_to_household
    assert version(family) == 2
    event = assert_audited("journal_entry_add", entry, actors["consulent"], family.household_id)
    assert event.detail == {"kind": "contact_note", "withheld": "False", "hidden_from": "0"}
    assert "rustiger" not in json.dumps(event.detail)


def test_withheld_entry_is_not_visible_to_the_household(actors, family):
    entry = write(actors["consulent"], family, withheld_reason="  Veiligheid van de melder  ")
    assert entry.withheld_reason == "Veiligheid van de melder"
    assert not entry.visible_to_household
    assert AuditEvent.objects.order_by("-id").first().detail["withheld"] == "True"


def test_a_partner_on_the_team_may_write_a_report(actors, family, on_team):
    entry = journal_entry_add(actor=actors["partner"], trajectory=family, kind="partner_report", nature="fact",
                              source="huisbezoek", text="Huisbezoek afgelegd.")
    assert entry.author == actors["partner"]


@pytest.mark.parametrize("kwargs, code", [
    ({"text": "  "}, "text_missing"),
    ({"source": ""}, "source_missing"),
    ({"expected_version": 0}, "stale_edit"),
])
def test_journal_entry_add_refused(actors, family, kwargs, code):
    with refused(RuleViolation, code):
        write(actors["consulent"], family, **kwargs)


def test_stale_journal_entry_overwrites_nothing(actors, family):
    seen = version(family)
    write(actors["consulent"], family, expected_version=seen)
    with refused(StaleEdit):
        write(actors["consulent"], family, text="Tweede versie", expected_version=seen)
    assert list(JournalEntry.objects.values_list("text", flat=True)) == [TEXT]


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator", "expert"])
def test_journal_entry_add_not_permitted(actors, family, who):
    with refused(NotPermitted):
        write(actors[who], family)


def test_an_expert_by_experience_on_the_team_may_not_write(actors, family, expert_on_team):
    with refused(NotPermitted):
        write(actors["expert"], family)


# --- expert_contact_record -------------------------------------------------------------------------------

def test_the_expert_records_an_own_contact(actors, family, expert_on_team):
    contact = expert_contact_record(actor=actors["expert"], trajectory=family, on=D(2025, 1, 22),
                                    expert=actors["expert"], expected_version=version(family))
    assert (ExpertContact.objects.get(pk=contact.pk).on, contact.expert) == (D(2025, 1, 22), actors["expert"])
    event = assert_audited("expert_contact_record", contact, actors["expert"], family.household_id)
    assert event.detail == {}   # counted, never any content


def test_the_consultant_records_a_contact_of_the_expert(actors, family):
    contact = expert_contact_record(actor=actors["consulent"], trajectory=family, on=D(2025, 1, 22),
                                    expert=actors["expert"])
    assert contact.expert == actors["expert"]


def test_only_an_expert_by_experience_has_expert_contacts(actors, family):
    with refused(RuleViolation, "not_an_expert"):
        expert_contact_record(actor=actors["consulent"], trajectory=family, on=D(2025, 1, 22),
                              expert=actors["partner"])


@pytest.mark.parametrize("on, code", [(D(2025, 1, 13), "before_reference"), (D(2099, 1, 1), "date_in_future")])
def test_expert_contact_refuses_bad_dates(actors, family, on, code):
    with refused(RuleViolation, code):
        expert_contact_record(actor=actors["consulent"], trajectory=family, on=on, expert=actors["expert"])


def test_expert_contact_after_closure_is_refused(actors, family):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    assert expert_contact_record(actor=actors["consulent"], trajectory=family, on=D(2025, 3, 1),
                                 expert=actors["expert"]).pk
    with refused(RuleViolation, "after_closure"):
        expert_contact_record(actor=actors["consulent"], trajectory=family, on=D(2025, 3, 2),
                              expert=actors["expert"])


def test_expert_contact_refuses_a_stale_edit(actors, family):
    with refused(StaleEdit):
        expert_contact_record(actor=actors["consulent"], trajectory=family, on=D(2025, 1, 22),
                              expert=actors["expert"], expected_version=0)


def test_the_expert_cannot_record_a_contact_of_someone_else(actors, family, expert_on_team, orgs):
    colleague = User.objects.create_user(username="ed2", organisation=orgs["ed"], role="ervaringsdeskundige")
    with refused(NotPermitted):
        expert_contact_record(actor=actors["expert"], trajectory=family, on=D(2025, 1, 22), expert=colleague)


def test_an_expert_not_on_the_team_cannot_record(actors, family):
    with refused(NotPermitted):
        expert_contact_record(actor=actors["expert"], trajectory=family, on=D(2025, 1, 22),
                              expert=actors["expert"])


@pytest.mark.parametrize("who", ["partner", "outsider", "other_site", "coordinator"])
def test_expert_contact_not_permitted(actors, family, who):
    with refused(NotPermitted):
        expert_contact_record(actor=actors[who], trajectory=family, on=D(2025, 1, 22), expert=actors["expert"])


def test_a_journal_entry_carries_the_date_of_the_contact(actors, family):
    import datetime as dt

    from tandem.cases.services import journal_entry_add

    entry = journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note", nature="fact",
                              source="huisbezoek", text="Huisbezoek gedaan.", on=dt.date(2025, 2, 3))
    assert entry.on == dt.date(2025, 2, 3)
    today = journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note", nature="fact",
                              source="telefoon", text="Gebeld.")
    assert today.on == timezone.localdate()


@pytest.mark.parametrize("on", [dt.date(2025, 1, 13), dt.date(2999, 1, 1)])
def test_a_journal_date_before_registration_or_in_the_future_is_refused(actors, family, on):
    from tandem.cases.services import journal_entry_add

    with pytest.raises(RuleViolation) as error:
        journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note", nature="fact",
                          source="huisbezoek", text="Huisbezoek gedaan.", on=on)
    assert error.value.code in {"before_reference", "date_in_future"}
    assert not JournalEntry.objects.exists()
