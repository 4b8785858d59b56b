"""One dossier with at least one object of every kind a URL can name, and a beheerder (administrator).

Objects are made through the services (actor=None is the system), except the safety-plan version, which is
written straight into its tables (test data, as in tests/portal/helpers.py)."""
import datetime as dt
from dataclasses import dataclass

import pytest

from tandem.cases import services
from tandem.organisations.models import User
from tandem.notifications.models import Notification
from tandem.portal.services import correction_request_add, resident_view_add
from tandem.safetyplan import services as plan_services
from tandem.safetyplan.models import PlanVersion, SafetyAgreement, SafetyPlan, UnsafeSituation

from tandem.api.services import api_client_create

from .programme_world import programme_objects

D = dt.date
# What a forbidden person must never see: the members' names and the child's BSN.
SECRETS = ["Fatima", "Amrani", "Daan", "111222333"]


@dataclass
class World:
    family: object
    objects: dict


def _plan_version(family, actor):
    plan = SafetyPlan.objects.create(trajectory=family)
    version = PlanVersion.objects.create(plan=plan, number=1, dated_on=D(2025, 2, 10), phase="direct_safety",
                                         evaluation_on=D(2025, 4, 1), monitored_by="Oma Truus", created_by=actor)
    situation = UnsafeSituation.objects.create(version=version, rank=1, in_family_words="Als er ruzie is, is Daan bang.")
    agreement = SafetyAgreement.objects.create(situation=situation, who="Fatima", what="Belt oma als het misgaat",
                                               due_on=D(2025, 3, 1), if_not_kept="De consulent belt")
    return version, agreement


def _analysis(family, orgs):
    gw = User.objects.create_user(username="gwen", password="x-Tandem-2024!", first_name="Gwen", last_name="Hendriks",
                                  organisation=orgs["local"], role="gedragswetenschapper")
    analysis = plan_services.analysis_record(actor=None, trajectory=family, made_on=D(2025, 2, 12),
                                             facts="Daan is bang als er ruzie is.")
    challenge = plan_services.analysis_challenge(actor=gw, analysis=analysis, on=D(2025, 2, 13),
                                                 challenge="Is er ook iets anders aan de hand?")
    return challenge


@pytest.fixture
def beheerder(orgs):
    return User.objects.create_user(username="ben", password="x-Tandem-2024!", first_name="Ben", last_name="Beheer",
                                    organisation=orgs["coord"], role="beheerder")


def _administration_objects(family, orgs, actors) -> dict:
    from tandem.administration.models import FactorReset

    asker = User.objects.create_user(username="bea", first_name="Bea", last_name="Beheer", organisation=orgs["coord"],
                                     role="beheerder")
    reset = FactorReset.objects.create(user=actors["partner"], requested_by=asker, requested_at=dt.datetime.now(
        dt.timezone.utc), reason="Telefoon kwijt")
    from django.utils import timezone

    from tandem.jobs.models import Job

    job = Job.objects.create(kind="export_monitor", started_by=actors["coordinator"], started_at=timezone.now(),
                             status="done", output_name="monitor-HLV-2025-Q1.csv", output_data=b"a,b")
    return {"job_id": job.pk, "organisation_id": orgs["local"].pk, "site_id": family.household.site_id,
            "user_id": actors["consulent"].pk, "reset_id": reset.pk, "token": "verlopen-of-onbekend",
            "uidb64": "MQ"}


@pytest.fixture
def pool_coordinator(orgs):
    """The pool coordinator of the experts' organisation: keeps the pool and proposes experts, never a dossier."""
    return User.objects.create_user(username="pia", password="x-Tandem-2024!", first_name="Pia", last_name="Pool",
                                    organisation=orgs["ed"], role="poolcoordinator")


@pytest.fixture
def world(family, actors, orgs, mother):
    membership = services.team_member_add(actor=None, trajectory=family, professional=actors["partner"],
                                          joined_on=D(2025, 2, 1), role_in_team="veiligheid")
    consent = services.consent_record(actor=None, trajectory=family, organisation=orgs["vt"], given_by=mother,
                                      purpose="Meedenken over de veiligheid thuis", given_on=D(2025, 2, 3))
    involvement = services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form="consult",
                                             start=D(2025, 2, 6))
    entry = services.journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note",
                                       nature="observation", source="huisbezoek", text="Fatima vertelt over Daan.")
    version, agreement = _plan_version(family, actors["consulent"])
    challenge = _analysis(family, orgs)
    correction = correction_request_add(member=mother, what_is_wrong="Daan heet anders.", journal_entry=entry)
    request = services.consent_request_create(actor=actors["partner"], trajectory=family,
                                              purpose="Meedenken met Daan en Fatima")
    join = services.join_request_create(actor=actors["consulent"], trajectory=family, organisation=orgs["gi"],
                                        purpose="Meedenken met Daan en Fatima", form="consult",
                                        wanted_by=dt.date.today() + dt.timedelta(days=7))
    view = resident_view_add(member=mother, journal_entry=entry, text="Fatima ziet het anders.")
    notification = Notification.objects.create(recipient=actors["consulent"], kind="consent_request",
                                               link=f"/gezinnen/{family.household_id}/", household=family.household)
    call_up = _call_up(family, orgs, actors)
    family.refresh_from_db()
    objects = {"household_id": family.household_id, "trajectory_id": family.pk, "member_id": mother.pk,
               "membership_id": membership.pk, "involvement_id": involvement.pk, "consent_id": consent.pk,
               "number": 1, "agreement_id": agreement.pk, "challenge_id": challenge.pk, "version_id": version.pk,
               "entry_id": entry.pk, "correction_id": correction.pk, "request_id": request.pk,
               "join_request_id": join.pk, "notification_id": notification.pk, "view_id": view.pk,
               "client_id": api_client_create(actor=None, organisation=orgs["vt"], name="VT")[0].pk,
               # the monitor: site codes and quarters only
               "kind": "toekomsttuin", "code": family.household.site.code, "quarter": "2025-Q1", "question": "A",
               "step": "indienen",
               # experts by experience: the pool and a call-up proposed to the expert (who has no consent yet)
               "expert_id": call_up.expert_id, "call_up_id": call_up.pk, "occasion": "contact", "object_id": 1,
               # help pages: a role, not personal data
               "role": "consulent",
               # the programme and the budget: region codes, years and ids of programme objects only
               **programme_objects(family.household.site.region),
               # beheer: row ids of an organisation, a site, a person and a two-factor reset; the one-time links
               **_administration_objects(family, orgs, actors)}
    return World(family=family, objects=objects)


def _call_up(family, orgs, actors):
    from tandem.experts import services as experts

    region = family.household.site.region
    profile = experts.profile_add(actor=None, region=region, name="LVB")
    expert = experts.expert_add(actor=None, organisation=orgs["ed"], user=actors["expert"], pool="core",
                                profiles=[profile], sites=[family.household.site])
    call_up = experts.call_up_request(actor=actors["consulent"], trajectory=family, profile=profile,
                                      purpose="home_visit", wanted_on=dt.date.today())
    return experts.call_up_propose(actor=None, call_up=call_up, expert=expert)
