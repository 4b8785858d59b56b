"""Security rules as pure functions: values in, `RuleViolation` out (or a plain answer). No queries."""
import datetime as dt

from tandem.core.dates import add_months
from tandem.core.exceptions import RuleViolation

# Roles that may ask for emergency access: those who work in dossiers. Coordinators, project leads and
# administrators never see a dossier (domain §3); experts by experience only ever with the family's consent.
EMERGENCY_ROLES = {"consulent", "gedragswetenschapper", "beschermpartner"}
MIN_REASON = 20
MAX_REQUESTS_PER_DAY = 5


def check_emergency_request(*, role: str, reason: str, requests_last_day: int) -> None:
    """Break the glass only with a stated reason, only for dossier roles, and not as a way to try codes."""
    if role not in EMERGENCY_ROLES:
        raise RuleViolation("emergency_role", "Uw rol geeft geen toegang tot dossiers, ook niet in een noodgeval.")
    if len((reason or "").strip()) < MIN_REASON:
        raise RuleViolation("emergency_reason", f"Beschrijf waarom u dit dossier nu nodig heeft, in ten minste "
                            f"{MIN_REASON} tekens.", field="reason")
    if requests_last_day >= MAX_REQUESTS_PER_DAY:
        raise RuleViolation("emergency_limit", f"U heeft in de afgelopen 24 uur al {MAX_REQUESTS_PER_DAY} keer "
                            "noodtoegang gevraagd. Neem contact op met de consulent of uw leidinggevende.")


def emergency_ends_at(starts_at: dt.datetime, minutes: int) -> dt.datetime:
    if minutes < 1:
        raise RuleViolation("emergency_minutes", "TANDEM_EMERGENCY_MINUTES moet minstens 1 zijn.")
    return starts_at + dt.timedelta(minutes=minutes)


def retention_expired(closed_on: list, today: dt.date, years: int) -> bool:
    """A household's dossier expires `years` after its LAST trajectory closed (Jeugdwet art. 7.3.8: twenty
    years from the end of the care by default). An open trajectory, or none at all, never expires."""
    if not closed_on or any(day is None for day in closed_on):
        return False
    return add_months(max(closed_on), 12 * years) < today
