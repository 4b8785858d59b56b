"""Every URL × every role, DERIVED FROM THE URL CONFIGURATION: a new URL cannot escape this test.

The URL patterns are walked recursively (django.urls.get_resolver()); each parameter is filled with the id of
a real object of one dossier (tests/security/conftest.py). A parameter this test does not know fails the test,
so whoever adds a URL must say how to fill it. Every URL is visited with GET and with an empty POST:
- by everyone outside the dossier's need-to-know (a partner not on the team, professionals of other
  organisations and sites, an expert without consent, a coordinator and a beheerder): never a member's name
  or the BSN in any response;
- anonymously: every non-public URL answers with a redirect to a sign-in page, or 404.
"""
import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, resolve

from .conftest import SECRETS

PARAM = re.compile(r"<(?:(?P<converter>[^>:]+):)?(?P<name>[^>]+)>")
FORBIDDEN_ROLES = ["partner2", "outsider", "other_site", "coordinator", "expert", "rvdk", "beheerder",
                   "poolcoordinator"]
SIGN_IN_PAGES = ("/inloggen/", "/mijn/inloggen/")
# Pages anyone may open without signing in: the sign-in flows themselves, the residents' rights page, the help
# pages (linked from the sign-in page; no personal data) and the municipality's colours (a stylesheet).
PUBLIC_PREFIXES = ("inloggen/", "uitloggen/", "mijn/inloggen/", "mijn/uitloggen/", "mijn/digid/", "mijn/uitleg/",
                   "hulp/", "thema.css",
                   # the API's OpenAPI document and its documentation (no data)
                   "api/v1/schema/", "api/v1/docs/")
# The API signs in with a key, not a page: without one it answers 401 (docs/api.md).
API_PREFIX = "api/v1/"


def _walk(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + _route_text(pattern)
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern):
            yield route


def _route_text(pattern) -> str:
    text = str(pattern.pattern)
    if getattr(pattern.pattern, "regex", None) is not None and not hasattr(pattern.pattern, "_route"):
        if pattern.pattern.regex.groups:
            pytest.fail(f"URL-patroon met een reguliere expressie en parameters: {text}; vul het hier in.")
        text = text.lstrip("^").rstrip("$")
    return text


def all_routes() -> list[str]:
    return sorted(set(_walk(get_resolver().url_patterns)))


def fill(route: str, objects: dict) -> str:
    def value(match):
        name = match["name"]
        if name not in objects:
            pytest.fail(f"Onbekende URL-parameter '{name}' in '{route}': vul hem in tests/security/conftest.py.")
        return str(objects[name])
    return "/" + PARAM.sub(value, route)


CSRF_TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="[A-Za-z0-9]+"')


def body(response) -> str:
    """The response as text, without its CSRF tokens: 64 random letters and digits can spell "Daan" (about once in
    fifty runs of this file)."""
    content = b"".join(response.streaming_content) if response.streaming else response.content
    text = content.decode("utf-8", errors="replace")
    return CSRF_TOKEN.sub('name="csrfmiddlewaretoken"', text) + response.get("Location", "")


def test_the_walk_finds_every_app():
    routes = all_routes()
    for prefix in ("gezinnen/", "monitor/", "veiligheid/", "mijn/", "inloggen/"):
        assert any(r.startswith(prefix) for r in routes), prefix
    assert len(routes) > 50


def test_every_url_parameter_can_be_filled(world):
    for route in all_routes():
        fill(route, world.objects)


def test_the_consultant_does_see_the_names(world, client, actors):
    """The check below can see names when they are there."""
    client.force_login(actors["consulent"])
    page = body(client.get(fill("gezinnen/<uuid:household_id>/", world.objects)))
    assert "Fatima" in page and "Amrani" in page


def _visit(client, url, method):
    return client.get(url) if method == "GET" else client.post(url, {})


@pytest.mark.parametrize("role", FORBIDDEN_ROLES)
def test_outsiders_never_get_the_household_data(role, world, client, actors, beheerder, pool_coordinator):
    user = {"beheerder": beheerder, "poolcoordinator": pool_coordinator}.get(role) or actors[role]
    leaks = []
    for route in all_routes():
        url = fill(route, world.objects)
        for method in ("GET", "POST"):
            client.force_login(user)  # again each time: the sign-out URLs are visited too
            response = _visit(client, url, method)
            leaks += [f"{method} {url} ({response.status_code}): {s}" for s in SECRETS if s in body(response)]
    assert not leaks, "\n".join(leaks)


