"""'Mijn gezinnen': every family this person may open, one row each, with search, filters, sorting and paging.

One row per household: its current trajectory (the open one this person may see, else the newest). Rows are built
for all visible families in a fixed number of queries (whatever their number: `tandem bench-families` measures
it, docs/performance.md), then searched, filtered, sorted and cut into pages in Python.

Privacy: names, the line that tells families apart and a BSN match only for rows this person may see by name
(`cases.selectors.identifying_ids`); an anonymous row stays "Anoniem gezin 1a2b3c4d" and is never found by a name
or BSN. The search text never goes into a URL (the form posts; the criteria live in the session).
"""
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q

from tandem.cases.models import (
    Involvement,
    LeadPeriod,
    Member,
    Trajectory,
    TriageDecision,
    TriageKind,
    TriageOutcome,
    surname_of,
)
from tandem.cases.selectors import households_with_bsn, identifying_ids, trajectories_visible_to
from tandem.cases.views.display import Regime, age_group, fmt_date, regime
from tandem.workspace.selectors import ANONYMOUS

PHASES = ("Aangemeld", "Lopend", "Afgesloten")
PAGE_SIZE = 25
SORTS = {  # key in the URL -> (column label, sort key)
    "naam": ("Gezin", lambda r: (r.closed, r.name.lower())),
    "tuin": ("Toekomsttuin", lambda r: (r.site.lower(), r.name.lower())),
    "regie": ("Regiehouder", lambda r: (r.lead.lower(), r.name.lower())),
    "fase": ("Fase", lambda r: (PHASES.index(r.stage), r.name.lower())),
    "vorm": ("Zwaarste vorm nu", lambda r: (REGIME_RANK.get(r.regime.key, 9), r.name.lower())),
    "aangemeld": ("Aangemeld op", lambda r: (r.registered_on, r.name.lower())),
}
REGIME_RANK = {"red": 0, "orange": 1, "green": 2, "consult": 3, "other": 4, "none": 5}


@dataclass
class FamilyRow:
    household_id: str
    trajectory_id: str
    short_code: str
    name: str
    line: str  # tells two families with one surname apart (given names and ages), or "" when anonymous
    site: str
    site_id: int
    lead: str
    lead_id: int | None
    stage: str
    regime: Regime
    registered_on: dt.date
    identifying: bool
    refs: tuple = ()
    words: str = ""  # lower-case names, for the search (only filled for rows seen by name)
    attention: bool = False
    closed: bool = False
    member_count: int = 0


@dataclass(frozen=True)
class Criteria:
    text: str = ""
    site: str = ""
    lead: str = ""  # "" all, "ik" me, or a user id
    phase: str = ""  # "" all, "open", or one of PHASES
    regime: str = ""  # "" all, or a Regime key
    attention: bool = False

    @classmethod
    def from_session(cls, data: dict | None) -> "Criteria":
        data = data or {}
        return cls(**{k: data[k] for k in cls.__dataclass_fields__ if k in data})

    @property
    def any(self) -> bool:
        return any((self.text, self.site, self.lead, self.phase, self.regime, self.attention))


@dataclass(frozen=True)
class _Trajectory:
    id: object
    household_id: object
    registered_on: dt.date
    closed_on: dt.date | None
    ref: str
    household_ref: str
    site: str
    site_id: int
    admitted: bool


@dataclass(frozen=True)
class _Member:
    given_names: str
    prefix: str
    family_name: str
    birth_date: dt.date | None
    minor: bool | None
    is_network: bool

    surname = property(lambda self: surname_of(self.prefix, self.family_name))
    full_name = Member.full_name  # the model's own property works on these plain rows too


def _current(trajectories: list[_Trajectory]) -> _Trajectory:
    return max(trajectories, key=lambda t: (t.closed_on is None, t.registered_on))


def _trajectories(visible) -> list[_Trajectory]:
    """Plain tuples, not model instances: a thousand rows are built in milliseconds."""
    admitted = TriageDecision.objects.filter(trajectory=OuterRef("pk"), kind=TriageKind.ACCESS,
                                             outcome=TriageOutcome.ADMITTED)
    rows = (Trajectory.objects.filter(id__in=visible)
            .annotate(admitted=Exists(admitted))
            .values_list("id", "household_id", "registered_on", "closed_on", "ref", "household__ref",
                         "household__site__name", "household__site_id", "admitted"))
    return [_Trajectory(*row) for row in rows]


def _current_forms(ids, today) -> dict:
    forms = defaultdict(list)
    rows = (Involvement.objects.filter(trajectory_id__in=ids, start__lte=today)
            .filter(Q(end__isnull=True) | Q(end__gte=today)).values_list("trajectory_id", "form"))
    for trajectory_id, form in rows:
        forms[trajectory_id].append(form)
    return forms


def _leads(ids) -> dict:
    rows = (LeadPeriod.objects.filter(trajectory_id__in=ids, end__isnull=True)
            .values_list("trajectory_id", "professional_id", "professional__first_name", "professional__last_name"))
    return {t: (pid, f"{first} {last}".strip()) for t, pid, first, last in rows}


