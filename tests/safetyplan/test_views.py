"""The safety-plan screens: need-to-know (404 for outsiders, nothing for coordinators), forms, hints."""
import datetime as dt

import pytest
from django.urls import reverse

from tandem.safetyplan import services
from tandem.safetyplan.models import NetworkMeeting, PlanVersion

from .conftest import make_plan

D = dt.date


@pytest.fixture
def version(family, actors):
    return services.plan_version_create(actor=actors["consulent"], trajectory=family, data=make_plan())


def url(name, family, *args):
    return reverse(f"safetyplan:{name}", args=[family.pk, *args])


def test_consultant_sees_the_plan_with_scores_side_by_side(client, actors, family, version):
    client.force_login(actors["consulent"])
    html = client.get(url("plan", family)).content.decode()
    assert "Als papa boos wordt, schreeuwt hij (situatie 1)" in html
    assert "Belt oma als het misgaat (1)" in html and "De consulent belt dezelfde dag" in html
    assert ">7<" in html and ">3<" in html and "Verschil: 4" in html and "lopen uiteen" in html
    assert "gemiddeld" not in html.replace("geen gemiddelde", "").replace("nooit gemiddeld", "")
    assert "Nieuwe versie maken" in html


def test_partner_on_the_team_sees_the_plan_but_the_local_team_writes_it(client, family, version, partner_on_team):
    client.force_login(partner_on_team)
    assert client.get(url("plan", family)).status_code == 200
    response = client.get(url("version_create", family))
    assert response.status_code == 403
    assert "Dit kan de consulent van het lokale team of wie de regie heeft" in response.content.decode()


@pytest.mark.parametrize("who", ["outsider", "other_site", "coordinator"])
def test_outsiders_and_coordinators_get_404(client, actors, family, version, who):
    client.force_login(actors[who])
    for name, args in [("plan", ()), ("version_create", ()), ("pdf", (1,)), ("analysis", ()), ("meetings", ()),
                       ("meeting_create", ()), ("sign_off", (1,))]:
        assert client.get(url(name, family, *args)).status_code == 404, name


@pytest.mark.parametrize("scope, sees_plan", [("basic", False), ("plan", True), ("plan_journal", True)])
def test_expert_sees_what_the_family_agreed_and_never_edits(client, actors, family, version, orgs, mother, scope,
                                                            sees_plan):
    from tandem.cases import services as cs
    cs.consent_record(actor=None, trajectory=family, organisation=orgs["ed"], given_by=mother, purpose="meedoen",
                      given_on=D(2025, 2, 3), expert_scope=scope)
    cs.team_member_add(actor=None, trajectory=family, professional=actors["expert"], joined_on=D(2025, 2, 4))
    client.force_login(actors["expert"])
    assert client.get(url("plan", family)).status_code == (200 if sees_plan else 403)
    assert client.get(url("pdf", family, 1)).status_code == (200 if sees_plan else 403)
    assert client.get(url("analysis", family)).status_code == 403  # never the analysis
    assert client.get(url("meetings", family)).status_code == 403  # their own meetings are on the family page
    assert client.get(url("version_create", family)).status_code == 403


def _plan_post(family, **extra):
    data = {"expected_version": family.version, "phase": "stable_safety", "dated_on": "2025-03-01",
            "evaluation_on": "2025-05-01", "monitored_by": "Oma Truus", "roles": "Anna: regie",
            "s1_family": "Ruzie als er geen geld is", "s1_c1": "Daan hoort geen geschreeuw",
            "s1_a1_who": "Vader", "s1_a1_what": "Gaat een blokje om", "s1_a1_due": "2025-03-15",
            "sc1_participant": "Fatima", "sc1_kind": "family", "sc1_score": "6",
            "sc2_participant": "Bram", "sc2_kind": "professional", "sc2_score": "4"}
    return {**data, **extra}


def test_new_version_through_the_form(client, actors, family, version):
    family.refresh_from_db()
    client.force_login(actors["consulent"])
    response = client.post(url("version_create", family), _plan_post(family))
    assert response.status_code == 302
    new = PlanVersion.objects.get(number=2)
    assert new.phase == "stable_safety" and new.situations.count() == 1
    assert sorted(new.scores.values_list("score", flat=True)) == [4, 6]


def test_form_refusal_shows_the_dutch_message_and_saves_nothing(client, actors, family, version):
    family.refresh_from_db()
    client.force_login(actors["consulent"])
    html = client.post(url("version_create", family), _plan_post(family, s1_c1="")).content.decode()
    assert "ten minste één veiligheidsvoorwaarde" in html
    assert PlanVersion.objects.count() == 1


