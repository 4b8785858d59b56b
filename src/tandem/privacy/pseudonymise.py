"""The pseudonymiser: one function for every free text that leaves the dossier's need-to-know circle (the
anonymous view of an advice/consult, the national hand-over, `tandem pseudonymise`).

Known persons (the household's members and network) become their own placeholder ("[gezinslid 1]"); everything
else deduce or Tandem's own rules find becomes a typed placeholder ("[persoon 1]", "[datum]", "[adres]", ...).
Domain words, organisations and municipality names stay. See docs/pseudonymisation.md for what it finds, what
it misses and the measured figures.
"""
from __future__ import annotations

import re
import threading
from collections.abc import Iterable, Sequence

from tandem.privacy import engine, names, patterns
from tandem.privacy.known import KnownMatcher, KnownPerson
from tandem.privacy.spans import (
    ADDRESS, AGE, BSN, CASE_NUMBER, DATE, EMAIL, KEEP, KNOWN, LINK, PERSON, PHONE, PLACE, POSTCODE, Span,
    resolve,
)
from tandem.privacy.vocabulary import DOMAIN, MUNICIPALITIES, NAME_WORDS, NOT_NAMES

__all__ = ["KnownPerson", "Pseudonymiser", "prepare", "prepare_in_background", "pseudonymise_texts"]

# deduce's tags and the placeholder kinds they become (locatie is split below).
_FROM_DEDUCE = {"persoon": PERSON, "datum": DATE, "leeftijd": AGE, "telefoonnummer": PHONE,
                "emailadres": EMAIL, "bsn": BSN, "id": CASE_NUMBER, "url": LINK}
_DEDUCE_BONUS = -10  # Tandem's own rules are more precise about the shape of what they find.
_PARTICLES = {"van", "de", "der", "den", "het", "ten", "ter", "te", "el", "al", "ben", "da", "di", "du", "la", "le",
              "von", "'t", "mevrouw", "meneer", "mw", "dhr", "mevr"}


def _phrase_regex(phrases: Iterable[str]) -> re.Pattern | None:
    parts = sorted({re.escape(p.strip()).replace(r"\ ", r"\s+") for p in phrases if p.strip()}, key=len, reverse=True)
    if not parts:
        return None
    return re.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])", re.IGNORECASE)


_DOMAIN_RE = _phrase_regex(DOMAIN)
_MUNICIPALITY_RE = re.compile(_phrase_regex(MUNICIPALITIES).pattern)  # case matters: "best" is a word


class Pseudonymiser:
    """Pseudonymises texts. One instance numbers unknown persons stably: the same name gets the same
    "[persoon N]" in every text it handles. Not shared between threads (make one per request or job)."""

    def __init__(self, *, known: Sequence[KnownPerson] = (), keep: Iterable[str] = ()) -> None:
        self._known = KnownMatcher(known)
        self._keep = _phrase_regex(keep)
        self._numbers: dict[str, int] = {}

    def text(self, value: str) -> str:
        if not value or not value.strip():
            return value
        spans = self._spans(value)
        out, position = [], 0
        for span in spans:
            if span.start < position:  # never two placeholders for one character
                continue
            out += [value[position:span.start], self._placeholder(span, value[span.start:span.end])]
            position = span.end
        out.append(value[position:])
        return "".join(out)

    def texts(self, values: Sequence[str]) -> list[str]:
        return [self.text(v) for v in values]

    # -- finding ---------------------------------------------------------------------------------------------
    def _spans(self, text: str) -> list[Span]:
        found = self._known.spans(text) + patterns.all_shapes(text) + names.all_names(text)
        found += _deduce_spans(text)
        keep = [Span(m.start(), m.end(), KEEP) for regex in (_DOMAIN_RE, self._keep) if regex
                for m in regex.finditer(text) if not _capitalised_word_not_term(m.group(), text, m.start())]
        municipalities = [(m.start(), m.end()) for m in _MUNICIPALITY_RE.finditer(text)]
        resolved = resolve(found + keep, text, _significant)
        spans = [s for s in resolved if s.kind != KEEP and not _inside_municipality(s, text, municipalities)]
        spans = [_with_given_name(s, text, spans) for s in spans]
        spans += names.coordinated(spans, text)
        return sorted(spans + _ages_after_names(spans, text), key=lambda s: s.start)

    # -- replacing -------------------------------------------------------------------------------------------
    def _placeholder(self, span: Span, original: str) -> str:
        if span.kind == KNOWN:
            return f"[{span.label}]"
        if span.kind == PERSON:
            return f"[persoon {self._number(original)}]"
        return f"[{span.kind}]"

    def _number(self, name: str) -> int:
        words = [w for w in re.findall(r"[^\W\d_][\w'’-]*", name.lower()) if w not in _PARTICLES]
        words = [re.sub(r"(['’]s)$", "", w) for w in words]
        whole = " ".join(words)
        number = self._numbers.get(whole)
        if number is None and words:
            number = self._numbers.get(words[0]) if len(words) > 1 else self._numbers.get(whole)
        if number is None:
            number = len(set(self._numbers.values())) + 1
        for key in [whole, *words]:
            self._numbers.setdefault(key, number)
        return number


_NUMBER_AFTER = re.compile(r"\.?\s*\d")
# A full stop that ends a sentence: not after an initial ("J.P. Brinkman") or a title ("Mw. Oude Veldhuis").
_SENTENCE_END = re.compile(r"(?<![\s.][A-Z])(?<!\b(?:Mw|Hr|Dr|Mr|Ir))(?<!\bDhr)(?<!\bMevr)(?<!\bDrs)[.!?]\s+(?=[A-Z])",
                           re.IGNORECASE)


