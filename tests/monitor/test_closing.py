"""Who sees which monitor, and closing a quarter: submit, approve (locks the figures), reopen with a reason."""
import datetime as dt

import pytest

from tandem.audit.models import AuditEvent
from tandem.cases.services import MemberData, household_register
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.monitor import services
from tandem.monitor.models import QuarterClosure, QuarterEvent
from tandem.monitor.queries import compute_monitor
from tandem.monitor.selectors import monitor_scopes_for

pytestmark = pytest.mark.django_db


def _scopes(user):
    return [(scope.kind, scope.code) for scope in monitor_scopes_for(user)]


def test_coordinator_sees_the_region_and_its_sites(actors):
    assert _scopes(actors["coordinator"]) == [("regio", "GV"), ("toekomsttuin", "HLV"), ("toekomsttuin", "HZN")]


def test_consultant_sees_own_site_and_the_region_totals(actors):
    assert _scopes(actors["consulent"]) == [("regio", "GV"), ("toekomsttuin", "HLV")]
    assert _scopes(actors["other_site"]) == [("regio", "GV"), ("toekomsttuin", "HZN")]


def test_partner_sees_the_region_of_its_organisation_only(actors):
    assert _scopes(actors["partner"]) == [("regio", "GV")]
    assert _scopes(actors["outsider"]) == []  # a GI without a region


def test_expert_by_experience_sees_no_monitor(actors):
    assert _scopes(actors["expert"]) == []


def _register(actor, site, on):
    return household_register(actor=actor, site=site, registered_on=on, measure_considered=False,
                               members=[MemberData(given_names="Sanne", family_name="Bakker",
                                                   birth_date=dt.date(1990, 3, 3))])


def _approved(actors, site):
    services.quarter_submit(actor=actors["consulent"], site=site, quarter="2025-Q1")
    return services.quarter_approve(actor=actors["coordinator"], site=site, quarter="2025-Q1")


def test_submit_approve_reopen_are_kept_and_logged(actors, site, family):
    closure = _approved(actors, site)
    assert closure.status == "approved" and closure.snapshot["A"] == 1
    closure = services.quarter_reopen(actor=actors["coordinator"], site=site, quarter="2025-Q1",
                                      reason="Late aanmelding nog verwerken")
    assert closure.status == "open" and closure.snapshot is None
    actions = list(QuarterEvent.objects.values_list("action", flat=True))
    assert actions == ["submit", "approve", "reopen"]
    assert QuarterEvent.objects.get(action="reopen").reason == "Late aanmelding nog verwerken"
    assert QuarterEvent.objects.get(action="approve").snapshot["A"] == 1
    logged = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"quarter_submit", "quarter_approve", "quarter_reopen"} <= logged


def test_reopen_needs_a_reason(actors, site, family):
    _approved(actors, site)
    with pytest.raises(RuleViolation) as error:
        services.quarter_reopen(actor=actors["coordinator"], site=site, quarter="2025-Q1", reason="  ")
    assert error.value.code == "reason_missing" and "waarom" in error.value.message
    assert QuarterClosure.objects.get().status == "approved"


def test_only_a_coordinator_of_the_region_approves_or_reopens(actors, site, family):
    services.quarter_submit(actor=actors["consulent"], site=site, quarter="2025-Q1")
    for who in ("consulent", "partner", "other_site"):
        with pytest.raises(NotPermitted):
            services.quarter_approve(actor=actors[who], site=site, quarter="2025-Q1")
    with pytest.raises(NotPermitted):
        services.quarter_reopen(actor=actors["consulent"], site=site, quarter="2025-Q1", reason="x")
    assert QuarterClosure.objects.get().status == "submitted"


def test_submit_by_other_site_or_partner_is_refused(actors, site):
    for who in ("other_site", "partner", "expert"):
        with pytest.raises(NotPermitted):
            services.quarter_submit(actor=actors[who], site=site, quarter="2025-Q1")


def test_approve_needs_a_submitted_quarter(actors, site):
    with pytest.raises(RuleViolation) as error:
        services.quarter_approve(actor=actors["coordinator"], site=site, quarter="2025-Q1")
    assert error.value.code == "quarter_not_submitted"
    services.quarter_submit(actor=actors["consulent"], site=site, quarter="2025-Q1")
    with pytest.raises(RuleViolation):
        services.quarter_submit(actor=actors["consulent"], site=site, quarter="2025-Q1")


def test_experiences_of_an_approved_quarter_are_refused(actors, site, family):
    _approved(actors, site)
    with pytest.raises(RuleViolation) as error:
        services.experience_record(actor=actors["consulent"], site=site, quarter="2025-Q1", question="G",
                                   text="Te laat")
    assert error.value.code == "quarter_locked"
    services.experience_record(actor=actors["consulent"], site=site, quarter="2025-Q2", question="G", text="Q2")


def test_locked_figures_stay_after_a_late_registration(actors, site, family):
    _approved(actors, site)
    _register(actors["consulent"], site, dt.date(2025, 2, 1))
    assert compute_monitor(site=site, quarter="2025-Q1")["A"] == 2
    assert QuarterClosure.objects.get().snapshot["A"] == 1


def test_experiences_form_service_is_all_or_nothing(actors, site):
    with pytest.raises(RuleViolation):
        services.experiences_record(actor=actors["consulent"], site=site, quarter="2025-Q1",
                                    texts={"G": "Goed"}, answer=True, reasons=[])
    assert not site.experiences.exists()
    with pytest.raises(RuleViolation) as error:
        services.experiences_record(actor=actors["consulent"], site=site, quarter="2025-Q1", texts={"G": " "})
    assert error.value.code == "nothing_entered"


def test_region_figures_lock_when_every_site_is_approved_and_unlock_on_reopen(actors, site, other_site, family):
    from tandem.monitor.models import RegionSnapshot

    _approved(actors, site)
    assert not RegionSnapshot.objects.exists()  # Huizen is still open: the region is not final yet
    services.quarter_submit(actor=actors["other_site"], site=other_site, quarter="2025-Q1")
    services.quarter_approve(actor=actors["coordinator"], site=other_site, quarter="2025-Q1")
    locked = RegionSnapshot.objects.get(region=site.region, quarter="2025-Q1").snapshot
    assert locked["A"] == 1
    _register(actors["consulent"], site, dt.date(2025, 2, 1))  # a late registration about that quarter
    assert compute_monitor(region=site.region, quarter="2025-Q1")["A"] == 2
    assert RegionSnapshot.objects.get().snapshot["A"] == 1
    services.quarter_reopen(actor=actors["coordinator"], site=other_site, quarter="2025-Q1", reason="Correctie")
    assert not RegionSnapshot.objects.exists()


def test_region_page_shows_locked_figures_and_the_difference(client, actors, site, other_site, family):
    for s, actor in ((site, actors["consulent"]), (other_site, actors["other_site"])):
        services.quarter_submit(actor=actor, site=s, quarter="2025-Q1")
        services.quarter_approve(actor=actors["coordinator"], site=s, quarter="2025-Q1")
    _register(actors["consulent"], site, dt.date(2025, 2, 1))
    client.force_login(actors["coordinator"])
    response = client.get("/monitor/regio/GV/2025-Q1/")
    assert response.status_code == 200
    page = response.context
    assert page["report"]["A"] == 1
    assert any(d for d in page["differences"]), "the late registration shows as a difference"
