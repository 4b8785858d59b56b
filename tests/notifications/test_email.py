"""Be told (issue "Tandem 6"): events of the dossier become notifications in Tandem for the people concerned and,
by setting per person or region, an e-mail through Django's mail settings, sent here to a real SMTP server on
localhost. The e-mail holds no personal data: no names, no BSN, no household code or id, not in the subject either;
only that something is waiting and a link."""
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.cases import services
from tandem.notifications.models import Notification
from tandem.portal.services import correction_request_add, resident_view_add
from tandem.core.dates import dutch_date

TODAY = timezone.localdate()


def personal_data(family) -> list[str]:
    household = family.household
    words = [str(household.pk), household.short_code]
    for member in household.members.all():
        words += [member.given_names, member.family_name, member.surname, member.full_name]
        words += [member.bsn] if member.bsn else []
        day = member.birth_date
        words += [f"{day:%d-%m-%Y}", day.isoformat(), dutch_date(day)] if day else []
    return [w for w in words if w]


@pytest.fixture
def by_email(actors):
    anna = actors["consulent"]
    anna.email, anna.notify_by_email = "anna@gemeente.example", True
    anna.save()
    return anna


@pytest.fixture
def gi_consent(family, mother, orgs, actors):
    services.team_member_add(actor=None, trajectory=family, professional=actors["outsider"], joined_on=TODAY)
    consent = services.consent_record(actor=None, trajectory=family, organisation=orgs["gi"], given_by=mother,
                                      purpose="begeleiding", given_on=dt.date(2025, 2, 1))
    services.involvement_start(actor=None, trajectory=family, organisation=orgs["gi"], form="green",
                               start=dt.date(2025, 2, 1))
    return consent


def test_a_withdrawn_consent_reaches_the_consultant_by_email_without_personal_data(
        smtp, by_email, family, gi_consent, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        services.consent_withdraw(actor=None, consent=gi_consent, withdrawn_on=TODAY)  # as the portal does
    notification = Notification.objects.get(recipient=by_email, kind="consent_withdrawn")
    assert len(smtp.messages) == 1
    message = smtp.messages[0]
    assert message["to"] == ["anna@gemeente.example"]
    assert message["subject"] == "Tandem: er staat iets nieuws voor u klaar"
    assert "een gezin heeft een toestemming ingetrokken" in message["body"]
    assert reverse("notifications:open", args=[notification.pk]) in message["body"]
    raw = message["raw"].decode("utf-8", errors="replace")
    leaks = [word for word in personal_data(family) if word.lower() in raw.lower()]
    assert not leaks, leaks
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_without_the_setting_only_in_tandem(smtp, actors, family, gi_consent, django_capture_on_commit_callbacks):
    anna = actors["consulent"]
    anna.email = "anna@gemeente.example"
    anna.save()
    with django_capture_on_commit_callbacks(execute=True):
        services.consent_withdraw(actor=None, consent=gi_consent, withdrawn_on=TODAY)
    assert Notification.objects.filter(recipient=anna, kind="consent_withdrawn").exists()
    assert smtp.messages == []


def test_the_region_can_switch_email_on_and_a_person_off(smtp, actors, family, region, mother,
                                                          django_capture_on_commit_callbacks):
    region.notify_by_email = True
    region.save()
    anna, bram = actors["consulent"], actors["partner"]
    anna.email, bram.email, bram.notify_by_email = "anna@gemeente.example", "bram@vt.example", False
    anna.save()
    bram.save()
    entry = services.journal_entry_add(actor=anna, trajectory=family, kind="contact_note", nature="fact",
                                       source="gesprek", text="Gesprek met Fatima.")
    with django_capture_on_commit_callbacks(execute=True):
        correction_request_add(member=mother, what_is_wrong="Dat zei ik niet.", journal_entry=entry)
    with django_capture_on_commit_callbacks(execute=True):
        services.join_request_create(actor=anna, trajectory=family, organisation=bram.organisation, purpose="x",
                                     form="consult", wanted_by=TODAY)
    assert [m["to"] for m in smtp.messages] == [["anna@gemeente.example"]]  # Bram chose no e-mail
    assert Notification.objects.filter(recipient=bram, kind="join_request").exists()


def test_who_is_told_of_what(actors, family, mother, orgs, child):
    anna, bram = actors["consulent"], actors["partner"]
    services.team_member_add(actor=None, trajectory=family, professional=bram, joined_on=TODAY)
    entry = services.journal_entry_add(actor=anna, trajectory=family, kind="contact_note", nature="fact",
                                       source="gesprek", text="x")
    resident_view_add(member=mother, journal_entry=entry, text="Ik zie het anders.")
    services.consent_request_create(actor=bram, trajectory=family, purpose="meedenken")
    kinds = set(Notification.objects.filter(recipient=anna).values_list("kind", flat=True))
    assert kinds == {"resident_view", "consent_request"}
    assert not Notification.objects.filter(recipient=bram).exists()  # never the one who caused it


def test_a_measure_about_to_expire_is_told_once(actors, family, child):
    from tandem.notifications.services import measures_expiring_notify

    services.measure_record(actor=None, trajectory=family, type="ots", on=TODAY - dt.timedelta(days=300),
                            ends_on=TODAY + dt.timedelta(days=20), subject=child)
    assert measures_expiring_notify() == 1
    assert measures_expiring_notify() == 0
    notification = Notification.objects.get(kind="measure_expiring")
    assert notification.recipient == actors["consulent"] and notification.link.endswith("#maatregelen")


def test_opening_a_notification_marks_it_read_and_goes_where_it_is_done(client, actors, family, gi_consent):
    services.consent_withdraw(actor=None, consent=gi_consent, withdrawn_on=TODAY)
    notification = Notification.objects.get(recipient=actors["consulent"])
    client.force_login(actors["partner"])  # someone else's notification does not exist for them
    assert client.get(reverse("notifications:open", args=[notification.pk])).status_code == 404
    client.force_login(actors["consulent"])
    assert "1 nieuw" in client.get(reverse("notifications:list")).content.decode()
    response = client.get(reverse("notifications:open", args=[notification.pk]))
    assert response.status_code == 302 and response["Location"] == f"/gezinnen/{family.household_id}/#te-doen"
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_the_email_setting_page(client, actors):
    client.force_login(actors["consulent"])
    page = client.post(reverse("notifications:setting"), {"choice": "ja", "email": ""})
    assert "Vul uw e-mailadres in" in page.content.decode()
    client.post(reverse("notifications:setting"), {"choice": "ja", "email": "anna@gemeente.example"})
    actors["consulent"].refresh_from_db()
    assert actors["consulent"].notify_by_email is True and actors["consulent"].email == "anna@gemeente.example"