def _deduce_spans(text: str) -> list[Span]:
    spans = []
    for found in _split_sentences(engine.annotate(text), text):
        kind = _FROM_DEDUCE.get(found.tag)
        if found.tag == "locatie":
            if patterns.POSTCODE_RE.fullmatch(found.text.strip()):
                kind = POSTCODE
            else:
                kind = ADDRESS if any(c.isdigit() for c in found.text) else PLACE
        if kind is None or (kind == AGE and (patterns.is_duration(text, found.start, found.end)
                                             or re.search(r"\d\s*-\s*\d", found.text))):
            continue  # a duration ("al 3 jaar") or a range ("0-100 jaar") is no one's age
        if kind == PHONE and patterns.is_service_number(found.text):
            continue
        if kind == PERSON and " " not in found.text and _NUMBER_AFTER.match(text, found.end):
            continue  # "Max. 3 maanden", "Max 12": an abbreviation before a number, not a name
        spans.append(Span(found.start, found.end, kind, rank_bonus=_DEDUCE_BONUS))
    return spans


_LOWER_TERMS = frozenset(term for term in DOMAIN if term.islower())


def _capitalised_word_not_term(found: str, text: str, start: int) -> bool:
    """A lower-case domain word written with a capital inside a sentence is a name: "Anton Groen" is not the
    form of involvement "groen"."""
    if found.lower() not in _LOWER_TERMS or not found[0].isupper():
        return False
    return start > 0 and not re.search(r"(?:[.!?:;(/•*-]\s*|\n\s*)$", text[max(0, start - 3):start])


def _split_sentences(found: list[engine.Found], text: str) -> list[engine.Found]:
    """deduce joins neighbouring names across a full stop ("Saar. Luuk vertelde"): split them again."""
    result = []
    for item in found:
        start = item.start
        for stop in _SENTENCE_END.finditer(text, item.start, item.end):
            result.append(engine.Found(start, stop.start(), item.tag, text[start:stop.start()]))
            start = stop.end()
        result.append(engine.Found(start, item.end, item.tag, text[start:item.end]))
    return result


_WORDS = re.compile(r"\w+")
_LEADING_PARTICLES = re.compile(r"(?:(?:in|te|uit|van|de|het|naar|bij)\s+)+", re.IGNORECASE)


def _inside_municipality(span: Span, text: str, municipalities: list[tuple[int, int]]) -> bool:
    """A name or place that is (a list of) municipality names ("Hilversum", deduce's "te Huizen", "Gooise Meren
    Hilversum") stays. Only whole containment: in "Jan van Buren" the family name goes, although Buren is a
    municipality."""
    if span.kind not in (PERSON, PLACE, ADDRESS) or any(c.isdigit() for c in text[span.start:span.end]):
        return False
    lead = _LEADING_PARTICLES.match(text, span.start, span.end)
    start = lead.end() if lead else span.start
    return all(any(s <= m.start() and m.end() <= e for s, e in municipalities)
               for m in _WORDS.finditer(text, start, span.end))


_AGE_AFTER_NAME = re.compile(r"\s+(?:is|wordt|werd|was)\s+(?:nu\s+|pas\s+|al\s+)?(\d{1,2})(?=\s*(?:[.,;!?)]|en\b|$))"
                             r"|\s*\(\s*(\d{1,2})(?:\s*(?:jaar|jr\.?|j\.?))?\s*\)")


def _ages_after_names(spans: list[Span], text: str) -> list[Span]:
    """"Roos is 14 en ...", "Noah (7)": a bare number right after a name is an age ("Hilversum (4)" is not)."""
    found = []
    for span in spans:
        match = _AGE_AFTER_NAME.match(text, span.end) if span.kind in (PERSON, KNOWN) else None
        group = (1 if match.group(1) else 2) if match else 0
        if match and not any(s.start <= match.start(group) < s.end for s in spans):
            found.append(Span(match.start(group), match.end(group), AGE))
    return found


_CAPITALISED = re.compile(r"([A-ZÀ-Þ][a-zß-ÿ]+) $")


def _with_given_name(span: Span, text: str, spans: list[Span]) -> Span:
    """deduce leaves a first name that is also a word ("Wil", "Roos") out of "Wil Hofman": take it in."""
    if span.kind != PERSON:
        return span
    before = _CAPITALISED.search(text, max(0, span.start - 20), span.start)
    if before and any(other.end > before.start(1) and other.start < span.start for other in spans):
        return span  # the word before is already someone's placeholder
    if before and before.group(1).lower() in names.raw_names()[0] and before.group(1).lower() not in NOT_NAMES:
        return Span(before.start(1), span.end, span.kind, span.label, span.rank_bonus)
    return span


def _significant(word: str) -> bool:
    """A word left over from a cut name span that may still be (part of) a name ("Vos" after "Ingrid")."""
    lower = word.lower()
    if word[0].isupper() and lower in names.raw_names()[1]:
        return True
    return not (lower in NOT_NAMES or lower in _PARTICLES or lower in NAME_WORDS or engine.in_whitelist(lower))


def prepare() -> None:
    """Load deduce and the name lists now (a few seconds, once per process) instead of at the first text."""
    engine.get_engine()
    names.raw_names()
    names.raw_places()


def prepare_in_background() -> threading.Thread:
    """`prepare()` in a daemon thread, e.g. when a web worker starts, so no request waits for it."""
    thread = threading.Thread(target=prepare, name="pseudonymiser-prepare", daemon=True)
    thread.start()
    return thread


def pseudonymise_texts(values: Sequence[str]) -> list[str]:
    """A fresh Pseudonymiser over a list (the `tandem pseudonymise` command): numbering stable across the list."""
    return Pseudonymiser().texts(values)
