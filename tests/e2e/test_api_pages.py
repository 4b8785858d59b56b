"""The API's two pages in a real browser with axe-core (WCAG 2.1 A/AA): the beheerder makes an API client for
Veilig Thuis (the key is shown once) and revokes it; the API documentation reads without any script or CDN."""
import re

import pytest
from browser import log_in, submit

from tandem.api.models import ApiClient
from tandem.organisations.models import User

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def test_the_beheerder_makes_and_revokes_an_api_client(page, axe, live_server, orgs, password):
    User.objects.create_user(username="ben", password=password, first_name="Ben", last_name="Beheer",
                             organisation=orgs["coord"], role="beheerder")
    log_in(page, live_server, axe, "ben", password)
    page.goto(live_server.url + "/beheer/")
    page.get_by_role("link", name="API-clients").click()
    page.wait_for_load_state()
    axe.check(page)
    page.get_by_label("Organisatie").select_option(label=orgs["vt"].name)
    page.get_by_label("Naam van de koppeling").fill("Zaaksysteem Veilig Thuis")
    page.get_by_label("Rechten").select_option("write")
    submit(page, axe, "Maken")
    key = re.search(r"tdm_[0-9a-f]{12}_[\w-]{43}", page.inner_text("main"))[0]
    assert ApiClient.objects.get().prefix in key
    page.get_by_role("button", name="Intrekken").click()
    page.wait_for_load_state()
    axe.check(page)
    assert "Ingetrokken op" in page.inner_text("main")
    assert key not in page.content()


def test_the_api_documentation_is_one_accessible_page(page, axe, live_server):
    scripts = []
    page.on("request", lambda request: scripts.append(request.url) if request.resource_type == "script" else None)
    page.goto(live_server.url + "/api/v1/docs/")
    axe.check(page)
    assert "GET /api/v1/trajectories/" in page.inner_text("main")
    assert all(url.startswith(live_server.url) for url in scripts)
