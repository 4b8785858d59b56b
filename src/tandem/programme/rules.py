"""The learning programme's rules, as pure functions: no queries; they take values and return or raise
`RuleViolation(code, Dutch message)`.

Sources: seed `000_…` ("Monitoren en evalueren", "Borging", Bijlage 1 Mijlpalen, the targets < 12 and > 35
families), seed `001_…` (the progress report), seed `002_…` (process steps with a status), and
`spec/progress.md` (the figures: new = the monitor's A, followed = active − A, a region the sum of its sites).
"""
import datetime as dt
import re
from collections.abc import Iterable

from tandem.core.exceptions import RuleViolation
from tandem.monitor.rules import MonitorError, Quarter, parse_quarter, quarter_of

KINDS = ("lesson", "good_practice", "bottleneck")
ASPECTS = ("content", "process")
STATUSES = ("proposed", "running", "realised", "dropped")
MILESTONE_STATUSES = ("done", "running", "planned")
COMPARISONS = ("fewer_than", "at_most", "at_least", "more_than")
TEXT_LENGTH = 4000
THEME_LENGTH = 60
MAX_THEMES = 8
# Who takes part in the practice group's evaluation (seed 000, "Programmastructuur": professionals of the
# organisations involved and experts by experience of Samenkracht!; the coordinators lead it).
PARTICIPANT_ROLES = {
    "consulent": "Consulenten lokaal team",
    "gedragswetenschapper": "Gedragswetenschappers",
    "veilig_thuis": "Veilig Thuis",
    "rvdk": "Raad voor de Kinderbescherming",
    "gi": "Gecertificeerde instellingen",
    "ervaringsdeskundige": "Ervaringsdeskundigen",
    "coordinator": "Coördinatoren toekomsttuinen",
    "projectgroep": "Projectgroep of projectleider",
    "anders": "Anderen",
}
# Allowed status changes of an improvement proposal (house style: one explicit table).
TRANSITIONS = {
    ("proposed", "running"), ("proposed", "realised"), ("proposed", "dropped"),
    ("running", "realised"), ("running", "dropped"), ("running", "proposed"),
    ("realised", "running"), ("dropped", "proposed"),
}


def check_quarter(label: str, *, field: str = "quarter") -> str:
    """`2025-Q3`: the monitor's notation of a quarter."""
    try:
        return parse_quarter(label).label
    except MonitorError as error:
        raise RuleViolation("quarter_unknown", str(error), field=field) from error


def check_text(text: str, *, field: str, what: str, required: bool = True) -> str:
    text = (text or "").strip()
    if required and not text:
        raise RuleViolation(f"{field}_missing", f"Vul {what} in.", field=field)
    if len(text) > TEXT_LENGTH:
        raise RuleViolation(f"{field}_too_long", f"{what[0].upper()}{what[1:]} is langer dan {TEXT_LENGTH} tekens. "
                                                 "Maak de tekst korter.", field=field)
    return text


def check_choice(value: str, allowed: Iterable[str], *, field: str, what: str) -> str:
    if value not in allowed:
        raise RuleViolation(f"{field}_unknown", f"Kies {what}.", field=field)
    return value


def parse_themes(text: str | Iterable[str]) -> list[str]:
    """Themes as typed, separated by commas: trimmed, without repeats, at most `MAX_THEMES` of `THEME_LENGTH`."""
    parts = text.split(",") if isinstance(text, str) else list(text)
    themes = []
    for part in parts:
        theme = " ".join(str(part).split())
        if theme and theme.casefold() not in {t.casefold() for t in themes}:
            themes.append(theme)
    if len(themes) > MAX_THEMES:
        raise RuleViolation("themes_too_many", f"Kies hoogstens {MAX_THEMES} thema's.", field="themes")
    if any(len(theme) > THEME_LENGTH for theme in themes):
        raise RuleViolation("theme_too_long", f"Een thema is hoogstens {THEME_LENGTH} tekens.", field="themes")
    return themes


def check_not_future(day: dt.date | None, today: dt.date, *, field: str, what: str) -> None:
    if day is not None and day > today:
        raise RuleViolation(f"{field}_future", f"{what} ligt in de toekomst. Vul een datum van vandaag of eerder in.",
                            field=field)


def check_improvement(status: str, realised_on: dt.date | None, today: dt.date) -> None:
    """A realised proposal has the date it was realised, not in the future; another status has none."""
    check_choice(status, STATUSES, field="status", what="een status")
    if status == "realised" and realised_on is None:
        raise RuleViolation("realised_on_missing", "Vul in wanneer het voorstel is gerealiseerd.", field="realised_on")
    if status != "realised" and realised_on is not None:
        raise RuleViolation("realised_on_without_status", "Een datum van realisatie hoort alleen bij de status "
                                                          "'Gerealiseerd'.", field="realised_on")
    check_not_future(realised_on, today, field="realised_on", what="De datum van realisatie")


