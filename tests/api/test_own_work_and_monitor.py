"""The organisation's own work (episodes and hours, no names) and the monitor's figures for a region's
coordinators, each read in the access log."""
import datetime as dt
import json

import pytest

from tandem.audit.models import AuditEvent
from tandem.cases import services

from .conftest import Api


@pytest.mark.django_db
def test_own_work_lists_only_the_organisations_episodes_with_hours_in_the_period(world, api_for):
    gi_episode = world.objects["episodes"]["gi"]
    services.time_register(actor=None, involvement=gi_episode, on=dt.date(2025, 2, 10), hours=2)
    services.time_register(actor=None, involvement=gi_episode, on=dt.date(2025, 3, 10), hours=3)
    services.time_register(actor=None, involvement=world.objects["episodes"]["vt"], on=dt.date(2025, 2, 10), hours=5)
    gi = api_for("gi")
    response = gi.get("/api/v1/own-work/", date_from="2025-03-01", date_to="2025-03-31")
    assert response.status_code == 200
    assert [(r["involvement"], r["hours"]) for r in response.data["results"]] == [(gi_episode.pk, "3.00")]
    assert "Fatima" not in json.dumps(response.data)
    entry = AuditEvent.objects.filter(action="api_read", actor_id=gi.actor.pk).latest("id")
    assert entry.detail["resource"] == "own_work" and entry.household_id == world.family.household_id
    wrong = gi.get("/api/v1/own-work/", date_from="2025-04-01", date_to="2025-03-01")
    assert wrong.status_code == 400 and wrong.data["field"] == "date_to"


@pytest.mark.django_db
def test_a_coordinators_client_reads_the_regions_figures_and_no_dossier(world, region):
    coordinators = Api(world.orgs["coord"], scope="read", role="coordinator")
    scopes = coordinators.get("/api/v1/monitor/").data["results"]
    assert {(s["kind"], s["code"]) for s in scopes} >= {("regio", "GV"), ("toekomsttuin", "HLV")}
    figures = coordinators.get("/api/v1/monitor/regio/GV/2025-Q1/")
    assert figures.status_code == 200 and figures.data["quarter"] == "2025-Q1"
    assert figures.data["active"] >= 1
    assert coordinators.get("/api/v1/trajectories/").data["count"] == 0
    assert coordinators.get(f"/api/v1/trajectories/{world.family.pk}/").status_code == 404
    assert coordinators.get("/api/v1/monitor/regio/XX/2025-Q1/").status_code == 404
    assert coordinators.get("/api/v1/monitor/regio/GV/2025-Q9/").status_code == 404
    assert AuditEvent.objects.filter(action="api_read", actor_id=coordinators.actor.pk,
                                     detail__resource="monitor").exists()


@pytest.mark.django_db
def test_a_partner_sees_only_its_regions_totals(world, api_for):
    rvdk = api_for("rvdk")  # the Raad has no region in this world
    assert rvdk.get("/api/v1/monitor/").data["count"] == 0
    assert rvdk.get("/api/v1/monitor/regio/GV/2025-Q1/").status_code == 404


@pytest.mark.django_db
def test_the_team_and_the_monitor_lists_filter(world, api_for):
    gi = api_for("gi")
    team = gi.get(f"/api/v1/trajectories/{world.family.pk}/team/", organisation=world.orgs["rvdk"].code,
                  current="true").data
    assert team["count"] >= 1 and {m["organisation"] for m in team["results"]} == {world.orgs["rvdk"].code}
    assert any(m["leads"] for m in team["results"])
    assert gi.get(f"/api/v1/trajectories/{world.family.pk}/team/", current="nee").status_code == 400
    coordinators = Api(world.orgs["coord"], scope="read", role="coordinator")
    sites = coordinators.get("/api/v1/monitor/", kind="toekomsttuin").data["results"]
    assert sites and all(s["kind"] == "toekomsttuin" for s in sites)
