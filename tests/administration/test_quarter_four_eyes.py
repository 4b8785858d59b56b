"""The quarter with four eyes (issue "Tandem 7"): whoever submits cannot approve; a quarter is submitted only
after its last day; who fills in and who approves follow the site's settings; approval shows the figures and asks
to confirm; a due quarter is on the work list of those who must act."""
import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.monitor import rules, services
from tandem.monitor.models import QuarterClosure
from tandem.organisations.models import User
from tandem.workspace.selectors import last_finished_quarter, work_list

Q = "2025-Q1"


def test_the_one_who_submitted_cannot_approve(actors, site):
    site.monitor_filler = "coordinator"
    site.save()
    services.quarter_submit(actor=actors["coordinator"], site=site, quarter=Q)
    with pytest.raises(RuleViolation) as error:
        services.quarter_approve(actor=actors["coordinator"], site=site, quarter=Q)
    assert error.value.code == "same_person"
    assert QuarterClosure.objects.get().status == "submitted"
    second = User.objects.create_user(username="flip", organisation=actors["coordinator"].organisation,
                                      role="coordinator")
    assert services.quarter_approve(actor=second, site=site, quarter=Q).status == "approved"


def test_the_running_quarter_cannot_be_submitted(actors, site):
    running = rules.quarter_of(timezone.localdate()).label
    with pytest.raises(RuleViolation) as error:
        services.quarter_submit(actor=actors["consulent"], site=site, quarter=running)
    assert error.value.code == "quarter_running" and "vanaf de dag daarna" in error.value.message
    assert not QuarterClosure.objects.filter(status="submitted").exists()


def test_submit_after_end_is_a_pure_rule():
    end = dt.date(2025, 3, 31)
    with pytest.raises(RuleViolation):
        rules.check_submit_after_end(end, end)
    rules.check_submit_after_end(end, end + dt.timedelta(days=1))


def test_who_fills_in_and_approves_follow_the_site(actors, site, orgs):
    leader = User.objects.create_user(username="tom", organisation=orgs["local"], role="teamleider")
    lead = User.objects.create_user(username="hans", organisation=orgs["coord"], role="projectleider")
    site.monitor_filler, site.monitor_approver = "teamleider", "projectleider"
    site.save()
    with pytest.raises(NotPermitted) as error:
        services.quarter_submit(actor=actors["consulent"], site=site, quarter=Q)
    assert "teamleider" in error.value.message
    services.quarter_submit(actor=leader, site=site, quarter=Q)
    with pytest.raises(NotPermitted):
        services.quarter_approve(actor=actors["coordinator"], site=site, quarter=Q)
    services.quarter_approve(actor=lead, site=site, quarter=Q)
    closure = QuarterClosure.objects.get()
    assert (closure.submitted_by, closure.approved_by, closure.status) == (leader, lead, "approved")
    services.quarter_reopen(actor=actors["coordinator"], site=site, quarter=Q, reason="Correctie")  # still allowed


def test_approval_shows_the_figures_and_asks_to_confirm(client, actors, site, family):
    services.quarter_submit(actor=actors["consulent"], site=site, quarter=Q)
    client.force_login(actors["coordinator"])
    url = reverse("monitor:approve", args=[site.code, Q])
    page = client.get(url).content.decode()
    assert "Huishoudens (A, B, C en E)" in page and "Ik heb de cijfers" in page
    client.post(url, {})  # not confirmed
    assert QuarterClosure.objects.get().status == "submitted"
    client.post(url, {"confirm": "ja"})
    assert QuarterClosure.objects.get().status == "approved"
    client.force_login(actors["consulent"])
    assert client.get(url).status_code == 403


def test_a_due_quarter_is_on_the_work_list_of_who_must_act(actors, site, orgs):
    lead = User.objects.create_user(username="hans", organisation=orgs["coord"], role="projectleider")
    site.monitor_filler = "projectleider"
    site.save()
    today = timezone.localdate()
    quarter = last_finished_quarter(today)

    def quarters(user):
        return [i.what for i in work_list(user, today) if i.kind == "quarter" and site.name in i.what]

    assert any("indienen" in w for w in quarters(lead)) and not quarters(actors["consulent"])
    services.quarter_submit(actor=lead, site=site, quarter=quarter.label)
    assert any("goedkeuren" in w for w in quarters(actors["coordinator"]))
    assert not quarters(lead)
