"""How Tandem looks, in a real browser (issue "Tandem 6", visual half), axe-core (WCAG 2.1 A/AA) on every page at
1366 and at 390 px wide: the household page with the NL Design System, the tandem picture's forms in colour and
text, printing without menu, buttons or forms; help from the footer; the region's monitor with its table per site
and form colours that match their names; no page wider than the screen."""
import datetime as dt

import pytest
from browser import log_in, visit

from tandem.cases import services

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def no_sideways_scroll(page):
    width = page.evaluate("document.documentElement.clientWidth")
    assert page.evaluate("document.documentElement.scrollWidth") <= width, f"breder dan het scherm: {page.url}"


@pytest.fixture
def green_partner(family, actors, orgs, mother):
    services.team_member_add(actor=None, trajectory=family, professional=actors["partner"],
                             joined_on=dt.date(2025, 2, 1), role_in_team="veiligheid")
    services.consent_record(actor=None, trajectory=family, organisation=orgs["vt"], given_by=mother,
                            purpose="Meedenken over de veiligheid thuis", given_on=dt.date(2025, 2, 1))
    services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form="green",
                               start=dt.date(2025, 2, 1))
    return family


def test_household_page_picture_print_and_help(page, live_server, axe, actors, green_partner, password):
    log_in(page, live_server, axe, "anna", password)
    for width in (1366, 390):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live_server.url}/gezinnen/{green_partner.household_id}/")
        axe.check(page)
        no_sideways_scroll(page)
        lane = page.locator(".tandem-lane", has_text="Bram Visser (Veilig Thuis Gooi en Vechtstreek)")
        assert lane.locator(".tandem-lane__pieces").inner_text().startswith("Groen (met toestemming): 1 februari 2025")
        assert lane.locator("rect.tandem__bar--form-green").count() == 1
        assert page.locator(".tandem-legend").inner_text().strip() == "Groen (met toestemming)"
        label = page.locator(".tandem-lane__label", has_text="Bram Visser")
        box = label.bounding_box()
        assert box["width"] <= width and label.evaluate("e => e.scrollWidth <= e.clientWidth")  # not clipped

    page.emulate_media(media="print")
    assert not page.get_by_role("navigation", name="Hoofdmenu").is_visible()
    assert page.locator("main button:visible, main form:visible, .actions:visible").count() == 0
    assert not page.get_by_role("button", name="Uitloggen").is_visible()
    assert page.get_by_role("heading", level=1).is_visible() and page.locator(".tandem-figure").is_visible()
    page.emulate_media(media="screen")

    page.set_viewport_size({"width": 1366, "height": 900})
    page.get_by_role("contentinfo").get_by_role("link", name="Hulp: wat Tandem voor u doet").click()
    page.wait_for_load_state()
    axe.check(page)
    assert page.url.endswith("/hulp/consulent/")
    assert page.get_by_role("heading", name="De vangrails, en waarom").is_visible()


def test_region_monitor_reads_at_a_glance(page, live_server, axe, actors, green_partner, password):
    log_in(page, live_server, axe, "fleur", password)
    visit(page, axe, "Kwartaalmonitor")
    page.get_by_role("link", name="Regio Gooi en Vechtstreek").click()
    page.wait_for_load_state()
    axe.check(page)
    table = page.get_by_role("region", name="Cijfers per toekomsttuin")
    headers = table.locator("thead th").all_inner_texts()
    assert headers[1:] == ["Toekomsttuin Hilversum", "Toekomsttuin Huizen", "Regio Gooi en Vechtstreek"]
    legend = page.locator(".chart-legend").nth(1)
    for name, colour in (("Groen", "rgb(30, 107, 52)"), ("Oranje", "rgb(160, 72, 0)"), ("Rood", "rgb(179, 38, 30)")):
        key = legend.locator("li", has_text=name).locator(".chart-legend__key")
        assert key.evaluate("e => getComputedStyle(e).borderTopColor") == colour
    page.set_viewport_size({"width": 390, "height": 900})
    axe.check(page)
    no_sideways_scroll(page)
