"""Every read of a dossier is in the access log: the household page and every edit form that shows it."""
import pytest
from django.urls import reverse

from tandem.audit.models import AuditEvent


@pytest.mark.parametrize("name", ["consent_record", "measure_record", "team_member_add", "journal_entry_add"])
def test_opening_an_edit_form_is_logged(client, actors, family, name):
    client.force_login(actors["consulent"])
    response = client.get(reverse(f"cases:{name}", args=[family.pk]))
    assert response.status_code == 200
    event = AuditEvent.objects.filter(action="open_form").get()
    assert event.household_id == family.household_id
    assert event.actor_id == actors["consulent"].pk
    assert event.actor_organisation == str(actors["consulent"].organisation)


def test_an_outsider_opening_a_form_gets_404_and_no_read_is_logged(client, actors, family):
    client.force_login(actors["outsider"])
    response = client.get(reverse("cases:consent_record", args=[family.pk]))
    assert response.status_code == 404
    assert not AuditEvent.objects.filter(action__in=["open_form", "view"]).exists()