def test_plan_text_with_jargon_shows_hints_before_saving(client, actors, family, version):
    family.refresh_from_db()
    client.force_login(actors["consulent"])
    post = _plan_post(family, s1_c1="De OTS wordt nageleefd")
    html = client.post(url("version_create", family), post).content.decode()
    assert "Tips voor gewone taal" in html and "kinderrechter" in html and "Ik heb de tekst nagelezen" in html
    assert PlanVersion.objects.count() == 1
    assert client.post(url("version_create", family), {**post, "reviewed": "on"}).status_code == 302
    assert PlanVersion.objects.count() == 2


def test_sign_off_form(client, actors, family, version):
    family.refresh_from_db()
    client.force_login(actors["consulent"])
    data = {"expected_version": family.version, "signed": "nee", "refused_reason": "Vader wil nadenken"}
    assert client.post(url("sign_off", family, 1), data).status_code == 302
    version.refresh_from_db()
    assert version.sign_off_refused_reason == "Vader wil nadenken"


def test_meeting_form_produces_a_plan_version(client, actors, family, version):
    family.refresh_from_db()
    client.force_login(actors["consulent"])
    plan = {f"plan-{k}": v for k, v in _plan_post(family).items() if k not in ("expected_version", "dated_on")}
    data = {"expected_version": family.version, "kind": "network", "held_on": "2025-03-02",
            "professionals": [actors["consulent"].pk], "network_present": "Oma", "family_present": "ja",
            "expert": actors["expert"].pk, "decisions": "Nieuw plan", "makes_plan": "on", **plan}
    assert client.post(url("meeting_create", family), data).status_code == 302
    meeting = NetworkMeeting.objects.get()
    assert meeting.plan_versions.get().number == 2 and meeting.plan_versions.get().dated_on == D(2025, 3, 2)


def test_journal_form_shows_hints_before_saving(client, actors, family):
    from tandem.cases.models import JournalEntry
    client.force_login(actors["consulent"])
    link = reverse("cases:journal_entry_add", args=[family.pk])
    data = {"expected_version": family.version, "kind": "contact_note", "nature": "fact", "source": "gesprek",
            "text": "De GI gebruikt haar bevoegdheden."}
    html = client.post(link, data).content.decode()
    assert "Tips voor gewone taal" in html and "Ik heb de tekst nagelezen" in html
    assert not JournalEntry.objects.exists()
    assert client.post(link, {**data, "reviewed": "on"}).status_code == 302
    assert JournalEntry.objects.count() == 1


def test_challenge_only_offered_to_a_gw(client, actors, family, gw):
    analysis = services.analysis_record(actor=actors["consulent"], trajectory=family, made_on=D(2025, 2, 5),
                                        facts="Meldingen van school")
    client.force_login(actors["consulent"])
    assert "Tegenspraak geven" not in client.get(url("analysis", family)).content.decode()
    family.refresh_from_db()
    data = {"expected_version": family.version, "on": "2025-02-06", "challenge": "Andere verklaring?"}
    response = client.post(url("challenge_add", family, analysis.number), data)
    assert response.status_code == 403 and "Dit kan een gedragswetenschapper" in response.content.decode()
    client.force_login(gw)
    assert "Tegenspraak geven" in client.get(url("analysis", family)).content.decode()
    assert client.post(url("challenge_add", family, analysis.number), data).status_code == 302


def test_overview_shows_overdue_items(client, actors, family, version, partner_on_team):
    """On the work list (issue "Tandem 6")."""
    client.force_login(actors["consulent"])
    overdue = len(version.situations.all()) + 1  # an agreement per situation, and the evaluation
    html = client.get(reverse("workspace:work")).content.decode()
    assert f"Te laat in het veiligheidsplan ({overdue})" in html and "Belt oma als het misgaat (1)" in html
    assert "Evaluatie van het veiligheidsplan" in html
    client.force_login(partner_on_team)  # anonymous view: the content of the agreement is not shown
    html = client.get(reverse("workspace:work")).content.decode()
    assert "Te laat in het veiligheidsplan" in html and "Belt oma" not in html


def test_household_page_summary(client, actors, family, version):
    client.force_login(actors["consulent"])
    html = client.get(reverse("cases:household", args=[family.household_id])).content.decode()
    assert "Veiligheidsplan" in html and "Versie 1 van 10 februari 2025" in html and "te laat" in html


def test_a_plan_part_is_kept_from_a_member_through_the_form(client, actors, family, mother):
    client.force_login(actors["consulent"])
    data = _plan_post(family, s1_hidden=[str(mother.pk)], s1_hidden_reason="Haar veiligheid")
    assert client.post(url("version_create", family), data).status_code == 302
    situation = PlanVersion.objects.get().situations.get(rank=1)
    assert list(situation.hidden_from.all()) == [mother] and situation.hidden_reason == "Haar veiligheid"
