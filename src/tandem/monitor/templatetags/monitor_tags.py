"""`{{ value|figure }}`: a monitor figure in Dutch notation ('–' when not applicable, decimal comma)."""
from django import template

from tandem.monitor.presentation import show

register = template.Library()


@register.filter
def figure(value, suffix: str = ""):
    return show(value, suffix if value is not None else "")
