"""The monitor as an Excel workbook (openpyxl) and as a PDF report (reportlab), from the object of
`compute_monitor` (optionally after `disclosure.apply_cbs`). Plain Dutch; a secret cell reads `geheim`.

Pure apart from the libraries: each function takes the report dict and returns the file's bytes.
"""
import datetime as dt
import io

from tandem.core.cells import safe_cell, safe_row
from tandem.monitor import rules
from tandem.core.dates import dutch_date

FORM_LABELS = {
    "consult": "Advies en/of consult",
    "green": "Groen (met toestemming)",
    "orange": "Oranje (met wettelijke bevoegdheden)",
    "red": "Rood (in het kader van een maatregel)",
    "other": "Anders",
}
MEASURE_LABELS = {
    "rvdk_request": "Verzoek tot toetsing aan de Raad voor de Kinderbescherming",
    "ots": "(Voorlopige) ondertoezichtstelling",
    "muhp": "Machtiging uithuisplaatsing",
    "custody_ending": "Gezagsbeëindigende maatregel",
    "restraining_order": "Tijdelijk huisverbod",
    "contact_ban": "Contactverbod",
    "probation": "(Jeugd)reclasseringsmaatregel",
}
QUESTION_LABELS = {
    "G": "G. Ervaringen van professionals",
    "H": "H. Werken met TOP3: wat kost het, wat levert het op",
    "I": "I. Ervaringen van gezinnen",
    "J": "J. Meerwaarde van werken met ervaringsdeskundigen",
    "K": "K. Wat het contact met de ervaringsdeskundige betekende voor de cliënt",
}

# The counting rules of spec/monitor.md in plain Dutch, for the sheet "Definities" and the PDF.
DEFINITIONS = [
    ("Kwartaal", "Een kwartaal loopt van de eerste tot en met de laatste kalenderdag. De peildatum is de "
                 "laatste dag."),
    ("Eenheid", "We tellen huishoudens, geen trajecten of personen. Een huishouden met meer trajecten telt "
                "één keer."),
    ("Actief", "Huishoudens met een traject dat is aangemeld op of vóór het einde van het kwartaal en niet is "
               "afgesloten vóór het begin ervan."),
    ("A", "Huishoudens met een aanmelding in het kwartaal."),
    ("B", "Huishoudens met een afsluiting in het kwartaal, van een traject dat is aangemeld op of na de start "
          "van het programma."),
    ("C", "Huishoudens uit A zonder gezinslid jonger dan 18 op de dag van aanmelding. Percentage: C / A × 100."),
    ("D", "Per vorm (advies/consult, groen, oranje, rood, anders): huishoudens met een periode van die vorm die "
          "het kwartaal overlapt; percentage van de actieve huishoudens; gemiddeld aantal uren per week "
          "(uren in het kwartaal gedeeld door de weken van die vorm in het kwartaal, minstens één week, "
          "gemiddeld over de huishoudens met geregistreerde uren)."),
    ("Intensiteit", "Minder dan 1 uur per week: licht; van 1 tot 4 uur: middel; 4 uur of meer: zwaar."),
    ("E", "Huishoudens uit A bij wie bij aanmelding een beschermingsmaatregel is overwogen. Percentage van A."),
    ("F", "Per soort maatregel: huishoudens met een maatregel in het kwartaal die vanuit de toekomsttuin in "
          "gang is gezet. Cumulatief: opgeteld over alle kwartalen sinds de start van het programma. Som van "
          "maatregelen: OTS, gezagsbeëindigend, huisverbod, contactverbod en reclassering (verzoeken aan de "
          "Raad en machtigingen uithuisplaatsing tellen niet mee, want die zouden dubbel tellen)."),
    ("G–K", "Ervaringen die de toekomsttuin invult voor het kwartaal. J: meerwaarde ja of nee, en bij ja de "
            "redenen."),
    ("Afronding", "Percentages op één decimaal, uren op twee decimalen. Een percentage van nul huishoudens "
                  "is leeg."),
    ("Regio", "Een regio telt de huishoudens van al haar toekomsttuinen samen; percentages worden opnieuw "
              "berekend."),
]
CBS_DEFINITIONS = [
    ("Geheimhouding (CBS)", "Aantallen zijn afgerond op vijftallen. De waarden 0 tot en met 7 staan er als "
                            "'geheim'. Percentages zijn berekend na het afronden. Als een totaal één geheime "
                            "cel zou verraden, is nog een cel geheim gemaakt. Totalen kunnen daardoor afwijken "
                            "van de som van de delen."),
]


