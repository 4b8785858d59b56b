"""Every edit page: who may open it (as the rights matrix says: docs/rights.md), who may look but not take that
action (403) and for whom the dossier does not exist (404). Every form carries the version it was opened at."""
import datetime as dt

import pytest
from django.urls import reverse

from tandem.cases import services
from tandem.cases.rules.rights import Action, Limit
from tandem.cases.selectors import rights_for

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


ACTIONS = {"triage_record": Action.TRIAGE, "trajectory_close": Action.CLOSE, "team_member_add": Action.TEAM_ADD,
           "lead_switch": Action.LEAD_SWITCH, "involvement_start": Action.INVOLVEMENT_START,
           "consent_record": Action.CONSENT_RECORD, "report_record": Action.REPORT_RECORD,
           "measure_record": Action.MEASURE_RECORD, "expert_contact_record": Action.EXPERT_CONTACT,
           "journal_entry_add": Action.JOURNAL_PARTNER_REPORT, "team_member_leave": Action.TEAM_LEAVE,
           "involvement_end": Action.INVOLVEMENT_END, "time_register": Action.TIME_REGISTER,
           "consent_withdraw": Action.CONSENT_WITHDRAW, "member_add": Action.MEMBER_ADD}


def url_for(name, family, objects):
    if name in SUB_PAGES:
        return reverse(f"cases:{name}", args=[family.pk, objects[SUB_PAGES[name]].pk])
    if name in HOUSEHOLD_PAGES:
        return reverse(f"cases:{name}", args=[family.household_id])
    if name == "trajectory_close":
        return reverse("workspace:trajectory_close", args=[family.pk])
    return reverse(f"cases:{name}", args=[family.pk])


def _may_open(user, family, objects, name) -> bool:
    """The matrix's answer for this page and this person; for a row's page, on this row's object."""
    rights = rights_for(user, family)
    target = objects.get(SUB_PAGES.get(name, ""), None)
    own = target is not None and (getattr(target, "organisation_id", None) == user.organisation_id)
    facts = (Limit.OWN_ORGANISATION, Limit.SELF_OR_OWN_ORGANISATION) if own else ()
    return rights.allows(ACTIONS[name], *facts) if target is not None else ACTIONS[name] in rights


@pytest.mark.parametrize("name", ALL_PAGES)
@pytest.mark.parametrize("who", ["consulent", "partner"])
def test_the_team_opens_the_forms_the_matrix_gives_them(client, actors, family, objects, name, who):
    client.force_login(actors[who])
    response = client.get(url_for(name, family, objects))
    if not _may_open(actors[who], family, objects, name):
        assert response.status_code == 403
        return
    assert response.status_code == 200
    html = response.content.decode()
    assert f'name="expected_version" value="{family.version}"' in html
    assert 'id="formulier"' in html and "<title>" in html


def test_the_consultant_opens_every_form(actors, family, objects):
    assert all(_may_open(actors["consulent"], family, objects, name) for name in ALL_PAGES)


@pytest.mark.parametrize("name", ALL_PAGES)
@pytest.mark.parametrize("who", ["outsider", "other_site", "coordinator"])
def test_dossier_does_not_exist_for_others(client, actors, family, objects, name, who):
    client.force_login(actors[who])
    assert client.get(url_for(name, family, objects)).status_code == 404
    assert client.post(url_for(name, family, objects), {}).status_code == 404


@pytest.mark.parametrize("name", [n for n in ALL_PAGES if n not in ("expert_contact_record", "team_member_leave")])
def test_an_expert_may_take_none_of_these_actions(client, family, objects, expert_on_team, name):
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
