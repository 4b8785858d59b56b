"""The national pages: only the national programme team of a national installation sees them; the figures side by
side never show a trend from or to a hidden cell; the library searches by theme and pilot; the web upload refuses
with a Dutch message and stores nothing."""
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from national.conftest import sign_with
from tandem.national import selectors, services
from tandem.national.models import HandedLesson, Handover, Pilot

pytestmark = pytest.mark.django_db
PAGES = ["national:index", "national:figures", "national:lessons", "national:upload", "national:pilot"]


def reverse_page(name):
    return reverse(name, args=["AA"]) if name == "national:pilot" else reverse(name)


@pytest.mark.parametrize("page", PAGES)
def test_the_national_team_sees_the_pages(client, national, team_member, page):
    client.force_login(team_member)
    assert client.get(reverse_page(page)).status_code == 200


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("who", ["coordinator", "consulent", "partner", "expert"])
def test_nobody_else_sees_them(client, national, actors, page, who):
    client.force_login(actors[who])
    assert client.get(reverse_page(page)).status_code == 404


def test_beheerder_and_policy_do_not_see_them(client, national, orgs):
    from tandem.organisations.models import User

    for role in ("beheerder", "beleid", "projectleider"):
        user = User.objects.create_user(username=role, password="x", organisation=orgs["coord"], role=role)
        client.force_login(user)
        assert client.get(reverse("national:index")).status_code == 404


def test_signed_out_goes_to_the_sign_in(client, national):
    response = client.get(reverse("national:index"))
    assert response.status_code == 302 and reverse("login") in response["Location"]


def test_not_on_a_regions_installation(client, settings, team_member):
    settings.TANDEM_NATIONAL = False
    client.force_login(team_member)
    assert client.get(reverse("national:index")).status_code == 404


def test_the_team_starts_on_the_national_pages(client, national, team_member):
    client.force_login(team_member)
    assert client.get("/")["Location"] == reverse("national:index")


def test_pilots_and_themes_page(client, national, team_member):
    client.force_login(team_member)
    page = client.get(reverse("national:index")).content.decode()
    assert "Blijvend Veilig" in page and "Amsterdam-Amstelland" in page and "Vaart in Veiligheid" in page
    assert "Aanpak complexe scheidingen" in page and "Borgen rechtsbescherming" in page
    assert "Inzet van tijdelijke huisverboden in de proeftuin" in page  # a specific question
    assert Pilot.objects.get(code="FR").themes.count() == 6


def _handover(pilot: Pilot, quarter: str, monitor: dict, approved_at="2025-04-02T10:00:00+00:00"):
    from tandem.national.models import PilotKey

    key = PilotKey.objects.filter(pilot=pilot).first() or PilotKey.objects.create(
        pilot=pilot, fingerprint=f"{pilot.code}-{quarter}", public_key="00")
    return Handover.objects.create(pilot=pilot, quarter=quarter, approved_at=approved_at,
                                   digest=f"{pilot.code}{quarter}", key=key,
                                   monitor={"disclosure": "cbs", **monitor}, document="{}")


def test_trends_only_between_published_cells(national):
    gv, aa = Pilot.objects.get(code="GV"), Pilot.objects.get(code="AA")
    for quarter, value in (("2025-Q1", 10), ("2025-Q2", "geheim"), ("2025-Q3", 20), ("2025-Q4", 25)):
        _handover(gv, quarter, {"active": value})
    _handover(aa, "2025-Q1", {"active": 40})
    _handover(aa, "2025-Q3", {"active": 35})
    quarters, rows = selectors.figures_table("active")
    assert quarters == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    table = {pilot.code: [(cell.value, cell.trend) for cell in cells] for pilot, cells in rows}
    # no trend into or out of the hidden Q2; Q4 − Q3 is between two published values
    assert table["GV"] == [(10, None), ("geheim", None), (20, None), (25, 5)]
    # a quarter not handed over is skipped: the trend runs from the last one handed over
    assert table["AA"] == [(40, None), (None, None), (35, -5), (None, None)]


