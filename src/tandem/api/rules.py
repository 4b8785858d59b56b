"""Who gets an API client, and who manages them. Pure functions, no queries; RuleViolation with a Dutch message.

Source: issue "Tandem 12" (an API for the partners' own case systems: Veilig Thuis, the Raad, the certified
institutions; the monitor's figures for a region's coordinators) and docs/rights.md (a client acts as a worker of
its organisation). A local team needs no client: Tandem is the municipality's own dossier. An experts' pool gets
none: what an expert sees depends on the family's consent per person (docs/rights.md, "What an expert by
experience sees")."""
import datetime as dt

from tandem.core.exceptions import NotPermitted, RuleViolation

KINDS_WITHOUT_CLIENT = {"local_team", "experience_experts"}
CLIENT_ROLES = {"koppeling", "coordinator"}
MAX_DAYS = 730


def check_client(*, organisation_kind: str, role: str, organisation_has_region: bool, name: str, days: int) -> None:
    if role not in CLIENT_ROLES:
        raise RuleViolation("api_role", "Een API-client werkt als koppeling van een partner of voor de coördinatoren "
                            "van een regio.", field="role")
    if role == "koppeling" and organisation_kind in KINDS_WITHOUT_CLIENT:
        raise RuleViolation("api_organisation_kind", "Een lokaal team of een pool van ervaringsdeskundigen krijgt "
                            "geen API-client: het lokale team werkt in Tandem zelf, en wat een ervaringsdeskundige "
                            "ziet, hangt af van de toestemming van het gezin.", field="organisation")
    if role == "coordinator" and not organisation_has_region:
        raise RuleViolation("api_no_region", "Voor de cijfers van de coördinatoren hoort de organisatie bij een "
                            "regio.", field="organisation")
    if not name.strip() or len(name) > 100:
        raise RuleViolation("api_name", "Geef de API-client een naam van hoogstens 100 tekens.", field="name")
    if not 1 <= days <= MAX_DAYS:
        raise RuleViolation("api_days", f"Een sleutel is 1 tot {MAX_DAYS} dagen geldig.", field="days")


def check_may_manage(*, actor_role: str | None, same_region: bool) -> None:
    """The region's beheerder manages the clients of organisations in that region; the server's command
    (actor None) any."""
    if actor_role is None:
        return
    if actor_role != "beheerder" or not same_region:
        raise NotPermitted("Alleen de beheerder van de regio van deze organisatie beheert haar API-clients.",
                           code="api_manage")


def check_key_usable(*, revoked_at, expires_at, now: dt.datetime) -> None:
    if revoked_at is not None:
        raise RuleViolation("key_revoked", "Deze sleutel is ingetrokken. Vraag de beheerder om een nieuwe.")
    if expires_at <= now:
        raise RuleViolation("key_expired", "Deze sleutel is verlopen. Vraag de beheerder om een nieuwe.")
