"""The research export for the national evaluation, made on the region's side: one row per trajectory and
quarter, nothing that names a family.

- Pseudonymous keyed ids: HMAC-SHA-256 of the trajectory's and the household's id with the region's research key
  (TANDEM_RESEARCH_KEY, else derived from SECRET_KEY). The key never leaves the region, so only the region can
  link a row back; the same trajectory keeps the same id across quarters and exports.
- Dates to the month; ages as bands (of the household's youngest member at the quarter's end, network persons
  left out); the site reduced to the region; forms, intensity per form (licht/middel/zwaar, `monitor.rules`),
  measures started in the quarter. No free text at all.
- Then the disclosure check (`rules.suppress`): every combination of region, quarter, age band and form with
  fewer than k households (TANDEM_RESEARCH_K, default 5) is left out, and the report says which.
"""
import csv
import datetime as dt
import hashlib
import hmac
import io
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import Q
from django.utils.crypto import salted_hmac

from tandem.audit.services import audit_record
from tandem.cases.models import Form, Involvement, Measure, Member, TimeEntry, Trajectory
from tandem.core.exceptions import RuleViolation
from tandem.monitor import rules as monitor_rules
from tandem.national import rules
from tandem.organisations.models import Region

FORMS = [value for value, _ in Form.choices]
COLUMNS = ["trajectory", "household", "region", "quarter", "registered_month", "closed_month", "closed_in_quarter",
           "age_band", "form", "forms", *[f"intensity_{form}" for form in FORMS], "measure_considered", "measures"]


def research_key() -> bytes:
    configured = getattr(settings, "TANDEM_RESEARCH_KEY", "")
    if configured:
        return configured.encode("utf-8")
    return salted_hmac("tandem.national.research-key", "research", algorithm="sha256").digest()


def pseudonym(key: bytes, kind: str, value) -> str:
    return hmac.new(key, f"{kind}:{value}".encode(), hashlib.sha256).hexdigest()[:24]


@dataclass
class ResearchExport:
    rows: list[dict]
    suppressed: list[dict]
    k: int
    before: int = 0
    quarters: list[str] = field(default_factory=list)

    def csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
        writer.writeheader()
        writer.writerows(self.rows)
        return buffer.getvalue()

    def report(self) -> dict:
        return {"k": self.k, "quarters": self.quarters, "rows_before": self.before, "rows_after": len(self.rows),
                "suppressed": [{**combination, "reason": f"minder dan {self.k} huishoudens"}
                               for combination in self.suppressed]}


def _overlap_days(episodes, quarter) -> int:
    days = set()
    for start, end in episodes:
        first, last = max(start, quarter.start), min(end or quarter.end, quarter.end)
        days.update(first + dt.timedelta(n) for n in range((last - first).days + 1))
    return len(days)


def _forms(trajectory_ids, quarter) -> dict:
    """{trajectory id: {form: intensity class or ''}} for the episodes overlapping the quarter."""
    episodes = defaultdict(lambda: defaultdict(list))
    ids = {}
    for pk, trajectory, form, start, end in (
            Involvement.objects.filter(trajectory_id__in=trajectory_ids, start__lte=quarter.end)
            .filter(Q(end__isnull=True) | Q(end__gte=quarter.start))
            .values_list("id", "trajectory_id", "form", "start", "end")):
        episodes[trajectory][form].append((start, end))
        ids[pk] = (trajectory, form)
    hours = defaultdict(int)
    for involvement, amount in TimeEntry.objects.filter(involvement_id__in=list(ids), on__range=(quarter.start,
                                                                                               quarter.end)) \
            .values_list("involvement_id", "hours"):
        hours[ids[involvement]] += amount
    return {trajectory: {form: (monitor_rules.intensity_of(hours[(trajectory, form)], _overlap_days(spans, quarter))
                                if hours.get((trajectory, form)) else "")
                         for form, spans in by_form.items()}
            for trajectory, by_form in episodes.items()}


def _youngest(household_ids) -> dict:
    youngest = {}
    for household, born in Member.objects.filter(household_id__in=household_ids, is_network=False,
                                                 birth_date__isnull=False).values_list("household_id", "birth_date"):
        if household not in youngest or born > youngest[household]:
            youngest[household] = born
    return youngest


def _measures(trajectory_ids, quarter) -> dict:
    found = defaultdict(set)
    for trajectory, kind in Measure.objects.filter(trajectory_id__in=trajectory_ids,
                                                   on__range=(quarter.start, quarter.end)).values_list("trajectory_id",
                                                                                                       "type"):
        found[trajectory].add(kind)
    return found


def quarter_rows(region: Region, quarter, key: bytes) -> list[dict]:
    trajectories = list(Trajectory.objects.filter(site__region=region, registered_on__lte=quarter.end)
                        .filter(Q(closed_on__isnull=True) | Q(closed_on__gte=quarter.start))
                        .values_list("id", "household_id", "registered_on", "closed_on", "measure_considered")
                        .order_by("registered_on", "id"))
    ids = [row[0] for row in trajectories]
    forms, measures = _forms(ids, quarter), _measures(ids, quarter)
    youngest = _youngest({row[1] for row in trajectories})
    rows = []
    for pk, household, registered_on, closed_on, considered in trajectories:
        by_form = forms.get(pk, {})
        rows.append({
            "trajectory": pseudonym(key, "trajectory", pk), "household": pseudonym(key, "household", household),
            "region": region.code, "quarter": quarter.label,
            "registered_month": rules.month(registered_on), "closed_month": rules.month(closed_on),
            "closed_in_quarter": "ja" if closed_on and closed_on <= quarter.end else "nee",
            "age_band": rules.age_band(youngest.get(household), quarter.end),
            "form": rules.main_form(by_form), "forms": "+".join(sorted(by_form)),
            **{f"intensity_{form}": by_form.get(form, "") for form in FORMS},
            "measure_considered": "ja" if considered else "nee", "measures": "+".join(sorted(measures.get(pk, ()))),
        })
    return rows


def research_export(*, region: str, quarters: list[str], k: int | None = None, actor=None) -> ResearchExport:
    """The rows of the region's trajectories in the given quarters, after the disclosure check."""
    found = Region.objects.filter(code=str(region).strip()).first()
    if found is None:
        raise RuleViolation("region_unknown", f"Onbekende regio '{region}'. Controleer de code.")
    try:
        parsed = sorted({monitor_rules.parse_quarter(text) for text in quarters}, key=lambda q: q.label)
    except monitor_rules.MonitorError as error:
        raise RuleViolation("quarter_unknown", str(error)) from error
    if not parsed:
        raise RuleViolation("quarter_missing", "Noem ten minste één kwartaal, bijvoorbeeld --quarter 2025-Q1.")
    k = settings.TANDEM_RESEARCH_K if k is None else k
    key = research_key()
    rows = [row for quarter in parsed for row in quarter_rows(found, quarter, key)]
    kept, suppressed = rules.suppress(rows, k)
    audit_record(actor=actor, action="national_research_export", obj=found, purpose="landelijke evaluatie",
                 detail={"region": found.code, "quarters": [q.label for q in parsed], "rows": len(kept),
                         "suppressed": len(suppressed)})
    return ResearchExport(rows=kept, suppressed=suppressed, k=k, before=len(rows), quarters=[q.label for q in parsed])
