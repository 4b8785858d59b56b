"""Template filters of the budget pages."""
from django import template

from tandem.budget import rules

register = template.Library()


@register.filter
def euro(amount) -> str:
    """`€ 1.234,56`; a line that is not there: `–`."""
    return rules.euro(amount)


@register.filter
def percent(value) -> str:
    return "–" if value is None else f"{value}".replace(".", ",") + " %"
