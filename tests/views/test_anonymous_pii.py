"""Anonymous means anonymous (issue "Tandem 5"): a household member's name, birth date and address are planted in
EVERY free-text field of the dossier (every CharField and TextField without fixed choices of the dossier's
models), and every page, PDF and download that a partner looking along anonymously can reach — every URL of the
URL configuration, filled with this dossier's objects — must show none of them. The consultant's view of the same
dossier shows them, so the check can see them when they are there."""
import datetime as dt
import io

import pytest
from django.apps import apps
from django.db import models

from tandem.cases import services
from tandem.cases.models import Form
from tandem.portal.services import correction_request_add, resident_view_add
from tandem.safetyplan import services as plans

from security.test_url_roles import all_routes, body, fill  # the URL walk derived from the URL configuration

D = dt.date
NAME, SURNAME = "Roosmarijn", "Verhoeven"
BIRTH = D(2013, 8, 17)
PLANTED = (f"{NAME} {SURNAME} (geboren 17-08-2013) woont op de Kastanjelaan 42, 1214 AB. Bel 06-12345678 of "
           f"mail roosmarijn@example.nl.")
SECRETS = [NAME, SURNAME, "17-08-2013", "17 augustus 2013", "2013-08-17", "Kastanjelaan", "1214 AB", "06-12345678",
           "roosmarijn@example.nl", "123456782"]
# Identity fields (what the lens knows and replaces), keys, codes and hashes: not free text.
NOT_FREE_TEXT = {"cases.member": {"given_names", "prefix", "family_name", "bsn"},
                 "portal.portalinvite": {"login_name", "code_hash"}, "cases.consentscan": {"content_type"}}
APPS = ("cases", "safetyplan", "portal")


def _free_text_fields(model) -> list[str]:
    skip = NOT_FREE_TEXT.get(model._meta.label_lower, set())
    return [f.name for f in model._meta.concrete_fields
            if isinstance(f, (models.CharField, models.TextField)) and not f.choices and f.name not in skip]


def plant_everywhere() -> int:
    """Write PLANTED into every free-text field of every row of the dossier's apps. Returns the fields planted."""
    planted = 0
    for app in APPS:
        for model in apps.get_app_config(app).get_models():
            for name in _free_text_fields(model):
                max_length = model._meta.get_field(name).max_length
                model.objects.update(**{name: PLANTED[:max_length] if max_length else PLANTED})
                planted += 1
    return planted


@pytest.fixture
def dossier(family, actors, orgs, mother):
    """One object of every kind a page shows, the anonymous partner (Bram, Veilig Thuis) on the team."""
    services.member_add(actor=None, household=family.household, data=services.MemberData(
        given_names=NAME, family_name=SURNAME, birth_date=BIRTH, bsn="123456782", relation="dochter"))
    services.team_member_add(actor=None, trajectory=family, professional=actors["partner"], joined_on=D(2025, 2, 1),
                             role_in_team="advies")
    services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form=Form.CONSULT,
                               start=D(2025, 2, 1), anonymous=True)
    services.consent_record(actor=None, trajectory=family, organisation=orgs["gi"], given_by=mother,
                            purpose="x", given_on=D(2025, 2, 1))
    services.triage_record(actor=None, trajectory=family, kind="access", decided_on=D(2025, 2, 2), outcome="admitted",
                           participants="x", notes="x")
    services.report_record(actor=None, trajectory=family, on=D(2025, 2, 2), organisation=orgs["vt"])
    services.consent_request_create(actor=actors["partner"], trajectory=family, purpose="x")
    # asked of the partner's own organisation: the partner reaches the answer page too
    services.join_request_create(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"], purpose="x",
                                 form="consult", anonymous=True, wanted_by=dt.date.today() + dt.timedelta(days=7))
    entry = services.journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note",
                                       nature="fact", source="x", text="x")
    partner_entry = services.journal_entry_add(actor=actors["partner"], trajectory=family, kind="partner_report",
                                               nature="fact", source="x", text="x")
    services.journal_entry_hide(actor=actors["consulent"], entry=entry, members=[mother], reason="x")
    resident_view_add(member=mother, journal_entry=partner_entry, text="x")
    correction_request_add(member=mother, journal_entry=partner_entry, what_is_wrong="x")
    version = _plan(family, actors, mother)
    resident_view_add(member=mother, plan_version=version, text="x", shared=True)
    analysis = plans.analysis_record(actor=None, trajectory=family, made_on=D(2025, 2, 12), facts="x",
                                     risk_factors="x", protective_factors="x", patterns="x", hypotheses="x")
    gw = actors["consulent"].__class__.objects.create_user(username="gw", first_name="Gwen", last_name="Hendriks",
                                                          organisation=orgs["local"], role="gedragswetenschapper")
    challenge = plans.analysis_challenge(actor=gw, analysis=analysis, on=D(2025, 2, 13), challenge="x")
    plans.analysis_challenge_respond(actor=None, challenge=challenge, response="x", responded_on=D(2025, 2, 14))
    plans.meeting_record(actor=None, trajectory=family, data=plans.MeetingData(
        held_on=D(2025, 2, 15), network_present="x", no_expert_reason="x", decisions="x"))
    family.refresh_from_db()
    return {"family": family, "entry": partner_entry, "version": version, "challenge": challenge,
            "agreement": version.situations.get().agreements.get()}