def test_figures_page_shows_hidden_cells_as_hidden_and_no_total(client, national, team_member):
    gv = Pilot.objects.get(code="GV")
    _handover(gv, "2025-Q1", {"A": 10})
    _handover(gv, "2025-Q2", {"A": "geheim"})
    client.force_login(team_member)
    page = client.get(reverse("national:figures") + "?cijfer=A").content.decode()
    assert "geheim" in page and "(+" not in page and "(-" not in page
    assert "totaal" not in page.lower().replace("geen landelijk totaal", "")


def test_library_search_by_theme_pilot_and_words(client, national, team_member, signed):
    services.handover_import(data=signed)
    client.force_login(team_member)
    url = reverse("national:lessons")
    by_theme = client.get(url, {"thema": "complexe-scheidingen"}).content.decode()
    assert "netwerkberaad in Hilversum" in by_theme
    assert "Vaste tijd voor het netwerkberaad" not in by_theme  # the improvement has no such theme
    assert "netwerkberaad in Hilversum" in client.get(url, {"proeftuin": "GV"}).content.decode()
    assert "netwerkberaad in Hilversum" not in client.get(url, {"proeftuin": "AA"}).content.decode()
    assert "netwerkberaad in Hilversum" not in client.get(url, {"thema": "rechtsbescherming"}).content.decode()
    words = client.get(url, {"zoek": "vaste tijd"}).content.decode()
    assert "Vaste tijd voor het netwerkberaad" in words and "netwerkberaad in Hilversum" not in words
    assert "Fatima" not in by_theme


def test_library_shows_only_current_hand_overs(national, signed, document, keys):
    services.handover_import(data=signed)
    newer = {**document, "approved_at": "2099-01-01T00:00:00+00:00",
             "lessons": [{**document["lessons"][0], "text": "Gecorrigeerde les."}]}
    services.handover_import(data=sign_with(newer, keys["GV"][0]))
    texts = [lesson.text for lesson in selectors.lessons(kind="lesson")]
    assert texts == ["Gecorrigeerde les."]


def _upload(client, data: bytes):
    return client.post(reverse("national:upload"), {"document": SimpleUploadedFile("gv.json", data)}, follow=True)


def test_web_upload_imports(client, national, team_member, signed):
    client.force_login(team_member)
    page = _upload(client, signed).content.decode()
    assert "Ingelezen: Gooi en Vechtstreek, kwartaal 2025-Q1" in page
    assert Handover.objects.get().imported_by == team_member


def test_web_upload_refuses_an_altered_file_and_stores_nothing(client, national, team_member, signed):
    client.force_login(team_member)
    parsed = json.loads(signed)
    parsed["document"]["monitor"]["B"] = 100
    from tandem.national import signing

    response = _upload(client, signing.canonical(parsed))
    page = response.content.decode()
    assert response.status_code == 200 and "Niet ingelezen" in page and "veranderd" in page
    assert "Traceback" not in page
    assert Handover.objects.count() == 0 and HandedLesson.objects.count() == 0


def test_web_upload_refuses_a_repeat(client, national, team_member, signed):
    client.force_login(team_member)
    _upload(client, signed)
    page = _upload(client, signed).content.decode()
    assert "al eerder ingelezen" in page and Handover.objects.count() == 1


def test_web_upload_by_someone_else_is_not_found(client, national, actors, signed):
    client.force_login(actors["coordinator"])
    assert _upload(client, signed).status_code == 404
    assert Handover.objects.count() == 0


def test_pilot_page_shows_every_figure_by_quarter_without_trends_from_hidden_cells(client, national, team_member):
    gv = Pilot.objects.get(code="GV")
    _handover(gv, "2025-Q1", {"active": 10, "A": 10})
    _handover(gv, "2025-Q2", {"active": 15, "A": "geheim"})
    quarters, rows = selectors.pilot_figures(gv)
    table = {label: [(cell.value, cell.trend) for cell in cells] for label, cells in rows}
    assert quarters == ["2025-Q1", "2025-Q2"]
    assert table["Actieve gezinnen"] == [(10, None), (15, 5)]
    assert table["A: nieuw aangemeld"] == [(10, None), ("geheim", None)]
    client.force_login(team_member)
    page = client.get(reverse("national:pilot", args=["GV"])).content.decode()
    assert "(+5)" in page and "geheim" in page
    assert client.get(reverse("national:pilot", args=["XX"])).status_code == 404
