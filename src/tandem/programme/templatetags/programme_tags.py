"""Template filters of the programme pages."""
from django import template

from tandem.programme.rules import PARTICIPANT_ROLES

register = template.Library()


@register.filter
def participants(counts: dict) -> str:
    """{"consulent": 3, "veilig_thuis": 1} → "Consulenten lokaal team: 3; Veilig Thuis: 1"."""
    return "; ".join(f"{PARTICIPANT_ROLES.get(role, role)}: {n}" for role, n in counts.items()) or "–"
