"""Help in plain Dutch: a page per role, linked from every page (header and footer), reachable without signing in."""
import pytest

from tandem.help.content import ROLES
from tandem.organisations.models import PERSON_ROLES, User

pytestmark = pytest.mark.django_db

PARTS = ("Wat Tandem voor u doet", "De tandem", "De vangrails, en waarom", "Meer hulp nodig?")


def test_every_role_has_a_page():
    assert set(ROLES) == {value for value, _ in PERSON_ROLES}  # not the API's account: no person signs in as it


@pytest.mark.parametrize("role", [value for value, _ in PERSON_ROLES])
def test_each_role_reaches_its_own_help_from_every_page(client, orgs, role):
    organisation = orgs["coord"] if role in ("coordinator", "projectleider", "beleid", "beheerder") else orgs["local"]
    client.force_login(User.objects.create_user(username=f"hulp-{role}", organisation=organisation, role=role))
    start = client.get("/", follow=True).content.decode()  # the start page for this role
    link = f'href="/hulp/{role}/"'
    assert start.count(link) == 2, "in the menu and in the footer"
    page = client.get(f"/hulp/{role}/")
    assert page.status_code == 200
    html = page.content.decode()
    assert all(part in html for part in PARTS)
    assert ROLES[role]["title"].lower() in html
    assert "Waarom:" in html  # every guardrail says why


def test_help_is_open_without_signing_in_and_linked_from_the_sign_in_page(client):
    assert 'href="/hulp/"' in client.get("/inloggen/").content.decode()
    html = client.get("/hulp/").content.decode()
    assert all(f'href="/hulp/{role}/"' in html for role in ROLES)


def test_an_unknown_role_goes_to_the_list(client):
    response = client.get("/hulp/onbekend/")
    assert response.status_code == 302 and response["Location"] == "/hulp/"


def test_help_only_reads(client):
    assert client.post("/hulp/consulent/").status_code == 405


def test_the_text_stays_plain():
    """B1: short sentences. No sentence in the help text is longer than 25 words."""
    from tandem.help.content import SHARED_GUARDRAILS, TANDEM
    texts = [*TANDEM, *[t for pair in SHARED_GUARDRAILS for t in pair]]
    for page in ROLES.values():
        texts += [*page["does"], *[t for pair in page["guardrails"] for t in pair]]
    long = [s for text in texts for s in text.replace("?", ".").split(". ") if len(s.split()) > 25]
    assert long == []
