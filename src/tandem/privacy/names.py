"""Names and places deduce misses: names after a relation or title ("mijn dochter roos", "mevrouw Bos"),
lower-case first names in messages from families, and neighbourhoods or villages named as such ("de wijk
Kerkelanden")."""
from __future__ import annotations

import re
from functools import cache

from tandem.privacy import engine
from tandem.privacy.spans import KNOWN, PERSON, PLACE, Span
from tandem.privacy.vocabulary import MUNICIPALITIES, NAME_WORDS, NOT_NAMES, RELATIONS, ROLES, TITLES

MUNICIPALITIES_LOWER = frozenset(m.lower() for m in MUNICIPALITIES)

_INTERFIX = r"(?:van|de|der|den|het|ten|ter|te|'t|el|al|ben|bin|da|di|du|la|le|von|zu)"
_CAP = r"[A-ZÀ-Þ][\w'’]*(?:-[A-ZÀ-Þ][\w'’]*)?"
_LOWER = r"[a-zß-ÿ][a-zß-ÿ'’]+"
_REL = "|".join(sorted((re.escape(r) for r in RELATIONS + TITLES + ROLES), key=len, reverse=True))
_FAMILY = ("moeder|vader|dochter|zoon|broer|zus|oma|opa|tante|oom|neef|nicht|stiefvader|stiefmoeder|pleegvader|"
           "pleegmoeder|buurvrouw|buurman|grootmoeder|grootvader|halfbroer|halfzus")
# "moeder Fatima", "mijn dochter roos", "mevrouw De Vries", "dhr. A. Bos", "oma (Truus)".
RELATION_NAME_RE = re.compile(
    rf"\b(?i:{_REL})\.?\s+\(?((?:[A-Z]\.\s?)*(?:{_INTERFIX}\s+){{0,3}}(?:{_CAP}|{_LOWER})"
    rf"(?:\s+(?:{_INTERFIX}\s+){{0,3}}{_CAP})?)")
LOWER_PLACE_RE = re.compile(r"\b(?:in|naar|uit|te|bij|richting|vanuit)\s+(?!(?:de|het|een|'t|die|dat|deze|dit)\b)(" + _LOWER + r"(?:[- ]" + _LOWER + r")?)")
# "in de Schilderswijk", "uit het Spoorkwartier": a named neighbourhood.
NEIGHBOURHOOD_RE = re.compile(r"\b(?:in|uit|naar|bij|door)\s+(?:de|het|'t)\s+([A-Z][\w-]*(?:wijk|buurt|kwartier|polder))\b")
PLACE_RE = re.compile(r"\b(?:wijk|buurt|woonwijk|dorp|dorpje|kern|stadsdeel|buurtschap|gehucht|woonplaats)"
                      r"\s+(?:de\s+|het\s+|'t\s+)?(" + _CAP + r"(?:\s" + _CAP + r")?)")
TOKEN_RE = re.compile(r"(?<![\w'’-])(" + _LOWER + r")(?![\w-])")
NEXT_NAME_RE = re.compile(rf"\s+((?:{_INTERFIX}\s+){{0,3}}{_LOWER})")


@cache
def raw_names() -> tuple[frozenset[str], frozenset[str]]:
    """deduce's first names and family names, lower-cased."""
    from deduce.lookup_structs import load_raw_itemsets  # noqa: PLC0415

    engine.get_engine()
    items = load_raw_itemsets(base_path=engine.lookup_path(), subdirs=["names/lst_first_name", "names/lst_surname"])
    return (frozenset(n.lower() for n in items["first_name"]), frozenset(n.lower() for n in items["surname"]))


@cache
def raw_places() -> frozenset[str]:
    """deduce's place names, lower-cased."""
    from deduce.lookup_structs import load_raw_itemsets  # noqa: PLC0415

    items = load_raw_itemsets(base_path=engine.lookup_path(), subdirs=["locations/lst_placename"])
    return frozenset(n.lower() for n in items["placename"])


def _ordinary(word: str) -> bool:
    lower = word.lower()
    return lower in NOT_NAMES or lower in NAME_WORDS or engine.in_whitelist(lower)


