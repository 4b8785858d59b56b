"""Rules for personal data with a fixed shape, added to what deduce finds (or finds only partly): e-mail,
phone numbers, BSN, postcodes, licence plates, case numbers, street addresses, dates (also without a year) and
ages."""
from __future__ import annotations

import re

from tandem.cases.rules import check_bsn
from tandem.core.exceptions import RuleViolation
from tandem.privacy.vocabulary import MUNICIPALITIES
from tandem.privacy.spans import (
    ADDRESS, AGE, BIRTH_DATE, BSN, CASE_NUMBER, DATE, EMAIL, LINK, PHONE, PLATE, POSTCODE, Span,
)

MUNICIPALITIES_LOWER = frozenset(m.lower() for m in MUNICIPALITIES)
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")
_MONTH_ABBREVIATIONS = ("jan", "feb", "febr", "mrt", "apr", "jun", "jul", "aug", "sep", "sept", "okt", "nov", "dec")
MONTH = r"(?:" + "|".join(MONTHS) + r"|(?:" + "|".join(_MONTH_ABBREVIATIONS) + r")\.?)"
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_NUM_MONTH = r"(?:0?[1-9]|1[0-2])"
_YEAR = r"(?:19|20)\d{2}"
_WEEKDAY = r"(?:(?:maan|dins|woens|donder|vrij|zater|zon)dag|ma|di|wo|do|vr|za|zo)\.?"

EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-z]{2,}\b", re.IGNORECASE)
LINK_RE = re.compile(r"\b(?:https?://|www\.)[^\s<>\"]+", re.IGNORECASE)
# Dutch phone numbers: 06-12345678, 06 1234 5678, +31 6 12345678, 035-1234567, (035) 123 45 67, 0031...
PHONE_RE = re.compile(
    r"(?<![\w+])(?:(?:\+|00)31[\s-]?(?:\(0\)[\s-]?)?|\(?0)(?:[1-9]\d{0,2})\)?(?:[\s-]?\d){6,8}(?!\d)")
# 0800/0900 service numbers (Veilig Thuis 0800-2000) belong to organisations, not to a family.
_SERVICE_NUMBER = re.compile(r"^\(?0[89]00")
BSN_WORD_RE = re.compile(r"\b(?:BSN|burgerservicenummer|sofinummer)\b\W{0,3}(?:nummer\W{0,3})?"
                         r"(\d{3}[\s.]?\d{2}[\s.]?\d{2}[\s.]?\d{2}|\d{4}[\s.]?\d{2}[\s.]?\d{3}|\d{8,9})",
                         re.IGNORECASE)
NINE_DIGITS_RE = re.compile(r"(?<![\d.,-])(\d{9}|\d{4}\.\d{2}\.\d{3}|\d{3}\.\d{3}\.\d{3})(?![\d,])")
POSTCODE_RE = re.compile(r"\b[1-9]\d{3}(?: ?[A-Z]{2}|[a-z]{2})\b(?![-\w])")
_POSTCODE_NOT = {"SS", "SA", "SD"}
# Sidecodes of Dutch licence plates: six letters/digits in three groups, with at least one letter and one digit.
PLATE_RE = re.compile(r"(?<![\w-])(?=[A-Z0-9-]{8}(?![\w-]))(?=[A-Z-]*\d)(?=[\d-]*[A-Z])"
                      r"[A-Z0-9]{1,3}-[A-Z0-9]{1,3}-[A-Z0-9]{1,3}(?![\w-])", re.IGNORECASE)
_CASE_WORDS = (r"(?:zaak|dossier|registratie|melding|onderzoeks?|parket|rekest|rolnummer|referentie|"
               r"klant|cliënt|client|BVH-?)nummer|zaaknr|dossiernr|kenmerk|ons kenmerk|uw kenmerk|ref\.?|"
               r"zaak-?ID|casusnummer")
CASE_WORD_RE = re.compile(r"\b(?:" + _CASE_WORDS + r")\b\s*[:#.]?\s*((?=[\w/.-]*\d)[A-Z0-9][\w/.-]*[A-Z0-9]"
                          r"(?:\s(?:JE|RK|FA|EJ)\s?[A-Z]{0,2}\s?\d[\d/-]*)*)", re.IGNORECASE)
