"""The programme's pages: the coordinator and the project lead enter lessons, improvements, an evaluation, targets
and the progress texts; policy reads; everyone else finds nothing. Refusals show in Dutch and save nothing."""
import datetime as dt
import io

import pytest
from docx import Document

from tandem.programme import services
from tandem.programme.models import Evaluation, ImprovementProposal, Lesson, ProgressReport, Target

pytestmark = pytest.mark.django_db
P = "/programma/GV/"


def test_the_coordinator_enters_a_lesson(client, actors, site):
    client.force_login(actors["coordinator"])
    assert "Les toevoegen" in client.get(P).content.decode()
    response = client.post(P + "lessen/nieuw/", {"quarter": "2025-Q1", "site": site.pk, "kind": "lesson",
                                                 "aspect": "process", "text": "Avondafspraken helpen.",
                                                 "themes": "werkwijze"})
    assert response.status_code == 302 and response.url == P + "lessen/"
    made = Lesson.objects.get()
    assert (made.site, made.aspect, made.themes, made.created_by) == (site, "process", ["werkwijze"],
                                                                      actors["coordinator"])
    html = client.get(P + "lessen/?kwartaal=2025-Q1").content.decode()
    assert "Avondafspraken helpen." in html and f"lessen/{made.pk}/" in html


def test_a_lesson_without_text_shows_a_dutch_error_and_saves_nothing(client, actors, site):
    client.force_login(actors["coordinator"])
    html = client.post(P + "lessen/nieuw/", {"quarter": "2025-Q1", "kind": "lesson", "aspect": "content",
                                             "text": ""}).content.decode()
    assert "error-summary" in html and "Nog niets is opgeslagen" in html and not Lesson.objects.exists()


def test_editing_with_an_old_version_is_refused(client, actors, lead, region):
    made = services.lesson_create(actor=lead, region=region, quarter="2025-Q1", aspect="content", text="Eerst.")
    services.lesson_update(actor=lead, lesson=made, quarter="2025-Q1", aspect="content", text="Intussen.",
                           kind="lesson", expected_version=1)
    client.force_login(actors["coordinator"])
    html = client.post(f"{P}lessen/{made.pk}/", {"quarter": "2025-Q1", "kind": "lesson", "aspect": "content",
                                                 "text": "Van mij.", "expected_version": 1}).content.decode()
    assert "Iemand anders heeft dit intussen gewijzigd" in html
    assert Lesson.objects.get().text == "Intussen."


def test_improvement_evaluation_target_and_texts(client, lead, region):
    client.force_login(lead)
    assert client.post(P + "verbeteringen/nieuw/", {
        "quarter": "2025-Q1", "title": "Monitor verbeteren", "owner": "Coördinatoren", "status": "realised",
        "realised_on": "2025-03-01"}).status_code == 302
    assert ImprovementProposal.objects.get().realised_on == dt.date(2025, 3, 1)
    assert client.post(P + "evaluaties/nieuw/", {
        "held_on": "2025-04-10", "quarters": ["2025-Q1"], "participants_consulent": "3",
        "participants_ervaringsdeskundige": "1", "conclusions": "Het werkt.", "actions": "Actie een\nActie twee",
        "action_owner": "Praktijkgroep"}).status_code == 302
    assert Evaluation.objects.get().participants == {"consulent": 3, "ervaringsdeskundige": 1}
    assert ImprovementProposal.objects.filter(evaluation__isnull=False).count() == 2
    assert "Consulenten lokaal team: 3" in client.get(P + "evaluaties/").content.decode()
    assert client.post(P + "doelen/2025/", {"comparison": "more_than", "families": "35",
                                            "expected_version": "0"}).status_code == 302
    assert Target.objects.get().families == 35
    assert "meer dan 35 gezinnen" in client.get(P + "planning/").content.decode()
    assert client.post(P + "voortgang/2025-Q1/teksten/", {"regional": "Regionaal nieuws.", "national": "",
                                                          "expected_version": "0"}).status_code == 302
    html = client.get(P + "voortgang/2025-Q1/").content.decode()
    assert "Regionaal nieuws." in html and "Monitor verbeteren" in html
    assert ProgressReport.objects.get().version == 1


def test_an_evaluation_without_participants_is_refused_on_the_page(client, lead, region):
    client.force_login(lead)
    html = client.post(P + "evaluaties/nieuw/", {"held_on": "2025-04-10", "quarters": ["2025-Q1"],
                                                  "conclusions": "Iets.", "action_owner": "x"}).content.decode()
    assert "ten minste één deelnemer" in html and not Evaluation.objects.exists()


def test_the_project_lead_downloads_the_progress_report(client, lead, family):
    client.force_login(lead)
    html = client.get(P + "voortgang/2025-Q1/").content.decode()
    assert "Toekomsttuin Hilversum" in html and "Fatima" not in html
    response = client.get(P + "voortgang/2025-Q1/word/")
    assert response["Content-Disposition"] == 'attachment; filename="voortgangsrapportage-GV-2025-Q1.docx"'
    rows = [[c.text for c in row.cells] for row in Document(io.BytesIO(response.content)).tables[0].rows]
    assert rows[1] == ["Toekomsttuin Hilversum", "1", "0", "voorlopig"]
    assert client.get(P + "voortgang/2025-Q1/pdf/")["Content-Type"] == "application/pdf"
    assert client.get(P + "voortgang/2025-Q9/").status_code == 404


def test_policy_reads_everything_and_changes_nothing(client, policy, lead, region):
    made = services.lesson_create(actor=lead, region=region, quarter="2025-Q1", aspect="content", text="Les.")
    client.force_login(policy)
    for url in ("", "lessen/", "verbeteringen/", "evaluaties/", "planning/", "voortgang/", "voortgang/2025-Q1/",
                "voortgang/2025-Q1/word/"):
        assert client.get(P + url).status_code == 200, url
    html = client.get(P + "lessen/").content.decode()
    assert "Les." in html and "Les toevoegen" not in html and "alleen de projectleider" in html.lower()
    for url in ("lessen/nieuw/", f"lessen/{made.pk}/", f"lessen/{made.pk}/verwijderen/", "doelen/2025/",
                "voortgang/2025-Q1/teksten/"):
        assert client.get(P + url).status_code == 403, url
        assert client.post(P + url, {"text": "x"}).status_code == 403, url
    assert Lesson.objects.get().text == "Les."


def test_dossier_roles_and_other_regions_find_nothing(client, actors, far_coordinator, lead, region):
    made = services.lesson_create(actor=lead, region=region, quarter="2025-Q1", aspect="content", text="Les.")
    for user in (actors["consulent"], actors["partner"], actors["expert"], far_coordinator):
        client.force_login(user)
        for url in ("", "lessen/", f"lessen/{made.pk}/", "voortgang/2025-Q1/word/"):
            assert client.get(P + url).status_code == 404, (user, url)
    client.force_login(far_coordinator)
    assert client.get(f"/programma/CG/lessen/{made.pk}/").status_code == 404  # another region's id
    assert client.get("/programma/").url == "/programma/CG/"
    client.force_login(actors["consulent"])
    assert client.get("/programma/").status_code == 404
    assert "Leerprogramma" not in client.get("/gezinnen/").content.decode()