def after_relations(text: str) -> list[Span]:
    first_names, surnames = raw_names()
    found = []
    for match in RELATION_NAME_RE.finditer(text):
        name, start = match.group(1), match.start(1)
        relation = text[match.start():start].strip(" .(").lower()
        if relation not in TITLES and name.lower().startswith("van "):  # "moeder van Noah": van is "of"
            name, start = name[4:], start + 4
        head = re.sub(r"^(?:[A-Z]\.\s?)*", "", name).split()
        if not head:
            continue
        words = [w for w in head if not re.fullmatch(_INTERFIX, w, re.IGNORECASE)]
        if not words:
            continue
        first = words[0].strip("'’")
        if first[0].isupper():  # a capital after "opa" or "mevrouw" is a name, unless it is a stop word
            if first.lower() in NOT_NAMES or engine.is_stop_word(first.lower()):
                continue
        elif first.lower() not in first_names or first.lower() in NOT_NAMES or engine.in_whitelist(first.lower()):
            continue
        end = match.end(1)
        last = words[-1].lower()
        if len(words) > 1 and _ordinary(last) and last not in surnames:  # "moeder Fatima Vandaag" → Fatima
            end = start + name.rfind(words[-1]) - 1
        found.append(Span(start, end, PERSON, rank_bonus=5))
    return found


# "Hoop, de dochter van ...", "Anton (vader)": a capitalised word that a relation describes is a name.
APPOSITION_RE = re.compile(rf"(?<![\w-])({_CAP})(?=\s*(?:,\s*(?:de|het|haar|zijn|mijn|onze)\s+(?i:{_FAMILY})\s+van\b|"
                           rf"\(\s*(?i:{_FAMILY})\s*\)))")


def appositions(text: str) -> list[Span]:
    found = []
    for match in APPOSITION_RE.finditer(text):
        word = match.group(1).lower()
        if word not in NOT_NAMES and not engine.is_stop_word(word):
            found.append(Span(match.start(1), match.end(1), PERSON))
    return found


_AND_BEFORE = re.compile(rf"(?<![\w-])({_CAP})(?:\s*\([^()]{{0,15}}\))?\s+(?:en|&)\s+$")
_AND_AFTER = re.compile(rf"(?:\s*\([^()]{{0,15}}\))?\s+(?:en|&)\s+({_CAP})(?![\w-])")
_SENTENCE_START = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")  # searched in the few characters before a word


def coordinated(spans: list[Span], text: str) -> list[Span]:
    """"Storm en Hemelsblauw", "Lot en Lucas": a capitalised word joined by "en" to a name is a name too, unless
    it is a stop word or a domain word (or, at the start of a sentence, an ordinary word)."""
    found = []
    for span in spans:
        if span.kind not in (PERSON, KNOWN):
            continue
        before = _AND_BEFORE.search(text, max(0, span.start - 40), span.start)
        after = _AND_AFTER.match(text, span.end)
        for match in (m for m in (before, after) if m):
            word = match.group(1)
            at_start = bool(_SENTENCE_START.search(text, max(0, match.start(1) - 5), match.start(1)))
            if word.lower() in NOT_NAMES or engine.is_stop_word(word.lower()) or (at_start and _ordinary(word)):
                continue
            if not any(s.start < match.end(1) and match.start(1) < s.end for s in spans):
                found.append(Span(match.start(1), match.end(1), PERSON))
    return found


def lower_case_names(text: str) -> list[Span]:
    """First names written in lower case ("ik en fatima", "noah wil niet"), with a family name that follows."""
    first_names, surnames = raw_names()
    found = []
    for match in TOKEN_RE.finditer(text):
        word = match.group(1)
        if len(word) < 3 or word not in first_names or _ordinary(word):
            continue
        end = match.end()
        following = NEXT_NAME_RE.match(text, end)
        if following and following.group(1).split()[-1] in surnames and not _ordinary(following.group(1).split()[-1]):
            end = following.end()
        found.append(Span(match.start(), end, PERSON))
    return found


def places(text: str) -> list[Span]:
    """Neighbourhoods and villages: "de wijk Kerkelanden", and place names in lower case ("in kortenhoef")
    that are no municipality (those stay) and no ordinary word."""
    found = [Span(m.start(1), m.end(1), PLACE, rank_bonus=5) for regex in (PLACE_RE, NEIGHBOURHOOD_RE)
             for m in regex.finditer(text)]
    known_places = raw_places()
    for match in LOWER_PLACE_RE.finditer(text):
        words = match.group(1)
        for candidate in (words, words.split()[0]):
            if candidate in known_places and candidate not in MUNICIPALITIES_LOWER and not _ordinary(candidate):
                found.append(Span(match.start(1), match.start(1) + len(candidate), PLACE))
                break
    return found


def all_names(text: str) -> list[Span]:
    return after_relations(text) + appositions(text) + lower_case_names(text) + places(text)
