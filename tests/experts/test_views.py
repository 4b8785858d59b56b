"""The pages of the pool, the call-up through the web, the expert's page and the family's voice in the portal."""
import datetime as dt

import pytest
from django.urls import reverse

from portal.helpers import portal_login
from tandem.cases.models import TeamMembership
from tandem.experts import services
from tandem.experts.models import CallUp, CallUpStatus, Contact
from tandem.monitor.models import Experience
from tandem.monitor.rules import quarter_of

pytestmark = pytest.mark.django_db
TODAY = dt.date.today()


def test_the_whole_call_up_through_the_pages(client, family, actors, profiles, expert, other_expert,
                                           pool_coordinator, consent_to_pool):
    client.force_login(actors["consulent"])
    household = client.get(reverse("cases:household", args=[family.household_id])).content.decode()
    assert reverse("experts:call_up_request", args=[family.pk]) in household
    response = client.post(reverse("experts:call_up_request", args=[family.pk]), {
        "profile": profiles["LVB"].pk, "purpose": "network_meeting", "wanted_on": TODAY.isoformat()})
    assert response.status_code == 302, response.content.decode()
    call_up = CallUp.objects.get()
    household = client.get(reverse("cases:household", args=[family.household_id])).content.decode()
    assert "Ervaringsdeskundige gevraagd" in household and reverse("experts:call_up", args=[call_up.pk]) in household

    client.force_login(pool_coordinator)
    work = client.get(reverse("workspace:work")).content.decode()
    assert reverse("experts:call_up", args=[call_up.pk]) in work
    page = client.get(reverse("experts:call_up", args=[call_up.pk])).content.decode()
    assert "Gijs Mulder" in page and "Ilse Dekker" not in page  # only who matches
    assert "Amrani" not in page and "Fatima" not in page
    client.post(reverse("experts:call_up_step", args=[call_up.pk, "propose"]),
                {"expert": expert.pk, "version": call_up.version})
    call_up.refresh_from_db()
    assert call_up.status == CallUpStatus.PROPOSED

    client.force_login(actors["expert"])
    assert reverse("experts:call_up", args=[call_up.pk]) in client.get(reverse("workspace:work")).content.decode()
    client.post(reverse("experts:call_up_step", args=[call_up.pk, "accept"]), {"version": call_up.version})
    call_up.refresh_from_db()
    assert call_up.status == CallUpStatus.ACCEPTED

    consent_to_pool()
    client.force_login(actors["consulent"])
    client.post(reverse("experts:call_up_step", args=[call_up.pk, "join"]), {"version": call_up.version})
    call_up.refresh_from_db()
    assert call_up.status == CallUpStatus.JOINED
    assert TeamMembership.objects.filter(trajectory=family, professional=actors["expert"]).exists()


def test_a_stale_step_is_refused_with_a_message(client, call_up, expert, pool_coordinator):
    client.force_login(pool_coordinator)
    response = client.post(reverse("experts:call_up_step", args=[call_up.pk, "propose"]),
                           {"expert": expert.pk, "version": call_up.version + 5}, follow=True)
    assert "Iemand anders" in response.content.decode()
    call_up.refresh_from_db()
    assert call_up.status == CallUpStatus.REQUESTED


def test_the_pool_page_is_for_the_pool_coordinator_only(client, pool_coordinator, expert, call_up, actors, family):
    client.force_login(pool_coordinator)
    page = client.get(reverse("experts:pool")).content.decode()
    assert "Gijs Mulder" in page and "0 van 2" in page and "LVB" in page
    assert "Amrani" not in page
    assert client.get(reverse("cases:household", args=[family.household_id])).status_code == 404
    for who in ("consulent", "expert", "coordinator"):
        client.force_login(actors[who])
        assert client.get(reverse("experts:pool")).status_code == 403


def test_others_do_not_find_a_call_up(client, call_up, actors):
    for who in ("other_site", "outsider", "expert"):
        client.force_login(actors[who])
        assert client.get(reverse("experts:call_up", args=[call_up.pk])).status_code == 404


def test_the_expert_counts_a_contact_on_their_page(client, joined, actors, family):
    client.force_login(actors["expert"])
    mine = client.get(reverse("experts:mine")).content.decode()
    url = reverse("experts:contact_record", args=[family.pk])
    assert url in mine
    response = client.post(url, {"on": TODAY.isoformat(), "kind": "home_visit", "number": 1, "minutes": 60})
    assert response.status_code == 302
    assert Contact.objects.get().minutes == 60
    bad = client.post(url, {"on": TODAY.isoformat(), "kind": "home_visit", "number": 1, "minutes": 5000})
    assert bad.status_code == 200 and Contact.objects.count() == 1


