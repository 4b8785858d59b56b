"""Portal guardrails: pure functions, no queries. They raise RuleViolation with a plain-Dutch (B1) message.

Sources: domain.md §3 (inwoner: reads own dossier, gives/withdraws consent, adds own view) and §5; seed 000
"Juridische kanttekeningen" (transparent, hoor en wederhoor).
"""
import datetime as dt

from tandem.core import text as core_text
from tandem.core.exceptions import RuleViolation

WRONG_CODE = "Deze inlognaam of code klopt niet, of de code is verlopen. Vraag uw hulpverlener om een nieuwe code."
LOCKED = ("U heeft te vaak een verkeerde code ingevuld. Deze code werkt niet meer. "
          "Vraag uw hulpverlener om een nieuwe code.")
MAX_TEXT = 5000


def check_may_use_portal(*, is_network: bool) -> None:
    """Only household members have a dossier to read; an informal network person does not (domain §3)."""
    if is_network:
        raise RuleViolation("network_no_portal",
                            "Alleen gezinsleden kunnen inloggen op het gezinsdossier.")


def check_invite_usable(*, used_at, expires_at, locked: bool, now: dt.datetime) -> None:
    """A code works once, before it expires, and not after too many wrong tries."""
    if locked:
        raise RuleViolation("portal_locked", LOCKED)
    if used_at is not None or expires_at <= now:
        raise RuleViolation("portal_code_invalid", WRONG_CODE)


def check_same_household(*, member_household_id, object_household_id) -> None:
    """A resident acts on their own household only. Anything else is 'not found', never a hint."""
    if member_household_id != object_household_id:
        raise RuleViolation("not_own_household", "Dit kunnen wij niet vinden.")


def check_text(text: str, what: str) -> str:
    """A view or a correction request says something, and not a whole book."""
    text = (text or "").strip()
    if not text:
        raise RuleViolation("text_missing", f"Schrijf eerst {what}.", field="text")
    core_text.check_text(text, field="text", max_length=None)  # no NUL character (issue 11)
    if len(text) > MAX_TEXT:
        raise RuleViolation("text_too_long", f"Uw tekst is te lang. Gebruik hoogstens {MAX_TEXT} tekens.",
                            field="text")
    return text


def check_visible_entry(*, withheld_reason: str) -> None:
    """An entry kept from the household (with a stated reason) cannot be answered or corrected by them."""
    if withheld_reason:
        raise RuleViolation("entry_withheld", "Dit kunnen wij niet vinden.")


def normalise_code(code: str) -> str:
    """Codes are shown as ABCD-EFGH; people may type them with spaces, dashes or lower case."""
    return "".join(ch for ch in (code or "").upper() if ch.isalnum())


def check_consent_withdrawable(*, given_by_household_id, member_household_id, given_by_is_network: bool,
                               withdrawn_on) -> None:
    """A household member withdraws a consent given by a member of their own household (domain §3, §5)."""
    if given_by_household_id is None or given_by_household_id != member_household_id or given_by_is_network:
        raise RuleViolation("not_own_consent", "Dit kunnen wij niet vinden.")
    if withdrawn_on is not None:
        raise RuleViolation("already_withdrawn", "Deze toestemming is al ingetrokken.")
