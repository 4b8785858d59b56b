"""The beheer screens by role, derived from the URL configuration: only the beheerder of the region reaches
/beheer/; nobody else does (403); the beheerder reaches no dossier; objects of another region do not exist (404)."""
import pytest
from django.urls import reverse

from tandem.administration.models import FactorReset
from tandem.audit.models import AuditEvent
from tandem.organisations.models import Organisation, Region, Site, User

from security.test_url_roles import all_routes, fill

ROLES = ["consulent", "partner", "coordinator", "expert", "rvdk", "other_site"]


@pytest.fixture
def objects(orgs, site, actors, beheerder2):
    reset = FactorReset.objects.create(user=actors["partner"], requested_by=beheerder2,
                                       requested_at="2026-01-01T10:00:00Z", reason="Telefoon kwijt")
    return {"organisation_id": orgs["local"].pk, "site_id": site.pk, "user_id": actors["consulent"].pk,
            "reset_id": reset.pk, "step": "bevestigen",
            "client_id": 1}  # the API clients' page (tandem.api) lives under /beheer/ too


def beheer_routes():
    return [r for r in all_routes() if r.startswith("beheer/")]


def test_there_are_beheer_pages():
    assert len(beheer_routes()) >= 15


@pytest.mark.parametrize("role", ROLES + ["projectleider", "beleid", "teamleider"])
def test_nobody_else_reaches_beheer(role, client, actors, orgs, objects):
    user = actors.get(role) or User.objects.create_user(username=f"x-{role}", organisation=orgs["coord"], role=role)
    client.force_login(user)
    wrong = []
    for route in beheer_routes():
        url = fill(route, objects)
        team_leader_page = role == "teamleider" and route in ("beheer/herstellen/",
                                                              "beheer/herstellen/<int:reset_id>/<str:step>/")
        for method in ("get", "post"):
            status = getattr(client, method)(url).status_code
            if status not in ({200, 302, 404, 405} if team_leader_page else {403, 405}):
                wrong.append(f"{role} {method} {url}: {status}")
    assert not wrong, "\n".join(wrong)


def test_the_beheerder_reaches_every_beheer_page(client, beheerder, objects):
    client.force_login(beheerder)
    wrong = []
    for route in beheer_routes():
        url = fill(route, objects)
        status = client.get(url).status_code
        if status not in (200, 405):
            wrong.append(f"GET {url}: {status}")
    assert not wrong, "\n".join(wrong)


def test_the_beheerder_sees_no_dossier(client, beheerder, family):
    client.force_login(beheerder)
    assert client.get(reverse("cases:household", args=[family.household_id])).status_code == 404
    assert "Fatima" not in client.get(reverse("cases:my_families")).content.decode()


def test_another_regions_objects_do_not_exist(client, beheerder):
    other = Region.objects.create(code="CG", name="Centraal Gelderland")
    far_site = Site.objects.create(region=other, code="ARN", name="Arnhem", municipality="Arnhem")
    far_org = Organisation.objects.create(code="VT-CG", name="VT CG", kind="veilig_thuis", region=other)
    far_user = User.objects.create_user(username="cg", organisation=far_org, role="consulent")
    client.force_login(beheerder)
    assert client.get(reverse("administration:site", args=[far_site.pk])).status_code == 404
    assert client.get(reverse("administration:organisation", args=[far_org.pk])).status_code == 404
    assert client.get(reverse("administration:user", args=[far_user.pk])).status_code == 404
    assert client.post(reverse("administration:user_deactivate", args=[far_user.pk])).status_code == 404
    assert User.objects.get(pk=far_user.pk).is_active
    assert "cg" not in client.get(reverse("administration:users")).content.decode().split("<main")[1].split()


def test_forms_show_dutch_errors_and_save_nothing(client, beheerder, orgs):
    client.force_login(beheerder)
    response = client.post(reverse("administration:organisation_create"),
                           {"code": "GEM-X", "name": "Lokaal team X", "kind": "local_team"})
    assert response.status_code == 400 and "hoort bij een toekomsttuin" in response.content.decode()
    assert not Organisation.objects.filter(code="GEM-X").exists()
    response = client.post(reverse("administration:region"), {"programme_start": "01-06-2024", "portal_min_age": 12,
                                                             "consent_min_age": 16, "reopen_days": 90,
                                                             "expiry_window_days": 28, "retention_years": 5})
    assert response.status_code == 400 and "20 jaar of meer" in response.content.decode()


def test_people_pages_are_logged_reads(client, beheerder, actors):
    client.force_login(beheerder)
    client.get(reverse("administration:users"))
    client.get(reverse("administration:user", args=[actors["consulent"].pk]))
    assert {"admin_users_read", "admin_user_read"} <= set(AuditEvent.objects.values_list("action", flat=True))


def test_a_person_with_two_roles_switches_on_the_web(client, orgs, beheerder):
    from tandem.administration import services

    nina = services.user_invite(actor=beheerder, data=services.PersonData(
        username="nina", first_name="Nina", last_name="Dekker", email="n@vt.example", organisation=orgs["vt"],
        roles=["gedragswetenschapper", "coordinator"]))
    client.force_login(nina)
    page = client.get(reverse("cases:my_families")).content.decode()
    assert reverse("roles") in page  # the header offers the switch
    response = client.post(reverse("role_switch"), {"role": "coordinator"})
    assert response.status_code == 302 and response["Location"] == reverse("workspace:work")
    assert User.objects.get(pk=nina.pk).role == "coordinator"
    client.post(reverse("role_switch"), {"role": "beheerder"})
    assert User.objects.get(pk=nina.pk).role == "coordinator"


def test_the_second_person_confirms_on_the_web(client, beheerder, beheerder2, actors):
    from accounts.helpers import give_device

    give_device(actors["consulent"])
    client.force_login(beheerder)
    client.post(reverse("administration:factor_reset_request", args=[actors["consulent"].pk]),
                {"reason": "Telefoon kwijt"})
    reset = FactorReset.objects.get(user=actors["consulent"])
    assert client.post(reverse("administration:reset_step", args=[reset.pk, "bevestigen"])).status_code == 404
    client.force_login(beheerder2)
    assert "Telefoon kwijt" in client.get(reverse("administration:resets")).content.decode()
    client.post(reverse("administration:reset_step", args=[reset.pk, "bevestigen"]))
    assert FactorReset.objects.get(pk=reset.pk).status == "done"