def _is_public(route: str) -> bool:
    return route == "" or route.startswith(PUBLIC_PREFIXES)


def test_anonymous_gets_a_sign_in_page_or_nothing(world, client):
    wrong = []
    for route in all_routes():
        url = fill(route, world.objects)
        for method in ("GET", "POST"):
            response = _visit(client, url, method)
            text = body(response)
            wrong += [f"{method} {url}: {s}" for s in SECRETS if s in text]
            if _is_public(route):
                continue
            to_sign_in = response.status_code == 302 and response["Location"].startswith(SIGN_IN_PAGES)
            to_sign_in = to_sign_in or (route.startswith(API_PREFIX) and response.status_code == 401)
            if not (to_sign_in or response.status_code == 404):
                wrong.append(f"{method} {url}: {response.status_code} {response.get('Location', '')}")
    assert not wrong, "\n".join(wrong)


# ------------------------------------------------------------------- the programme and the budget, by role
# Only the project lead and the coordinators of the region reach /programma/ and /begroting/; policy officers of
# the region read them (403 on every page that changes something); dossier roles, the beheerder and people of
# another region find nothing (404). The routes come from the URL configuration like everything above.
PROGRAMME_PREFIXES = ("programma/", "begroting/")
# The pages that change something (a new one that is not named here fails the policy test below: name it).
EDIT_PAGES = {"lesson_new", "lesson_edit", "lesson_delete", "improvement_new", "improvement_edit", "evaluation_new",
              "evaluation_edit", "milestone_new", "milestone_edit", "target", "progress_texts", "year", "import"}


def programme_routes() -> list[str]:
    return [route for route in all_routes() if route.startswith(PROGRAMME_PREFIXES)]


def _programme_user(role, actors, orgs):
    from tandem.organisations.models import Organisation, Region

    from .programme_world import person

    if role in ("projectleider", "beleid", "beheerder"):
        return person(f"{role}-gv", role, orgs["coord"])
    if role == "far_coordinator":
        far = Region.objects.create(code="CG", name="Centraal Gelderland")
        organisation = Organisation.objects.create(code="REG-CG", name="Regio CG", kind="other", region=far)
        return person("cg-coordinator", "coordinator", organisation)
    return actors[role]


def test_the_walk_finds_the_programme_and_the_budget():
    names = {resolve("/" + route.replace("<str:region>", "GV").replace("<str:quarter>", "2025-Q1")
                     .replace("<int:year>", "2025").replace("<int:lesson_id>", "1").replace("<int:improvement_id>", "1")
                     .replace("<int:evaluation_id>", "1").replace("<int:milestone_id>", "1")).url_name
             for route in programme_routes()}
    assert EDIT_PAGES <= names and len(programme_routes()) >= 25


@pytest.mark.parametrize("role", ["projectleider", "coordinator", "beleid"])
def test_the_region_reaches_its_programme_and_budget(role, world, client, actors, orgs):
    client.force_login(_programme_user(role, actors, orgs))
    wrong = []
    for route in programme_routes():
        url = fill(route, world.objects)
        edit = resolve(url).url_name in EDIT_PAGES
        expected = {403} if role == "beleid" and edit else {200, 302}  # a form with errors, or done
        for method in ("GET", "POST"):
            status = _visit(client, url, method).status_code
            if status not in expected:
                wrong.append(f"{role} {method} {url}: {status}, expected {sorted(expected)}")
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize("role", ["consulent", "partner", "expert", "rvdk", "outsider", "beheerder",
                                  "far_coordinator"])
def test_nobody_else_reaches_them(role, world, client, actors, orgs):
    """404 everywhere; only the index pages send a coordinator of another region on to that region's own pages."""
    client.force_login(_programme_user(role, actors, orgs))
    wrong = []
    for route in programme_routes():
        url = fill(route, world.objects)
        for method in ("GET", "POST"):
            response = _visit(client, url, method)
            elsewhere = response.status_code == 302 and response["Location"] in ("/programma/CG/", "/begroting/CG/")
            if not (response.status_code == 404 or (role == "far_coordinator" and elsewhere)):
                wrong.append(f"{role} {method} {url}: {response.status_code} {response.get('Location', '')}")
    assert not wrong, "\n".join(wrong)
