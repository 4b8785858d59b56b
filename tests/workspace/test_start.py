"""A start page per role (issue "Tandem 6"): nobody lands on an empty family list."""
import pytest
from django.urls import reverse

from tandem.organisations.models import User


@pytest.mark.parametrize("role, target", [("consulent", "/gezinnen/"), ("beschermpartner", "/gezinnen/"),
                                          ("coordinator", "/werk/"), ("projectleider", "/programma/"),
                                          ("beleid", "/programma/"), ("beheerder", "/beheer/"),
                                          ("teamleider", "/werk/")])
def test_home_sends_each_role_to_its_own_work(client, orgs, role, target):
    user = User.objects.create_user(username=f"u-{role}", organisation=orgs["coord" if role in (
        "coordinator", "projectleider", "beleid", "beheerder") else "vt" if role == "beschermpartner" else "local"],
        role=role)
    client.force_login(user)
    response = client.get("/")
    assert response.status_code == 302 and response["Location"] == target
    assert client.get(target, follow=True).status_code == 200


def test_the_administration_page_is_for_the_beheerder(client, actors, orgs):
    client.force_login(actors["consulent"])
    assert client.get(reverse("administration:index")).status_code == 403
    beheerder = User.objects.create_user(username="ben", organisation=orgs["coord"], role="beheerder")
    client.force_login(beheerder)
    assert "Beheer van regio" in client.get(reverse("administration:index")).content.decode()


@pytest.mark.parametrize("role, offered", [("consulent", True), ("beschermpartner", True), ("ervaringsdeskundige", True),
                                           ("coordinator", False), ("projectleider", False), ("beleid", False),
                                           ("beheerder", False), ("poolcoordinator", False)])
def test_the_menu_offers_mijn_gezinnen_only_to_who_can_be_on_a_team(client, orgs, role, offered):
    client.force_login(User.objects.create_user(username=f"m-{role}", organisation=orgs["coord"], role=role))
    html = client.get(reverse("workspace:work")).content.decode()
    assert (f'href="{reverse("cases:my_families")}">Mijn gezinnen</a>' in html) is offered