def _plan(family, actors, mother):
    situation = plans.SituationData(rank=1, in_family_words="x", in_professional_words="x", conditions=["x"],
                                    agreements=[plans.AgreementData(who="x", what="x", due_on=D(2025, 3, 1),
                                                                    if_not_kept="x")])
    return plans.plan_version_create(actor=None, trajectory=family, data=plans.PlanData(
        phase="direct_safety", dated_on=D(2025, 2, 10), evaluation_on=D(2025, 4, 1), monitored_by="x", roles="x",
        situations=[situation],
        scores=[plans.ScoreData(participant="x", participant_kind="family", score=5, explanation="x",
                                member=mother)]))


def _objects(dossier, mother) -> dict:
    family = dossier["family"]
    return {"household_id": family.household_id, "trajectory_id": family.pk, "member_id": mother.pk,
            "membership_id": family.team.get(professional__username="bram").pk,
            "involvement_id": family.involvements.get().pk, "consent_id": family.consents.get().pk, "number": 1,
            "agreement_id": dossier["agreement"].pk, "challenge_id": dossier["challenge"].pk,
            "version_id": dossier["version"].pk, "entry_id": dossier["entry"].pk,
            "correction_id": dossier["entry"].correction_requests.get().pk,
            "request_id": family.consent_requests.get().pk, "kind": "toekomsttuin",
            "join_request_id": family.join_requests.get().pk, "view_id": dossier["entry"].resident_views.get().pk,
            "notification_id": 1, "client_id": 1,  # the beheerder's page of API clients: none for a partner
            "expert_id": 1, "call_up_id": 1, "occasion": "contact", "object_id": 1,
            "code": family.household.site.code, "quarter": "2025-Q1", "question": "G", "step": "indienen",
            # the programme and the budget: a partner reaches none of them (the region's pages, not a dossier's)
            "region": family.household.site.region.code, "year": 2025, "lesson_id": 1, "improvement_id": 1,
            "evaluation_id": 1, "milestone_id": 1, "role": "beschermpartner",
            # beheer and jobs: a partner reaches none of them (row ids and random ids only)
            "organisation_id": 1, "site_id": family.household.site_id, "user_id": 1, "reset_id": 1,
            "job_id": "00000000-0000-0000-0000-000000000000"}


def _text(response) -> str:
    if response.get("Content-Type", "").startswith("application/pdf"):
        from pypdf import PdfReader
        return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(response.content)).pages)
    return body(response)


def _reachable_texts(client, objects) -> dict[str, str]:
    texts = {}
    for route in all_routes():
        if route.startswith(("uitloggen", "mijn/uitloggen", "inloggen")):
            continue
        url = fill(route, objects)
        response = client.get(url)
        if response.status_code == 200:
            texts[url] = _text(response)
    return texts


def test_an_anonymous_partner_sees_no_planted_personal_data_anywhere(client, dossier, actors, mother):
    assert plant_everywhere() > 40
    objects = _objects(dossier, mother)
    client.force_login(actors["consulent"])
    as_consultant = client.get(fill("gezinnen/<uuid:household_id>/", objects)).content.decode()
    assert NAME in as_consultant and "Kastanjelaan" in as_consultant  # the check can see them
    client.force_login(actors["partner"])
    texts = _reachable_texts(client, objects)
    for page in ("gezinnen/", "veiligheid/traject/", "/pdf/", "analyse", "overleg", "journaal/", "verzoek/"):
        assert any(page in url for url in texts), f"no page like {page} was reached"
    leaks = [f"{url}: {secret}" for url, text in texts.items() for secret in SECRETS if secret in text]
    assert not leaks, "\n".join(leaks)
    household_page = texts[fill("gezinnen/<uuid:household_id>/", objects)]
    assert "[gezinslid 2]" in household_page and "zijn vervangen" in household_page  # Fatima 1, Roosmarijn 2
