"""Rights and guardrails of the experts' pool, as pure functions (no queries): values in, `RuleViolation` (or
`NotPermitted`) with a Dutch message out. Sources are named per function.

Seed `000_6e79333d2b7f2612.txt`, "Inzet van ervaringsdeskundigheid": experts by experience through the client
organisation, a core and a flex pool, profiles, coached and supervised, "hun inzet wordt geteld, niet beschreven";
seed `000_…` "Juridische kanttekeningen" and docs/rights.md: an expert sees a family only on its team and with the
family's consent to the experts' organisation.
"""
import datetime as dt
from dataclasses import dataclass

from tandem.core.exceptions import NotPermitted, RuleViolation

POOL_COORDINATOR = "poolcoordinator"
EXPERT = "ervaringsdeskundige"
# Who asks for an expert for a family: the consultant of the site's local team on the family's team, or the
# team leader (cases.rules.rights.Position values).
REQUESTING_POSITIONS = frozenset({"local_team", "team_leader"})
# Who reads the pool's figures beside the pool coordinator: the region's coordinators, project leads and policy.
REGION_REPORT_ROLES = frozenset({"coordinator", "projectleider", "beleid"})
MAX_TEXT = 2000


# ------------------------------------------------------------------------------------------------ rights

def check_keeps_pool(*, role: str, of_organisation: bool) -> None:
    """Only the pool coordinator of the experts' own organisation keeps its pool (seed 000: the pool is run by
    the client organisation)."""
    if role != POOL_COORDINATOR or not of_organisation:
        raise NotPermitted("Alleen de poolcoördinator van de organisatie van ervaringsdeskundigen beheert de pool.",
                           code="right_pool")


def check_keeps_profiles(*, role: str, of_region: bool) -> None:
    """The profiles are a list the region keeps: its coordinator or a pool coordinator in the region."""
    if role not in (POOL_COORDINATOR, "coordinator") or not of_region:
        raise NotPermitted("Alleen de coördinator van de regio of de poolcoördinator houdt de profielen bij.",
                           code="right_profiles")


def check_may_request(position: str | None) -> None:
    """A consultant on the family's team (or the team leader of the local team) asks for an expert: the local
    team holds regie and pulls partners in (seed 000 "De tandem")."""
    if position not in REQUESTING_POSITIONS:
        raise NotPermitted("Alleen de consulent van het lokale team in het team van het gezin vraagt een "
                           "ervaringsdeskundige.", code="right_call_up_request")


def check_is_proposed_expert(*, actor_id, proposed_user_id) -> None:
    """Only the expert who was proposed accepts or declines (seed 000: the expert chooses to take part)."""
    if actor_id is None or actor_id != proposed_user_id:
        raise NotPermitted("Alleen de voorgestelde ervaringsdeskundige zelf neemt dit aan of wijst het af.",
                           code="right_call_up_answer")


def check_may_read_reports(*, role: str, of_organisation: bool, of_region: bool) -> None:
    """Counts only, never family names: the pool coordinator of the organisation, and the region's
    coordinators, project leads and policy officers."""
    if (role == POOL_COORDINATOR and of_organisation) or (role in REGION_REPORT_ROLES and of_region):
        return
    raise NotPermitted("Deze cijfers zijn voor de poolcoördinator en de regio.", code="right_expert_reports")


# ------------------------------------------------------------------------------------------------ the pool

@dataclass(frozen=True)
class Candidate:
    """What matching needs to know of one expert."""

    profile_ids: frozenset
    site_ids: frozenset
    available: bool
    active: bool
    load: int
    max_families: int


def is_match(candidate: Candidate, *, profile_id, site_id) -> bool:
    """An expert fits a call-up when they have the profile, work at the family's site, are available and have room
    for one more family."""
    return (candidate.active and candidate.available and profile_id in candidate.profile_ids
            and site_id in candidate.site_ids and candidate.load < candidate.max_families)


def check_match(candidate: Candidate, *, profile_id, site_id) -> None:
    if not candidate.active:
        raise RuleViolation("expert_inactive", "Deze ervaringsdeskundige werkt niet meer in de pool.", field="expert")
    if profile_id not in candidate.profile_ids:
        raise RuleViolation("expert_profile", "Deze ervaringsdeskundige heeft het gevraagde profiel niet.",
                            field="expert")
    if site_id not in candidate.site_ids:
        raise RuleViolation("expert_site", "Deze ervaringsdeskundige werkt niet in deze toekomsttuin.", field="expert")
    if not candidate.available:
        raise RuleViolation("expert_unavailable", "Deze ervaringsdeskundige is nu niet beschikbaar.", field="expert")
    if candidate.load >= candidate.max_families:
        raise RuleViolation("expert_full", "Deze ervaringsdeskundige heeft al het hoogste aantal gezinnen.",
                            field="expert")


def check_pool_entry(*, role: str, same_organisation: bool, max_families: int, site_ids, profile_ids) -> None:
    """An expert in the pool is a user with the role of expert by experience in the experts' organisation, works in
    at least one site and has at least one profile."""
    if role != EXPERT or not same_organisation:
        raise RuleViolation("not_an_expert", "Kies een ervaringsdeskundige van uw eigen organisatie.", field="user")
    if not 1 <= max_families <= 20:
        raise RuleViolation("max_families", "Kies een aantal gezinnen van 1 tot en met 20.", field="max_families")
    if not site_ids:
        raise RuleViolation("no_sites", "Kies ten minste één toekomsttuin.", field="sites")
    if not profile_ids:
        raise RuleViolation("no_profiles", "Kies ten minste één profiel.", field="profiles")