def _period(report: dict) -> str:
    """'1 januari 2025 tot en met 31 maart 2025': the report keeps ISO dates (monitor.md), people read Dutch ones."""
    start, end = (dt.date.fromisoformat(report["period"][key]) for key in ("start", "end"))
    return f"{dutch_date(start)} tot en met {dutch_date(end)}"


def scope_title(report: dict) -> str:
    scope = report["scope"]
    if "site" in scope:
        return f"Toekomsttuin {scope['site']}"
    return f"Regio {scope['region']}"


def _value(value):
    """A cell as shown: empty for None, otherwise the number or `geheim`."""
    return "" if value is None else value


def definitions(report: dict) -> list[tuple[str, str]]:
    return DEFINITIONS + (CBS_DEFINITIONS if report.get("disclosure") == "cbs" else [])


def overview_rows(report: dict) -> list[tuple]:
    """(code, omschrijving, huishoudens, percentage) for the actives and A, B, C, E."""
    return [
        ("Actief", "Actieve huishoudens in het kwartaal", report["active"], None),
        ("A", "Aangemeld in het kwartaal", report["A"], None),
        ("B", "Afgesloten in het kwartaal (aangemeld sinds de start)", report["B"], None),
        ("C", "Aangemeld zonder minderjarige (percentage van A)", report["C"], report["C_pct"]),
        ("E", "Maatregel overwogen bij aanmelding (percentage van A)", report["E"], report["E_pct_of_A"]),
    ]


D_HEADER = ("Vorm", "Huishoudens", "% van actief", "Gem. uren per week", "Intensiteit",
            "Licht", "Middel", "Zwaar")


def d_rows(report: dict) -> list[tuple]:
    rows = []
    for form, values in report["D"].items():
        levels = values["by_intensity"]
        rows.append((FORM_LABELS.get(form, form), values["households"], values["pct_of_active"],
                     values["avg_hours_per_week"], values["intensity"],
                     levels["licht"], levels["middel"], levels["zwaar"]))
    return rows


F_HEADER = ("Maatregel", "Huishoudens dit kwartaal", "Cumulatief sinds de start")


def f_rows(report: dict) -> list[tuple]:
    rows = [(MEASURE_LABELS.get(kind, kind), number, report["F_cumulative"].get(kind))
            for kind, number in report["F"].items()]
    rows.append(("Som van maatregelen", report["F_measures_sum"], None))
    rows.append(("Som van maatregelen, % van actief", report["F_measures_pct_of_active"], None))
    return rows


def experience_rows(report: dict) -> list[tuple[str, str]]:
    experiences = report["experiences"]
    rows = []
    for question in rules.TEXT_QUESTIONS:
        for text in experiences[question]:
            rows.append((QUESTION_LABELS[question], text))
    answers = experiences["J"]
    rows.append((QUESTION_LABELS["J"], f"Ja: {answers['yes']}"))
    rows.append((QUESTION_LABELS["J"], f"Nee: {answers['no']}"))
    for reason, number in answers["reasons"].items():
        rows.append((QUESTION_LABELS["J"], f"Reden '{reason}': {number}"))
    return rows


# ---------------------------------------------------------------------------------------------- XLSX

SHEETS = ("Overzicht", "D Vormen", "F Maatregelen", "Ervaringen", "Definities")


