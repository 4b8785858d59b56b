"""What one import run carries along: the problems found so far, the tallies, and the objects by code/ref."""
import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction

from tandem.core.exceptions import DomainError, RuleViolation

Problem = tuple[str, str]
_FAILED = object()


@dataclass
class ImportContext:
    today: dt.date
    problems: list[Problem] = field(default_factory=list)
    created: Counter = field(default_factory=Counter)
    updated: Counter = field(default_factory=Counter)
    sites: dict = field(default_factory=dict)
    orgs: dict = field(default_factory=dict)
    pros: dict = field(default_factory=dict)
    region: object = None

    def problem(self, path: str, message: str) -> None:
        if (path, message) not in self.problems:
            self.problems.append((path, message))

    def is_bad(self, path: str) -> bool:
        """True when a problem was already found at `path` or inside it (skip it, do not report twice)."""
        return any(p == path or p.startswith((path + ".", path + "[")) for p, _ in self.problems)

    def attempt(self, path: str, action: Callable, item: dict | None = None):
        """Run one change in its own savepoint. A refusal becomes a problem at `path` and returns None.

        When the refusal names a field that the item has in the file, the problem points at that field.
        """
        try:
            with transaction.atomic():
                return action()
        except RuleViolation as violation:
            where = f"{path}.{violation.field}" if item and violation.field in item else path
            self.problem(where, violation.message)
        except ValidationError as error:
            self.problem(path, " ".join(error.messages))
        except (DomainError, DatabaseError) as error:
            self.problem(path, f"Tandem weigerde dit gegeven: {error}")
        return None
