"""Rate limit per client, and every read and write in the access log with the client and its organisation."""
import time

import pytest
from rights_world import ON

from tandem.api.models import ApiClient
from tandem.audit.models import AuditEvent

READS = ("", "team/", "journal/", "involvements/", "time-entries/", "reports/", "measures/", "consents/")


def _four_in_one_minute(api) -> list:
    """Four requests within one minute of the clock (again if the minute turned in between)."""
    while True:
        minute = int(time.time() // 60)
        codes = [api.get("/api/v1/trajectories/").status_code for _ in range(4)]
        if int(time.time() // 60) == minute:
            return codes


@pytest.mark.django_db
def test_requests_over_the_limit_get_429_with_retry_after(world, api_for):
    api = api_for("gi")
    ApiClient.objects.filter(pk=api.client_row.pk).update(rate_per_minute=3)
    assert _four_in_one_minute(api)[-1] == 429
    response = api.get("/api/v1/trajectories/")
    assert response.status_code == 429
    assert response.data["code"] == "rate_limited"
    assert 1 <= int(response["Retry-After"]) <= 60
    other = api_for("rvdk")  # another client has its own count
    assert other.get("/api/v1/trajectories/").status_code == 200


@pytest.mark.django_db
def test_every_read_is_in_the_access_log_with_the_client_and_its_organisation(world, api_for):
    api = api_for("gi")
    for path in READS:
        before = AuditEvent.objects.count()
        assert api.get(f"/api/v1/trajectories/{world.family.pk}/{path}").status_code == 200
        entries = list(AuditEvent.objects.order_by("-id")[:AuditEvent.objects.count() - before])
        assert entries, path
        entry = entries[0]
        assert entry.action == "api_read"
        assert entry.household_id == world.family.household_id
        assert entry.actor_id == api.actor.pk
        assert entry.actor_organisation == world.orgs["gi"].name
        assert entry.detail["client"] == api.client_row.prefix
        assert entry.detail["organisation"] == world.orgs["gi"].code
    for path in ("/api/v1/trajectories/", "/api/v1/join-requests/", "/api/v1/own-work/", "/api/v1/monitor/"):
        before = AuditEvent.objects.count()
        assert api.get(path).status_code == 200
        assert AuditEvent.objects.filter(action="api_read", pk__gt=0).count() > 0
        assert AuditEvent.objects.count() > before, path


@pytest.mark.django_db
def test_a_write_is_in_the_log_through_the_service_and_as_an_api_write(world, api_for):
    api = api_for("gi")
    response = api.change(f"/api/v1/trajectories/{world.family.pk}/journal/", world.family,
                          {"on": str(ON), "nature": "fact", "source": "gesprek", "text": "Verslag."})
    assert response.status_code == 201
    service = AuditEvent.objects.get(action="journal_entry_add", actor_id=api.actor.pk)
    assert service.actor_organisation == world.orgs["gi"].name
    assert "API-koppeling" in service.actor_name
    write = AuditEvent.objects.get(action="api_write", actor_id=api.actor.pk)
    assert write.detail["client"] == api.client_row.prefix and write.object_id == str(response.data["id"])


@pytest.mark.django_db
def test_a_404_leaves_no_read_of_the_family_in_the_log(world, api_for):
    ggz = api_for("ggz")
    assert ggz.get(f"/api/v1/trajectories/{world.family.pk}/").status_code == 404
    assert not AuditEvent.objects.filter(actor_id=ggz.actor.pk, household_id=world.family.household_id).exists()
