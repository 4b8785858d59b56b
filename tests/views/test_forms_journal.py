"""Journal entries and expert contacts through the web forms."""
from django.urls import reverse

from tandem.cases.models import ExpertContact, JournalEntry
from django.utils import timezone
from tandem.core.dates import dutch_date


def test_journal_form_asks_for_plain_language_and_nature(client, actors, family):
    client.force_login(actors["consulent"])
    html = client.get(reverse("cases:journal_entry_add", args=[family.pk])).content.decode()
    assert "Schrijf in gewone woorden" in html
    assert "Houd feiten, waarnemingen en meningen" in html
    assert 'value="opinion"' in html


def test_journal_entry_add(client, partner_on_team, family):
    client.force_login(partner_on_team)
    url = reverse("cases:journal_entry_add", args=[family.pk])
    data = {"expected_version": family.version, "kind": "partner_report", "nature": "fact",
            "source": "gesprek met moeder", "text": "Afspraak gemaakt voor netwerkberaad.", "withheld_reason": ""}
    response = client.post(url, data, follow=True)
    assert "De notitie is opgeslagen." in response.content.decode()
    entry = JournalEntry.objects.get()
    assert entry.author == partner_on_team and entry.visible_to_household


def test_journal_without_source_is_a_form_error(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:journal_entry_add", args=[family.pk])
    data = {"expected_version": family.version, "kind": "contact_note", "nature": "fact", "source": " ",
            "text": "Iets."}
    html = client.post(url, data).content.decode()
    assert 'href="#id_source"' in html and "Dit veld is verplicht." in html
    assert not JournalEntry.objects.exists()


def test_expert_contact_record_by_consultant(client, actors, family, expert_on_team):
    client.force_login(actors["consulent"])
    url = reverse("cases:expert_contact_record", args=[family.pk])
    data = {"expected_version": family.version, "on": "2025-03-05", "expert": expert_on_team.pk}
    assert client.post(url, data).status_code == 302
    assert ExpertContact.objects.get().expert == expert_on_team


def test_expert_counts_own_contact_but_not_for_others(client, actors, family, expert_on_team):
    client.force_login(expert_on_team)
    url = reverse("cases:expert_contact_record", args=[family.pk])
    data = {"expected_version": family.version, "on": "2025-03-05", "expert": expert_on_team.pk}
    assert client.post(url, data).status_code == 302
    assert ExpertContact.objects.filter(expert=expert_on_team).count() == 1


def test_journal_entry_shows_the_date_of_the_contact(client, actors, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:journal_entry_add", args=[family.pk])
    data = {"expected_version": family.version, "kind": "contact_note", "nature": "observation", "on": "2025-02-03",
            "source": "huisbezoek", "text": "Daan speelde rustig in zijn kamer."}
    response = client.post(url, data, follow=True)
    assert "De notitie is opgeslagen." in response.content.decode()
    assert JournalEntry.objects.get().on.isoformat() == "2025-02-03"
    html = response.content.decode()
    # Both dates, each with its label: the day of the contact and the day it was written down (today).
    assert "Gebeurd op <strong>3 februari 2025</strong> · vastgelegd op " + dutch_date(timezone.localdate()) in html
    assert '<p class="entry__meta">Anna de Wit · ' in html
