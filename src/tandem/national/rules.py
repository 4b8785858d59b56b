"""The national programme's rules, pure functions (no queries): what a hand-over must hold to be taken in, when a
later one replaces an earlier one, and the research export's disclosure check.

Sources: issue "Tandem 11" (only approved quarters leave a region; a corrected re-approval replaces the earlier
one); the monitor's CBS rule (`tandem.monitor.disclosure`, shared/docs/research.md §3) for the figures; for the
research export the usual threshold rule of statistical disclosure control (a combination of key variables
describing fewer than k units is not released; Hundepool et al., *Statistical Disclosure Control*, 2012, §4.2,
as shared/docs/research.md describes for micro data), k = TANDEM_RESEARCH_K (default 5).
"""
import datetime as dt
from collections import defaultdict
from collections.abc import Iterable

from tandem.core.dates import dutch_date
from tandem.core.exceptions import RuleViolation
from tandem.monitor.rules import MonitorError, parse_quarter

FORMAT = "tandem-landelijke-overdracht"
VERSION = 1
DOCUMENT_KEYS = {"format", "version", "region", "quarter", "approved", "approved_at", "created_at", "monitor",
                 "lessons", "improvements"}


def _refuse(code: str, message: str):
    raise RuleViolation(code, message)


def _approved_at(text) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(str(text))
    except ValueError:
        moment = None
    if moment is None or moment.tzinfo is None:
        _refuse("not_approved", "Het document zegt niet wanneer het kwartaal is goedgekeurd; alleen goedgekeurde "
                                "kwartalen worden ingelezen.")
    return moment


def check_document(document: dict) -> tuple[str, str, dt.datetime]:
    """(region code, quarter, approval moment) of a signed document, or RuleViolation. Checked after the
    signature, so a refusal here is about what the region sent, not about tampering."""
    if document.get("format") != FORMAT or document.get("version") != VERSION:
        _refuse("wrong_format", "Dit document is geen landelijke overdracht van Tandem (versie 1).")
    missing = sorted(DOCUMENT_KEYS - set(document))
    if missing:
        _refuse("incomplete", f"Het document is onvolledig: {', '.join(missing)} ontbreekt.")
    region = document["region"]
    if not isinstance(region, dict) or not str(region.get("code") or "").strip():
        _refuse("incomplete", "Het document noemt geen regio.")
    try:
        quarter = parse_quarter(str(document["quarter"])).label
    except MonitorError as error:
        raise RuleViolation("quarter_unknown", str(error)) from error
    if document["approved"] is not True:
        _refuse("not_approved", f"Het kwartaal {quarter} van regio {region['code']} is niet goedgekeurd. Alleen een "
                                "kwartaal dat de coördinator van de regio heeft goedgekeurd, wordt ingelezen.")
    moment = _approved_at(document["approved_at"])
    if not isinstance(document["monitor"], dict) or document["monitor"].get("disclosure") != "cbs":
        _refuse("not_protected", "De cijfers in het document zijn niet beveiligd met de CBS-regel; ze worden "
                                 "niet ingelezen.")
    parts = (document["lessons"], document["improvements"])
    if not all(isinstance(part, list) and all(isinstance(item, dict) for item in part) for part in parts):
        _refuse("incomplete", "De lessen of verbetervoorstellen in het document zijn onleesbaar.")
    forms = document["monitor"].get("D", {})
    if not isinstance(forms, dict) or not all(isinstance(values, dict) for values in forms.values()):
        _refuse("incomplete", "De cijfers per vorm (vraag D) in het document zijn onleesbaar.")
    return str(region["code"]).strip(), quarter, moment


def check_key_owner(key_region: str, document_region: str) -> None:
    if key_region != document_region:
        _refuse("other_region_key", f"Het document over regio {document_region} is ondertekend met de sleutel van "
                                    f"regio {key_region}. Het wordt niet ingelezen.")


def check_not_seen(seen: bool) -> None:
    """The very same signed file was imported before (perhaps replaced since)."""
    if seen:
        _refuse("already_imported", "Dit document is al eerder ingelezen. Er is niets veranderd.")


def check_replacement(*, earlier_approved_at: dt.datetime | None, earlier_digest: str | None,
                      approved_at: dt.datetime, digest: str, imported_on: dt.date | None = None) -> bool:
    """Whether the document replaces an earlier import of the same region and quarter (True), is the first (False),
    or is refused: the same document again, the same approval again, or an approval older than the current one."""
    if earlier_approved_at is None:
        return False
    when = f" op {dutch_date(imported_on)}" if imported_on else ""
    if digest == earlier_digest or approved_at == earlier_approved_at:
        _refuse("already_imported", f"Dit kwartaal is al ingelezen{when}, met dezelfde goedkeuring. Er is niets "
                                    "veranderd.")
    if approved_at < earlier_approved_at:
        _refuse("older_approval", "Er is al een latere goedkeuring van dit kwartaal ingelezen. Een oudere versie "
                                  "vervangt die niet.")
    return True


# --------------------------------------------------------------------------------- the research export

AGE_BANDS = ((0, 3, "0-3"), (4, 11, "4-11"), (12, 17, "12-17"), (18, 22, "18-22"), (23, 200, "23+"))
UNKNOWN = "onbekend"
# The heaviest form of the quarter is a row's form in the disclosure check (domain: groen → oranje → rood).
FORM_WEIGHT = {"red": 5, "orange": 4, "green": 3, "consult": 2, "other": 1}


def age_on(born: dt.date, day: dt.date) -> int:
    return day.year - born.year - ((day.month, day.day) < (born.month, born.day))


def age_band(born: dt.date | None, day: dt.date) -> str:
    if born is None:
        return UNKNOWN
    age = age_on(born, day)
    return next((label for low, high, label in AGE_BANDS if low <= age <= high), UNKNOWN)


def main_form(forms: Iterable[str]) -> str:
    forms = [form for form in forms if form in FORM_WEIGHT]
    return max(forms, key=FORM_WEIGHT.__getitem__) if forms else "geen"


def month(day: dt.date | None) -> str:
    return f"{day:%Y-%m}" if day else ""


COMBINATION = ("region", "quarter", "age_band", "form")


def suppress(rows: list[dict], k: int, *, household: str = "household") -> tuple[list[dict], list[dict]]:
    """(rows kept, combinations suppressed). Every combination of region, quarter, age band and form that holds
    fewer than k distinct households is left out entirely; a combination of exactly k is kept."""
    if k < 1:
        raise RuleViolation("k_invalid", "De drempel k is ten minste 1.")
    households = defaultdict(set)
    for row in rows:
        households[tuple(row[name] for name in COMBINATION)].add(row[household])
    small = {combination for combination, found in households.items() if len(found) < k}
    kept = [row for row in rows if tuple(row[name] for name in COMBINATION) not in small]
    suppressed = [dict(zip(COMBINATION, combination)) for combination in sorted(small)]
    return kept, suppressed
