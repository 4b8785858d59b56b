"""The budget's rules (`spec/budget.md`; seeds `002_…` and `003_…`), as pure functions: no queries.

Amounts are `Decimal` throughout: euros with at most two decimals, never a float, so that a report's sums are
exact. A line that is not there for a year is not the same as a line of 0 (`spec/budget.md`, "Lines").
"""
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from tandem.core.exceptions import RuleViolation

COST, INCOME, TOTAL = "cost", "income", "total"
KINDS = (COST, INCOME)
# The words a spreadsheet may use in the column `kind`. `total` is a stated total of the year's cost lines
# (seed 003's table 2, "Totaal per jaar"): it is checked against the lines, never stored as a line.
KIND_WORDS = {"cost": COST, "costs": COST, "kosten": COST, "kost": COST, "uitgaven": COST,
              "income": INCOME, "inkomsten": INCOME, "opbrengst": INCOME, "opbrengsten": INCOME,
              "total": TOTAL, "totaal": TOTAL, "totaal kosten": TOTAL}
FIRST_YEAR, LAST_YEAR = 2000, 2100
MAX_AMOUNT = Decimal("9999999999.99")
NAME_LENGTH = 200
CENT = Decimal("0.01")
ZERO = Decimal("0.00")
# A budget line is about hours when its name says so (seed 002: "Gezamenlijke taal en instrumenten (uren)").
HOURS_WORDS = re.compile(r"\b(uren|uur|ontwikkeluren)\b", re.IGNORECASE)
HALVES = {1: "eerste halfjaar (1 januari tot en met 30 juni)", 2: "heel het jaar (tot en met 31 december)"}


class BudgetError(RuleViolation):
    """A value or a file the budget cannot take. The message is plain Dutch."""


@dataclass(frozen=True)
class LineValue:
    year: int
    kind: str
    name: str
    amount: Decimal
    spent: Decimal | None = None


@dataclass
class YearFigures:
    """One calendar year of the report (`spec/budget.md`, "Computation, per year")."""

    year: int
    costs: list[tuple[str, Decimal]] = field(default_factory=list)
    income: list[tuple[str, Decimal]] = field(default_factory=list)
    total_costs: Decimal = ZERO
    income_lines: Decimal = ZERO
    carried_in: Decimal = ZERO
    total_income: Decimal = ZERO
    balance: Decimal = ZERO

    @property
    def has_lines(self) -> bool:
        return bool(self.costs or self.income)


# ---------------------------------------------------------------------------------------------- values

def _guess_decimal_comma(text: str) -> bool:
    """For a text cell of an XLSX: the last separator is the decimal one unless exactly three digits follow it
    (`30.000` and `1,234` are thousands)."""
    last = max(text.rfind(","), text.rfind("."))
    if last < 0:
        return False
    is_decimal = len(text) - last - 1 != 3
    return (text[last] == ",") == is_decimal


def _normalise_number(text: str, decimal_comma: bool | None) -> str | None:
    """The number as `1234.56`, or None when it is not a number in the file's notation: `decimal_comma` True for
    a Dutch spreadsheet (`1.234,56`, `1234,56`, `30.000`), False for plain CSV (`1234.56`, `1,234.56`), None
    for a text cell of an XLSX (`_guess_decimal_comma`)."""
    if decimal_comma is None:
        decimal_comma = _guess_decimal_comma(text)
    point, group = (",", ".") if decimal_comma else (".", ",")
    pattern = rf"^(\d+|\d{{1,3}}(\{group}\d{{3}})+)(\{point}\d+)?$"
    if not re.match(pattern, text):
        return None
    return text.replace(group, "").replace(point, ".")


def parse_amount(value, *, decimal_comma: bool | None = None, what: str = "Het bedrag") -> Decimal:
    """A cell as euros: `254000`, `1.234,56` (Dutch), `1234.56`, `€ 30.000,--`, or a number from an XLSX cell.
    Refused: text that is no amount, a negative amount, more than two decimals (`spec/budget.md`, "Lines")."""
    if isinstance(value, bool):
        raise BudgetError("amount_invalid", f"{what} '{value}' is geen bedrag.")
    if isinstance(value, (int, float, Decimal)):
        return check_amount(Decimal(str(value)), what=what)
    text = re.sub(r"[\s\u00a0€]", "", str(value or ""))
    text = text.removesuffix(",--").removesuffix(",-")
    if not text:
        raise BudgetError("amount_missing", f"{what} ontbreekt.")
    if text.startswith("-"):
        raise BudgetError("amount_negative", f"{what} mag niet negatief zijn ('{value}').")
    number = _normalise_number(text, decimal_comma)
    if number is None:
        example = "1.234,56" if decimal_comma else "1234.56"
        raise BudgetError("amount_invalid", f"{what} '{value}' is geen bedrag. Schrijf bijvoorbeeld {example}.")
    return check_amount(Decimal(number), what=what)


