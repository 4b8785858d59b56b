"""The tandem picture: who rode in front (regie, 'voorop') and who sat on the back ('achterop'), on one timeline,
and in which form of involvement (advies, groen, oranje, rood, anders) each back rider's organisation took part.

Pure: plain data in, geometry and an equivalent table out; no queries, no HTML. The template writes every rider's
full name, organisation and forms as text (never clipped, never colour alone) and draws each lane's bars in a
small SVG track on a 0–1000 scale that stretches to the width of the page; the table says the same (WCAG 1.1.1).
"""
import datetime as dt
from dataclasses import dataclass, field
from tandem.core.dates import dutch_date

# The track's own coordinates: the names are HTML text above each track, so the plot takes the whole width.
WIDTH = 1000
LABEL_WIDTH = 0
RIGHT_MARGIN = 0
AXIS_HEIGHT = 0
LANE_HEIGHT = 24
BAR_HEIGHT = 20
HEADING_HEIGHT = 0
NO_FORM = ("none", "Geen vorm vastgelegd")
MAX_TICKS = 8
MONTHS = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]


@dataclass(frozen=True)
class Period:
    """One dated period of one person: a lead period or a team membership. `end=None`: still going."""

    person: str
    organisation: str
    start: dt.date
    end: dt.date | None = None


@dataclass(frozen=True)
class Episode:
    """One organisation's involvement in one form (monitor question D); `end=None`: still going."""

    organisation: str
    form: str  # consult, green, orange, red, other
    label: str  # "Groen (met toestemming)"
    start: dt.date
    end: dt.date | None = None


@dataclass(frozen=True)
class Bar:
    x: float
    width: float
    person: str
    start: dt.date
    end: dt.date | None
    shade: int  # 0 or 1: neighbouring lead periods alternate so a switch is visible
    form: str = ""  # a back rider's form of involvement in this piece ("none" when none is recorded)
    form_label: str = ""

    @property
    def text_x(self) -> float:
        return round(self.x + 4, 1)

    @property
    def show_text(self) -> bool:
        """Write the name inside the bar only when it fits (the table always has it)."""
        return self.width >= 7 * len(self.person) + 8


@dataclass
class Lane:
    place: str  # "voorop" or "achterop"
    label: str
    y: float
    bars: list[Bar] = field(default_factory=list)

    @property
    def bar_y(self) -> float:
        return self.y + (LANE_HEIGHT - BAR_HEIGHT) / 2

    @property
    def text_y(self) -> float:
        return self.y + LANE_HEIGHT / 2 + 5

    @property
    def short_label(self) -> str:
        return self.label if len(self.label) <= 34 else self.label[:33] + "…"


@dataclass(frozen=True)
class Tick:
    x: float
    label: str


@dataclass(frozen=True)
class Row:
    place: str
    person: str
    organisation: str
    start: dt.date
    end: dt.date | None
    form_label: str = ""


@dataclass
class Picture:
    first: dt.date
    last: dt.date
    width: int
    height: float
    lanes: list[Lane]
    ticks: list[Tick]
    rows: list[Row]
    description: str
    back_heading_y: float | None
    legend: list[tuple[str, str]] = field(default_factory=list)  # (form, label) of the forms drawn
    plot_left: int = LABEL_WIDTH
    plot_right: int = WIDTH - RIGHT_MARGIN
    bar_height: int = BAR_HEIGHT
    axis_text_y: int = AXIS_HEIGHT - 10

    @property
    def back_heading_text_y(self) -> float:
        return (self.back_heading_y or 0) + 16

    @property
    def axis_bottom(self) -> float:
        return self.height - 4


def _fmt(day: dt.date) -> str:
    return dutch_date(day)


class Scale:
    """Maps days onto x; a day is a slot, so a one-day period still has width."""

    def __init__(self, first: dt.date, last: dt.date):
        self.first = first
        self.days = (last - first).days + 1
        self.plot_width = WIDTH - LABEL_WIDTH - RIGHT_MARGIN

    def x(self, day: dt.date) -> float:
        return round(LABEL_WIDTH + (day - self.first).days / self.days * self.plot_width, 1)

    def bar(self, start: dt.date, end: dt.date) -> tuple[float, float]:
        left, right = self.x(start), self.x(end + dt.timedelta(days=1))
        return left, max(round(right - left, 1), 2.0)


def clip(period: Period, first: dt.date, last: dt.date) -> tuple[dt.date, dt.date] | None:
    """The part of a period inside [first, last], or None when it lies outside."""
    start, end = max(period.start, first), min(period.end or last, last)
    return (start, end) if start <= end else None


def subtract(start: dt.date, end: dt.date, holes: list[tuple[dt.date, dt.date]]) -> list[tuple[dt.date, dt.date]]:
    """[start, end] minus the given closed intervals: the days on the back, not leading."""
    pieces = [(start, end)]
    for hole_start, hole_end in holes:
        next_pieces = []
        for a, b in pieces:
            if hole_end < a or hole_start > b:
                next_pieces.append((a, b))
                continue
            if a < hole_start:
                next_pieces.append((a, hole_start - dt.timedelta(days=1)))
            if hole_end < b:
                next_pieces.append((hole_end + dt.timedelta(days=1), b))
        pieces = next_pieces
    return pieces


