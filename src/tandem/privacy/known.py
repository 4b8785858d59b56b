"""Known persons (the household's members and network, from the dossier): every way their name, birth date and
other known details can be written, as spans with the person's own placeholder."""
from __future__ import annotations

import datetime
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from tandem.privacy.patterns import MONTHS
from tandem.privacy.spans import BIRTH_DATE, KNOWN, Span
from tandem.privacy.vocabulary import NAME_WORDS, RELATIONS, TITLES


@dataclass(frozen=True)
class KnownPerson:
    label: str                 # e.g. "gezinslid 1" or "netwerkpersoon 2"; placeholder becomes "[gezinslid 1]"
    given_names: str = ""      # may hold several names: "Fatima Zahra"
    prefix: str = ""           # tussenvoegsel, e.g. "van der"
    family_name: str = ""
    birth_date: datetime.date | None = None
    extra: tuple[str, ...] = ()  # other identifying strings known for this person (address, phone, BSN)


_POSSESSIVE = r"(?:['’`]s|s)?"
_INITIALS = r"(?:[A-Z]\.\s?){1,5}"
_AFTER_RELATION = r"(?:\b(?:" + "|".join(sorted(RELATIONS + TITLES, key=len, reverse=True)) + r")\.?\s+)"
_SHORT_MONTHS = ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec")


def _words(value: str) -> list[str]:
    return [w for w in re.split(r"\s+", value.strip()) if w]


def _name_regex(alternatives: Iterable[str], flags: int, before: str = "") -> re.Pattern | None:
    """One regex for all alternatives; the name itself is group "name" (`before` is context that must precede)."""
    escaped = sorted({re.escape(a) for a in alternatives if a}, key=len, reverse=True)
    if not escaped:
        return None
    body = "|".join(e.replace(r"\ ", r"\s+") for e in escaped)
    return re.compile(rf"{before}(?<![\w-])(?P<name>(?:{_INITIALS})?(?:{body}){_POSSESSIVE})(?![\w])", flags)


def _given(person: KnownPerson) -> tuple[set[str], set[str]]:
    """(given names matched in any case, given names that are also ordinary words: "Roos", "Wil", "Mark"). The
    second are matched as written, and in lower case only after a relation word ("mijn dochter roos")."""
    names = set(_words(person.given_names))
    names |= {part for name in list(names) for part in name.split("-") if len(part) > 1}
    if person.given_names.strip():
        names.add(" ".join(_words(person.given_names)))
    words = {name for name in names if name.lower() in NAME_WORDS}
    return names - words, words


def _family(person: KnownPerson) -> tuple[set[str], set[str]]:
    """(forms matched whatever their case, forms matched only as written): "van der Berg" in any case, "Berg"
    only with its capital when "berg" is also a word."""
    family = " ".join(_words(person.family_name))
    if not family:
        return set(), set()
    prefix = " ".join(_words(person.prefix))
    any_case = {f"{prefix} {family}"} if prefix else set()
    bare_is_word = family.lower() in NAME_WORDS or len(family) < 4
    as_written = {family} if bare_is_word else set()
    if not bare_is_word:
        any_case.add(family)
    parts = [p for p in re.split(r"[-\s]", family) if len(p) > 3 and p.lower() not in NAME_WORDS]
    if len(parts) > 1:  # double-barrelled: "Bakker-Yilmaz" → also "Yilmaz"
        any_case.update(parts)
    return any_case, as_written


def date_forms(day: datetime.date) -> list[str]:
    """Ways a date is written in Dutch: 3 maart 2015, 03-03-2015, 3-3-2015, 3/3/15, 2015-03-03, 3 maart, 3 mrt."""
    d, m, y = day.day, day.month, day.year
    forms = [f"{d} {MONTHS[m - 1]} {y}", f"{d:02d} {MONTHS[m - 1]} {y}", f"{d} {_SHORT_MONTHS[m - 1]} {y}",
             day.isoformat(), f"{d} {MONTHS[m - 1]}", f"{d} {_SHORT_MONTHS[m - 1]}"]
    for sep in "-/.":
        for dd in {f"{d}", f"{d:02d}"}:
            for mm in {f"{m}", f"{m:02d}"}:
                forms += [f"{dd}{sep}{mm}{sep}{y}", f"{dd}{sep}{mm}{sep}{y % 100:02d}"]
    return forms


class KnownMatcher:
    """All patterns of a list of known persons, compiled once per Pseudonymiser."""

    def __init__(self, persons: Sequence[KnownPerson]) -> None:
        self._patterns: list[tuple[re.Pattern, str, str]] = []
        for person in persons:
            names, word_names = _given(person)
            any_case, as_written = _family(person)
            regexes = [_name_regex(names | any_case, re.IGNORECASE), _name_regex(as_written | word_names, 0),
                       _name_regex(word_names, re.IGNORECASE, before=_AFTER_RELATION),
                       _name_regex((e for e in person.extra if len(e.strip()) > 2), re.IGNORECASE)]
            self._patterns += [(regex, KNOWN, person.label) for regex in regexes if regex is not None]
            if person.birth_date:
                forms = sorted(set(date_forms(person.birth_date)), key=len, reverse=True)
                body = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
                regex = re.compile(rf"(?<![\w/.-])(?P<name>{body})(?![\w/-]|\.\d)", re.IGNORECASE)
                self._patterns.append((regex, BIRTH_DATE, ""))

    def spans(self, text: str) -> list[Span]:
        found = []
        for regex, kind, label in self._patterns:
            bonus = 40 if kind == BIRTH_DATE else 0  # a known birth date beats any other reading of that date
            found += [Span(m.start("name"), m.end("name"), kind, label=label, rank_bonus=bonus)
                      for m in regex.finditer(text)]
        return found