# Case numbers in known shapes: C/13/712345 / JE RK 24-1234, VT-2024-00123, 24/012345, 2024-0153-JB.
CASE_SHAPE_RE = re.compile(
    r"\b(?:[A-Z]/\d{2}/\d{5,7}(?:\s*/\s*[A-Z]{2}\s?[A-Z]{2}\s?\d{2}-\d{3,5})?|[A-Z]{1,4}-\d{4}-\d{3,6}"
    r"|[A-Z]{2}\s?[A-Z]{2}\s\d{2}-\d{3,5})\b")
LONG_NUMBER_RE = re.compile(r"(?<![\d.,])\d{7,}(?![\d,])")

_STREET_SUFFIX = (r"(?:straat|str|laan|ln|weg|plein|gracht|kade|dijk|dyk|singel|hof|park|pad|steeg|dreef|baan|"
                  r"ring|erf|markt|wal|plantsoen|allee|dam|brink|veld|hage|oord|poort|boulevard|kwartier|"
                  r"zijde|akker|hoeve|hout|wetering|vaart|haven|kamp|weide|donk|heuvel|dal|rode|beek|burg|berg)")
# A street name ends in a street word; it may start with up to three capitalised words ("Hoge Naarderweg",
# "Burgemeester de Bordesstraat", "Prins Bernhardlaan") or be "Laan van ...".
_STREET = (r"(?:(?!(?:Op|In|Aan|Bij|De|Het|Naar|Uit|Via|Over|Tot|Met|Vanaf|Sinds|Ze|Zij|Hij|Wij|We|Ik|Ook|En|Maar|"
           r"Wonen|Woont)\s)[A-Z][\w'’.-]*\s+(?:(?:[A-Z][\w'’.-]*|van|de|der|den|het|'t|ten|ter)\s+){0,3})?"
           r"[A-Z][\w'’-]*" + _STREET_SUFFIX + r"|(?:Laan|Plein|Hof|Singel|Kade|Dreef|Park)\s+(?:van|der|de|den|"
           r"het|\s)+\s*[A-Z][\w'’-]+")
_HOUSE_NUMBER = (r"\d{1,5}(?:[a-zA-Z](?![\w])|\s?-\s?[a-zA-Z0-9]{1,3}(?![\w])| [A-Z](?![\w])"
                 r"| (?:hs|bis|zw|rd|bv|I{1,3})(?![\w]))?(?![\w-])")
ADDRESS_RE = re.compile(r"\b(?:" + _STREET + r")\s+" + _HOUSE_NUMBER)
# Lower case in messages from families: "we wonen op de kerkstraat 12".
ADDRESS_LOWER_RE = re.compile(r"\b[a-z][a-z'-]*(?:straat|laan|weg|plein|gracht|kade|dijk|singel|hof|park|pad|"
                              r"steeg|dreef|ring|markt|plantsoen)\s+\d{1,5}[a-z]?(?![\w-])")
STREET_ONLY_RE = re.compile(r"\b(?:aan|op|in|bij|naar|via|uit|van)\s+de\s+(" + _STREET + r")\b")

_DATE_NUMERIC = (rf"{_DAY}[-/.]{_NUM_MONTH}[-/.](?:{_YEAR}|'?\d{{2}})(?!\d)|{_YEAR}-{_NUM_MONTH}-{_DAY}(?!\d)")
_DATE_WORDS = rf"{_DAY}(?:e|ste|de)?\s+{MONTH}(?:\s+'?(?:{_YEAR}|\d{{2}}))?(?![\w-])"
DATE_RE = re.compile(rf"(?<![\w/.-])(?:{_WEEKDAY}\s+)?(?:{_DATE_NUMERIC}|{_DATE_WORDS})", re.IGNORECASE)
# "op 12-3", "sinds 3/3": day and month in digits without a year, after a word that asks for a date.
DATE_SHORT_RE = re.compile(rf"\b(?:op|sinds|vanaf|tot|per|d\.d\.|dd|datum|van|na|voor|t/m|om|{_WEEKDAY}|"
                           rf"\w*(?:beraad|overleg|gesprek|bezoek|zitting|contact|afspraak|evaluatie))\s+"
                           rf"({_DAY}[-/]{_NUM_MONTH})(?![-/.]?\d)|(?<![\w-])({_DAY}[-/]{_NUM_MONTH})(?=:)",
                           re.IGNORECASE)
