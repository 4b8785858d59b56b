"""Guardrails about the family itself: who in the household gives consent, who signs in to the portal, and
who in the household sees what. Pure functions, no queries.

Sources: Jeugdwet art. 7.3.4 and 7.3.10 with WGBO art. 7:450, 7:456 and 7:465 (from 12 a young person
exercises their own right of access; from 16 they decide alone, between 12 and 16 together with the parents;
under 12 the parents or guardians act for them); AVG art. 8 with UAVG art. 5 (16 for consent to an online
service); seed 000 "Registratie van en-en-regie" (everything recorded is open to the residents) and
"Juridische kanttekeningen" (a consent statement); domain §3 and §5. A household is not always safe for each
of its members (issue "Tandem 5"): what one member writes is theirs unless they share it.
"""
import datetime as dt

from tandem.core.dates import age_on
from tandem.core.exceptions import RuleViolation

DEFAULT_PORTAL_MIN_AGE = 12
DEFAULT_CONSENT_MIN_AGE = 16


def age_at(birth_date: dt.date | None, day: dt.date) -> int | None:
    return age_on(birth_date, day) if birth_date is not None else None


def _old_enough(birth_date: dt.date | None, minor: bool | None, day: dt.date, min_age: int) -> bool:
    """Known to be at least `min_age` on `day`: by the birth date, or as an adult (minor=False) when the
    minimum age is 18 or less. A minor without a birth date is not known to be old enough."""
    if birth_date is not None:
        return age_on(birth_date, day) >= min_age
    return minor is False and min_age <= 18


def check_consent_giver(*, is_network: bool, birth_date: dt.date | None, minor: bool | None, on: dt.date,
                        min_age: int) -> None:
    """A consent is given by a household member old enough to give it (default 16: Jeugdwet art. 7.3.4 with
    WGBO art. 7:450/7:465; the region may set another age). For younger children a parent or guardian
    gives it."""
    if is_network:
        raise RuleViolation("consent_not_member", "Toestemming wordt gegeven door een lid van dit gezin, niet "
                            "door iemand uit het netwerk.", field="given_by")
    if not _old_enough(birth_date, minor, on, min_age):
        raise RuleViolation("consent_too_young", f"Een kind jonger dan {min_age} jaar geeft niet zelf "
                            "toestemming. Laat een ouder of voogd de toestemming geven. Is de geboortedatum niet "
                            "bekend? Vul die dan eerst in.", field="given_by")


def check_portal_age(*, is_network: bool, birth_date: dt.date | None, minor: bool | None, on: dt.date,
                     min_age: int) -> None:
    """Only household members from the region's portal age (default 12: Jeugdwet art. 7.3.10 with WGBO
    art. 7:456/7:465, a young person's own right of access) sign in to the family's dossier."""
    if is_network:
        raise RuleViolation("network_no_portal", "Alleen gezinsleden kunnen inloggen op het gezinsdossier.")
    if not _old_enough(birth_date, minor, on, min_age):
        raise RuleViolation("portal_too_young", f"Een kind jonger dan {min_age} jaar krijgt geen eigen "
                            "inlogcode. Zijn ouders of voogd lezen het gezinsdossier. Is de geboortedatum niet "
                            "bekend? Vul die dan eerst in.", field="member")


def entry_visible_to_member(*, withheld_reason: str, hidden_from_member: bool) -> bool:
    """A journal entry is open to every member (seed 000: transparent), unless it is withheld from the whole
    household with a reason, or the consultant keeps it from this member (reason recorded, logged)."""
    return not withheld_reason and not hidden_from_member


def own_words_visible_to_member(*, author_member_id, member_id, shared: bool) -> bool:
    """A resident's own view or correction request is theirs: visible to them and to the professionals, and to
    the rest of the household only when they share it."""
    return author_member_id == member_id or shared


def check_hide_reason(reason: str) -> str:
    """Keeping something from a member is recorded with its reason (AVG art. 15 lid 4: a restriction of the
    right of access is explained)."""
    reason = (reason or "").strip()
    if not reason:
        raise RuleViolation("hide_reason_missing", "Schrijf op waarom dit niet zichtbaar mag zijn.",
                            field="reason")
    return reason