def check_profile_name(name: str) -> str:
    name = " ".join((name or "").split())
    if not name:
        raise RuleViolation("profile_name", "Vul de naam van het profiel in.", field="name")
    if len(name) > 100:
        raise RuleViolation("profile_name", "Een profiel heeft een naam van hoogstens 100 tekens.", field="name")
    return name


# ------------------------------------------------------------------------------------------------ the call-up

# status → the steps allowed from it
TRANSITIONS = {
    "requested": {"propose", "withdraw"},
    "proposed": {"accept", "decline", "withdraw"},
    "accepted": {"join", "withdraw"},
    "joined": set(),
    "withdrawn": set(),
}
STEP_REFUSED = {
    "propose": "Er is al iemand voorgesteld of de vraag is afgerond.",
    "accept": "Deze vraag wacht niet (meer) op uw antwoord.",
    "decline": "Deze vraag wacht niet (meer) op uw antwoord.",
    "join": "De ervaringsdeskundige heeft de vraag nog niet aangenomen, of zit al in het team.",
    "withdraw": "Deze vraag is al afgerond.",
}


def check_step(status: str, step: str) -> None:
    """Every step of a call-up in order: asked, proposed, accepted (or declined: asked again), in the team."""
    if step not in TRANSITIONS.get(status, set()):
        raise RuleViolation(f"call_up_{step}", STEP_REFUSED[step])


def check_call_up(*, purpose: str, wanted_on: dt.date, wanted_until: dt.date | None, today: dt.date,
                  trajectory_open: bool, profile_active: bool, profile_of_region: bool) -> None:
    """What is asked must be clear: a profile of the region, for what, from when (and until when for support over a
    period), for a family whose trajectory runs."""
    if not trajectory_open:
        raise RuleViolation("trajectory_closed", "Dit traject is afgesloten.")
    if not (profile_active and profile_of_region):
        raise RuleViolation("profile_unknown", "Kies een profiel uit de lijst van de regio.", field="profile")
    if purpose not in ("network_meeting", "home_visit", "support"):
        raise RuleViolation("purpose_unknown", "Kies waarvoor: een netwerkberaad, een huisbezoek of steun over een "
                            "periode.", field="purpose")
    if wanted_on < today - dt.timedelta(days=7):
        raise RuleViolation("wanted_past", "Kies een datum vanaf vandaag.", field="wanted_on")
    if purpose == "support" and wanted_until is None:
        raise RuleViolation("until_missing", "Vul in tot wanneer de steun nodig is.", field="wanted_until")
    if purpose != "support" and wanted_until is not None:
        raise RuleViolation("until_only_support", "Een einddatum hoort alleen bij steun over een periode.",
                            field="wanted_until")
    if wanted_until is not None and wanted_until < wanted_on:
        raise RuleViolation("until_before_from", "De einddatum ligt vóór de begindatum.", field="wanted_until")


def check_consent_for_join(has_consent: bool) -> None:
    """An expert joins the team only with the family's consent to the experts' organisation (docs/rights.md;
    cases.selectors: an expert sees a trajectory only on its team and with that consent)."""
    if not has_consent:
        raise RuleViolation("consent_missing", "Het gezin heeft nog geen toestemming gegeven voor de organisatie van "
                            "ervaringsdeskundigen. Leg eerst de toestemming vast.")


# ------------------------------------------------------------------------------------------------ counting

def check_contact(*, kind: str, number: int, minutes: int, on: dt.date, today: dt.date) -> None:
    """A contact is counted: its kind, how many, how long together. Never what was said (seed 000: "geteld, niet
    beschreven")."""
    if kind not in ("home_visit", "network_meeting", "phone", "other"):
        raise RuleViolation("kind_unknown", "Kies de soort contact.", field="kind")
    if not 1 <= number <= 20:
        raise RuleViolation("number", "Vul een aantal in van 1 tot en met 20.", field="number")
    if not 1 <= minutes <= 24 * 60:
        raise RuleViolation("minutes", "Vul de duur in minuten in: van 1 tot en met 1440.", field="minutes")
    if on > today:
        raise RuleViolation("future", "Een contact ligt niet in de toekomst.", field="on")


def check_session(*, held_on: dt.date, today: dt.date, attendees: int) -> None:
    """A coaching or supervision session: the date and who attended, nothing more (seed 000: coached and
    supervised)."""
    if held_on > today:
        raise RuleViolation("future", "Een bijeenkomst ligt niet in de toekomst.", field="held_on")
    if attendees < 1:
        raise RuleViolation("no_attendees", "Kies wie er waren.", field="attendees")


# ------------------------------------------------------------------------------------------------ the family's voice

def check_voice(*, k_text: str, i_text: str, already_answered: bool, own_household: bool) -> None:
    """A household member answers K (what the contact with the expert meant) and I (how working with the team
    went) once per occasion, in their own words (seed 000 Bijlage 2, questions I and K)."""
    if not own_household:
        raise RuleViolation("not_found", "Dit kunnen wij niet vinden.")
    if already_answered:
        raise RuleViolation("already_answered", "U heeft deze vragen al beantwoord. Dank u wel!")
    if not (k_text.strip() or i_text.strip()):
        raise RuleViolation("nothing", "Schrijf bij ten minste één vraag iets op.", field="k_text")
    for name, text in (("k_text", k_text), ("i_text", i_text)):
        if len(text) > MAX_TEXT:
            raise RuleViolation("too_long", f"Schrijf hoogstens {MAX_TEXT} tekens.", field=name)


def check_lesson_text(text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise RuleViolation("text_missing", "Schrijf uw ervaring op.", field="text")
    if len(text) > MAX_TEXT:
        raise RuleViolation("too_long", f"Schrijf hoogstens {MAX_TEXT} tekens.", field="text")
    return text
