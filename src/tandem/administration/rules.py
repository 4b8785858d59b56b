"""The administration's guardrails: pure functions, no queries. Each raises RuleViolation with a code and a
plain Dutch message.

Sources: issue "Tandem 7" (deactivate, never delete, so the access log keeps its meaning; a two-factor reset
needs a second person); seed `000_…` Bijlage 2 "Wie vult in" (who fills in the monitor); domain §3 (the
beheerder sees no dossier)."""
import datetime as dt

from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import PERSON_ROLES, OrganisationKind

INVITATION_DAYS = 7


def check_roles(roles: list[str]) -> list[str]:
    """At least one known role of a person (not an API client's account), each once, in the order given (the first is
    the one the person acts in)."""
    known = {value for value, _ in PERSON_ROLES}
    cleaned = list(dict.fromkeys(r for r in roles if r))
    if not cleaned:
        raise RuleViolation("roles_missing", "Kies ten minste één rol.", field="roles")
    unknown = [r for r in cleaned if r not in known]
    if unknown:
        raise RuleViolation("role_unknown", "Kies rollen uit de lijst.", field="roles")
    return cleaned


def check_organisation_place(*, kind: str, has_site: bool) -> None:
    """A local team belongs to a toekomsttuin (Organisation.local_team_has_site)."""
    if kind not in OrganisationKind.values:
        raise RuleViolation("kind_unknown", "Kies een soort organisatie uit de lijst.", field="kind")
    if kind == OrganisationKind.LOCAL_TEAM and not has_site:
        raise RuleViolation("site_missing", "Een lokaal team hoort bij een toekomsttuin. Kies de toekomsttuin.",
                            field="site")


def check_not_self(*, actor_id: int, user_id: int, what: str) -> None:
    """A beheerder does not deactivate, re-role or reset themselves: someone else must do that."""
    if actor_id == user_id:
        raise RuleViolation("self_change", f"U kunt uw eigen account niet {what}. Vraag een andere beheerder.")


def check_invitation_usable(*, used_at, withdrawn_at, expires_at: dt.datetime, now: dt.datetime) -> None:
    if used_at is not None:
        raise RuleViolation("invitation_used", "Deze uitnodiging is al gebruikt. Log in met uw wachtwoord, of "
                            "vraag de beheerder om een nieuwe uitnodiging.")
    if withdrawn_at is not None or now >= expires_at:
        raise RuleViolation("invitation_expired", "Deze uitnodiging is verlopen of vervangen. Vraag de beheerder "
                            "om een nieuwe uitnodiging.")


def check_invitable(*, is_active: bool, has_email: bool) -> None:
    if not is_active:
        raise RuleViolation("user_inactive", "Dit account is uitgezet. Zet het eerst weer aan.")
    if not has_email:
        raise RuleViolation("email_missing", "Vul eerst een e-mailadres in: de uitnodiging gaat per e-mail.",
                            field="email")


def check_reset_reason(reason: str) -> str:
    reason = (reason or "").strip()
    if not reason:
        raise RuleViolation("reason_missing", "Schrijf op waarom de tweede stap opnieuw moet (bijvoorbeeld: "
                            "telefoon kwijt).", field="reason")
    return reason


def check_second_person(*, requested_by_id: int, confirmer_id: int, user_id: int, confirmer_is_beheerder: bool,
                        confirmer_is_team_leader: bool) -> None:
    """Four eyes: the confirmer is not the one who asked, nor the person whose factor is reset, and is another
    beheerder of the region or a team leader of the person's organisation."""
    if confirmer_id == requested_by_id:
        raise RuleViolation("same_person", "U vroeg deze herstelling zelf aan. Een tweede persoon moet bevestigen: "
                            "een andere beheerder of de teamleider.")
    if confirmer_id == user_id:
        raise RuleViolation("own_reset", "U kunt uw eigen herstelling niet bevestigen.")
    if not (confirmer_is_beheerder or confirmer_is_team_leader):
        raise RuleViolation("not_second_person", "Alleen een andere beheerder of de teamleider van deze persoon "
                            "kan bevestigen.")