def test_sessions_and_reports_pages(client, pool_coordinator, expert, joined, actors, family):
    services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY, kind="phone",
                            minutes=30)
    client.force_login(pool_coordinator)
    response = client.post(reverse("experts:sessions"), {"kind": "coaching", "held_on": TODAY.isoformat(),
                                                         "attendees": [expert.pk]})
    assert response.status_code == 302
    report = client.get(reverse("experts:reports")).content.decode()
    assert "Gijs Mulder" in report and "Amrani" not in report and "0.5" in report.replace(",", ".")
    client.force_login(actors["coordinator"])
    assert client.get(reverse("experts:reports")).status_code == 200
    client.force_login(actors["consulent"])
    assert client.get(reverse("experts:reports")).status_code == 403


def test_the_resident_answers_k_and_i_and_the_monitor_gets_it_without_a_name(client, joined, expert, actors,
                                                                            family, mother, site):
    contact = services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY,
                                      kind="home_visit", minutes=60)
    portal_login(client, mother)
    listing = client.get(reverse("experts:voice")).content.decode()
    url = reverse("experts:voice_answer", args=["contact", contact.pk])
    assert url in listing
    response = client.post(url, {"k_text": "Fatima el Amrani voelde zich eindelijk begrepen door iemand die het "
                                           "zelf heeft meegemaakt.", "i_text": "Fijn dat er naar ons werd geluisterd."})
    assert response.status_code == 302
    k = Experience.objects.get(site=site, quarter=quarter_of(TODAY).label, question="K")
    assert "begrepen" in k.text and "Fatima" not in k.text and "Amrani" not in k.text
    assert k.recorded_by is None
    assert Experience.objects.filter(site=site, question="I").count() == 1
    assert url not in client.get(reverse("experts:voice")).content.decode()  # once
    assert client.post(url, {"k_text": "nog een keer"}).status_code == 404
    assert Experience.objects.filter(question="K").count() == 1


def test_the_resident_cannot_answer_for_another_household(client, joined, expert, actors, family, other_family):
    contact = services.contact_record(actor=actors["expert"], expert=expert, trajectory=family, on=TODAY,
                                      kind="phone", minutes=10)
    karin = other_family.household.members.get()
    portal_login(client, karin)
    assert client.post(reverse("experts:voice_answer", args=["contact", contact.pk]),
                       {"k_text": "x"}).status_code == 404


def test_the_pool_coordinator_adds_and_changes_an_expert(client, pool_coordinator, orgs, profiles, site, actors):
    client.force_login(pool_coordinator)
    response = client.post(reverse("experts:expert_add"), {
        "user": actors["expert"].pk, "pool": "flex", "profiles": [profiles["Jongere"].pk], "sites": [site.pk],
        "available": "on", "max_families": 2})
    assert response.status_code == 302, response.content.decode()
    expert = actors["expert"].expert
    assert expert.pool == "flex" and list(expert.profiles.all()) == [profiles["Jongere"]]
    edit = reverse("experts:expert_edit", args=[expert.pk])
    assert client.post(edit, {"pool": "core", "profiles": [profiles["LVB"].pk], "sites": [site.pk],
                              "max_families": 4, "version": expert.version}).status_code == 302
    expert.refresh_from_db()
    assert expert.pool == "core" and not expert.available and expert.max_families == 4
    stale = client.post(edit, {"pool": "flex", "profiles": [profiles["LVB"].pk], "sites": [site.pk],
                               "max_families": 4, "version": 1})
    assert stale.status_code == 200 and "Iemand anders" in stale.content.decode()
    assert client.post(edit, {"pool": "core", "profiles": [], "sites": [site.pk], "max_families": 4,
                              "version": expert.version}).status_code == 200


def test_profiles_are_kept_by_the_region(client, pool_coordinator, actors, region):
    client.force_login(actors["coordinator"])
    assert client.post(reverse("experts:profile_add"), {"name": "Grootouder"}).status_code == 302
    again = client.post(reverse("experts:profile_add"), {"name": "grootouder"})
    assert "staat al op de lijst" in again.content.decode()
    client.force_login(actors["consulent"])
    assert client.post(reverse("experts:profile_add"), {"name": "Iets"}).status_code == 403
    assert list(region.expert_profiles.values_list("name", flat=True)) == ["Grootouder"]


def test_the_expert_shares_a_lesson_through_the_page(client, expert, actors, site):
    client.force_login(actors["expert"])
    response = client.post(reverse("experts:lesson_add"), {"site": site.pk, "kind": "good_practice",
                                                           "aspect": "content", "text": "Samen koffie drinken."})
    assert response.status_code == 302
    from tandem.programme.models import Lesson
    assert Lesson.objects.get().kind == "good_practice"


def test_the_pool_coordinator_starts_on_the_pool_and_every_pool_page_is_logged(client, pool_coordinator, expert):
    from tandem.audit.models import AuditEvent

    client.force_login(pool_coordinator)
    assert client.get("/")["Location"] == reverse("experts:pool")
    client.get(reverse("experts:pool"))
    client.get(reverse("experts:reports"))
    assert set(AuditEvent.objects.filter(actor_id=pool_coordinator.pk).values_list("action", flat=True)) >= {
        "expert_pool_view", "expert_reports_view"}
