"""One error hierarchy for the whole application (house style §7)."""


class DomainError(Exception):
    """Base of every error the domain raises on purpose."""


class RuleViolation(DomainError):
    """A legal guardrail or validation rule refused a change.

    `code` is stable for tests and logs; `message` is plain Dutch for the person; `field` optionally names
    the input the message is about.
    """

    def __init__(self, code: str, message: str, *, field: str | None = None):
        super().__init__(message)
        self.code = code
        self.message = message
        self.field = field

    def __str__(self) -> str:
        return self.message


class StaleEdit(RuleViolation):
    """Someone else changed the dossier after this person opened it: refuse, never overwrite."""

    def __init__(self):
        super().__init__(
            "stale_edit",
            "Iemand anders heeft dit dossier intussen gewijzigd. Uw wijziging is niet opgeslagen. "
            "Open het dossier opnieuw, bekijk de wijziging en voer uw wijziging dan nog een keer in.",
        )


class NotPermitted(RuleViolation):
    """The person may not take this action here (the rights of `cases/rules/rights.py` and the other apps'
    permission checks). Views answer it with the 403 page and its Dutch message; the API with 403 and the code.
    Catch it before `RuleViolation`, which it specialises."""

    def __init__(self, message: str = "U mag dit niet doen.", *, code: str = "not_permitted",
                 field: str | None = None):
        super().__init__(code, message, field=field)
