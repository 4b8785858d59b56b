"""`tandem demo`: the fictional region, built deterministically and loaded through the import, once."""
import json
from collections import Counter

import pytest
from django.core.management import CommandError, call_command

from tandem.audit.models import AuditEvent
from tandem.cases.models import Household, JournalEntry, Trajectory, TriageDecision
from tandem.cases.services import MemberData, household_register
from tandem.demo.generator import build_document
from tandem.demo.people import DEMO_PASSWORD, PROFESSIONALS
from tandem.exchange.validation import check_references, check_structure
from tandem.organisations.models import Role, User

# Every role of a person on a region's installation has a demo login: the national programme team works on the
# national one (`tandem national demo`, tests/national/test_demo.py), and "koppeling" is an API client's
# account, not a person (docs/api.md).
PEOPLE_ROLES = set(Role.values) - {Role.LANDELIJK, Role.KOPPELING}


def trajectories(document):
    return [t for h in document["households"] for t in h["trajectories"]]


def test_the_document_is_the_same_every_time_and_valid():
    document = build_document()
    assert json.dumps(document) == json.dumps(build_document())
    assert json.dumps(document) != json.dumps(build_document(seed=7))
    assert check_structure(document) == [] and check_references(document) == []
    assert len(document["households"]) == 40
    assert {h["site"] for h in document["households"]} == {"HLV", "GMR", "HZN"}


def test_the_document_covers_every_regime_stage_and_measure():
    every = trajectories(document := build_document())
    assert {i["form"] for t in every for i in t["involvements"]} == {"consult", "green", "orange", "red", "other"}
    assert {m["type"] for t in every for m in t["measures"]} == {
        "rvdk_request", "ots", "muhp", "custody_ending", "restraining_order", "contact_ban", "probation"}
    assert any(t["closed_on"] for t in every) and any(not t["closed_on"] for t in every)
    assert any(len(h["trajectories"]) == 2 for h in document["households"])  # registered again
    assert any(not t["involvements"] or t["involvements"][0].get("anonymous") for t in every)  # just registered
    assert any(len(t["lead"]) > 1 for t in every)  # a partner took the front seat and gave it back
    assert all(t["registered_on"][:4] in ("2024", "2025") for t in every)
    assert not any("bsn" in m for h in document["households"] for m in h["members"])  # no real-looking BSNs
    assert {p["role"] for p in document["professionals"]} == PEOPLE_ROLES


@pytest.mark.django_db
def test_demo_command_loads_the_region_and_prints_the_logins(capsys):
    call_command("demo")
    out = capsys.readouterr().out
    assert "verzonnen" in out
    for data in PROFESSIONALS:
        assert data["ref"] in out
    assert Household.objects.count() == 40
    assert Trajectory.objects.count() == len(trajectories(build_document()))
    for role in PEOPLE_ROLES:
        user = User.objects.filter(role=role).first()
        assert user is not None and user.check_password(DEMO_PASSWORD), role
    closed = Trajectory.objects.filter(closed_on__isnull=False)
    assert TriageDecision.objects.filter(kind="exit", trajectory__in=closed).count() == closed.count()
    assert TriageDecision.objects.filter(kind="access").count() == Trajectory.objects.count()
    assert set(JournalEntry.objects.values_list("nature", flat=True)) == {"fact", "observation", "opinion"}
    assert JournalEntry.objects.exclude(withheld_reason="").exists()
    assert all(e.source.strip() for e in JournalEntry.objects.all())


@pytest.mark.django_db
def test_demo_twice_duplicates_nothing(capsys):
    call_command("demo")
    before = Counter({m.__name__: m.objects.count() for m in (Household, Trajectory, JournalEntry, TriageDecision,
                                                               User, AuditEvent)})
    call_command("demo")
    assert "Al geladen" in capsys.readouterr().out
    after = Counter({m.__name__: m.objects.count() for m in (Household, Trajectory, JournalEntry, TriageDecision,
                                                              User, AuditEvent)})
    assert after == before


@pytest.mark.django_db
def test_demo_refuses_a_database_with_real_households(site, orgs):
    consulent = User.objects.create(username="anna", organisation=orgs["local"], role="consulent")
    household_register(actor=consulent, site=site, members=[MemberData("Noor", "Bos", minor=True)],
                       registered_on=site.region.programme_start, measure_considered=False)
    with pytest.raises(CommandError, match="niet uit de demo"):
        call_command("demo")
    assert not User.objects.filter(username="sanne.bakker").exists()


@pytest.mark.django_db
def test_demo_runs_again_after_someone_tried_it_out(capsys):
    """scripts/start loads the demo each time; a family entered while trying Tandem must not block that."""
    call_command("demo")
    sanne = User.objects.get(username="sanne.bakker")
    household_register(actor=sanne, site=sanne.organisation.site, members=[MemberData("Noor", "Bos", minor=True)],
                       registered_on=sanne.organisation.site.region.programme_start, measure_considered=False)
    before = Household.objects.count()
    call_command("demo")
    assert Household.objects.count() == before
    assert "sanne.bakker" in capsys.readouterr().out
