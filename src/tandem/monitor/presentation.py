"""How the monitor page shows figures: Dutch labels, table rows and the geometry of the trend charts.

Pure: takes the monitor's JSON objects (`queries.compute_monitor`) and returns plain values for the templates.
The charts are inline SVG drawn on the server; every chart has a title, a description and the same numbers in a
table beside it (WCAG 1.1.1), and each series has its own colour and its own marker shape (never colour alone).
"""
from dataclasses import dataclass

from tandem.cases.models import Form, MeasureType
from tandem.monitor import rules

FORM_LABELS = dict(Form.choices)
MEASURE_LABELS = dict(MeasureType.choices)
INTENSITY_LABELS = {"licht": "licht (minder dan 1 uur per week)", "middel": "middel (1 tot 4 uur per week)",
                    "zwaar": "zwaar (4 uur of meer per week)"}
FIGURE_LABELS = {
    "active": "Actieve huishoudens in het kwartaal",
    "A": "A: aangemelde huishoudens",
    "B": "B: huishoudens met afgesloten traject",
    "C": "C: aangemeld zonder kinderen onder 18",
    "C_pct": "C: percentage van A",
    "E": "E: bij aanmelding maatregel overwogen",
    "E_pct_of_A": "E: percentage van A",
    "F_measures_sum": "F: som van de maatregelen",
    "F_measures_pct_of_active": "F: som als percentage van de actieve huishoudens",
}
D_KEYS = {"households": "huishoudens", "pct_of_active": "percentage van actief",
          "avg_hours_per_week": "gemiddeld uren per week", "intensity": "intensiteit"}


def figure_label(key: str) -> str:
    """'D.green.households' → 'D Groen (met toestemming): huishoudens'."""
    if key in FIGURE_LABELS:
        return FIGURE_LABELS[key]
    group, *rest = key.split(".")
    if group == "D":
        return f"D {FORM_LABELS.get(rest[0], rest[0])}: {D_KEYS.get(rest[1], rest[1])}"
    prefix = "F cumulatief" if group == "F_cumulative" else "F"
    return f"{prefix}: {MEASURE_LABELS.get(rest[0], rest[0])}"


def show(value, suffix: str = "") -> str:
    """A figure for the page: '–' for 'not applicable' (a percentage over zero), a comma as decimal sign."""
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.2f}".rstrip("0").rstrip(".").replace(".", ",") + suffix if value % 1 else f"{value:.0f}{suffix}"
    return f"{value}{suffix}"


def differences(locked: dict, live: dict) -> list[dict]:
    return [{"label": figure_label(key), "locked": show(before), "live": show(now)}
            for key, before, now in rules.figure_differences(locked, live)]


def d_rows(report: dict) -> list[dict]:
    return [{"form": form, "label": FORM_LABELS[form], **values,
             "intensity_label": INTENSITY_LABELS.get(values["intensity"], "–")}
            for form, values in report["D"].items()]


def f_rows(report: dict) -> list[dict]:
    return [{"type": kind, "label": MEASURE_LABELS[kind], "quarter": report["F"][kind],
             "cumulative": report["F_cumulative"][kind], "summed": kind in rules.SUMMED_MEASURES}
            for kind in rules.MEASURE_TYPES]


# Colours meet 3:1 against white; markers differ in shape too. The third value names the legend key's class.
SERIES_STYLE = (("#1d4f91", "circle", "blue"), ("#6b2c91", "square", "purple"), ("#0f6b62", "diamond", "teal"),
                ("#8a4b00", "triangle", "brown"), ("#5c5c5c", "circle", "grey"))
# A form of involvement keeps the colour of its name in every chart and legend: Groen green, Oranje orange, Rood red.
FORM_STYLE = {"consult": ("#1d4f91", "circle", "blue"), "green": ("#1e6b34", "diamond", "green"),
              "orange": ("#a04800", "square", "orange"), "red": ("#b3261e", "triangle", "red"),
              "other": ("#5c5c5c", "circle", "grey")}
WIDTH, HEIGHT, LEFT, RIGHT, TOP, BOTTOM = 640, 260, 48, 16, 16, 40


@dataclass
class Chart:
    id: str
    title: str
    description: str
    quarters: list[str]
    series: list[dict]  # {"name", "values", "colour", "marker", "points": [{x, y, value, x0, y0}], "path"}
    ticks: list[dict]  # {"x", "y", "label"}
    x_labels: list[dict]  # {"x", "y", "label"}
    width: int = WIDTH
    height: int = HEIGHT
    left: int = LEFT
    bottom_y: int = HEIGHT - BOTTOM

    @property
    def rows(self) -> list[tuple[str, list]]:
        """The data table beside the chart: one row per quarter, one column per series."""
        return [(q, [serie["values"][i] for serie in self.series]) for i, q in enumerate(self.quarters)]


def _nice_max(value: int) -> int:
    for step in (4, 8, 12, 20, 40, 60, 80, 100, 200, 400, 1000, 2000, 4000, 10000):
        if value <= step:
            return step
    return int(value * 1.2) + 1


