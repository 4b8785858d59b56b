"""The closing page (workspace: it composes the dossier with the safety plan): what still runs, the end evaluation,
the exit triage and a confirmation; the reasons asked when protection still runs; reopening."""
import datetime as dt

from django.urls import reverse

from tandem.cases import services
from tandem.cases.models import Trajectory

D = dt.date


def _close_url(family):
    return reverse("workspace:trajectory_close", args=[family.pk])


def _post(family, **extra):
    family.refresh_from_db()
    return {"expected_version": family.version, "closed_on": "2025-06-01", "end_evaluation": "Het is veiliger.",
            "exit_participants": "Anna en het gezin", "confirmed": "on", **extra}


def test_the_page_shows_what_still_runs(client, actors, family, child, orgs, plan_version):
    services.measure_record(actor=None, trajectory=family, type="ots", on=D(2025, 2, 1), subject=child)
    services.involvement_start(actor=None, trajectory=family, organisation=orgs["gi"], form="red",
                               start=D(2025, 2, 2))
    client.force_login(actors["consulent"])
    text = client.get(_close_url(family)).content.decode()
    assert "(Voorlopige) ondertoezichtstelling, zonder einddatum" in text
    assert "De Jeugd- en Gezinsbeschermers, rood" in text
    assert "1 afspraak uit het veiligheidsplan is nog niet nagekomen" in text
    assert "Schrijf dan hieronder waarom" in text


def test_closing_needs_the_confirmation(client, actors, family):
    client.force_login(actors["consulent"])
    response = client.post(_close_url(family), _post(family, confirmed=""))
    assert response.status_code == 200 and Trajectory.objects.get().closed_on is None


def test_closing_with_a_running_measure_asks_why_and_then_closes(client, actors, family, child):
    services.measure_record(actor=None, trajectory=family, type="ots", on=D(2025, 2, 1), subject=child)
    client.force_login(actors["consulent"])
    html = client.post(_close_url(family), _post(family)).content.decode()
    assert "er nog een maatregel loopt" in html and Trajectory.objects.get().closed_on is None
    response = client.post(_close_url(family), _post(family, reason="De GI gaat door; wij zijn niet meer nodig."))
    assert response.status_code == 302
    closed = Trajectory.objects.get()
    assert closed.closed_on == D(2025, 6, 1) and closed.triage_decisions.get().kind == "exit"


def test_reopening_within_the_period(client, actors, family, region):
    today = dt.date.today()
    services.trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=today,
                              end_evaluation="Rust", exit_participants="Anna")
    family.refresh_from_db()
    client.force_login(actors["consulent"])
    household = client.get(reverse("cases:household", args=[family.household_id])).content.decode()
    assert reverse("cases:trajectory_reopen", args=[family.pk]) in household
    url = reverse("cases:trajectory_reopen", args=[family.pk])
    response = client.post(url, {"expected_version": family.version, "reason": "Per ongeluk afgesloten."})
    assert response.status_code == 302
    reopened = Trajectory.objects.get()
    assert reopened.closed_on is None and reopened.reopenings.get().closed_on == today
    assert reopened.lead_periods.get(end__isnull=True).professional == actors["consulent"]


def test_reopening_after_the_period_is_refused(actors, family, region):
    import pytest

    from tandem.core.exceptions import RuleViolation
    region.reopen_days = 30
    region.save()
    services.trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1),
                              end_evaluation="Rust", exit_participants="Anna")
    with pytest.raises(RuleViolation) as info:
        services.trajectory_reopen(actor=actors["consulent"], trajectory=family, reason="Toch nog nodig")
    assert info.value.code == "reopen_too_late" and "Meld het gezin opnieuw aan" in info.value.message
