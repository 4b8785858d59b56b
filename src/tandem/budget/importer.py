"""Reading a budget file (`spec/budget.md`, "Import"): CSV in UTF-8 separated by `,` or `;` (a Dutch spreadsheet's
`;` with decimal commas `1.234,56`), or XLSX (the first sheet). One row per line and year; header `year,kind,line,
amount` in any order and optionally `spent` (the Dutch `jaar,soort,regel,bedrag,besteed` too).

Nothing is written here: `parse_budget` returns the lines or raises `BudgetImportFailed` with every problem named
by its row and column; `tandem.budget.services.budget_import` then replaces the years in one transaction.
"""
import csv
import io
import zipfile
from dataclasses import dataclass, field
from decimal import Decimal

from tandem.budget import rules
from tandem.core.exceptions import RuleViolation

COLUMNS = {"year": "year", "jaar": "year", "kind": "kind", "soort": "kind", "line": "line", "regel": "line",
           "amount": "amount", "bedrag": "amount", "spent": "spent", "besteed": "spent"}
REQUIRED = ("year", "kind", "line", "amount")
MAX_BYTES = 2 * 1024 * 1024
MAX_ROWS = 5000


class BudgetImportFailed(RuleViolation):
    """The file cannot be imported; nothing was changed. `problems` are Dutch lines naming row and column."""

    def __init__(self, problems: list[str]):
        super().__init__("import_failed", "\n".join(problems), field="file")
        self.problems = problems


@dataclass
class ParsedBudget:
    lines: list[rules.LineValue] = field(default_factory=list)
    stated: dict[int, Decimal] = field(default_factory=dict)  # year -> stated total of the cost lines

    @property
    def years(self) -> list[int]:
        return sorted({line.year for line in self.lines} | set(self.stated))


# --------------------------------------------------------------------------------------------- the table

def _csv_table(data: bytes) -> tuple[list[list], bool]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise BudgetImportFailed(["Het bestand is geen tekst in UTF-8. Sla het op als 'CSV UTF-8'."]) from error
    first = text.lstrip().split("\n", 1)[0]
    delimiter = ";" if first.count(";") > first.count(",") else ","
    table = [row for row in csv.reader(io.StringIO(text), delimiter=delimiter)]
    return table, delimiter == ";"


def _xlsx_table(data: bytes) -> tuple[list[list], None]:
    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise BudgetImportFailed(["Het bestand is geen geldig Excel-bestand (.xlsx)."]) from error
    try:
        return [list(row) for row in book.worksheets[0].iter_rows(values_only=True)], None
    finally:
        book.close()


def read_table(filename: str, data: bytes) -> tuple[list[list], bool | None]:
    """(rows of cells, whether amounts in text use a decimal comma: True for `;`, False for `,`, None for XLSX)."""
    name = filename.lower()
    if not name.endswith((".csv", ".xlsx")):
        raise BudgetImportFailed([f"'{filename}': alleen .csv- en .xlsx-bestanden kunnen worden ingelezen."])
    if len(data) > MAX_BYTES:
        raise BudgetImportFailed(["Het bestand is groter dan 2 MB. Een begroting past in een veel kleiner bestand."])
    return _xlsx_table(data) if name.endswith(".xlsx") else _csv_table(data)


def _text(value) -> str:
    return "" if value is None else str(value).strip()


def _header(cells: list) -> dict[str, int]:
    """{column: index} of the first row; unknown, repeated or missing columns are problems."""
    problems, found = [], {}
    for index, cell in enumerate(cells):
        name = _text(cell).lower()
        if not name:
            continue
        column = COLUMNS.get(name)
        if column is None:
            problems.append(f"Rij 1, kolom {_text(cell)}: onbekende kolom. Gebruik year, kind, line, amount en "
                            "eventueel spent.")
        elif column in found:
            problems.append(f"Rij 1, kolom {_text(cell)}: deze kolom staat er twee keer.")
        else:
            found[column] = index
    problems += [f"Rij 1: de kolom {name} ontbreekt." for name in REQUIRED if name not in found]
    if problems:
        raise BudgetImportFailed(problems)
    return found


# ----------------------------------------------------------------------------------------------- the rows

class _Row:
    """One row's cells by column, collecting every problem with its row and column."""

    def __init__(self, number: int, cells: list, header: dict[str, int], decimal_comma, problems: list[str]):
        self.number, self.problems, self.decimal_comma = number, problems, decimal_comma
        self.cells = {column: (cells[i] if i < len(cells) else None) for column, i in header.items()}

    def value(self, column: str, parse):
        try:
            return parse(self.cells.get(column))
        except RuleViolation as problem:
            self.problems.append(f"Rij {self.number}, kolom {column}: {problem.message}")
            return None

    def amount(self, column: str, what: str) -> Decimal | None:
        return self.value(column, lambda v: rules.parse_amount(v, decimal_comma=self.decimal_comma, what=what))


def _parse_row(row: _Row, parsed: ParsedBudget, seen: dict) -> None:
    year = row.value("year", rules.parse_year)
    kind = row.value("kind", rules.parse_kind)
    name = row.value("line", lambda v: rules.check_name(_text(v)))
    amount = row.amount("amount", "Het bedrag")
    spent = None
    if kind != rules.TOTAL and _text(row.cells.get("spent")):
        spent = row.amount("spent", "Het bestede bedrag")
    if None in (year, kind, name, amount):
        return
    key = ("total", year) if kind == rules.TOTAL else rules.line_key(year, kind, name)
    if key in seen:
        what = f"het totaal van {year}" if kind == rules.TOTAL else f"de regel '{name}' ({rules.kind_label(kind)}) " \
                                                                     f"van {year}"
        row.problems.append(f"Rij {row.number}, kolom line: {what} staat ook in rij {seen[key]}. "
                            "Een regel staat maar één keer in een jaar.")
        return
    seen[key] = row.number
    if kind == rules.TOTAL:
        parsed.stated[year] = amount
    else:
        parsed.lines.append(rules.LineValue(year, kind, name, amount, spent))


def parse_budget(filename: str, data: bytes) -> ParsedBudget:
    """Every line of the file, or `BudgetImportFailed` with every problem (nothing is written either way)."""
    table, decimal_comma = read_table(filename, data)
    rows = [(number, cells) for number, cells in enumerate(table, start=1) if any(_text(c) for c in cells)]
    if not rows:
        raise BudgetImportFailed(["Het bestand is leeg."])
    if len(rows) > MAX_ROWS:
        raise BudgetImportFailed([f"Het bestand heeft meer dan {MAX_ROWS} regels."])
    header = _header(rows[0][1])
    parsed, problems, seen = ParsedBudget(), [], {}
    for number, cells in rows[1:]:
        _parse_row(_Row(number, cells, header, decimal_comma, problems), parsed, seen)
    if not problems and not parsed.lines and not parsed.stated:
        problems.append("Het bestand heeft geen regels onder de kopregel.")
    if problems:
        raise BudgetImportFailed(problems)
    return parsed
