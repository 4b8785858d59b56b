"""The safety plan on the household page, its texts shown through the page's lens (pseudonymised for an
anonymous partner):

- `{% plan_summary trajectory lens as s %}`: the current version, overdue agreements, analysis and meetings;
- `{% expert_summary trajectory user lens as s %}`: for an expert by experience, only the agreements that
  concern them and the meetings they joined."""
from django import template

from tandem.safetyplan.selectors import agreements_of_expert, household_summary, meetings_of_expert

register = template.Library()


@register.simple_tag
def plan_summary(trajectory, lens=None):
    summary = household_summary(trajectory)
    if lens is not None:
        lens.walk([summary.version], "situations__agreements")
    return summary


@register.simple_tag
def expert_summary(trajectory, user, lens=None):
    agreements = agreements_of_expert(trajectory, user)
    meetings = meetings_of_expert(trajectory, user)
    if lens is not None:
        for obj in [*agreements, *meetings]:
            lens.fields(obj)
    return {"agreements": agreements, "meetings": meetings}