def ticks(first: dt.date, last: dt.date, scale: Scale) -> list[Tick]:
    """Month starts on the axis, thinned to at most MAX_TICKS; the first day when no month starts inside."""
    days = []
    day = dt.date(first.year, first.month, 1)
    while day <= last:
        if day >= first:
            days.append(day)
        day = dt.date(day.year + day.month // 12, day.month % 12 + 1, 1)
    if not days:
        days = [first]
    step = -(-len(days) // MAX_TICKS)
    return [Tick(scale.x(d), f"{MONTHS[d.month - 1]} {d.year}") for d in days[::step]]


def _front_lane(leads: list[Period], first, last, scale) -> tuple[Lane, list[Row]]:
    lane, rows = Lane("voorop", "Voorop: regie", AXIS_HEIGHT), []
    for index, period in enumerate(sorted(leads, key=lambda p: p.start)):
        part = clip(period, first, last)
        if part is None:
            continue
        x, width = scale.bar(*part)
        lane.bars.append(Bar(x, width, period.person, period.start, period.end, index % 2))
        rows.append(Row("voorop", period.person, period.organisation, period.start, period.end))
    return lane, rows


def _lead_days(leads: list[Period], person: str, first, last) -> list[tuple[dt.date, dt.date]]:
    return [part for p in leads if p.person == person if (part := clip(p, first, last)) is not None]


def by_form(start: dt.date, end: dt.date, episodes: list[Episode], last: dt.date) -> list[tuple]:
    """[start, end] cut where the organisation's form of involvement changes: (start, end, form, label) pieces in
    date order; days without an episode get NO_FORM."""
    pieces, covered = [], []
    for episode in sorted(episodes, key=lambda e: e.start):
        a, b = max(start, episode.start), min(end, episode.end or last)
        if a <= b:
            pieces.append((a, b, episode.form, episode.label))
            covered.append((a, b))
    pieces += [(a, b, *NO_FORM) for a, b in subtract(start, end, covered)]
    return sorted(pieces)


def _back_lanes(team, leads, first, last, scale, top, episodes=()) -> tuple[list[Lane], list[Row]]:
    lanes: dict[tuple[str, str], Lane] = {}
    rows = []
    for period in sorted(team, key=lambda p: (p.start, p.person)):
        part = clip(period, first, last)
        if part is None:
            continue
        own = [e for e in episodes if e.organisation == period.organisation]
        for piece_start, piece_end in subtract(*part, _lead_days(leads, period.person, first, last)):
            # No episodes at all: the forms are not shown to this person (or none exist), so none are drawn.
            for start, end, form, label in by_form(piece_start, piece_end, own, last) if episodes else [
                    (piece_start, piece_end, "", "")]:
                key = (period.person, period.organisation)
                lane = lanes.setdefault(key, Lane("achterop", f"{period.person} ({period.organisation})",
                                                  top + len(lanes) * LANE_HEIGHT))
                x, width = scale.bar(start, end)
                open_end = None if period.end is None and end == last else end
                lane.bars.append(Bar(x, width, period.person, start, open_end, 0, form, label))
                rows.append(Row("achterop", period.person, period.organisation, start, open_end, label))
    return list(lanes.values()), rows


FORM_ORDER = ("consult", "green", "orange", "red", "other", "none")


def _legend(lanes: list[Lane]) -> list[tuple[str, str]]:
    drawn = {bar.form: bar.form_label for lane in lanes for bar in lane.bars if bar.form}
    return [(form, drawn[form]) for form in FORM_ORDER if form in drawn]


def _describe(first, last, is_open, front_rows, back_lanes) -> str:
    until = "vandaag" if is_open else f"de afsluiting op {_fmt(last)}"
    leads = ", ".join(f"{r.person} vanaf {_fmt(r.start)}" for r in front_rows) or "niemand"
    return (f"Tijdlijn van de aanmelding op {_fmt(first)} tot {until}. Voorop (regie): {leads}. "
            f"Achterop: {len(back_lanes)} {'persoon' if len(back_lanes) == 1 else 'personen'}. "
            "De tabel hieronder geeft dezelfde gegevens.")


def build_picture(*, registered_on: dt.date, closed_on: dt.date | None, today: dt.date,
                  leads: list[Period], team: list[Period], involvements: list[Episode] = ()) -> Picture:
    """Geometry for the tandem picture of one trajectory, from registration to closure (or today); each back
    rider's bars are cut by the forms of involvement of their organisation (`involvements`)."""
    first = registered_on
    last = max(closed_on or today, first)
    scale = Scale(first, last)
    front, front_rows = _front_lane(leads, first, last, scale)
    heading_y = AXIS_HEIGHT + LANE_HEIGHT + 6
    back, back_rows = _back_lanes(team, leads, first, last, scale, heading_y + HEADING_HEIGHT, involvements)
    height = heading_y + HEADING_HEIGHT + max(len(back), 1) * LANE_HEIGHT + 8
    rows = sorted(front_rows + back_rows, key=lambda r: (r.start, r.place != "voorop", r.person))
    return Picture(first=first, last=last, width=WIDTH, height=height, lanes=[front, *back],
                   ticks=ticks(first, last, scale), rows=rows,
                   description=_describe(first, last, closed_on is None, front_rows, back),
                   back_heading_y=heading_y, legend=_legend(back))
