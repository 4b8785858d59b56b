"""TEMPORARY stand-in (lead's worktree only) until the pseudo branch lands with the deduce-based version."""
import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

MONTHS = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december"]


@dataclass(frozen=True)
class KnownPerson:
    label: str
    given_names: str = ""
    prefix: str = ""
    family_name: str = ""
    birth_date: dt.date | None = None
    extra: tuple[str, ...] = ()


def _date_forms(day: dt.date) -> list[str]:
    return [f"{day.day} {MONTHS[day.month - 1]} {day.year}", f"{day:%d-%m-%Y}", f"{day.day}-{day.month}-{day.year}",
            day.isoformat(), f"{day.day} {MONTHS[day.month - 1]}"]


class Pseudonymiser:
    def __init__(self, *, known: Sequence[KnownPerson] = (), keep: Iterable[str] = ()) -> None:
        self.replacements: list[tuple[str, str]] = []
        for person in known:
            placeholder = f"[{person.label}]"
            names = [f"{person.given_names} {person.prefix} {person.family_name}".replace("  ", " ").strip(),
                     f"{person.prefix} {person.family_name}".strip(), person.family_name,
                     *person.given_names.split(), *person.extra]
            self.replacements += [(n, placeholder) for n in names if n]
            if person.birth_date:
                self.replacements += [(d, "[geboortedatum]") for d in _date_forms(person.birth_date)]
        self.replacements.sort(key=lambda r: -len(r[0]))

    def text(self, value: str) -> str:
        for old, new in self.replacements:
            value = re.sub(rf"(?<!\w){re.escape(old)}(?!\w)", new, value, flags=re.IGNORECASE)
        value = re.sub(r"\b\d{4}\s?[A-Z]{2}\b", "[postcode]", value)
        value = re.sub(r"\b[A-Z][a-z]+(straat|weg|laan|plein|gracht|kade|dijk)\s+\d+\w?\b", "[adres]", value)
        value = re.sub(r"\b0\d[\d\- ]{8,}\b", "[telefoonnummer]", value)
        value = re.sub(r"\S+@\S+", "[e-mail]", value)
        return value

    def texts(self, values: Sequence[str]) -> list[str]:
        return [self.text(v) for v in values]


def pseudonymise_texts(values: Sequence[str]) -> list[str]:
    return Pseudonymiser().texts(values)
