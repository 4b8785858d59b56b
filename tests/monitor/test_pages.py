"""The monitor's web pages: figures for coordinators without names, drill-down only for those with dossiers,
experiences entry, and closing a quarter from the page."""
import datetime as dt

import pytest

from tandem.audit.models import AuditEvent
from tandem.cases.services import MemberData, household_register
from tandem.monitor import services
from tandem.monitor.models import Experience, QuarterClosure

pytestmark = pytest.mark.django_db

PAGE = "/monitor/toekomsttuin/HLV/2025-Q1/"
REGION = "/monitor/regio/GV/2025-Q1/"


def test_index_lists_the_scopes(client, actors):
    client.force_login(actors["coordinator"])
    html = client.get("/monitor/").content.decode()
    assert "Regio Gooi en Vechtstreek" in html and "Toekomsttuin Huizen" in html


def test_coordinator_sees_figures_never_names(client, actors, family):
    client.force_login(actors["coordinator"])
    for url in (PAGE, REGION):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Fatima" not in html and "Amrani" not in html and "Daan" not in html
        assert "/lijst/" not in html
        assert "voorlopig" in html and "<svg" in html and "<desc" in html
    assert client.get(PAGE + "lijst/A/").status_code == 404


def test_consultant_drills_down_to_the_own_trajectories(client, actors, family):
    client.force_login(actors["consulent"])
    html = client.get(PAGE).content.decode()
    assert PAGE + "lijst/A/" in html
    response = client.get(PAGE + "lijst/A/")
    assert response.status_code == 200 and "Fatima" in response.content.decode()
    event = AuditEvent.objects.get(action="monitor_drill_down")
    assert event.detail["question"] == "A" and event.detail["trajectories"] == [str(family.pk)]


def test_people_without_the_scope_get_404(client, actors, family):
    client.force_login(actors["expert"])
    assert client.get(PAGE).status_code == 404
    client.force_login(actors["other_site"])
    assert client.get(PAGE).status_code == 404
    assert client.get("/monitor/toekomsttuin/HLV/2025-Q9/").status_code == 404


def test_experiences_form_records_texts_and_j(client, actors, site):
    client.force_login(actors["consulent"])
    response = client.post(PAGE + "ervaringen/", {"G": "Kortere lijnen", "answer": "ja",
                                                 "reasons": ["herkenning en hoop"], "other_reason": "Taal"})
    assert response.status_code == 302
    j = Experience.objects.get(question="J")
    assert j.answer is True and j.reasons == ["herkenning en hoop", "Taal"]
    assert Experience.objects.get(question="G").text == "Kortere lijnen"
    html = client.get(PAGE).content.decode()
    assert "Kortere lijnen" in html and "herkenning en hoop: 1" in html


def test_experiences_form_shows_a_dutch_error_and_saves_nothing(client, actors, site):
    client.force_login(actors["consulent"])
    response = client.post(PAGE + "ervaringen/", {"G": "Iets", "answer": "ja"})
    html = response.content.decode()
    assert response.status_code == 200 and "error-summary" in html and "ten minste één reden" in html
    assert not Experience.objects.exists()


def test_closing_from_the_page(client, actors, family):
    client.force_login(actors["consulent"])
    assert "indienen" in client.get(PAGE).content.decode()
    client.post(PAGE + "indienen/")
    assert client.post(PAGE + "goedkeuren/").status_code == 403
    client.force_login(actors["coordinator"])
    client.post(PAGE + "goedkeuren/")  # without confirming that the figures were checked: nothing happens
    assert QuarterClosure.objects.get().status == "submitted"
    client.post(PAGE + "goedkeuren/", {"confirm": "ja"})
    assert QuarterClosure.objects.get().status == "approved"
    assert "definitief" in client.get(PAGE).content.decode()
    response = client.post(PAGE + "heropenen/", {"reason": ""})
    assert "Schrijf op waarom" in response.content.decode()
    assert QuarterClosure.objects.get().status == "approved"
    client.post(PAGE + "heropenen/", {"reason": "Correctie"})
    assert QuarterClosure.objects.get().status == "open"


def test_page_shows_locked_figures_and_the_difference(client, actors, site, family):
    services.quarter_submit(actor=actors["consulent"], site=site, quarter="2025-Q1")
    services.quarter_approve(actor=actors["coordinator"], site=site, quarter="2025-Q1")
    household_register(actor=actors["consulent"], site=site, registered_on=dt.date(2025, 3, 1),
                       measure_considered=False,
                       members=[MemberData(given_names="Sanne", family_name="Bakker", birth_date=dt.date(1990, 3, 3))])
    client.force_login(actors["coordinator"])
    html = client.get(PAGE).content.decode()
    assert "Verschillen sinds de goedkeuring" in html
    assert "<th scope=\"row\">A: aangemelde huishoudens</th><td>1</td><td>2</td>" in html
    assert "Sanne" not in html


def test_charts_use_svg_numbers_not_dutch_decimal_commas(client, actors, family):
    """The page is in Dutch (decimal comma), but SVG coordinates must stay 12.5, never 12,5."""
    import re

    client.force_login(actors["consulent"])
    html = client.get("/monitor/toekomsttuin/HLV/2025-Q1/").content.decode()
    assert "<svg" in html
    assert not re.search(r'\b(x|y|x1|x2|y1|y2|cx|cy)="-?\d+,\d', html)
    assert "Toekomsttuin Toekomsttuin" not in html


def test_share_of_network_meetings_with_an_expert_is_a_monitor_figure(client, actors, family):
    from tandem.monitor.queries import compute_monitor
    from tandem.safetyplan.models import NetworkMeeting

    make = NetworkMeeting.objects.create
    make(trajectory=family, held_on=dt.date(2025, 2, 3), expert=actors["expert"], decisions="Plan gemaakt")
    make(trajectory=family, held_on=dt.date(2025, 3, 3), no_expert_reason="Ziek afgemeld", decisions="Evaluatie")
    make(trajectory=family, held_on=dt.date(2025, 4, 3), expert=actors["expert"], decisions="Volgend kwartaal")
    report = compute_monitor(site="HLV", quarter="2025-Q1")
    assert report["expert_presence"] == {"meetings": 2, "with_expert": 1, "pct": 50.0}
    assert compute_monitor(region="GV", quarter="2025-Q1")["expert_presence"]["meetings"] == 2
    client.force_login(actors["coordinator"])
    html = client.get("/monitor/toekomsttuin/HLV/2025-Q1/").content.decode()
    start = html.index("Ervaringsdeskundigen bij netwerkberaden")
    assert "2 netwerkberaden" in html and "(50 %)" in html, html[start:start + 400]