def xlsx_bytes(report: dict) -> bytes:
    """A workbook with a sheet per table (overview A–C/E, D, F, experiences) and the sheet "Definities"."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    workbook = Workbook()
    bold = Font(bold=True)

    def sheet(title, header, rows, first=False):
        ws = workbook.active if first else workbook.create_sheet()
        ws.title = title
        ws.append(safe_row([f"Kwartaalmonitor {scope_title(report)}, {report['quarter']} "
                            f"({_period(report)})"]))
        ws["A1"].font = bold
        ws.append(safe_row(header))
        for cell in ws[2]:
            cell.font = bold
        for row in rows:  # no cell can run as a formula: experiences (G–K) are free text
            ws.append([safe_cell(_value(v)) for v in row])
        ws.column_dimensions["A"].width = 48
        for column in "BCDEFGH":
            ws.column_dimensions[column].width = 16
        return ws

    sheet(SHEETS[0], ("Vraag", "Omschrijving", "Huishoudens", "Percentage"), overview_rows(report), first=True)
    sheet(SHEETS[1], D_HEADER, d_rows(report))
    sheet(SHEETS[2], F_HEADER, f_rows(report))
    ws = sheet(SHEETS[3], ("Vraag", "Antwoord"), experience_rows(report))
    ws.column_dimensions["B"].width = 100
    ws = sheet(SHEETS[4], ("Begrip", "Zo tellen we"), definitions(report))
    ws.column_dimensions["B"].width = 120
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


# ----------------------------------------------------------------------------------------------- PDF

def _fmt(value) -> str:
    if value is None:
        return "–"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",") if value == round(value, 1) else f"{value:.2f}".replace(".", ",")
    return str(value)


def _bar_chart(labels: list[str], values: list, title: str):
    """A simple horizontal bar chart; a secret or empty value is drawn as 0 and says so in its label."""
    from reportlab.graphics.charts.barcharts import HorizontalBarChart
    from reportlab.graphics.shapes import Drawing, String
    from reportlab.lib import colors

    numbers = [v if isinstance(v, (int, float)) and not isinstance(v, bool) else 0 for v in values]
    labels = [label if isinstance(v, (int, float)) else f"{label} ({_fmt(v)})" for label, v in zip(labels, values)]
    height = 40 + 18 * len(labels)
    drawing = Drawing(440, height)
    chart = HorizontalBarChart()
    chart.x, chart.y, chart.width, chart.height = 150, 10, 270, height - 35
    chart.data = [numbers]
    chart.categoryAxis.categoryNames = labels
    chart.categoryAxis.labels.fontSize = 7
    chart.categoryAxis.labels.boxAnchor = "e"
    chart.valueAxis.valueMin = 0
    chart.valueAxis.valueMax = max(numbers + [1]) * 1.1
    chart.valueAxis.labels.fontSize = 7
    chart.bars[0].fillColor = colors.HexColor("#2f6f4f")
    chart.barLabelFormat = "%d"
    chart.barLabels.fontSize = 7
    chart.barLabels.nudge = 8
    drawing.add(chart)
    drawing.add(String(0, height - 12, title, fontSize=9, fontName="Helvetica-Bold"))
    return drawing


def pdf_bytes(report: dict) -> bytes:
    """A PDF report: the tables of A–F, bar charts of D and F, the experiences and the definitions."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.lib.units import cm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
    from xml.sax.saxutils import escape

    styles = getSampleStyleSheet()
    body, small = styles["BodyText"], styles["BodyText"].clone("small", fontSize=8, leading=10)
    title = f"Kwartaalmonitor {scope_title(report)}, {report['quarter']}"
    out = io.BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, title=title, author="Tandem",
                            leftMargin=2 * cm, rightMargin=2 * cm, topMargin=2 * cm, bottomMargin=2 * cm)

    def table(header, rows, widths=None):
        data = [[Paragraph(f"<b>{escape(str(h))}</b>", small) for h in header]]
        data += [[Paragraph(escape(_fmt(v)), small) for v in row] for row in rows]
        t = Table(data, colWidths=widths, repeatRows=1)
        t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
                               ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8f0ec")),
                               ("VALIGN", (0, 0), (-1, -1), "TOP")]))
        return t

    story = [Paragraph(escape(title), styles["Title"]),
             Paragraph(f"Periode: {_period(report)}. "
                       "Alle aantallen zijn huishoudens.", body)]
    if report.get("disclosure") == "cbs":
        story.append(Paragraph(escape(CBS_DEFINITIONS[0][1]), body))
    story += [Spacer(1, 8), Paragraph("Aanmeldingen en afsluitingen (A, B, C, E)", styles["Heading2"]),
              table(("Vraag", "Omschrijving", "Huishoudens", "Percentage"), overview_rows(report),
                    [2 * cm, 9 * cm, 3 * cm, 3 * cm])]
    story += [Paragraph("D. Vormen van betrokkenheid", styles["Heading2"]),
              table(D_HEADER, d_rows(report)), Spacer(1, 6),
              _bar_chart([FORM_LABELS[f].split(" (")[0] for f in report["D"]],
                         [v["households"] for v in report["D"].values()], "Huishoudens per vorm")]
    story += [Paragraph("F. Maatregelen vanuit de toekomsttuin", styles["Heading2"]),
              table(F_HEADER, f_rows(report), [9 * cm, 4 * cm, 4 * cm]), Spacer(1, 6),
              _bar_chart([MEASURE_LABELS[k].split(" aan ")[0][:28] for k in report["F"]],
                         list(report["F"].values()), "Huishoudens per maatregel dit kwartaal")]
    story.append(Paragraph("Ervaringen (G–K)", styles["Heading2"]))
    rows = experience_rows(report)
    story.append(table(("Vraag", "Antwoord"), rows, [6 * cm, 11 * cm]))
    story.append(Paragraph("Zo tellen we", styles["Heading2"]))
    for term, text in definitions(report):
        story.append(Paragraph(f"<b>{escape(term)}</b>: {escape(text)}", small))
    doc.build(story)
    return out.getvalue()
