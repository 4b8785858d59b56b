"""Model bases shared by the apps."""
from django.db import models

from tandem.core.text import check_texts_of


class TextChecked(models.Model):
    """Every character field is checked on save: no NUL character, no more than the field holds (SQLite does not
    enforce a length and would store a NUL). Refused with a Dutch `RuleViolation` naming the field."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        check_texts_of(self)
        super().save(*args, **kwargs)
