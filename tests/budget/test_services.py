"""The budget's services: who may change it, the edit of one year, concurrent edits, the access log; and the hours
partners registered in Tandem per organisation and year."""
import datetime as dt
from decimal import Decimal

import pytest

from tandem.audit.models import AuditEvent
from tandem.budget import services
from tandem.budget.models import Budget, BudgetLine
from tandem.budget.rules import BudgetError, LineValue
from tandem.budget.selectors import budget_report, budget_version, partner_hours
from tandem.cases import services as cases
from tandem.core.exceptions import NotPermitted, RuleViolation

pytestmark = pytest.mark.django_db
E = Decimal


def lines(year, *rows):
    return [LineValue(year, kind, name, E(str(amount)), None if spent is None else E(str(spent)))
            for kind, name, amount, spent in rows]


def test_the_project_lead_and_the_coordinator_edit_a_year(region, lead, actors):
    services.budget_year_save(actor=lead, region=region, year=2025, expected_version=0,
                              lines=lines(2025, ("cost", "Projectleider", 108000, None),
                                          ("income", "DUVO (POK-middelen)", 254000, 127000)))
    services.budget_year_save(actor=actors["coordinator"], region=region, year=2025, expected_version=1,
                              lines=lines(2025, ("cost", "Projectleider", 100000, 50000)))
    assert budget_report(region)["years"] == [{
        "year": 2025, "costs": {"Projectleider": "100000.00"}, "income": {}, "total_costs": "100000.00",
        "carried_in": "0.00", "income_lines": "0.00", "total_income": "0.00", "balance": "-100000.00"}]
    events = AuditEvent.objects.filter(action="budget_year_save").order_by("id")
    assert [e.actor_id for e in events] == [lead.pk, actors["coordinator"].pk]
    assert events[1].detail == {"region": "GV", "year": 2025, "lines": 1, "changed": 3}


@pytest.mark.parametrize("who", ["policy", "consulent", "partner", "expert", "far_coordinator"])
def test_nobody_else_changes_the_budget(who, region, actors, policy, far_coordinator):
    actor = {"policy": policy, "far_coordinator": far_coordinator}.get(who) or actors[who]
    with pytest.raises(NotPermitted):
        services.budget_year_save(actor=actor, region=region, year=2025,
                                  lines=lines(2025, ("cost", "Projectleider", 1, None)))
    with pytest.raises(NotPermitted):
        services.budget_import(actor=actor, region=region, filename="b.csv", data=b"year,kind,line,amount\n")
    assert not BudgetLine.objects.exists() and not AuditEvent.objects.filter(action__startswith="budget").exists()


def test_a_concurrent_edit_is_refused_not_overwritten(region, lead, actors):
    services.budget_year_save(actor=lead, region=region, year=2025, expected_version=0,
                              lines=lines(2025, ("cost", "Projectleider", 108000, None)))
    with pytest.raises(RuleViolation) as refused:  # the coordinator opened the page before the lead saved
        services.budget_year_save(actor=actors["coordinator"], region=region, year=2025, expected_version=0,
                                  lines=lines(2025, ("cost", "Projectleider", 1, None)))
    assert refused.value.code == "stale_edit" and "Iemand anders" in refused.value.message
    assert BudgetLine.objects.get().amount == E("108000")
    assert budget_version(region) == 1


def test_an_import_from_the_web_with_an_old_version_is_refused(region, lead):
    services.budget_import(actor=lead, region=region, filename="b.csv", expected_version=0,
                           data=b"year,kind,line,amount\n2025,cost,A,1\n")
    with pytest.raises(RuleViolation, match="Iemand anders"):
        services.budget_import(actor=lead, region=region, filename="b.csv", expected_version=0,
                               data=b"year,kind,line,amount\n2025,cost,A,2\n")
    assert BudgetLine.objects.get().amount == E("1")


def test_a_year_edit_checks_every_line(region, lead):
    with pytest.raises(BudgetError, match="twee keer"):
        services.budget_year_save(actor=lead, region=region, year=2025,
                                  lines=lines(2025, ("cost", "Scholing", 1, None), ("cost", "Scholing", 2, None)))
    with pytest.raises(BudgetError, match="horen bij 2025"):
        services.budget_year_save(actor=lead, region=region, year=2025,
                                  lines=lines(2024, ("cost", "Scholing", 1, None)))
    with pytest.raises(BudgetError, match="negatief"):
        services.budget_year_save(actor=lead, region=region, year=2025,
                                  lines=lines(2025, ("cost", "Scholing", -1, None)))
    assert not BudgetLine.objects.exists()


def test_an_emptied_year_between_others_is_still_reported(region, lead):
    services.budget_replace(actor=lead, region=region, lines=lines(2023, ("income", "DUVO", 10, None))
                            + lines(2024, ("cost", "A", 4, None)) + lines(2025, ("cost", "B", 1, None)))
    services.budget_year_save(actor=lead, region=region, year=2024, lines=[])
    years = budget_report(region)["years"]
    assert [y["year"] for y in years] == [2023, 2024, 2025]
    assert years[1]["costs"] == {} and years[1]["balance"] == "10.00" and years[2]["balance"] == "9.00"


def test_the_import_is_logged_without_content(region, lead):
    services.budget_import(actor=lead, region=region, filename="begroting-2025.csv",
                           data=b"year,kind,line,amount\n2025,cost,Projectleider,1\n2025,total,Totaal,2\n")
    event = AuditEvent.objects.get(action="budget_import")
    assert event.actor_id == lead.pk and event.object_type == "Budget"
    assert event.detail == {"region": "GV", "source": "begroting-2025.csv", "years": [2025], "lines": 1,
                            "warnings": 1}
    assert Budget.objects.get(region=region).updated_by == lead


def test_partner_hours_per_organisation_and_year(region, site, family, actors, orgs):
    earlier = cases.household_register(actor=actors["consulent"], site=site, registered_on=dt.date(2024, 11, 1),
                                       measure_considered=False,
                                       members=[cases.MemberData(given_names="Els", family_name="Kramer", minor=False)])
    consult = cases.involvement_start(actor=None, trajectory=earlier, organisation=orgs["vt"], form="consult",
                                      start=dt.date(2024, 12, 1))
    for on, hours in ((dt.date(2024, 12, 2), "1.5"), (dt.date(2025, 1, 20), "2")):
        cases.time_register(actor=None, involvement=consult, on=on, hours=E(hours))
    again = cases.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form="consult",
                                    start=dt.date(2025, 2, 1))
    cases.time_register(actor=None, involvement=again, on=dt.date(2025, 2, 3), hours=E("0.25"))
    other = cases.involvement_start(actor=None, trajectory=family, organisation=orgs["gi"], form="consult",
                                    start=dt.date(2025, 2, 1))
    cases.time_register(actor=None, involvement=other, on=dt.date(2025, 2, 2), hours=E("3"))
    hours = partner_hours(region)
    assert hours.years == [2024, 2025]
    assert hours.rows == [("De Jeugd- en Gezinsbeschermers", {2025: E("3")}),
                          ("Veilig Thuis Gooi en Vechtstreek", {2024: E("1.5"), 2025: E("2.25")})]
    assert hours.totals == {2024: E("1.5"), 2025: E("5.25")}


def test_partner_hours_of_another_region_are_not_counted(region, family, orgs, far_region):
    consult = cases.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form="consult",
                                      start=dt.date(2025, 1, 15))
    cases.time_register(actor=None, involvement=consult, on=dt.date(2025, 1, 16), hours=E("2"))
    assert partner_hours(far_region).rows == [] and partner_hours(region).totals == {2025: E("2")}
