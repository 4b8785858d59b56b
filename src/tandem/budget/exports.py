"""The budget report as an Excel workbook (openpyxl) and as a PDF (reportlab, through `tandem.core.documents`):
the overview of seed 002 (lines by year, the balance carried on), the half-yearly account (spent against budget
per line, seed 003), the stated totals that differ from their lines, and the hours partners registered in Tandem.
"""
import io
from dataclasses import dataclass

from tandem.budget import rules
from tandem.budget.selectors import HoursTable, budget_lines, partner_hours, stated_totals
from tandem.core import documents
from tandem.core.documents import Bullets, Heading, Paragraph, Table
from tandem.organisations.models import Region

INTRO = ("Bedragen in euro's. Een regel die in een jaar niet bestaat staat er als '–', een regel van nul als "
         "€ 0,00. Het saldo van een jaar gaat mee naar het volgende jaar, ook als het negatief is.")
ACCOUNT_HEADER = ["Regel", "Soort", "Begroot", "Besteed", "Nog te besteden", "% besteed"]


@dataclass
class BudgetReportData:
    region: Region
    lines: list[rules.LineValue]
    years: list[rules.YearFigures]
    warnings: list[str]
    hours: HoursTable

    @property
    def title(self) -> str:
        return f"Begroting {self.region.name}"

    @property
    def account_years(self) -> list[int]:
        """The years with at least one spent amount: those have an account."""
        return sorted({line.year for line in self.lines if line.spent is not None})


def budget_report_data(region: Region) -> BudgetReportData:
    lines = budget_lines(region)
    years = rules.compute_years(lines)
    return BudgetReportData(region, lines, years, rules.stated_total_warnings(stated_totals(region), years),
                            partner_hours(region))


def _pct(value) -> str:
    return "–" if value is None else f"{value}".replace(".", ",") + " %"


def account_table_rows(lines: list[rules.LineValue], year: int) -> list[list[str]]:
    rows = [[r.name, rules.kind_label(r.kind), rules.euro(r.amount), rules.euro(r.spent), rules.euro(r.remaining),
             _pct(r.pct_spent) + (" (meer dan begroot)" if r.overspent else "")]
            for r in rules.account_rows(lines, year)]
    budgeted, spent = rules.account_totals(rules.account_rows(lines, year), rules.COST)
    rows.append(["Totaal kosten", "", rules.euro(budgeted), rules.euro(spent), rules.euro(budgeted - spent), ""])
    return rows


def hours_rows(hours: HoursTable) -> list[list[str]]:
    def fmt(value) -> str:
        return "–" if value is None else f"{value:.2f}".replace(".", ",")

    rows = [[name, *[fmt(per_year.get(year)) for year in hours.years]] for name, per_year in hours.rows]
    rows.append(["Totaal", *[fmt(hours.totals[year]) for year in hours.years]])
    return rows


def hour_lines(data: BudgetReportData) -> list[str]:
    return [f"{line.year}: {line.name} – {rules.euro(line.amount)}" for line in data.lines
            if rules.is_hours_line(line.name)]


def outline(data: BudgetReportData) -> list:
    years = [str(y.year) for y in data.years]
    overview = [[row.label, *[rules.euro(cell) for cell in row.cells]] for row in rules.overview(data.years)]
    blocks = [Heading(data.title, 0), Paragraph(INTRO), Heading("Begroting per jaar", 1)]
    widths = [5.0] + [round(12.0 / len(years), 2)] * len(years) if years else []
    blocks += [Table(["Regel", *years], overview, widths=widths) if data.years
               else Paragraph("Er is nog geen begroting.")]
    if data.warnings:
        blocks += [Heading("Opgegeven totalen die afwijken", 2), Bullets(data.warnings)]
    blocks.append(Heading("Halfjaarlijkse verantwoording: besteed tegenover begroot", 1))
    for year in data.account_years:
        blocks += [Heading(str(year), 2), Table(ACCOUNT_HEADER, account_table_rows(data.lines, year),
                                                widths=[5.5, 2, 2.5, 2.5, 2.5, 2], bold_last_row=True)]
    if not data.account_years:
        blocks.append(Paragraph("Nog geen bestede bedragen ingevuld."))
    blocks += [Heading("Uren van partners in Tandem", 1),
               Paragraph("Uren die medewerkers van partnerorganisaties in Tandem registreerden bij gezinnen van de "
                         "toekomsttuinen, per organisatie en jaar (alleen totalen). Ter vergelijking de urenregels "
                         "van de begroting:"),
               Bullets(hour_lines(data), "De begroting heeft geen urenregels.")]
    blocks.append(Table(["Organisatie", *map(str, data.hours.years)], hours_rows(data.hours), bold_last_row=True)
                  if data.hours.years else Paragraph("Nog geen uren geregistreerd."))
    return blocks


def pdf_bytes(data: BudgetReportData) -> bytes:
    return documents.pdf_bytes(outline(data), title=data.title)


def xlsx_bytes(data: BudgetReportData) -> bytes:
    """Sheets: Begroting (the overview), Verantwoording (per year with spent amounts), Uren partners. Amounts are
    numbers with the euro format, so that the steering group can calculate with them."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book, bold, money = Workbook(), Font(bold=True), '"€" #,##0.00'
    sheet = book.active
    sheet.title = "Begroting"
    sheet.append([data.title])
    sheet.append(["Regel", *[y.year for y in data.years]])
    for row in rules.overview(data.years):
        sheet.append([row.label, *["–" if cell is None else float(cell) for cell in row.cells]])
        if row.total:
            sheet.cell(sheet.max_row, 1).font = bold
    account = book.create_sheet("Verantwoording")
    account.append(["Jaar", "Regel", "Soort", "Begroot", "Besteed", "Nog te besteden"])
    for year in data.account_years:
        for r in rules.account_rows(data.lines, year):
            account.append([year, r.name, rules.kind_label(r.kind), float(r.amount),
                            None if r.spent is None else float(r.spent),
                            None if r.remaining is None else float(r.remaining)])
    hours = book.create_sheet("Uren partners")
    hours.append(["Organisatie", *data.hours.years])
    for name, per_year in data.hours.rows:
        hours.append([name, *[float(per_year[y]) if y in per_year else None for y in data.hours.years]])
    for ws in (sheet, account, hours):
        ws.column_dimensions["A" if ws is not account else "B"].width = 48
        for cells in ws.iter_rows(min_row=2):
            for cell in cells:
                cell.number_format = money if isinstance(cell.value, float) and ws is not hours else cell.number_format
        for cell in ws[1 if ws is not sheet else 2]:
            cell.font = bold
    sheet["A1"].font = bold
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
