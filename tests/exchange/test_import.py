"""Importing the exchange format: the shared scenario, idempotence, and the guardrails of the services."""
import datetime as dt
from decimal import Decimal

import pytest

from tandem.audit.models import AuditEvent
from tandem.cases.models import (
    Consent,
    ExpertContact,
    Household,
    Involvement,
    LeadPeriod,
    Measure,
    Member,
    Report,
    TeamMembership,
    TimeEntry,
    Trajectory,
)
from tandem.exchange.importer import ImportFailed, import_document
from tandem.monitor.models import Experience
from tandem.organisations.models import Organisation, Region, Site, User

from .documents import SCENARIO, scenario, small, trajectory

pytestmark = pytest.mark.django_db

needs_scenario = pytest.mark.skipif(not SCENARIO.is_file(), reason=f"the shared scenario is not here: {SCENARIO}")

DOSSIER_MODELS = (Household, Member, Trajectory, LeadPeriod, TeamMembership, Involvement, TimeEntry, Consent, Report,
                  Measure, ExpertContact, Experience)


def counts() -> dict:
    return {model.__name__: model.objects.count() for model in (*DOSSIER_MODELS, Region, Site, Organisation, User,
                                                                 AuditEvent)}


def run(document) -> object:
    try:
        return import_document(document)
    except ImportFailed as failure:
        pytest.fail("import refused:\n" + "\n".join(failure.lines()), pytrace=False)


# --- the shared scenario ---------------------------------------------------------------------------------
@needs_scenario
def test_scenario_imports_cleanly():
    document = scenario()
    result = run(document)
    assert result.households == Household.objects.count() == 39
    assert result.trajectories == Trajectory.objects.count() == 40
    assert Member.objects.count() == sum(len(h["members"]) for h in document["households"]) == 99
    assert Site.objects.filter(region__code="GV").count() == 3
    assert User.objects.filter(ref__startswith="p-").count() == 10
    assert not any(u.has_usable_password() for u in User.objects.all())
    assert Experience.objects.count() == len(document["experiences"])
    assert Measure.objects.count() == sum(len(t["measures"]) for h in document["households"]
                                          for t in h["trajectories"])
    re_registered = Household.objects.get(ref="h21")
    assert list(re_registered.trajectories.order_by("registered_on").values_list("ref", "closed_on")) == [
        ("t19", dt.date(2024, 11, 30)), ("t20", None)]


@needs_scenario
def test_scenario_twice_creates_no_duplicates():
    run(scenario())
    before = counts()
    result = run(scenario())
    assert not result.changed, result.summary()
    assert counts() == before  # not even an access-log entry: no service was called


# --- a small document ------------------------------------------------------------------------------------
def test_small_document_goes_through_the_services():
    result = run(small())
    t = Trajectory.objects.get(ref="t1")
    assert t.household.ref == "h1" and t.measure_considered
    assert t.lead_periods.get().professional.ref == "p1"
    assert set(t.team.values_list("professional__ref", flat=True)) == {"p1", "p2"}
    assert t.involvements.get(form="consult").anonymous
    assert t.involvements.get(form="orange").end == dt.date(2025, 3, 1)
    assert TimeEntry.objects.get().hours == Decimal("2.00")
    consent = t.consents.get()
    assert (consent.given_by.ref, consent.purpose) == ("m2", "begeleiding en analyse")
    ots = t.measures.get(type="ots")
    assert (ots.subject.ref, ots.handled_by.ref) == ("m1", "p3")
    assert t.expert_contacts.get().expert.ref == "p9"
    assert t.version > 1  # every change went through a service, which bumps the version
    assert AuditEvent.objects.filter(household_id=t.household_id, action="measure_record").count() == 2
    assert result.created["gezin"] == 1 and result.created["betrokkenheid"] == 3


def test_professional_gets_a_username_from_the_ref_and_no_password():
    run(small())
    user = User.objects.get(ref="p2")
    assert (user.username, user.first_name, user.last_name) == ("p2", "Ruud", "Meijer")
    assert user.organisation.code == "VT-GV" and user.role == "beschermpartner"
    assert not user.has_usable_password()


def test_a_later_file_adds_only_what_is_new():
    run(small())
    before = counts()
    document = small()
    t = trajectory(document)
    t["involvements"][0]["time"].append({"on": "2025-01-28", "hours": 1.5})
    t["closed_on"] = "2025-04-01"
    document["professionals"][1]["name"] = "Ruud Meijer-Jansen"
    result = run(document)
    assert +result.created == {"uren": 1}
    assert result.updated["afsluiting"] == 1 and result.updated["professional"] == 1
    assert TimeEntry.objects.count() == before["TimeEntry"] + 1
    assert Trajectory.objects.get(ref="t1").closed_on == dt.date(2025, 4, 1)
    assert User.objects.get(ref="p2").last_name == "Meijer-Jansen"
    assert Household.objects.count() == before["Household"]


def test_an_existing_member_with_other_details_is_a_problem_not_a_change():
    run(small())
    document = small()
    document["households"][0]["members"][0]["given_names"] = "Daniël"
    with pytest.raises(ImportFailed) as failed:
        import_document(document)
    assert [path for path, _ in failed.value.problems] == ["households[0].members[0]"]
    assert Member.objects.get(ref="m1").given_names == "Daan"


def test_progress_is_reported_per_household():
    calls = []
    run_with = small()
    import_document(run_with, progress=lambda done, total: calls.append((done, total)))
    assert calls == [(1, 1)]
