"""Consent, reports and measures through the web forms."""
import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tandem.cases import services
from tandem.cases.models import Consent, Measure, Report


def test_consent_record(client, actors, orgs, family, mother):
    client.force_login(actors["consulent"])
    url = reverse("cases:consent_record", args=[family.pk])
    html = client.get(url).content.decode()
    assert "Fatima el Amrani" in html
    data = {"expected_version": family.version, "given_by": mother.pk, "organisation": orgs["vt"].pk,
            "purpose": "Meekijken met de veiligheid", "given_on": "2025-02-01", "how": "paper",
            "expert_scope": "basic"}
    assert client.post(url, data).status_code == 302
    consent = Consent.objects.get()
    assert consent.given_by == mother and consent.organisation == orgs["vt"]
    assert (consent.how, consent.recorded_by) == ("paper", actors["consulent"])


def test_consent_record_with_a_scan_that_only_the_local_team_downloads(client, actors, orgs, family, mother,
                                                                         partner_with_consent):
    client.force_login(actors["consulent"])
    url = reverse("cases:consent_record", args=[family.pk])
    scan = SimpleUploadedFile("verklaring Fatima.pdf", b"%PDF-1.4 getekend", content_type="application/pdf")
    data = {"expected_version": family.version, "given_by": mother.pk, "organisation": orgs["gi"].pk,
            "purpose": "Meekijken", "given_on": "2025-02-04", "how": "paper", "expert_scope": "basic", "scan": scan}
    assert client.post(url, data).status_code == 302
    consent = Consent.objects.get(organisation=orgs["gi"])
    download = reverse("cases:consent_scan", args=[family.pk, consent.pk])
    response = client.get(download)
    assert response.content == b"%PDF-1.4 getekend" and "Fatima" not in response["Content-Disposition"]
    client.force_login(partner_with_consent)
    assert client.get(download).status_code == 403


def test_a_scan_that_is_not_a_pdf_or_image_is_refused(client, actors, orgs, family, mother):
    client.force_login(actors["consulent"])
    url = reverse("cases:consent_record", args=[family.pk])
    scan = SimpleUploadedFile("virus.exe", b"MZ\x90\x00", content_type="application/pdf")
    data = {"expected_version": family.version, "given_by": mother.pk, "organisation": orgs["gi"].pk,
            "purpose": "Meekijken", "given_on": "2025-02-04", "how": "paper", "expert_scope": "basic", "scan": scan}
    html = client.post(url, data).content.decode()
    assert "Een scan is een PDF, JPG of PNG." in html and not Consent.objects.exists()


def test_anonymous_partner_chooses_members_by_anonymous_label(client, partner_on_team, family):
    client.force_login(partner_on_team)
    html = client.get(reverse("cases:journal_entry_add", args=[family.pk])).content.decode()
    assert "Gezinslid 1 (volwassene" in html
    assert "Fatima" not in html and "Daan" not in html


def test_consent_withdraw(client, actors, orgs, family, mother):
    consent = services.consent_record(actor=None, trajectory=family, organisation=orgs["vt"], given_by=mother,
                                      purpose="Meekijken", given_on=dt.date(2025, 2, 1))
    family.refresh_from_db()
    client.force_login(actors["consulent"])
    url = reverse("cases:consent_withdraw", args=[family.pk, consent.pk])
    assert client.post(url, {"expected_version": family.version, "withdrawn_on": "2025-04-01"}).status_code == 302
    consent.refresh_from_db()
    assert consent.withdrawn_on == dt.date(2025, 4, 1)


def test_report_record(client, actors, orgs, family, child):
    client.force_login(actors["consulent"])
    url = reverse("cases:report_record", args=[family.pk])
    data = {"expected_version": family.version, "on": "2025-02-10", "organisation": orgs["vt"].pk,
            "subject": child.pk, "initiated_from_site": "ja"}
    response = client.post(url, data, follow=True)
    assert "De melding is vastgelegd." in response.content.decode()
    report = Report.objects.get()
    assert report.subject == child and report.initiated_from_site


def test_report_handler_on_team_is_refused(client, actors, orgs, family, partner_on_team):
    client.force_login(actors["consulent"])
    url = reverse("cases:report_record", args=[family.pk])
    data = {"expected_version": family.version, "on": "2025-02-10", "organisation": orgs["vt"].pk,
            "initiated_from_site": "ja", "handled_by": partner_on_team.pk}
    html = client.post(url, data).content.decode()
    assert "scheiding van functies" in html
    assert not Report.objects.exists()


def test_measure_muhp_without_ots_is_refused(client, actors, family, child):
    client.force_login(actors["consulent"])
    url = reverse("cases:measure_record", args=[family.pk])
    data = {"expected_version": family.version, "type": "muhp", "on": "2025-03-01", "initiated_from_site": "ja",
            "subject": child.pk}
    html = client.post(url, data).content.decode()
    assert "Een machtiging uithuisplaatsing kan alleen samen met een ondertoezichtstelling" in html
    assert not Measure.objects.exists()


def test_measure_record_and_extension_choice(client, actors, family, child):
    client.force_login(actors["consulent"])
    url = reverse("cases:measure_record", args=[family.pk])
    data = {"expected_version": family.version, "type": "ots", "on": "2025-03-01", "ends_on": "2025-05-31",
            "provisional": "on", "initiated_from_site": "ja", "subject": child.pk, "handled_by": actors["partner2"].pk}
    assert client.post(url, data).status_code == 302
    measure = Measure.objects.get()
    assert measure.provisional and measure.handled_by == actors["partner2"]
    html = client.get(url).content.decode()
    assert "(Voorlopige) ondertoezichtstelling van 1 maart 2025" in html  # offered as the measure to extend


def test_a_partner_asks_and_the_consultant_passes_on_the_familys_answer(client, actors, orgs, family, mother,
                                                                        partner_on_team):
    client.force_login(partner_on_team)
    url = reverse("cases:consent_request_create", args=[family.pk])
    assert client.post(url, {"expected_version": family.version, "purpose": "Meedenken"}).status_code == 302
    request = family.consent_requests.get()
    client.force_login(actors["consulent"])
    household = client.get(reverse("cases:household", args=[family.household_id])).content.decode()
    assert "Vraag om toestemming." in household and "Meedenken" in household
    answer = reverse("cases:consent_request_answer", args=[family.pk, request.pk])
    response = client.post(answer, {"antwoord": "ja"})  # on to the consent form, for that organisation
    assert response.status_code == 302 and f"organisatie={orgs['vt'].pk}" in response["Location"]
    family.refresh_from_db()
    data = {"expected_version": family.version, "given_by": mother.pk, "organisation": orgs["vt"].pk,
            "purpose": "Meedenken", "given_on": "2025-02-05", "how": "conversation"}
    assert client.post(reverse("cases:consent_record", args=[family.pk]), data).status_code == 302
    request.refresh_from_db()
    assert request.status == "granted" and request.consent.how == "conversation"


def test_the_consultant_records_that_the_family_says_no(client, actors, family, partner_on_team):
    services.consent_request_create(actor=partner_on_team, trajectory=family, purpose="Meedenken")
    family.refresh_from_db()
    request = family.consent_requests.get()
    client.force_login(actors["consulent"])
    answer = reverse("cases:consent_request_answer", args=[family.pk, request.pk])
    client.post(answer, {"antwoord": "nee", "expected_version": family.version})
    request.refresh_from_db()
    assert request.status == "declined" and request.answered_by == actors["consulent"]
    assert not Consent.objects.exists()
