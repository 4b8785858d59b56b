"""What the programme's pages show, gathered for the views (reads only)."""
from collections import defaultdict

from django.utils import timezone

from tandem.monitor.rules import Quarter, quarter_of, quarters_from
from tandem.organisations.models import Region
from tandem.programme import rules
from tandem.programme.models import ImprovementStatus, MilestoneStatus
from tandem.programme.progress import registered_per_year
from tandem.programme.selectors import (
    evaluations_of,
    improvements_of,
    lessons_of,
    milestones_of,
    targets_of,
)


def current_quarter() -> Quarter:
    return quarter_of(timezone.localdate())


def report_quarters(region: Region) -> list[Quarter]:
    """The quarters a progress report can be made for: from the programme start up to now, newest first."""
    return list(reversed(quarters_from(quarter_of(region.programme_start), current_quarter())))


def neighbours(region: Region, quarter: Quarter) -> dict:
    quarters = report_quarters(region)
    labels = [q.label for q in quarters]
    index = labels.index(quarter.label) if quarter.label in labels else None
    if index is None:
        return {"previous": None, "next": None}
    return {"previous": quarters[index + 1] if index + 1 < len(quarters) else None,
            "next": quarters[index - 1] if index > 0 else None}


def target_rows(region: Region) -> list[dict]:
    """Each target against what was registered that year (the monitor's A summed over the year's quarters)."""
    targets = list(targets_of(region))
    registered = registered_per_year(region, [t.year for t in targets])
    return [{"target": t, "registered": registered[t.year],
             "met": rules.target_met(t.comparison, t.families, registered[t.year]),
             "running": t.year >= timezone.localdate().year}
            for t in targets]


def plan_page(region: Region) -> dict:
    by_year = defaultdict(list)
    for milestone in milestones_of(region):
        by_year[milestone.year].append(milestone)
    this_year = timezone.localdate().year
    rows = target_rows(region)
    target_years = {row["target"].year for row in rows}
    return {"years": sorted(by_year.items()), "targets": rows,
            "new_target_years": [y for y in (this_year, this_year + 1) if y not in target_years]}


def region_overview(region: Region) -> dict:
    quarter = current_quarter()
    improvements = improvements_of(region)
    open_statuses = (ImprovementStatus.PROPOSED, ImprovementStatus.RUNNING)
    milestones = milestones_of(region).filter(year=timezone.localdate().year)
    return {
        "quarter": quarter,
        "previous_quarter": neighbours(region, quarter)["previous"],
        "lessons_this_quarter": lessons_of(region, quarter=quarter.label).count(),
        "lessons_total": lessons_of(region).count(),
        "improvements_open": improvements.filter(status__in=open_statuses).count(),
        "improvements_realised": improvements.filter(status=ImprovementStatus.REALISED).count(),
        "last_evaluation": evaluations_of(region).first(),
        "milestones": {status.label: milestones.filter(status=status).count() for status in MilestoneStatus},
        "targets": target_rows(region),
    }
