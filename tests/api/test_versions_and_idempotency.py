"""The trajectory's version as ETag; If-Match required on a change (428), a stale one refused (412) and nothing
written; the same Idempotency-Key twice creates one record."""
import pytest
from rights_world import ON

from tandem.cases.models import JournalEntry, TimeEntry

REPORT = {"on": str(ON), "nature": "fact", "source": "gesprek", "text": "Gesproken met de moeder."}


def _journal(world):
    return f"/api/v1/trajectories/{world.family.pk}/journal/"


@pytest.mark.django_db
def test_etag_is_the_version_and_moves_with_every_change(world, api_for):
    gi = api_for("gi")
    first = gi.get(f"/api/v1/trajectories/{world.family.pk}/")
    assert first["ETag"] == f'"{world.family.pk}-{first.data["version"]}"'
    response = gi.post(_journal(world), REPORT, **{"If-Match": first["ETag"]})
    assert response.status_code == 201, response.data
    second = gi.get(f"/api/v1/trajectories/{world.family.pk}/")
    assert second.data["version"] == first.data["version"] + 1
    assert response["ETag"] == second["ETag"] != first["ETag"]


@pytest.mark.django_db
def test_a_change_without_if_match_is_refused_with_428(world, api_for):
    response = api_for("gi").post(_journal(world), REPORT)
    assert response.status_code == 428
    assert response.data["code"] == "if_match_required"
    assert not JournalEntry.objects.filter(text=REPORT["text"]).exists()


@pytest.mark.django_db
def test_a_stale_if_match_is_refused_with_412_and_nothing_is_written(world, api_for):
    gi, rvdk = api_for("gi"), api_for("rvdk")
    stale = gi.etag(world.family)
    assert rvdk.change(_journal(world), world.family, {**REPORT, "text": "Eerst."}).status_code == 201
    response = gi.post(_journal(world), REPORT, **{"If-Match": stale})
    assert response.status_code == 412
    assert response.data["code"] == "stale_version"
    assert "opnieuw" in response.data["message"]
    assert not JournalEntry.objects.filter(text=REPORT["text"]).exists()


@pytest.mark.django_db
def test_a_repeated_post_with_the_same_idempotency_key_creates_one_record(world, api_for):
    gi = api_for("gi")
    episode = world.objects["episodes"]["gi"]
    path = f"/api/v1/trajectories/{world.family.pk}/time-entries/"
    data = {"involvement": episode.pk, "on": str(ON), "hours": "2.00"}
    etag = gi.etag(world.family)
    first = gi.post(path, data, **{"If-Match": etag, "Idempotency-Key": "uren-2025-03-03-1"})
    again = gi.post(path, data, **{"If-Match": etag, "Idempotency-Key": "uren-2025-03-03-1"})
    assert first.status_code == again.status_code == 201, (first.data, again.data)
    assert again.data == first.data
    assert again["Idempotent-Replayed"] == "true"
    assert TimeEntry.objects.filter(involvement=episode, on=ON).count() == 1


@pytest.mark.django_db
def test_the_same_key_for_another_request_is_refused(world, api_for):
    gi = api_for("gi")
    first = gi.change(_journal(world), world.family, REPORT, **{"Idempotency-Key": "k1"})
    assert first.status_code == 201
    other = gi.change(_journal(world), world.family, {**REPORT, "text": "Iets anders."}, **{"Idempotency-Key": "k1"})
    assert other.status_code == 422
    assert other.data["code"] == "idempotency_key_reused"
    assert not JournalEntry.objects.filter(text="Iets anders.").exists()


@pytest.mark.django_db
def test_a_refused_post_is_not_kept_so_it_can_be_sent_again(world, api_for):
    gi = api_for("gi")
    refused = gi.post(_journal(world), REPORT, **{"If-Match": '"oud"', "Idempotency-Key": "k2"})
    assert refused.status_code == 412
    retried = gi.change(_journal(world), world.family, REPORT, **{"Idempotency-Key": "k2"})
    assert retried.status_code == 201
    assert JournalEntry.objects.filter(text=REPORT["text"]).count() == 1


@pytest.mark.django_db
def test_keys_of_different_clients_do_not_meet(world, api_for):
    gi, rvdk = api_for("gi"), api_for("rvdk")
    assert gi.change(_journal(world), world.family, REPORT, **{"Idempotency-Key": "same"}).status_code == 201
    assert rvdk.change(_journal(world), world.family, REPORT, **{"Idempotency-Key": "same"}).status_code == 201
    assert JournalEntry.objects.filter(text=REPORT["text"]).count() == 2
