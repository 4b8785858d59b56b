"""Template filters for one Dutch way of writing dates and counts; built in (settings TEMPLATES builtins)."""
from django import template

from tandem.core.counting import counted
from tandem.core.dates import dutch_date, dutch_datetime

register = template.Library()


@register.filter
def datum(value) -> str:
    """{{ day|datum }} → '23 april 2025'; nothing for no date, so `|default:"nu"` still works."""
    return dutch_date(value or None)


@register.filter
def datum_tijd(value) -> str:
    """{{ moment|datum_tijd }} → '23 april 2025 om 14:05'."""
    return dutch_datetime(value or None)


@register.filter
def aantal(count, forms: str) -> str:
    """{{ n|aantal:"netwerkberaad,netwerkberaden" }} → '1 netwerkberaad', '2 netwerkberaden', '0 netwerkberaden'.
    Dutch plurals are irregular, so both forms are written out."""
    singular, _, plural = forms.partition(",")
    try:
        number = int(count)
    except (TypeError, ValueError):
        number = len(count) if hasattr(count, "__len__") else 0
    return counted(number, singular, plural or singular)
