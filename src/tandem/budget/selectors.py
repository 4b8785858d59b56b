"""Reads of the budget. Who may open it is decided once, for the whole programme, in
`tandem.programme.selectors` (the project lead and the coordinators of the region edit; policy reads).

The hours partners registered in Tandem are read here as one aggregate per organisation and year: a sum over
time entries, never a dossier, a household or a person.
"""
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models import Sum
from django.db.models.functions import ExtractYear

from tandem.budget import rules
from tandem.budget.models import Budget, BudgetLine
from tandem.cases.models import TimeEntry
from tandem.experts.selectors import contact_hours_by_organisation
from tandem.organisations.models import Region
from tandem.programme.selectors import RegionAccess, may_edit, programme_access, region_access

__all__ = ["RegionAccess", "may_edit", "programme_access", "region_access", "budget_lines", "budget_years",
           "budget_report", "budget_version", "stated_totals", "partner_hours", "lines_of_year"]


def budget_of(region: Region) -> Budget | None:
    return Budget.objects.filter(region=region).first()


def budget_version(region: Region) -> int:
    """The version a form carries: 0 while the region has no budget yet."""
    budget = budget_of(region)
    return budget.version if budget else 0


def _values(lines) -> list[rules.LineValue]:
    return [rules.LineValue(line.year, line.kind, line.name, line.amount, line.spent) for line in lines]


def budget_lines(region: Region) -> list[rules.LineValue]:
    return _values(BudgetLine.objects.filter(budget__region=region).order_by("year", "position", "id"))


def lines_of_year(region: Region, year: int) -> list[rules.LineValue]:
    return [line for line in budget_lines(region) if line.year == year]


def budget_years(region: Region) -> list[rules.YearFigures]:
    return rules.compute_years(budget_lines(region))


def budget_report(region: Region) -> dict:
    """The JSON report of `spec/budget.md`."""
    return rules.report_dict(region.code, budget_years(region))


def stated_totals(region: Region) -> dict[int, Decimal]:
    budget = budget_of(region)
    return dict(budget.stated_totals.values_list("year", "amount")) if budget else {}


@dataclass
class HoursTable:
    """Hours partners registered in Tandem: one row per organisation, one column per year."""

    years: list[int] = field(default_factory=list)
    rows: list[tuple[str, dict[int, Decimal]]] = field(default_factory=list)
    totals: dict[int, Decimal] = field(default_factory=dict)


def partner_hours(region: Region) -> HoursTable:
    """Per organisation and year, the hours registered on involvements at the region's sites (`TimeEntry` through
    `Involvement.organisation`): a read-only aggregate beside the budget's hour lines."""
    found = (TimeEntry.objects.filter(site__region=region).order_by()
             .values_list("involvement__organisation__name", ExtractYear("on")).annotate(total=Sum("hours")))
    per_organisation, totals = defaultdict(dict), defaultdict(Decimal)
    for organisation, year, hours in found:
        per_organisation[organisation][year] = hours
        totals[year] += hours
    # Experts by experience count contacts with a duration instead of registering hours (tandem.experts): their
    # organisation's row is those durations, the network of experts that the budget pays for (seed 002).
    for organisation, year, hours in contact_hours_by_organisation(region):
        row = per_organisation[f"{organisation} (contacten ervaringsdeskundigen)"]
        row[year] = row.get(year, 0) + hours
        totals[year] += hours
    years = sorted(totals)
    return HoursTable(years=years, rows=sorted(per_organisation.items()), totals=dict(totals))
