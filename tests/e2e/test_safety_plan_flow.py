"""A network meeting producing a plan version, in a real browser; axe-core (WCAG 2.1 A/AA) on every page."""
import datetime as dt
import re

import pytest
from django.utils import timezone
from browser import log_in, submit, visit

from tandem.safetyplan.models import NetworkMeeting, PlanVersion

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]


def fill_plan(page, day):
    page.get_by_role("radio", name="Directe veiligheid").check()
    page.fill("#id_plan-evaluation_on", day)
    page.fill("#id_plan-monitored_by", "Oma Truus en Anna")
    page.fill("#id_plan-s1_family", "Als papa boos wordt, schreeuwt hij tegen mama")
    page.fill("#id_plan-s1_c1", "Daan is niet in de kamer bij ruzie")
    page.fill("#id_plan-s1_a1_who", "Papa")
    page.fill("#id_plan-s1_a1_what", "Gaat naar buiten als hij boos wordt")
    page.fill("#id_plan-s1_a1_due", day)
    page.fill("#id_plan-sc1_participant", "Fatima")
    page.select_option("#id_plan-sc1_kind", "family")
    page.fill("#id_plan-sc1_score", "7")
    page.fill("#id_plan-sc2_participant", "Anna")
    page.select_option("#id_plan-sc2_kind", "professional")
    page.fill("#id_plan-sc2_score", "3")


def test_network_meeting_produces_a_plan_version(page, live_server, axe, actors, family, password):
    today = timezone.localdate()
    log_in(page, live_server, axe, "anna", password)
    page.get_by_role("link", name=re.compile("Amrani")).first.click()
    page.wait_for_load_state()
    axe.check(page)
    visit(page, axe, "Netwerkberaad vastleggen")
    page.fill("#id_held_on", today.isoformat())
    page.get_by_label("Aanwezig uit het netwerk").fill("Oma Truus")
    page.get_by_role("radio", name="Ja").first.check()
    page.get_by_label("Ervaringsdeskundige", exact=True).select_option(str(actors["expert"].pk))
    page.get_by_label("Besluiten").fill("We maken samen het eerste veiligheidsplan.")
    page.get_by_label(re.compile("leidde tot een nieuwe versie")).check()
    fill_plan(page, (today + dt.timedelta(days=30)).isoformat())
    submit(page, axe, "Overleg opslaan")
    meeting = NetworkMeeting.objects.get()
    version = PlanVersion.objects.get()
    assert version.agreed_in == meeting and version.dated_on == today
    assert "Versie 1 van het plan" in page.content()

    visit(page, axe, "Versie 1 van het plan")
    html = page.content()
    assert "Als papa boos wordt" in html and "Verschil: 4" in html
    visit(page, axe, "vastleggen of het gezin tekende")
    page.get_by_role("radio", name="Ja").check()
    page.fill("#id_signed_off_on", today.isoformat())
    submit(page, axe, "Opslaan")
    version.refresh_from_db()
    assert version.signed_off_on == today
    visit(page, axe, "Verklarende analyse")
    assert len(axe.checked) >= 8