def _x(index: int, count: int) -> float:
    span = WIDTH - LEFT - RIGHT
    return round(LEFT + (span * (index + 0.5) / count), 1)


def _y(value, top_value: int) -> float:
    span = HEIGHT - TOP - BOTTOM
    return round(TOP + span * (1 - (value or 0) / top_value), 1)


def _series(index: int, name: str, values: list, top_value: int, style: tuple | None = None) -> dict:
    colour, marker, key = style or SERIES_STYLE[index % len(SERIES_STYLE)]
    points = [{"x": x, "y": y, "value": v, "x0": round(x - 4, 1), "y0": round(y - 4, 1)}
              for x, y, v in ((_x(i, len(values)), _y(v, top_value), v) for i, v in enumerate(values))]
    path = " ".join(("M" if i == 0 else "L") + f"{p['x']},{p['y']}" for i, p in enumerate(points))
    return {"name": name, "values": values, "colour": colour, "marker": marker, "key": key, "points": points,
            "path": path}


MAX_X_LABELS = 12  # more quarters than this: every second (third, …) one gets a label, so none run together


def quarter_labels(quarters: list[str]) -> list[dict]:
    """'2024-Q2' becomes 'Q2' with the year on a line below it (at the first label and at each Q1), and labels are
    thinned so that each has room: never '2024-Q22024-Q3'."""
    step = -(-len(quarters) // MAX_X_LABELS) if quarters else 1
    labels, last_year = [], None
    for i, q in enumerate(quarters):
        if i % step:
            continue
        year, _, number = q.partition("-")
        labels.append({"x": _x(i, len(quarters)), "y": HEIGHT - BOTTOM + 16, "label": number,
                       "year": year if year != last_year else "", "year_y": HEIGHT - BOTTOM + 31})
        last_year = year
    return labels


def line_chart(chart_id: str, title: str, quarters: list[str], named_values: list[tuple], styles=None) -> Chart:
    """A line chart of whole numbers per quarter; the description says the last values in words. `styles`: a
    (colour, marker, key) per series where the colour carries meaning (the forms)."""
    top_value = _nice_max(max([v or 0 for _, values in named_values for v in values] + [1]))
    series = [_series(i, name, values, top_value, styles[i] if styles else None)
              for i, (name, values) in enumerate(named_values)]
    ticks = [{"y": _y(top_value * k / 4, top_value), "label": show(top_value * k // 4), "x": LEFT - 6}
             for k in range(5)]
    last = ", ".join(f"{name} {show(values[-1])}" for name, values in named_values) if quarters else "geen gegevens"
    description = (f"Lijngrafiek over {len(quarters)} kwartalen, van {quarters[0]} tot en met {quarters[-1]}. "
                   f"In het laatste kwartaal: {last}. De tabel ernaast geeft alle getallen." if quarters else last)
    return Chart(chart_id, title, description, quarters, series, ticks, quarter_labels(quarters))


def trend_charts(reports: list[dict]) -> list[Chart]:
    """The trends over all quarters since the programme start, from the monitor of each quarter."""
    quarters = [report["quarter"] for report in reports]
    households = line_chart("trend-huishoudens", "Huishoudens per kwartaal", quarters, [
        ("Actief", [r["active"] for r in reports]), ("A: aangemeld", [r["A"] for r in reports]),
        ("B: afgesloten", [r["B"] for r in reports]), ("E: maatregel overwogen", [r["E"] for r in reports]),
    ])
    forms = line_chart("trend-vormen", "D: huishoudens per vorm van betrokkenheid", quarters, [
        (FORM_LABELS[form].split(" (")[0], [r["D"][form]["households"] for r in reports]) for form in rules.FORMS
    ], styles=[FORM_STYLE[form] for form in rules.FORMS])
    measures = line_chart("trend-maatregelen", "F: maatregelen vanuit de toekomsttuin", quarters, [
        ("Som van de maatregelen", [r["F_measures_sum"] for r in reports]),
        ("Verzoek aan de Raad", [r["F"]["rvdk_request"] for r in reports]),
    ])
    return [households, forms, measures]


SITE_TABLE_ROWS = (("Actieve huishoudens", "active"), ("A. Aangemeld", "A"), ("B. Afgesloten", "B"),
                   ("C. Zonder kinderen onder 18", "C"), ("E. Maatregel overwogen", "E"))


def site_table(columns: list[tuple[str, dict | None]], total: tuple[str, dict]) -> dict:
    """The region page's table: one column per site and one for the region, one row per figure."""
    named = [*columns, total]

    def row(label: str, pick) -> tuple[str, list[str]]:
        return label, [show(pick(report)) if report else "–" for _, report in named]

    rows = [row(label, lambda r, k=key: r.get(k)) for label, key in SITE_TABLE_ROWS]
    rows += [row(f"D. {FORM_LABELS[form].split(' (')[0]}: huishoudens",
                 lambda r, f=form: r["D"][f]["households"]) for form in rules.FORMS]
    rows.append(row("F. Maatregelen (som)", lambda r: r.get("F_measures_sum")))
    return {"headers": [name for name, _ in named], "rows": rows}
