"""The work list (issue "Tandem 6"): each item links to where it is done and is gone once it is."""
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.cases import services
from tandem.monitor import services as monitor_services
from tandem.portal.services import correction_request_add, correction_request_handle, resident_view_add
from tandem.workspace.selectors import last_finished_quarter, work_list

TODAY = timezone.localdate()


def kinds(user):
    return [item.kind for item in work_list(user, TODAY)]


def test_a_withdrawn_consent_waits_for_the_consultants_decision(actors, family, mother, orgs):
    consent = services.consent_record(actor=None, trajectory=family, organisation=orgs["gi"], given_by=mother,
                                      purpose="x", given_on=dt.date(2025, 2, 1))
    episode = services.involvement_start(actor=None, trajectory=family, organisation=orgs["gi"], form="green",
                                         start=dt.date(2025, 2, 1))
    services.consent_withdraw(actor=None, consent=consent, withdrawn_on=TODAY)
    items = [i for i in work_list(actors["consulent"], TODAY) if i.kind == "consent_withdrawn"]
    assert len(items) == 1 and items[0].url == reverse("cases:involvement_decide", args=[family.pk, episode.pk])
    assert items[0].family == "Gezin el Amrani / de Vries"
    services.involvement_decide(actor=actors["consulent"], involvement=episode, end=TODAY)
    assert "consent_withdrawn" not in kinds(actors["consulent"])


@pytest.mark.parametrize("days, window, listed", [(10, 28, True), (28, 28, True), (29, 28, False), (10, 5, False)])
def test_a_measure_ending_within_the_regions_window(actors, family, child, region, days, window, listed):
    region.expiry_window_days = window
    region.save()
    services.measure_record(actor=None, trajectory=family, type="ots", on=TODAY - dt.timedelta(days=200),
                            ends_on=TODAY + dt.timedelta(days=days), subject=child)
    assert ("measure_expiring" in kinds(actors["consulent"])) == listed


def test_an_extended_measure_is_done(actors, family, child):
    ots = services.measure_record(actor=None, trajectory=family, type="ots", on=TODAY - dt.timedelta(days=300),
                                  ends_on=TODAY + dt.timedelta(days=10), subject=child)
    item = next(i for i in work_list(actors["consulent"], TODAY) if i.kind == "measure_expiring")
    assert item.url.endswith(f"?verlenging={ots.pk}") and "loopt af op" in item.what
    services.measure_record(actor=None, trajectory=family, type="ots", on=TODAY + dt.timedelta(days=0),
                            ends_on=TODAY + dt.timedelta(days=300), subject=child, extends=ots)
    assert "measure_expiring" not in kinds(actors["consulent"])


def test_the_consent_request_and_the_familys_own_words(actors, family, mother, orgs):
    services.team_member_add(actor=None, trajectory=family, professional=actors["partner"], joined_on=TODAY)
    services.consent_request_create(actor=actors["partner"], trajectory=family, purpose="meedenken")
    entry = services.journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note",
                                       nature="fact", source="gesprek", text="x")
    correction = correction_request_add(member=mother, what_is_wrong="Klopt niet.", journal_entry=entry)
    view = resident_view_add(member=mother, journal_entry=entry, text="Ik zie het anders.")
    assert {"consent_request", "correction", "resident_view"} <= set(kinds(actors["consulent"]))
    assert not {"consent_request", "correction", "resident_view"} & set(kinds(actors["partner"]))
    services.consent_record(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"], given_by=mother,
                            purpose="meedenken", given_on=TODAY, how="paper")
    correction_request_handle(actor=actors["consulent"], correction=correction, response="Aangepast.")
    from tandem.portal.services import resident_view_read
    resident_view_read(actor=actors["consulent"], view=view)
    assert not {"consent_request", "correction", "resident_view"} & set(kinds(actors["consulent"]))


def test_a_request_to_join_waits_for_the_organisation_without_the_familys_name(actors, family, orgs):
    request = services.join_request_create(actor=actors["consulent"], trajectory=family, organisation=orgs["vt"],
                                           purpose="Meedenken met Fatima", form="consult",
                                           wanted_by=TODAY + dt.timedelta(days=3))
    item = next(i for i in work_list(actors["partner2"], TODAY) if i.kind == "join_request")
    assert item.family == "" and "Toekomsttuin Hilversum" in item.what and "Fatima" not in item.what
    assert "join_request" not in kinds(actors["outsider"])
    services.join_request_accept(actor=actors["partner2"], request=request, professional=actors["partner"])
    assert "join_request" not in kinds(actors["partner2"])


def test_quarters_to_submit_and_to_approve(actors, site):
    quarter = last_finished_quarter(TODAY)
    def quarters(user):
        return [i.what for i in work_list(user, TODAY) if i.kind == "quarter"]

    assert quarters(actors["consulent"]) == [f"Kwartaal {quarter} van Toekomsttuin Hilversum: ervaringen invullen "
                                             "en indienen."]
    assert not any("goedkeuren" in what for what in quarters(actors["coordinator"]))  # nothing submitted yet
    monitor_services.quarter_submit(actor=actors["consulent"], site=site, quarter=quarter.label)
    assert quarters(actors["consulent"]) == []
    assert f"Kwartaal {quarter} van Toekomsttuin Hilversum is ingediend: goedkeuren." in quarters(actors["coordinator"])
    monitor_services.quarter_approve(actor=actors["coordinator"], site=site, quarter=quarter.label)
    assert not any("Hilversum" in what for what in quarters(actors["coordinator"]))


def test_the_page(client, actors, family, child):
    services.measure_record(actor=None, trajectory=family, type="restraining_order", on=TODAY - dt.timedelta(days=3),
                            ends_on=TODAY + dt.timedelta(days=6), subject=family.household.members.get(
                                given_names="Fatima"))
    client.force_login(actors["consulent"])
    html = client.get(reverse("workspace:work")).content.decode()
    assert "Maatregelen die bijna aflopen (1)" in html and "Tijdelijk huisverbod loopt af op" in html
