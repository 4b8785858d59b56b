"""The PDF of a plan version for the family: its text, in plain Dutch."""
import io

from django.urls import reverse
from pypdf import PdfReader

from tandem.safetyplan import services

from .conftest import make_plan


def test_pdf_holds_the_plan_in_plain_dutch(client, actors, family):
    version = services.plan_version_create(actor=actors["consulent"], trajectory=family, data=make_plan())
    services.plan_version_sign_off(actor=actors["consulent"], version=version,
                                   refused_reason="Vader wil eerst nadenken")
    client.force_login(actors["consulent"])
    response = client.get(reverse("safetyplan:pdf", args=[family.pk, 1]))
    assert response["Content-Type"] == "application/pdf"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    text = " ".join(text.split())
    for expected in ["Veiligheidsplan van", "Versie 1, van 10 februari 2025", "directe veiligheid",
                     "Zorg 1", "In uw eigen woorden: Als papa boos wordt", "Wat er minstens moet gebeuren",
                     "Daan is veilig als er ruzie is (1)", "Belt oma als het misgaat (1)", "1 maart 2025",
                     "De consulent belt dezelfde dag", "Fatima (gezin): 7", "Anna de Wit (professional): 3",
                     "van 3 tot 7", "Oma Truus en consulent Anna", "1 april 2025", "niet getekend",
                     "Vader wil eerst nadenken"]:
        assert expected in text, expected
    assert "gemiddeld" not in text


def test_the_pdf_download_gets_its_own_log_action(client, actors, family):
    from tandem.audit.models import AuditEvent

    services.plan_version_create(actor=actors["consulent"], trajectory=family, data=make_plan())
    client.force_login(actors["consulent"])
    assert client.get(reverse("safetyplan:pdf", args=[family.pk, 1])).status_code == 200
    event = AuditEvent.objects.order_by("id").last()
    assert event.action == "document_download" and event.household_id == family.household_id
    assert event.actor_id == actors["consulent"].pk
