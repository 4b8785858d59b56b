"""Every edit page: who may open it (consultant and team partner), who may look but not change (403) and for
whom the dossier does not exist (404). Every form carries the version it was opened at."""
import datetime as dt

import pytest
from django.urls import reverse

from tandem.cases import services

TRAJECTORY_PAGES = ["triage_record", "trajectory_close", "team_member_add", "lead_switch", "involvement_start",
                    "consent_record", "report_record", "measure_record", "expert_contact_record",
                    "journal_entry_add"]
SUB_PAGES = {"team_member_leave": "membership", "involvement_end": "involvement", "time_register": "involvement",
             "consent_withdraw": "consent"}
HOUSEHOLD_PAGES = ["member_add"]
ALL_PAGES = TRAJECTORY_PAGES + list(SUB_PAGES) + HOUSEHOLD_PAGES


@pytest.fixture
def objects(family, orgs, mother, partner_on_team, expert_on_team):
    consent = services.consent_record(actor=None, trajectory=family, organisation=orgs["gi"], given_by=mother,
                                      purpose="Begeleiding", given_on=dt.date(2025, 2, 5))
    involvement = services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"],
                                             form="consult", start=dt.date(2025, 2, 6))
    family.refresh_from_db()
    return {"membership": family.team.get(professional=partner_on_team), "involvement": involvement,
            "consent": consent}


def url_for(name, family, objects):
    if name in SUB_PAGES:
        return reverse(f"cases:{name}", args=[family.pk, objects[SUB_PAGES[name]].pk])
    if name in HOUSEHOLD_PAGES:
        return reverse(f"cases:{name}", args=[family.household_id])
    return reverse(f"cases:{name}", args=[family.pk])


@pytest.mark.parametrize("name", ALL_PAGES)
@pytest.mark.parametrize("who", ["consulent", "partner"])
def test_team_can_open_the_form_with_version(client, actors, family, objects, name, who):
    client.force_login(actors[who])
    response = client.get(url_for(name, family, objects))
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="expected_version" value="{family.version}"' in html
    assert 'id="formulier"' in html and "<title>" in html


@pytest.mark.parametrize("name", ALL_PAGES)
@pytest.mark.parametrize("who", ["outsider", "other_site", "coordinator"])
def test_dossier_does_not_exist_for_others(client, actors, family, objects, name, who):
    client.force_login(actors[who])
    assert client.get(url_for(name, family, objects)).status_code == 404
    assert client.post(url_for(name, family, objects), {}).status_code == 404


@pytest.mark.parametrize("name", [n for n in ALL_PAGES if n != "expert_contact_record"])
def test_viewer_without_edit_right_is_refused(client, family, objects, expert_on_team, name):
    client.force_login(expert_on_team)
    assert client.get(url_for(name, family, objects)).status_code == 403


def test_expert_may_count_only_own_contacts(client, actors, family, objects, expert_on_team):
    client.force_login(expert_on_team)
    html = client.get(url_for("expert_contact_record", family, objects)).content.decode()
    assert "Gijs Mulder – Samenkracht!" in html


@pytest.mark.parametrize("name", ["team_member_leave", "involvement_end", "consent_withdraw"])
def test_sub_object_of_another_trajectory_is_404(client, actors, family, objects, site, name):
    other = services.household_register(
        actor=None, site=site, members=[services.MemberData("Piet", "Jansen", birth_date=dt.date(1980, 1, 1))],
        registered_on=dt.date(2025, 1, 1), measure_considered=False, lead=actors["consulent"])
    client.force_login(actors["consulent"])
    url = reverse(f"cases:{name}", args=[other.pk, objects[SUB_PAGES[name]].pk])
    assert client.get(url).status_code == 404


def test_edit_pages_require_login(client, family, objects):
    response = client.get(url_for("triage_record", family, objects))
    assert response.status_code == 302 and reverse("login") in response["Location"]