def check_amount(amount: Decimal, *, what: str = "Het bedrag") -> Decimal:
    """Euros: not negative, at most two decimals, not absurdly large. Returns it with exactly two decimals."""
    if amount < 0:
        raise BudgetError("amount_negative", f"{what} mag niet negatief zijn.")
    if amount != amount.quantize(CENT):
        raise BudgetError("amount_decimals", f"{what} heeft meer dan twee cijfers achter de komma.")
    if amount > MAX_AMOUNT:
        raise BudgetError("amount_too_large", f"{what} is te groot.")
    return amount.quantize(CENT)


def parse_kind(text: str) -> str:
    kind = KIND_WORDS.get(" ".join(str(text or "").split()).lower())
    if kind is None:
        raise BudgetError("kind_unknown", f"Soort '{text}' is onbekend. Gebruik cost (kosten) of income "
                                          "(inkomsten), of total voor een opgegeven totaal van de kosten.")
    return kind


def parse_year(value) -> int:
    text = str(value if value is not None else "").strip().removesuffix(".0")
    if not text.isdigit():
        raise BudgetError("year_invalid", f"Jaar '{value}' is geen jaartal. Schrijf bijvoorbeeld 2025.")
    return check_year(int(text))


def check_year(year: int) -> int:
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise BudgetError("year_out_of_range", f"Jaar {year} ligt niet tussen {FIRST_YEAR} en {LAST_YEAR}.")
    return year


def check_name(name: str) -> str:
    name = " ".join(str(name or "").split())
    if not name:
        raise BudgetError("name_missing", "Geef de regel een naam, bijvoorbeeld 'Projectleider'.")
    if len(name) > NAME_LENGTH:
        raise BudgetError("name_too_long", f"De naam van de regel is langer dan {NAME_LENGTH} tekens.")
    return name


def line_key(year: int, kind: str, name: str) -> tuple[int, str, str]:
    """Two lines are the same when year, kind and name are (names compared without case and extra spaces)."""
    return year, kind, " ".join(name.split()).casefold()


def duplicates(keys: Iterable[tuple[int, str, str]]) -> list[tuple[int, int]]:
    """(position, position of the first with the same key) of every repeated line; `spec/budget.md`, "Import":
    two rows with the same year, kind and line are a problem."""
    first, found = {}, []
    for position, key in enumerate(keys):
        if key in first:
            found.append((position, first[key]))
        else:
            first[key] = position
    return found


def check_no_duplicates(lines: list[LineValue]) -> None:
    for position, earlier in duplicates(line_key(v.year, v.kind, v.name) for v in lines):
        value = lines[position]
        raise BudgetError("line_duplicate", f"De regel '{value.name}' ({kind_label(value.kind)}) staat twee keer "
                                            f"in {value.year}. Tel de bedragen samen in één regel.")


def kind_label(kind: str) -> str:
    return {COST: "kosten", INCOME: "inkomsten", TOTAL: "totaal"}.get(kind, kind)


# ----------------------------------------------------------------------------------------- computation

def compute_years(lines: Iterable[LineValue]) -> list[YearFigures]:
    """Every calendar year from the first to the last year with a line, in order; each year's carried_in is
    the previous year's balance (0 for the first; negative when overspent), `spec/budget.md`."""
    lines = list(lines)
    if not lines:
        return []
    by_year = {year: YearFigures(year) for year in range(min(v.year for v in lines), max(v.year for v in lines) + 1)}
    for value in lines:
        figures = by_year[value.year]
        (figures.costs if value.kind == COST else figures.income).append((value.name, value.amount))
    carried = ZERO
    for figures in by_year.values():
        figures.total_costs = sum((amount for _, amount in figures.costs), ZERO)
        figures.income_lines = sum((amount for _, amount in figures.income), ZERO)
        figures.carried_in = carried
        figures.total_income = figures.carried_in + figures.income_lines
        figures.balance = figures.total_income - figures.total_costs
        carried = figures.balance
    return list(by_year.values())


def money(amount: Decimal) -> str:
    """An amount in the JSON report: a string with exactly two decimals (`spec/budget.md`)."""
    return str(amount.quantize(CENT))


