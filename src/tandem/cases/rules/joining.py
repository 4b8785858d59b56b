"""Pull in, never hand over: the request to a partner organisation to join a family's team, as pure rules.

Source: seed `000_6e79333d2b7f2612.txt`, "De tandem" ("Wanneer het nodig is kan hij er een beschermpartner bij
halen"; the local-team worker "laat niet los"); docs/rights.md S19. Primero's referral, except that the local team
never leaves.
"""
import datetime as dt

from tandem.core.exceptions import RuleViolation
from tandem.core.dates import dutch_date


def _fmt(day: dt.date) -> str:
    return dutch_date(day)


def check_join_target(*, own_local_team: bool, has_open_request: bool) -> None:
    """A request goes to another organisation; the local team's own colleagues are added to the team directly,
    and one request per organisation is open at a time."""
    if own_local_team:
        raise RuleViolation("join_own_team", "Een collega van uw eigen lokale team zet u direct in het team: kies "
                            "'Iemand aan het team toevoegen'.", field="organisation")
    if has_open_request:
        raise RuleViolation("join_request_open", "Deze organisatie heeft al een verzoek van u dat op antwoord wacht.",
                            field="organisation")


def check_wanted_by(wanted_by: dt.date, today: dt.date) -> None:
    """The date by which an answer is wanted lies today or later."""
    if wanted_by < today:
        raise RuleViolation("wanted_by_past", f"De datum waarop u antwoord wilt ({_fmt(wanted_by)}) is al voorbij. "
                            "Kies vandaag of een latere datum.", field="wanted_by")


def check_request_open(is_open: bool) -> None:
    if not is_open:
        raise RuleViolation("join_request_answered", "Dit verzoek is al beantwoord.")


def check_joiner(*, same_organisation: bool) -> None:
    """Who joins works for the organisation that was asked."""
    if not same_organisation:
        raise RuleViolation("join_other_organisation", "Kies iemand van de organisatie die gevraagd is.",
                            field="professional")


def check_decline_reason(reason: str) -> str:
    """A refusal says why, so the local team can look further."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleViolation("decline_reason_missing", "Schrijf op waarom uw organisatie niet aansluit.",
                            field="reason")
    return reason
