"""One check for text that enters Tandem, whichever way it comes (form, import, service call): no NUL character
(PostgreSQL refuses it with an error, SQLite would store it) and no more than the field holds (SQLite does not
enforce a length). Pure: raises `RuleViolation`, like the rules of every app."""
from tandem.core.exceptions import RuleViolation

# Free text without a column limit (notes, reasons, experiences): long enough for any real note.
FREE_TEXT_MAX = 20_000


def check_text(value: str | None, *, field: str, max_length: int | None = FREE_TEXT_MAX) -> None:
    """Refuse a NUL character or more than `max_length` characters in `value` (None and '' pass)."""
    if not value:
        return
    if "\x00" in value:
        raise RuleViolation("text_nul", "De tekst bevat een onzichtbaar nulteken (NUL). Haal het weg en "
                            "probeer het opnieuw.", field=field)
    if max_length is not None and len(value) > max_length:
        raise RuleViolation("text_too_long", f"De tekst is te lang: {_number(len(value))} tekens, hoogstens "
                            f"{_number(max_length)}.", field=field)


def _number(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def check_texts_of(instance) -> None:
    """`check_text` over every character field of a model instance, with the field's own limit (a single-row
    check; `TextChecked.save` runs it however the row is saved: a service, the import, the demo)."""
    from django.db import models

    for model_field in instance._meta.concrete_fields:
        if isinstance(model_field, (models.CharField, models.TextField)) and not model_field.choices:
            check_text(getattr(instance, model_field.attname), field=model_field.name,
                       max_length=model_field.max_length or FREE_TEXT_MAX)