def _members(household_ids) -> dict:
    members = defaultdict(list)
    rows = (Member.objects.filter(household_id__in=household_ids)
            .order_by("is_network", "birth_date", "given_names")
            .values_list("household_id", "given_names", "prefix", "family_name", "birth_date", "minor", "is_network"))
    for household_id, *fields in rows:
        members[household_id].append(_Member(*fields))
    return members


def _names(members) -> tuple[str, str]:
    """(the surnames, the words to search)."""
    family = [m for m in members if not m.is_network]
    surnames = []
    for m in family:
        if m.surname not in surnames:
            surnames.append(m.surname)
    return " / ".join(surnames) or "zonder naam", " ".join(m.full_name for m in members).lower()


def _line(members, today) -> str:
    parts = []
    for m in (m for m in members if not m.is_network):
        first = m.given_names.split()[0] if m.given_names else "?"
        age = age_group(m.birth_date, m.minor, today)
        parts.append(f"{first} ({age.split(', ')[-1] if m.birth_date else age})")
    return ", ".join(parts)


def family_rows(user, today: dt.date, attention: set[str] = frozenset()) -> list[FamilyRow]:
    """Every family this person may open, one row each (the current trajectory)."""
    # The visible trajectories as a subquery everywhere: no list of a thousand ids goes back to the database.
    visible = trajectories_visible_to(user).values("id")
    per_household = defaultdict(list)
    for trajectory in _trajectories(visible):
        per_household[trajectory.household_id].append(trajectory)
    current = {hid: _current(ts) for hid, ts in per_household.items()}
    named = identifying_ids(user, visible, today)
    forms, leads = _current_forms(visible, today), _leads(visible)
    members = _members(Trajectory.objects.filter(id__in=visible).values("household_id"))
    rows = []
    for household_id, t in current.items():
        lead_id, lead = leads.get(t.id, (None, "Geen"))
        identifying = t.id in named
        surnames, words = _names(members[household_id])
        stage = "Afgesloten" if t.closed_on else "Lopend" if t.admitted else "Aangemeld"
        short = str(household_id)[:8]
        rows.append(FamilyRow(
            household_id=str(household_id), trajectory_id=str(t.id), short_code=short,
            name=f"Gezin {surnames}" if identifying else f"{ANONYMOUS} {short}",
            line=_line(members[household_id], today) if identifying else f"aangemeld op {fmt_date(t.registered_on)}",
            site=t.site, site_id=t.site_id, lead=lead, lead_id=lead_id, stage=stage,
            regime=regime(forms.get(t.id, [])), registered_on=t.registered_on, identifying=identifying,
            refs=tuple(r.lower() for r in (t.household_ref, t.ref, short) if r), words=words if identifying else "",
            attention=str(household_id) in attention, closed=t.closed_on is not None,
            member_count=sum(1 for m in members[household_id] if not m.is_network)))
    return rows


def _matches_text(row: FamilyRow, text: str, bsn_households: set) -> bool:
    if bsn_households:
        return row.identifying and row.household_id in bsn_households
    needle = text.lower()
    return any(needle in ref for ref in row.refs) or (row.identifying and all(
        word in row.words for word in needle.split()))


def is_bsn(text: str) -> bool:
    return len(text) == 9 and text.isascii() and text.isdigit()


def search(rows: list[FamilyRow], criteria: Criteria, user_id: int) -> list[FamilyRow]:
    """Apply the search text and the filters. A BSN matches only exactly and only rows seen by name."""
    text = criteria.text.strip()
    bsn = {str(h) for h in households_with_bsn(text).values_list("household_id", flat=True)} if is_bsn(text) else set()
    found = []
    for row in rows:
        if text and not _matches_text(row, text, bsn if is_bsn(text) else set()):
            continue
        if criteria.site and str(row.site_id) != criteria.site:
            continue
        if criteria.lead and str(row.lead_id) != (str(user_id) if criteria.lead == "ik" else criteria.lead):
            continue
        if criteria.phase == "open" and row.closed or criteria.phase in PHASES and row.stage != criteria.phase:
            continue
        if criteria.regime and row.regime.key != criteria.regime:
            continue
        if criteria.attention and not row.attention:
            continue
        found.append(row)
    return found


def sort_rows(rows: list[FamilyRow], sort: str) -> tuple[list[FamilyRow], str]:
    """`naam`, `-naam`, `fase`, ...; unknown keys sort by name (closed families last)."""
    descending = sort.startswith("-")
    key = sort.lstrip("-")
    if key not in SORTS:
        key, descending = "naam", False
    return sorted(rows, key=SORTS[key][1], reverse=descending), ("-" if descending else "") + key


def choices(rows: list[FamilyRow]) -> dict:
    """The filter choices that occur among this person's families."""
    sites = sorted({(str(r.site_id), r.site) for r in rows}, key=lambda c: c[1])
    leads = sorted({(str(r.lead_id), r.lead) for r in rows if r.lead_id}, key=lambda c: c[1])
    return {"sites": sites, "leads": leads}
