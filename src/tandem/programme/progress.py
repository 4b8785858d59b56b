"""The quarterly progress report of a region to its steering groups (`spec/progress.md`, seed `001_…`).

The figures come from the monitor (only read here): per site `new` = A and `followed` = active − A; the region is
the sum of its sites. A site whose quarter a coordinator approved is shown with the figures locked then (as the
monitor page does); the others are computed now. The texts are gathered: the quarter's lessons, the improvements
realised in it, and the two free sections the project lead writes.
"""
from dataclasses import dataclass, field

from tandem.monitor.models import ClosureStatus, QuarterClosure
from tandem.monitor.queries import compute_monitor_many
from tandem.monitor.rules import Quarter, parse_quarter
from tandem.organisations.models import Region
from tandem.programme import rules
from tandem.programme.selectors import improvements_realised_in, lessons_of, progress_texts


@dataclass
class ProgressReportData:
    """What the web page, the DOCX and the PDF show; `as_json()` is the object of `spec/progress.md`."""

    region: Region
    quarter: Quarter
    sites: list[dict]
    total: dict
    lessons: list = field(default_factory=list)
    improvements: list = field(default_factory=list)
    regional: list[str] = field(default_factory=list)
    national: list[str] = field(default_factory=list)
    texts: object = None  # the ProgressReport row with the free texts, if written

    @property
    def final(self) -> bool:
        return bool(self.sites) and all(site["final"] for site in self.sites)

    def as_json(self) -> dict:
        return {
            "region": self.region.code, "quarter": self.quarter.label,
            "sites": [{key: site[key] for key in ("site", "name", "new", "followed")} for site in self.sites],
            "total": self.total,
            "sections": {"lessons": [lesson.text for lesson in self.lessons],
                         "improvements": [improvement.title for improvement in self.improvements],
                         "regional": self.regional, "national": self.national},
        }


def site_figures(region: Region, quarter: Quarter) -> list[dict]:
    """new and followed per site of the region, ordered by code, from the monitor (approved: locked figures)."""
    sites = list(region.sites.order_by("code"))
    locked = dict(QuarterClosure.objects.filter(site__in=sites, quarter=quarter.label, status=ClosureStatus.APPROVED)
                  .values_list("site_id", "snapshot"))
    live = compute_monitor_many(sites=[s for s in sites if s.pk not in locked], quarter=quarter.label)
    rows = []
    for site in sites:
        monitor = locked.get(site.pk) or live[site.pk]
        rows.append({"site": site.code, "name": site.name, "final": site.pk in locked,
                     **rules.new_and_followed(monitor["A"], monitor["active"])})
    return rows


def progress_report(region: Region, quarter: str) -> ProgressReportData:
    period = parse_quarter(quarter)
    sites = site_figures(region, period)
    texts = progress_texts(region, period.label)
    return ProgressReportData(
        region=region, quarter=period, sites=sites, total=rules.total(sites),
        lessons=list(lessons_of(region, quarter=period.label).order_by("id")),
        improvements=list(improvements_realised_in(region, period.start, period.end)),
        regional=rules.paragraphs(texts.regional) if texts else [],
        national=rules.paragraphs(texts.national) if texts else [],
        texts=texts)


def registered_per_year(region: Region, years: list[int]) -> dict[int, int]:
    """Households registered in each year: the sum of the monitor's A over its quarters (a household that
    registered again in a later quarter of the year counts again, as in the quarterly figures)."""
    sites = list(region.sites.all())
    found = {}
    for year in years:
        found[year] = sum(report["A"] for quarter in rules.quarters_of_year(year)
                          for report in compute_monitor_many(sites=sites, quarter=quarter.label).values())
    return found
