"""Involvement and time through the web forms, with the statutory-powers guardrail."""
import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tandem.cases import services
from tandem.cases.models import Involvement, TimeEntry


@pytest.fixture
def consult(family, orgs):
    involvement = services.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"],
                                             form="consult", start=dt.date(2025, 2, 1))
    family.refresh_from_db()
    return involvement


def test_orange_without_report_is_refused_with_dutch_message(client, actors, orgs, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:involvement_start", args=[family.pk])
    data = {"expected_version": family.version, "organisation": orgs["vt"].pk, "form": "orange",
            "start": "2025-02-01"}
    response = client.post(url, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert "Oranje betrokkenheid (met wettelijke bevoegdheden) kan pas als er een melding of maatregel is" in html
    assert 'href="#id_form_0"' in html  # the summary links to the field the rule names
    assert not Involvement.objects.exists()
    family.refresh_from_db()
    assert family.version == data["expected_version"]  # nothing saved, not even a version bump


def test_involvement_start_consult(client, actors, orgs, family):
    client.force_login(actors["consulent"])
    url = reverse("cases:involvement_start", args=[family.pk])
    data = {"expected_version": family.version, "organisation": orgs["vt"].pk, "form": "consult",
            "start": "2025-02-01", "anonymous": "on"}
    assert client.post(url, data).status_code == 302
    involvement = Involvement.objects.get()
    assert involvement.anonymous and involvement.form == "consult"


def test_involvement_start_lists_no_local_teams(client, actors, family):
    client.force_login(actors["consulent"])
    html = client.get(reverse("cases:involvement_start", args=[family.pk])).content.decode()
    assert "Veilig Thuis Gooi en Vechtstreek" in html
    assert "Gemeente Huizen, lokaal team" not in html


def test_involvement_end(client, actors, family, consult):
    client.force_login(actors["consulent"])
    url = reverse("cases:involvement_end", args=[family.pk, consult.pk])
    assert client.post(url, {"expected_version": family.version, "end": "2025-03-01"}).status_code == 302
    consult.refresh_from_db()
    assert consult.end == dt.date(2025, 3, 1)


def test_involvement_end_before_start_is_refused(client, actors, family, consult):
    client.force_login(actors["consulent"])
    url = reverse("cases:involvement_end", args=[family.pk, consult.pk])
    html = client.post(url, {"expected_version": family.version, "end": "2025-01-20"}).content.decode()
    assert "ligt vóór de begindatum" in html
    consult.refresh_from_db()
    assert consult.end is None


def test_time_register(client, partner_on_team, family, consult):
    client.force_login(partner_on_team)
    url = reverse("cases:time_register", args=[family.pk, consult.pk])
    response = client.post(url, {"expected_version": family.version, "on": "2025-02-03", "hours": "1.5"})
    assert response.status_code == 302
    entry = TimeEntry.objects.get()
    assert entry.hours == Decimal("1.5") and entry.professional == partner_on_team


def test_time_register_zero_hours_is_a_form_error(client, actors, family, consult):
    client.force_login(actors["consulent"])
    url = reverse("cases:time_register", args=[family.pk, consult.pk])
    html = client.post(url, {"expected_version": family.version, "on": "2025-02-03", "hours": "0"}).content.decode()
    assert 'href="#id_hours"' in html
    assert not TimeEntry.objects.exists()
