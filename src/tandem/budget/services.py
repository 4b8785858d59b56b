"""Every change of a region's budget: an import (all or nothing, replacing each year the file contains) and the
edit of one year's lines on the web page. Keyword-only, one transaction each, checked by `tandem.budget.rules`,
only for the project lead and the coordinators of the region (`actor=None`: the system, i.e. `tandem budget
import` and the demo loader), and written to the access log.

The region's `Budget` row is locked for every change; a web form carries the version it showed and is refused
when someone else changed the budget meanwhile (`StaleChange`), never overwritten.
"""
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from tandem.audit.services import audit_record
from tandem.budget import rules
from tandem.budget.importer import parse_budget
from tandem.budget.models import Budget, BudgetLine, StatedTotal
from tandem.core.exceptions import NotPermitted
from tandem.organisations.models import Region
from tandem.programme.rules import StaleChange
from tandem.programme.selectors import may_edit

PURPOSE = "begroting"


@dataclass
class BudgetChange:
    years: list[int]
    lines: int
    warnings: list[str]


def _require_edit(actor, region: Region) -> None:
    if not may_edit(actor, region):
        raise NotPermitted("Alleen de projectleider en de coördinatoren van de regio wijzigen de begroting.")


def _locked_budget(region: Region, expected_version: int | None) -> Budget:
    Budget.objects.get_or_create(region=region)
    budget = Budget.objects.select_for_update().get(region=region)
    if expected_version is not None and expected_version != budget.version:
        raise StaleChange()
    return budget


def _checked(lines: list[rules.LineValue]) -> list[rules.LineValue]:
    """Each line by the rules of `spec/budget.md` (also when it did not come from a file), then no repeats."""
    checked = []
    for value in lines:
        if value.kind not in rules.KINDS:
            raise rules.BudgetError("kind_unknown", "Kies kosten of inkomsten.")
        checked.append(rules.LineValue(
            rules.check_year(value.year), value.kind, rules.check_name(value.name),
            rules.check_amount(value.amount),
            None if value.spent is None else rules.check_amount(value.spent, what="Het bestede bedrag")))
    rules.check_no_duplicates(checked)
    return checked


def _replace_years(budget: Budget, years: list[int], lines: list[rules.LineValue]) -> None:
    budget.lines.filter(year__in=years).delete()
    positions = {}
    for value in lines:
        positions[value.year] = positions.get(value.year, -1) + 1
        BudgetLine.objects.create(budget=budget, year=value.year, kind=value.kind, name=value.name,
                                  amount=value.amount, spent=value.spent, position=positions[value.year])


def _bump(budget: Budget, actor) -> None:
    budget.version += 1
    budget.updated_by = actor
    budget.save()


@transaction.atomic
def budget_replace(*, actor, region: Region, lines: list[rules.LineValue], stated: dict[int, Decimal] | None = None,
                   expected_version: int | None = None, source: str = "import") -> BudgetChange:
    """Replace the region's budget for every year in `lines` and `stated`, all or nothing (`spec/budget.md`,
    "Import"). A stated total that differs from its year's cost lines is returned as a warning, not refused."""
    _require_edit(actor, region)
    lines, stated = _checked(lines), {rules.check_year(y): rules.check_amount(a) for y, a in (stated or {}).items()}
    budget = _locked_budget(region, expected_version)
    years = sorted({value.year for value in lines} | set(stated))
    _replace_years(budget, years, lines)
    budget.stated_totals.filter(year__in=years).delete()
    StatedTotal.objects.bulk_create([StatedTotal(budget=budget, year=y, amount=a) for y, a in stated.items()])
    _bump(budget, actor)
    warnings = rules.stated_total_warnings(stated, rules.compute_years(lines))
    audit_record(actor=actor, action="budget_import", obj=budget, purpose=PURPOSE,
                 detail={"region": region.code, "source": source, "years": years, "lines": len(lines),
                         "warnings": len(warnings)})
    return BudgetChange(years=years, lines=len(lines), warnings=warnings)


@transaction.atomic
def budget_import(*, actor, region: Region, filename: str, data: bytes,
                  expected_version: int | None = None) -> BudgetChange:
    """A CSV or XLSX file (`tandem.budget.importer`): every problem by row and column, or every year replaced."""
    _require_edit(actor, region)
    parsed = parse_budget(filename, data)
    return budget_replace(actor=actor, region=region, lines=parsed.lines, stated=parsed.stated,
                          expected_version=expected_version, source=filename[-80:])


@transaction.atomic
def budget_year_save(*, actor, region: Region, year: int, lines: list[rules.LineValue],
                     expected_version: int | None = None) -> BudgetChange:
    """The lines of one year as edited on the web page: the year gets exactly these lines (none: the year is
    empty, and still reported while it lies between the first and the last year with lines)."""
    _require_edit(actor, region)
    year = rules.check_year(year)
    if any(value.year != year for value in lines):
        raise rules.BudgetError("line_other_year", f"Alle regels op deze pagina horen bij {year}.")
    lines = _checked(lines)
    budget = _locked_budget(region, expected_version)
    before = set(budget.lines.filter(year=year).values_list("kind", "name", "amount", "spent"))
    _replace_years(budget, [year], lines)
    _bump(budget, actor)
    after = {(v.kind, v.name, v.amount, v.spent) for v in lines}
    audit_record(actor=actor, action="budget_year_save", obj=budget, purpose=PURPOSE,
                 detail={"region": region.code, "year": year, "lines": len(lines),
                         "changed": len(before ^ after)})
    return BudgetChange(years=[year], lines=len(lines), warnings=[])
