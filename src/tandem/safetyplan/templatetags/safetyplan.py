"""{% plan_summary trajectory as s %}: the safety plan on the household page (few queries per trajectory)."""
from django import template

from tandem.safetyplan.selectors import household_summary

register = template.Library()


@register.simple_tag
def plan_summary(trajectory):
    return household_summary(trajectory)
