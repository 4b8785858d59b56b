"""Exporting: the format's own schema accepts it, and export → import into an empty database → export is stable."""
import json

import pytest
from django.core.management import call_command
from django.db import transaction

from tandem.audit.models import AuditEvent
from tandem.cases.models import Household
from tandem.cases.services import MemberData, household_register
from tandem.exchange.exporter import ExportError, export_document
from tandem.exchange.importer import import_document
from tandem.exchange.validation import check_structure
from tandem.organisations.models import Region, User

from .documents import SCENARIO, scenario, small

pytestmark = pytest.mark.django_db


@pytest.fixture
def consulents(orgs):
    """Local-team workers without a password (the shared `actors` fixture hashes eight passwords: slow)."""
    make = User.objects.create
    return {"HLV": make(username="anna", first_name="Anna", last_name="de Wit", organisation=orgs["local"]),
            "HZN": make(username="eva", first_name="Eva", last_name="Bos", organisation=orgs["local_hzn"])}


def register(consulent, site):
    return household_register(actor=consulent, site=site, members=[MemberData("Noor", "Bos", minor=True)],
                              registered_on=site.region.programme_start, measure_considered=False)


class Rollback(Exception):
    pass


def export_from_a_database_that_is_then_emptied(document, **scope) -> dict:
    """Import `document`, export it, and roll the import back: the database is empty again afterwards."""
    try:
        with transaction.atomic():
            import_document(document)
            exported = export_document(**scope)
            raise Rollback
    except Rollback:
        pass
    assert Household.objects.count() == 0
    return exported


@pytest.mark.skipif(not SCENARIO.is_file(), reason=f"the shared scenario is not here: {SCENARIO}")
def test_scenario_round_trip_is_stable():
    first = export_from_a_database_that_is_then_emptied(scenario())
    assert check_structure(first) == []
    assert len(first["households"]) == 39
    assert sum(len(h["trajectories"]) for h in first["households"]) == 40
    assert len(first["experiences"]) == len(scenario()["experiences"])
    import_document(first)
    second = export_document()
    assert json.dumps(second, sort_keys=True) == json.dumps(first, sort_keys=True)


@pytest.mark.skipif(not SCENARIO.is_file(), reason=f"the shared scenario is not here: {SCENARIO}")
def test_scenario_facts_survive_the_export():
    original = scenario()
    exported = export_from_a_database_that_is_then_emptied(original)

    def facts(document, key, fields):
        return sorted((t["ref"], *(str(item.get(f)) for f in fields)) for h in document["households"]
                      for t in h["trajectories"] for item in t.get(key) or [])
    for key, fields in (("measures", ("type", "on", "initiated_from_site")), ("reports", ("on", "organisation")),
                        ("expert_contacts", ("on", "expert")), ("involvements", ("form", "organisation", "start"))):
        assert facts(exported, key, fields) == facts(original, key, fields), key


def test_small_round_trip_keeps_every_field():
    first = export_from_a_database_that_is_then_emptied(small())
    t = first["households"][0]["trajectories"][0]
    assert t["consents"] == [{"organisation": "VT-GV", "given_by": "m2", "given_on": "2025-01-18",
                              "withdrawn_on": None, "purpose": "begeleiding en analyse"}]
    assert {"type": "ots", "on": "2025-02-10", "initiated_from_site": True, "subject": "m1",
            "handled_by": "p3"} in t["measures"]
    assert t["team"][0] == {"professional": "p1", "joined_on": "2025-01-14", "left_on": None}
    assert first["experiences"] == small()["experiences"]
    member = first["households"][0]["members"][1]
    assert member == {"ref": "m2", "given_names": "Fatima", "family_name": "el Amrani", "birth_date": "1988-11-30",
                      "bsn": "111222333"}
    import_document(first)
    assert export_document() == first


def test_site_export_holds_only_that_site(consulents, site, other_site):
    register(consulents["HLV"], site)
    register(consulents["HZN"], other_site)
    document = export_document(site_code="HZN")
    assert [h["site"] for h in document["households"]] == ["HZN"]
    assert {o["code"] for o in document["organisations"]} >= {"GEM-HZN", "VT-GV", "SK"}
    assert "GEM-HLV" not in {o["code"] for o in document["organisations"]}
    assert check_structure(document) == []


def test_screen_entries_export_with_their_id_and_import_back_onto_themselves(consulents, site):
    trajectory = register(consulents["HLV"], site)
    document = export_document(region_code="GV")
    household = document["households"][0]
    assert household["ref"] == str(trajectory.household_id)
    assert household["trajectories"][0]["lead"] == [{"from": "2024-06-01", "professional": "anna"}]
    result = import_document(document)
    assert not result.changed, result.summary()
    assert Household.objects.count() == 1


def test_export_is_logged_per_household(consulents, site):
    trajectory = register(consulents["HLV"], site)
    export_document()
    event = AuditEvent.objects.get(action="export")
    assert event.household_id == trajectory.household_id and event.actor_name == "systeem"


def test_unknown_scope_is_refused(region):
    with pytest.raises(ExportError, match="XYZ"):
        export_document(site_code="XYZ")
    Region.objects.create(code="CG", name="Centraal Gelderland")
    with pytest.raises(ExportError, match="Kies een regio"):
        export_document()
    assert export_document(region_code="CG")["households"] == []


def test_export_command_prints_the_document(capsys):
    import_document(small())
    call_command("export", "--region", "GV")
    printed = json.loads(capsys.readouterr().out)
    assert printed["format"] == "tandem-exchange" and printed["households"][0]["ref"] == "h1"
