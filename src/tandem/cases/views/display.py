"""How dossier data is shown: anonymised members, intensity, regime colour and stage. Pure functions."""
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from tandem.cases.models import ExpertScope, Form, TriageKind, TriageOutcome
from tandem.core.dates import age_on
from tandem.core.dates import dutch_date

# Heaviest first; 'anders' is not a regime colour but still more than nothing.
REGIME_ORDER = [Form.RED, Form.ORANGE, Form.GREEN, Form.CONSULT, Form.OTHER]
REGIME_LABELS = {Form.RED: "Rood", Form.ORANGE: "Oranje", Form.GREEN: "Groen", Form.CONSULT: "Advies",
                 Form.OTHER: "Anders", None: "Geen"}


@dataclass(frozen=True)
class Regime:
    key: str  # css modifier: red, orange, green, consult, other, none
    label: str


def regime(forms: list[str]) -> Regime:
    """The heaviest current form of involvement: rood > oranje > groen > advies > (anders) > geen."""
    for form in REGIME_ORDER:
        if form in forms:
            return Regime(str(form), REGIME_LABELS[form])
    return Regime("none", REGIME_LABELS[None])


def is_current(start: dt.date, end: dt.date | None, today: dt.date) -> bool:
    return start <= today and (end is None or end >= today)


def stage(trajectory, triage_decisions) -> str:
    """Aangemeld until the access triage admits the household, then Lopend, and Afgesloten once closed."""
    if trajectory.closed_on is not None:
        return "Afgesloten"
    admitted = any(d.kind == TriageKind.ACCESS and d.outcome == TriageOutcome.ADMITTED for d in triage_decisions)
    return "Lopend" if admitted else "Aangemeld"


@dataclass(frozen=True)
class Intensity:
    label: str  # licht, middel, zwaar
    hours: Decimal
    weeks: Decimal
    per_week: Decimal


def intensity(hours: Decimal, start: dt.date, end: dt.date | None, today: dt.date) -> Intensity:
    """Average hours a week over the episode up to today or its end (at least one week).

    licht: under 1 hour a week; middel: 1 to under 4; zwaar: 4 or more (domain §4).
    """
    last = min(end, today) if end else today
    weeks = max(Decimal((last - start).days + 1) / Decimal(7), Decimal(1))
    per_week = (Decimal(hours) / weeks).quantize(Decimal("0.01"))
    label = "licht" if per_week < 1 else "middel" if per_week < 4 else "zwaar"
    return Intensity(label, Decimal(hours), weeks.quantize(Decimal("0.1")), per_week)


def age_group(birth_date: dt.date | None, minor: bool | None, today: dt.date) -> str:
    if birth_date is not None:
        years = age_on(birth_date, today)
        return f"{'kind' if years < 18 else 'volwassene'}, {years} jaar"
    if minor is None:
        return "leeftijd onbekend"
    return "kind" if minor else "volwassene"


def member_label(member, number: int, identifying: bool, today: dt.date) -> str:
    """'Fatima el Amrani' with identifying access; otherwise 'Gezinslid 1 (kind, 9 jaar)'."""
    if identifying:
        return member.full_name
    if member.is_network:
        relation = f", {member.relation}" if member.relation else ""
        return f"Netwerkpersoon {number}{relation}"
    return f"Gezinslid {number} ({age_group(member.birth_date, member.minor, today)})"


def member_labels(members, identifying: bool, today: dt.date) -> dict:
    """A label per member id; members and network persons are numbered separately, in page order."""
    labels, counters = {}, {False: 0, True: 0}
    for member in members:
        counters[member.is_network] += 1
        labels[member.pk] = member_label(member, counters[member.is_network], identifying, today)
    return labels


def masked_bsn(bsn: str) -> str:
    """Never the whole BSN on screen: only its last three digits."""
    return f"eindigt op {bsn[-3:]}" if bsn else "niet bekend"


def fmt_date(day: dt.date | None, empty: str = "") -> str:
    return dutch_date(day, empty)


# What an expert by experience sees (issue "Tandem 5"; seed 000 "Registratie van en-en-regie"): the team, the
# agreements that concern them and the meetings they join; more only as far as the family's consent says.
EXPERT_SECTIONS = {ExpertScope.BASIC: {"team", "expert_contacts", "my_agreements", "my_meetings"}}
EXPERT_SECTIONS[ExpertScope.PLAN] = EXPERT_SECTIONS[ExpertScope.BASIC] | {"plan"}
EXPERT_SECTIONS[ExpertScope.PLAN_JOURNAL] = EXPERT_SECTIONS[ExpertScope.PLAN] | {"journal_facts"}
ALL_SECTIONS = {"team", "expert_contacts", "plan", "journal", "triage", "involvements", "consents", "legal",
                "analysis", "meetings"}


def sections_for(access) -> set[str]:
    return EXPERT_SECTIONS[access.expert_scope or ExpertScope.BASIC] if access.is_expert else ALL_SECTIONS
