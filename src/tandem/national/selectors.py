"""Reads of the national programme and who may see them: the national programme team (role `landelijk`) of a
national installation (TANDEM_NATIONAL). Everyone else gets 404: the pages do not exist for them.

The figures are the hand-overs' monitors as received, with the CBS rule already applied by the region. They are
shown side by side as received; a trend is the difference between two *published* values of the same pilot and
figure, and no trend is shown next to or from a hidden (`geheim`) cell. No total over pilots is computed, so no
cell can be worked out from the others.
"""
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Q, QuerySet

from tandem.monitor.disclosure import SECRET
from tandem.national.models import HandedLesson, Handover, Pilot, Theme
from tandem.organisations.models import Role


def may_see_national(user) -> bool:
    return bool(settings.TANDEM_NATIONAL and user.is_authenticated and user.is_active
                and getattr(user, "role", None) == Role.LANDELIJK)


def pilots() -> QuerySet[Pilot]:
    return Pilot.objects.prefetch_related("themes", "keys").order_by("tranche", "region_name")


def themes() -> QuerySet[Theme]:
    return Theme.objects.prefetch_related("pilots").order_by("position", "id")


def current_handovers() -> QuerySet[Handover]:
    return Handover.objects.filter(superseded_by__isnull=True).select_related("pilot")


def handover_history() -> QuerySet[Handover]:
    return Handover.objects.select_related("pilot").order_by("-imported_at", "-id")


# The figures a person can choose on the figures page: (key, label, how to read it from a monitor).
FIGURES = {
    "active": ("Actieve gezinnen", lambda m: m.get("active")),
    "A": ("A: nieuw aangemeld", lambda m: m.get("A")),
    "B": ("B: afgesloten", lambda m: m.get("B")),
    "C": ("C: aangemeld zonder minderjarigen", lambda m: m.get("C")),
    "E": ("E: maatregel overwogen bij aanmelding", lambda m: m.get("E")),
    "F_measures_sum": ("F: gezinnen met een maatregel", lambda m: m.get("F_measures_sum")),
    **{f"D_{form}": (f"D: gezinnen met vorm {label}", lambda m, form=form: (m.get("D") or {}).get(form, {})
                     .get("households"))
       for form, label in (("consult", "advies/consult"), ("green", "groen"), ("orange", "oranje"),
                           ("red", "rood"))},
}


@dataclass(frozen=True)
class Cell:
    value: object  # a published number, SECRET, or None (not handed over)
    trend: int | None  # the change from the pilot's previous quarter shown, only between two published numbers

    @property
    def hidden(self) -> bool:
        return self.value == SECRET

    @property
    def trend_text(self) -> str:
        if self.trend is None:
            return ""
        return "gelijk" if self.trend == 0 else f"{self.trend:+d}"


def _published(value) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def trend(previous, current) -> int | None:
    """The change between two published values; None when either is hidden or missing."""
    if _published(previous) and _published(current):
        return current - previous
    return None


def figures_table(figure: str) -> tuple[list[str], list[tuple[Pilot, list[Cell]]]]:
    """(quarters, [(pilot, one cell per quarter)]) of one figure, for every pilot with a hand-over."""
    read = FIGURES[figure][1]
    handovers = list(current_handovers())
    quarters = sorted({handover.quarter for handover in handovers})
    by_pilot: dict[int, dict[str, object]] = {}
    pilots_seen = {}
    for handover in handovers:
        by_pilot.setdefault(handover.pilot_id, {})[handover.quarter] = read(handover.monitor)
        pilots_seen[handover.pilot_id] = handover.pilot
    rows = [(pilot, _cells(by_pilot[pilot.pk], quarters))
            for pilot in sorted(pilots_seen.values(), key=lambda p: (p.tranche, p.region_name))]
    return quarters, rows


def _cells(values: dict[str, object], quarters: list[str]) -> list[Cell]:
    """One cell per quarter; the trend runs from the last quarter handed over before it."""
    cells, previous = [], None
    for quarter in quarters:
        value = values.get(quarter)
        cells.append(Cell(value=value, trend=trend(previous, value) if quarter in values else None))
        if quarter in values:
            previous = value
    return cells


def pilot_figures(pilot: Pilot) -> tuple[list[str], list[tuple[str, list[Cell]]]]:
    """(quarters, [(figure label, one cell per quarter)]) of one pilot: every figure, its quarters side by side."""
    handovers = {handover.quarter: handover.monitor for handover in current_handovers().filter(pilot=pilot)}
    quarters = sorted(handovers)
    return quarters, [(label, _cells({q: read(m) for q, m in handovers.items()}, quarters))
                      for label, read in FIGURES.values()]


def lessons(*, theme: str = "", pilot: str = "", text: str = "", kind: str = "") -> QuerySet[HandedLesson]:
    """The library: lessons and improvements of the current hand-overs, by theme (a general theme of the pilot or a
    theme the region gave the lesson), pilot, kind and words in the text."""
    found = (HandedLesson.objects.filter(handover__superseded_by__isnull=True)
             .select_related("handover__pilot").order_by("-handover__quarter", "handover__pilot__region_name", "id"))
    if pilot:
        found = found.filter(handover__pilot__code=pilot)
    if kind:
        found = found.filter(kind=kind)
    if text:
        for word in text.split()[:8]:
            found = found.filter(Q(text__icontains=word) | Q(title__icontains=word))
    if theme:
        found = _with_theme(found, theme)
    return found


def _with_theme(found: QuerySet[HandedLesson], theme: str) -> QuerySet[HandedLesson]:
    """A general theme (by code) matches its name among the lesson's own themes or in its text; any other value
    matches a lesson theme as the region typed it (case-insensitive, in Python: JSON lists differ per database)."""
    general = Theme.objects.filter(code=theme).first()
    needles = {theme.casefold()} if general is None else {general.name.casefold(), general.code.casefold()}
    ids = [lesson.pk for lesson in found
           if any(needle in own.casefold() or own.casefold() in needle for own in lesson.themes for needle in needles)]
    return found.filter(pk__in=ids)


def lesson_themes() -> list[str]:
    """Every theme the regions gave their lessons, for the search form."""
    seen = {}
    for themes_of in HandedLesson.objects.filter(handover__superseded_by__isnull=True).values_list("themes", flat=True):
        for theme in themes_of or []:
            seen.setdefault(theme.casefold(), theme)
    return sorted(seen.values(), key=str.casefold)