def report_dict(region_code: str, years: list[YearFigures]) -> dict:
    """The JSON report of `spec/budget.md`; `costs` and `income` hold only the lines that exist that year."""
    return {"region": region_code, "years": [
        {"year": y.year,
         "costs": {name: money(amount) for name, amount in y.costs},
         "income": {name: money(amount) for name, amount in y.income},
         "total_costs": money(y.total_costs), "carried_in": money(y.carried_in),
         "income_lines": money(y.income_lines), "total_income": money(y.total_income),
         "balance": money(y.balance)}
        for y in years]}


def euro(amount: Decimal | None) -> str:
    """Dutch notation for people: `€ 1.234,56`; a line that is not there: `–`."""
    if amount is None:
        return "–"
    sign = "-" if amount < 0 else ""
    whole, cents = f"{abs(amount):,.2f}".split(".")
    return f"{sign}€ {whole.replace(',', '.')},{cents}"


def stated_total_warnings(stated: dict[int, Decimal], years: list[YearFigures]) -> list[str]:
    """A stated total that differs from the sum of the year's cost lines is a warning, not a refusal (seed 003,
    table 2, states totals that differ from its own lines)."""
    sums = {y.year: y.total_costs for y in years}
    warnings = []
    for year, total in sorted(stated.items()):
        counted = sums.get(year, ZERO)
        if total != counted:
            warnings.append(f"Jaar {year}: het opgegeven totaal ({euro(total)}) wijkt af van de som van de "
                            f"kostenregels ({euro(counted)}); verschil {euro(total - counted)}. "
                            "Tandem rekent met de regels.")
    return warnings


# -------------------------------------------------------------------------------- the half-yearly account

@dataclass(frozen=True)
class AccountRow:
    """One line of the half-yearly account: budgeted against spent so far (seed 003, 8.1 point 12)."""

    kind: str
    name: str
    amount: Decimal
    spent: Decimal | None

    @property
    def remaining(self) -> Decimal | None:
        return None if self.spent is None else self.amount - self.spent

    @property
    def pct_spent(self) -> Decimal | None:
        if self.spent is None or not self.amount:
            return None
        return (self.spent * 100 / self.amount).quantize(Decimal("0.1"))

    @property
    def overspent(self) -> bool:
        return self.spent is not None and self.spent > self.amount


def account_rows(lines: Iterable[LineValue], year: int) -> list[AccountRow]:
    """The account of one year: every cost line, then every income line, in their order."""
    rows = [AccountRow(v.kind, v.name, v.amount, v.spent) for v in lines if v.year == year]
    return [r for r in rows if r.kind == COST] + [r for r in rows if r.kind == INCOME]


def account_totals(rows: list[AccountRow], kind: str) -> tuple[Decimal, Decimal]:
    """(budgeted, spent) over the rows of one kind; a line without a spent amount counts as nothing spent."""
    mine = [r for r in rows if r.kind == kind]
    return sum((r.amount for r in mine), ZERO), sum((r.spent or ZERO for r in mine), ZERO)


def check_half(half: int) -> int:
    if half not in HALVES:
        raise BudgetError("half_unknown", "Kies het eerste halfjaar (1) of het hele jaar (2).")
    return half


def is_hours_line(name: str) -> bool:
    return bool(HOURS_WORDS.search(name))


# -------------------------------------------------------------------------------- the overview (seed 002)

@dataclass(frozen=True)
class OverviewRow:
    label: str
    cells: list[Decimal | None]  # one per year; None: the line is not there that year ("–")
    total: bool = False


def _line_rows(years: list[YearFigures], kind: str) -> list[OverviewRow]:
    names = []
    for figures in years:
        for name, _ in (figures.costs if kind == COST else figures.income):
            if name not in names:
                names.append(name)
    return [OverviewRow(name, [dict(f.costs if kind == COST else f.income).get(name) for f in years])
            for name in names]


def overview(years: list[YearFigures]) -> list[OverviewRow]:
    """Seed 002's table: the cost lines by year, total costs, the balance carried in, the income lines, total
    income and the balance; a line not there in a year is None (shown as "–"), unlike a line of 0."""
    return [*_line_rows(years, COST),
            OverviewRow("Totaal kosten", [y.total_costs for y in years], total=True),
            OverviewRow("Saldo vorig jaar (meegenomen)", [y.carried_in for y in years]),
            *_line_rows(years, INCOME),
            OverviewRow("Totaal inkomsten", [y.total_income for y in years], total=True),
            OverviewRow("Saldo", [y.balance for y in years], total=True)]