BIRTH_RE = re.compile(r"\b(?:geboren|geb\.|geboortedatum|geboortedag|jarig)\b[:\s]*(?:op\s+|in\s+)?", re.IGNORECASE)
_YEAR_RE = re.compile(rf"{_YEAR}(?!\d)")

_AGE_NUMBER = r"(?:\d{1,3}|een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|" \
              r"vijftien|zestien|zeventien|achttien|negentien|twintig)"
AGE_ADJECTIVE_RE = re.compile(rf"\b{_AGE_NUMBER}[- ]?jarige?\b", re.IGNORECASE)
AGE_PLAIN_RE = re.compile(rf"\b{_AGE_NUMBER}\s*(?:jaar|jr\.?)(?:\s+oud)?\b", re.IGNORECASE)
AGE_OF_RE = re.compile(r"\b(?:zoon|dochter|zoontje|dochtertje|kind|kindje|jongen|meisje|baby|broer|broertje|zus|"
                       r"zusje|tiener|puber|peuter|kleuter)\s+van\s+(" + _AGE_NUMBER + r"(?:\s+(?:jaar|maanden))?)"
                       r"(?!\s*(?:geleden|lang))\b", re.IGNORECASE)
# "al 3 jaar", "sinds 2 jaar": a duration, not an age.
_DURATION_BEFORE = re.compile(r"(?:\b(?:al|sinds|onder|boven|dan|onder de|boven de|na|over|gedurende|ruim|bijna|binnen|elke|iedere|per|nog|voor|"
                              r"vanaf|ongeveer|zeker|circa|ca\.|minstens|maximaal|max\.|hooguit|duurt|duurde|"
                              r"verlengd met|met|tot|laatste|afgelopen|eerste|komende|jaar of)\s+)$",
                              re.IGNORECASE)
_DURATION_AFTER = re.compile(r"^\s*(?:geleden|lang|later|eerder|daarna|getrouwd|samen|in de|op de|verlengd|"
                             r"onder|bij|gewerkt|gewoond|niet|nodig|duurt|voor|na|ots|ondertoezicht)", re.IGNORECASE)
_AGE_CUE = re.compile(r"(?:\b(?:is|wordt|werd|was|ben|bent|zijn|waren|leeftijd|nu|inmiddels|pas|amper|net)\s+"
                      r"(?:nu\s+|inmiddels\s+|pas\s+|al\s+)?|[(,]\s*)$", re.IGNORECASE)


# "ik ben 11.", "ze is 14 en ...": a bare number after "ben/is" that ends the clause.
AGE_BARE_RE = re.compile(r"\b(?:ik ben|hij is|zij is|ze is|is nu|is pas|is al|wordt|werd)\s+(\d{1,2})(?=\s*(?:[.,;!?)]|en\b|$))",
                         re.IGNORECASE)


def _spans(regex: re.Pattern, text: str, kind: str, group: int = 0, bonus: int = 0) -> list[Span]:
    return [Span(m.start(group), m.end(group), kind, rank_bonus=bonus) for m in regex.finditer(text)]


