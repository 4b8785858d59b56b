"""Spans of a text that are to be replaced, and how overlapping spans are resolved."""
from __future__ import annotations

import re
from dataclasses import dataclass, replace

# Placeholder kinds (the Dutch text between the brackets).
PERSON = "persoon"
DATE = "datum"
BIRTH_DATE = "geboortedatum"
AGE = "leeftijd"
ADDRESS = "adres"
POSTCODE = "postcode"
PHONE = "telefoonnummer"
EMAIL = "e-mail"
BSN = "BSN"
PLATE = "kenteken"
CASE_NUMBER = "zaaknummer"
PLACE = "plaats"
LINK = "link"
KNOWN = "known"  # a known person: the placeholder is the person's label
KEEP = "keep"  # a domain word or organisation: blocks weaker spans, is never replaced

# Higher rank wins an overlap; between equal ranks the longer span wins.
RANK = {KNOWN: 100, LINK: 95, EMAIL: 90, BSN: 85, PHONE: 80, PLATE: 80, CASE_NUMBER: 80, POSTCODE: 75,
        ADDRESS: 70, KEEP: 66, BIRTH_DATE: 65, DATE: 60, PERSON: 50, AGE: 45, PLACE: 20}


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    label: str = ""  # a known person's label
    rank_bonus: int = 0  # rules that are surer than deduce get a bonus over deduce's span of the same kind

    @property
    def rank(self) -> int:
        return RANK[self.kind] + self.rank_bonus


_WORD = re.compile(r"[^\W\d_]{2,}")


def resolve(spans: list[Span], text: str, significant) -> list[Span]:
    """Non-overlapping spans, in text order. A span that loses part of its characters to a stronger one keeps
    the parts that still hold a `significant` word (so "Jan" in a deduce span "Jan en Noah de Vries" survives
    when a known person takes "Noah de Vries")."""
    taken: list[Span] = []
    for span in sorted(spans, key=lambda s: (-s.rank, -(s.end - s.start), s.start)):
        for piece in _uncovered(span, taken, text):
            if piece == span or any(significant(m.group()) for m in _WORD.finditer(text, piece.start, piece.end)):
                taken.append(piece)
    return _merge(sorted(taken, key=lambda s: s.start), text)


def _uncovered(span: Span, taken: list[Span], text: str) -> list[Span]:
    pieces = [span]
    for other in taken:
        next_pieces = []
        for piece in pieces:
            if other.end <= piece.start or other.start >= piece.end:
                next_pieces.append(piece)
                continue
            if piece.start < other.start:
                next_pieces.append(replace(piece, end=other.start))
            if other.end < piece.end:
                next_pieces.append(replace(piece, start=other.end))
        pieces = next_pieces
    if pieces == [span]:
        return pieces
    trimmed = (_trim(piece, text) for piece in pieces)
    return [piece for piece in trimmed if piece.end > piece.start]


def _trim(span: Span, text: str) -> Span:
    """Without the spaces and punctuation at either end."""
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return replace(span, start=start, end=end)


_GLUE = re.compile(r"[\s\-]*")


def _merge(spans: list[Span], text: str) -> list[Span]:
    """Join neighbours of the same person (or the same known person) separated only by spaces or a hyphen:
    "Fatima" + "el Amrani" become one placeholder."""
    merged: list[Span] = []
    for span in spans:
        if merged:
            last = merged[-1]
            between = text[last.end:span.start]
            if (last.kind == span.kind and last.label == span.label and span.kind in (PERSON, KNOWN)
                    and _GLUE.fullmatch(between)):
                merged[-1] = replace(last, end=span.end)
                continue
        merged.append(span)
    return merged