def check_transition(old: str, new: str) -> None:
    if old != new and (old, new) not in TRANSITIONS:
        labels = dict(zip(STATUSES, ("voorgesteld", "loopt", "gerealiseerd", "vervallen")))
        raise RuleViolation("status_transition", f"Een voorstel gaat niet van '{labels[old]}' naar '{labels[new]}'.",
                            field="status")


def check_participants(participants: dict[str, int]) -> dict[str, int]:
    """Counts per role; at least one person took part (seed 000: the regional practice group evaluates)."""
    cleaned = {}
    for role, number in participants.items():
        check_choice(role, PARTICIPANT_ROLES, field="participants", what="een bekende rol")
        if number is None:
            continue
        if int(number) < 0 or int(number) > 500:
            raise RuleViolation("participants_invalid", "Vul per rol een aantal tussen 0 en 500 in.",
                                field="participants")
        if int(number):
            cleaned[role] = int(number)
    if not cleaned:
        raise RuleViolation("participants_missing", "Vul in wie er meededen: ten minste één deelnemer.",
                            field="participants")
    return cleaned


def check_discussed_quarters(quarters: Iterable[str], held_on: dt.date) -> list[str]:
    """The monitor quarters discussed: known quarters, not after the quarter of the meeting, in order."""
    labels = sorted({check_quarter(q, field="quarters") for q in quarters if str(q).strip()})
    if not labels:
        raise RuleViolation("quarters_missing", "Kies ten minste één kwartaal van de monitor dat is besproken.",
                            field="quarters")
    latest = quarter_of(held_on)
    for label in labels:
        quarter = parse_quarter(label)
        if (quarter.year, quarter.number) > (latest.year, latest.number):
            raise RuleViolation("quarter_after_meeting", f"Kwartaal {label} was nog niet begonnen op de datum van de "
                                                         "evaluatie.", field="quarters")
    return labels


def action_lines(text: str) -> list[str]:
    """The actions of an evaluation, one per line (a leading dash or bullet is dropped)."""
    lines = [re.sub(r"^\s*[-*•✓v]\s+", "", line).strip() for line in (text or "").splitlines()]
    return [line for line in lines if line]


def check_milestone(year: int, status: str, starts_on: dt.date | None, ends_on: dt.date | None) -> None:
    if not 2000 <= year <= 2100:
        raise RuleViolation("year_out_of_range", "Vul een jaar tussen 2000 en 2100 in.", field="year")
    check_choice(status, MILESTONE_STATUSES, field="status", what="gereed, lopend of gepland")
    if starts_on and ends_on and ends_on < starts_on:
        raise RuleViolation("ends_before_start", "De einddatum ligt voor de begindatum.", field="ends_on")


def check_target(year: int, comparison: str, families: int) -> None:
    if not 2000 <= year <= 2100:
        raise RuleViolation("year_out_of_range", "Vul een jaar tussen 2000 en 2100 in.", field="year")
    check_choice(comparison, COMPARISONS, field="comparison", what="minder dan, hoogstens, minstens of meer dan")
    if families < 0 or (comparison == "fewer_than" and families == 0):
        raise RuleViolation("families_invalid", "Vul een aantal gezinnen in dat kan worden gehaald.", field="families")


def target_met(comparison: str, families: int, registered: int) -> bool:
    """Whether the number registered meets the target (seed 000: '< 12 gezinnen', '> 35 gezinnen')."""
    return {"fewer_than": registered < families, "at_most": registered <= families,
            "at_least": registered >= families, "more_than": registered > families}[comparison]


def paragraphs(text: str) -> list[str]:
    """A free section as the list of its paragraphs (separated by an empty line), in the order written."""
    return [" ".join(part.split()) for part in re.split(r"\n\s*\n", text or "") if part.strip()]


def new_and_followed(registered: int, active: int) -> dict[str, int]:
    """`spec/progress.md`: new = households registered in the quarter (the monitor's A); followed = households
    active in the quarter that were not registered in it (active − A)."""
    return {"new": registered, "followed": active - registered}


def total(rows: Iterable[dict]) -> dict[str, int]:
    """A region's figures are the sums over its sites (`spec/progress.md`)."""
    rows = list(rows)
    return {"new": sum(r["new"] for r in rows), "followed": sum(r["followed"] for r in rows)}


def quarters_of_year(year: int) -> list[Quarter]:
    return [Quarter(year, number) for number in range(1, 5)]


class StaleChange(RuleViolation):
    """Someone else changed this after the person opened it: refuse, never overwrite (as `StaleEdit` for
    dossiers; `process` shows it on the form)."""

    def __init__(self):
        super().__init__("stale_edit", "Iemand anders heeft dit intussen gewijzigd. Uw wijziging is niet opgeslagen. "
                                       "Open de pagina opnieuw, bekijk de wijziging en voer uw wijziging dan nog "
                                       "een keer in.")