def is_bsn(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    try:
        check_bsn(digits)
    except RuleViolation:
        return False
    return True


def fixed_shapes(text: str) -> list[Span]:
    """Every span of a fixed shape in the text."""
    found = _spans(EMAIL_RE, text, EMAIL) + _spans(LINK_RE, text, LINK)
    found += [Span(m.start(), m.end(), PHONE) for m in PHONE_RE.finditer(text)
              if not is_service_number(m.group()) and _phone_digits_ok(m.group())]
    found += _spans(BSN_WORD_RE, text, BSN, group=1)
    found += [Span(m.start(1), m.end(1), BSN) for m in NINE_DIGITS_RE.finditer(text) if is_bsn(m.group(1))]
    found += [Span(m.start(), m.end(), POSTCODE) for m in POSTCODE_RE.finditer(text)
              if m.group()[-2:].upper() not in _POSTCODE_NOT]
    found += _spans(PLATE_RE, text, PLATE)
    found += _spans(CASE_WORD_RE, text, CASE_NUMBER, group=1) + _spans(CASE_SHAPE_RE, text, CASE_NUMBER)
    found += _spans(LONG_NUMBER_RE, text, CASE_NUMBER)
    found += [Span(m.start(), m.end(), ADDRESS) for regex in (ADDRESS_RE, ADDRESS_LOWER_RE)
              for m in regex.finditer(text) if not _is_municipality(m.group())]
    found += _spans(STREET_ONLY_RE, text, ADDRESS, group=1, bonus=-5)
    return found


def is_service_number(number: str) -> bool:
    """0800 and 0900 numbers belong to organisations (Veilig Thuis: 0800-2000), not to a family."""
    return bool(_SERVICE_NUMBER.match(number.strip()))


def _is_municipality(address: str) -> bool:
    """"Amsterdam 1" ends in -dam and a number, but is no street address."""
    return re.sub(r"\s+\d.*$", "", address).lower() in MUNICIPALITIES_LOWER


def _phone_digits_ok(number: str) -> bool:
    digits = re.sub(r"\D", "", number)
    if digits.startswith("0031"):
        digits = "0" + digits[4:]
    elif digits.startswith("31") and number.lstrip().startswith("+"):
        digits = "0" + digits[2:]
    return len(digits) == 10


def dates(text: str) -> list[Span]:
    """Dates with a day (numeric, in words, with or without a year); a date after "geboren" is a birth date."""
    found = []
    for match in DATE_RE.finditer(text):
        found.append(Span(match.start(), match.end(), _birth_or_date(text, match.start())))
    for match in DATE_SHORT_RE.finditer(text):
        group = 1 if match.group(1) else 2
        found.append(Span(match.start(group), match.end(group), _birth_or_date(text, match.start(group))))
    for match in BIRTH_RE.finditer(text):  # "geboren in 2015": the year alone identifies too
        year = _YEAR_RE.match(text, match.end())
        if year:
            found.append(Span(year.start(), year.end(), BIRTH_DATE))
    return found


def _birth_or_date(text: str, start: int) -> str:
    before = text[max(0, start - 30):start]
    return BIRTH_DATE if re.search(r"(?:geboren|geb\.|geboortedatum)\W*(?:op\s+)?$", before, re.I) else DATE


def ages(text: str) -> list[Span]:
    """Ages: "7-jarige", "zoon van 7", and "7 jaar" where the words around make it an age
    ("Noah is 7 jaar", "Noah, 7 jaar,") rather than a duration ("al 3 jaar", "OTS voor 1 jaar")."""
    found = _spans(AGE_ADJECTIVE_RE, text, AGE)
    found += _spans(AGE_OF_RE, text, AGE, group=1) + _spans(AGE_BARE_RE, text, AGE, group=1)
    for match in AGE_PLAIN_RE.finditer(text):
        before = text[max(0, match.start() - 40):match.start()]
        if is_duration(text, match.start(), match.end()):
            continue
        if _AGE_CUE.search(before) or re.match(r"\s*(?:oud|\)|,|en\b)", text[match.end():]):
            found.append(Span(match.start(), match.end(), AGE))
    return found


def is_duration(text: str, start: int, end: int) -> bool:
    """Whether the number of years at [start, end) is a duration ("al 3 jaar", "verlengd met 1 jaar")."""
    return bool(_DURATION_BEFORE.search(text[max(0, start - 40):start])
                or _DURATION_AFTER.match(re.sub(r"^\s*(?:jaar|jr\.?)", "", text[end:end + 25])))


def all_shapes(text: str) -> list[Span]:
    return fixed_shapes(text) + dates(text) + ages(text)
