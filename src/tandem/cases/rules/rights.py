"""Who may do what inside one dossier: the rights matrix, as pure data and pure functions (no queries).

Every service checks its action here (`check_right`), the templates show only the actions `allowed` says yes
to (through `tandem.cases.selectors.rights_for`), and `docs/rights.md` writes the same matrix out with the
source of every row; `tests/rules/test_rights_matrix.py` and `tests/views/test_rights_web.py` derive their
cases from that document, so a cell changed here and not there (or the other way round) fails the suite.

Sources: seed `000_6e79333d2b7f2612.txt` — "De tandem" (the local team holds regie and pulls a partner in;
the partner takes the front seat only when a melding or measure follows, and the local-team worker "laat niet
los"), "Registratie van en-en-regie" (the dossier is kept by the municipality; partners report into it;
experts' work counted, never described), "Juridische kanttekeningen" (no powers before a melding or measure;
open and transparent; a consent statement), footnote 5 (a GW of Veilig Thuis performs the GW role of a
toekomsttuin); `../shared/docs/domain.md` §3–§5. Where the seeds leave a cell open, the choice that protects
the family is made and `docs/rights.md` says so.
"""
import enum
from dataclasses import dataclass

from tandem.core.exceptions import NotPermitted


class Action(enum.StrEnum):
    MEMBER_ADD = "member_add"
    TRIAGE = "triage"
    TEAM_ADD = "team_add"
    TEAM_LEAVE = "team_leave"
    LEAD_SWITCH = "lead_switch"
    CONSENT_RECORD = "consent_record"
    CONSENT_REQUEST = "consent_request"
    CONSENT_WITHDRAW = "consent_withdraw"
    REPORT_RECORD = "report_record"
    MEASURE_RECORD = "measure_record"
    INVOLVEMENT_START = "involvement_start"
    INVOLVEMENT_END = "involvement_end"
    INVOLVEMENT_DECIDE = "involvement_decide"
    TIME_REGISTER = "time_register"
    JOURNAL_CONTACT_NOTE = "journal_contact_note"
    JOURNAL_PARTNER_REPORT = "journal_partner_report"
    JOURNAL_DECISION = "journal_decision"
    JOURNAL_HIDE = "journal_hide"
    EXPERT_CONTACT = "expert_contact"
    PLAN_VERSION = "plan_version"
    PLAN_SIGN_OFF = "plan_sign_off"
    AGREEMENT_KEPT = "agreement_kept"
    SCALE_SCORE = "scale_score"
    MEETING_RECORD = "meeting_record"
    ANALYSIS_RECORD = "analysis_record"
    ANALYSIS_CHALLENGE = "analysis_challenge"
    ANALYSIS_RESPOND = "analysis_respond"
    PORTAL_CODE = "portal_code"
    CORRECTION_HANDLE = "correction_handle"
    ACCESS_LOG = "access_log"
    CLOSE = "close"
    REOPEN = "reopen"
    REGISTER_AGAIN = "register_again"
    JOIN_REQUEST = "join_request"
    JOIN_ANSWER = "join_answer"


class Position(enum.StrEnum):
    """Where a professional stands towards one trajectory (the columns of the matrix)."""

    LOCAL_TEAM = "local_team"  # consulent of the site's local team, on this family's team (regiehouder or behind)
    LOCAL_COLLEAGUE = "local_colleague"  # consulent of the site's local team, not on this family's team
    LOCAL_GW = "local_gw"  # gedragswetenschapper of the site's local team
    TEAM_LEADER = "team_leader"  # teamleider of the site's local team
    PARTNER_ANONYMOUS = "partner_anonymous"  # partner worker on the team, without names (advice/consult)
    PARTNER_NAMED = "partner_named"  # partner worker on the team, with consent or a statutory ground
    PARTNER_LEAD = "partner_lead"  # partner worker holding the lead (voorop, after a melding or measure)
    EXPERT = "expert"  # expert by experience on the team, with the family's consent
    # worker or team leader of an organisation asked to join (not yet on the team); only for answering that
    # request (`join_answer`): see `answer_position`
    INVITED = "invited"


class Cell(enum.StrEnum):
    YES = "ja"
    NO = "nee"
    LIMITED = "beperkt"


class Limit(enum.StrEnum):
    """What a 'beperkt' cell allows; the service works out whether the fact holds for this change."""

    OWN_ORGANISATION = "own_organisation"  # the organisation concerned is the actor's own
    SELF_OR_OWN_ORGANISATION = "self_or_own_organisation"  # the person concerned is the actor or a colleague
    SELF = "self"  # the actor's own contact
    OWN_ENTRY = "own_entry"  # an entry the actor wrote
    TO_LOCAL_TEAM = "to_local_team"  # the lead goes back to a local-team worker (afschalen)
    GEDRAGSWETENSCHAPPER = "gedragswetenschapper"  # the actor is a behavioural scientist
    OWN_SCORE = "own_score"  # the actor's own score, as a professional


# Limits that depend on the person only (not on what the change is about): a page can settle them up front.
ACTOR_LIMITS = frozenset({Limit.GEDRAGSWETENSCHAPPER})

LIMIT_TEXT = {
    Limit.OWN_ORGANISATION: "alleen voor uw eigen organisatie",
    Limit.SELF_OR_OWN_ORGANISATION: "alleen uzelf of een collega van uw eigen organisatie",
    Limit.SELF: "alleen uw eigen contacten",
    Limit.OWN_ENTRY: "alleen notities die u zelf schreef",
    Limit.TO_LOCAL_TEAM: "alleen terug naar het lokale team (afschalen)",
    Limit.GEDRAGSWETENSCHAPPER: "alleen een gedragswetenschapper",
    Limit.OWN_SCORE: "alleen uw eigen cijfer",
}

# What a person does when a cell says no: the Dutch text of the refusal names who can.
WHO_CAN = {
    Action.MEMBER_ADD: "het lokale team of de partner die de regie heeft",
    Action.TRIAGE: "het lokale team of een gedragswetenschapper",
    Action.TEAM_ADD: "het lokale team",
    Action.TEAM_LEAVE: "het lokale team",
    Action.LEAD_SWITCH: "het lokale team",
    Action.CONSENT_RECORD: "de consulent van het lokale team of het gezin zelf in het gezinsdossier",
    Action.CONSENT_REQUEST: "een partner in het team",
    Action.CONSENT_WITHDRAW: "de consulent van het lokale team of het gezin zelf",
    Action.REPORT_RECORD: "het lokale team of een partner die de namen al mag zien",
    Action.MEASURE_RECORD: "het lokale team of een partner die de namen al mag zien",
    Action.INVOLVEMENT_START: "het lokale team, of een partner voor de eigen organisatie",
    Action.INVOLVEMENT_END: "het lokale team, of een partner voor de eigen organisatie",
    Action.INVOLVEMENT_DECIDE: "de consulent van het lokale team",
    Action.TIME_REGISTER: "het lokale team, of een partner voor de eigen organisatie",
    Action.JOURNAL_CONTACT_NOTE: "het lokale team",
    Action.JOURNAL_PARTNER_REPORT: "een partner in het team of het lokale team",
    Action.JOURNAL_DECISION: "de consulent van het lokale team of wie de regie heeft",
    Action.JOURNAL_HIDE: "de consulent van het lokale team of de schrijver van de notitie",
    Action.EXPERT_CONTACT: "de ervaringsdeskundige zelf of het lokale team",
    Action.PLAN_VERSION: "de consulent van het lokale team of wie de regie heeft",
    Action.PLAN_SIGN_OFF: "de consulent van het lokale team of wie de regie heeft",
    Action.AGREEMENT_KEPT: "de consulent van het lokale team of wie de regie heeft",
    Action.SCALE_SCORE: "iedere professional in het team, voor het eigen cijfer",
    Action.MEETING_RECORD: "de consulent van het lokale team of wie de regie heeft",
    Action.ANALYSIS_RECORD: "de consulent van het lokale team of wie de regie heeft",
    Action.ANALYSIS_CHALLENGE: "een gedragswetenschapper",
    Action.ANALYSIS_RESPOND: "de consulent van het lokale team of wie de regie heeft",
    Action.PORTAL_CODE: "de consulent van het lokale team",
    Action.CORRECTION_HANDLE: "de consulent van het lokale team",
    Action.ACCESS_LOG: "de consulent van het lokale team of de teamleider",
    Action.CLOSE: "de consulent van het lokale team",
    Action.REOPEN: "de consulent van het lokale team of de teamleider",
    Action.REGISTER_AGAIN: "het lokale team",
    Action.JOIN_REQUEST: "het lokale team",
    Action.JOIN_ANSWER: "een medewerker of de teamleider van de gevraagde organisatie",
}

P = Position
Y, N, L = Cell.YES, Cell.NO, Cell.LIMITED
COLUMNS = (P.LOCAL_TEAM, P.LOCAL_COLLEAGUE, P.LOCAL_GW, P.TEAM_LEADER, P.PARTNER_ANONYMOUS, P.PARTNER_NAMED,
           P.PARTNER_LEAD, P.EXPERT, P.INVITED)

# One row per action, one cell per column of COLUMNS; the limit applies to every 'beperkt' cell of the row.
_ROWS: dict[Action, tuple[tuple[Cell, ...], Limit | None]] = {
    Action.MEMBER_ADD: ((Y, N, N, N, N, N, Y, N, N), None),
    Action.TRIAGE: ((Y, Y, Y, Y, L, L, L, N, N), Limit.GEDRAGSWETENSCHAPPER),
    Action.TEAM_ADD: ((Y, Y, N, Y, N, N, L, N, N), Limit.OWN_ORGANISATION),
    Action.TEAM_LEAVE: ((Y, N, L, Y, L, L, L, L, N), Limit.SELF_OR_OWN_ORGANISATION),
    Action.LEAD_SWITCH: ((Y, Y, N, Y, N, N, L, N, N), Limit.TO_LOCAL_TEAM),
    Action.CONSENT_RECORD: ((Y, N, N, N, N, N, N, N, N), None),
    Action.CONSENT_REQUEST: ((N, N, N, N, Y, Y, Y, N, N), None),
    Action.CONSENT_WITHDRAW: ((Y, N, N, N, N, N, N, N, N), None),
    Action.REPORT_RECORD: ((Y, N, N, N, N, Y, Y, N, N), None),
    Action.MEASURE_RECORD: ((Y, N, N, N, N, Y, Y, N, N), None),
    Action.INVOLVEMENT_START: ((Y, N, N, N, L, L, L, N, N), Limit.OWN_ORGANISATION),
    Action.INVOLVEMENT_END: ((Y, N, N, N, L, L, L, N, N), Limit.OWN_ORGANISATION),
    Action.INVOLVEMENT_DECIDE: ((Y, N, N, N, N, N, N, N, N), None),
    Action.TIME_REGISTER: ((Y, N, N, N, L, L, L, N, N), Limit.OWN_ORGANISATION),
    Action.JOURNAL_CONTACT_NOTE: ((Y, N, Y, N, N, N, Y, N, N), None),
    Action.JOURNAL_PARTNER_REPORT: ((Y, N, N, N, Y, Y, Y, N, N), None),
    Action.JOURNAL_DECISION: ((Y, N, N, N, N, N, Y, N, N), None),
    Action.JOURNAL_HIDE: ((Y, N, L, N, L, L, Y, N, N), Limit.OWN_ENTRY),
    Action.EXPERT_CONTACT: ((Y, N, N, N, N, N, N, L, N), Limit.SELF),
    Action.PLAN_VERSION: ((Y, N, N, N, N, N, Y, N, N), None),
    Action.PLAN_SIGN_OFF: ((Y, N, N, N, N, N, Y, N, N), None),
    Action.AGREEMENT_KEPT: ((Y, N, N, N, N, N, Y, N, N), None),
    Action.SCALE_SCORE: ((Y, N, L, N, L, L, Y, N, N), Limit.OWN_SCORE),
    Action.MEETING_RECORD: ((Y, N, N, N, N, N, Y, N, N), None),
    Action.ANALYSIS_RECORD: ((Y, N, N, N, N, N, Y, N, N), None),
    Action.ANALYSIS_CHALLENGE: ((N, N, Y, N, L, L, L, N, N), Limit.GEDRAGSWETENSCHAPPER),
    Action.ANALYSIS_RESPOND: ((Y, N, N, N, N, N, Y, N, N), None),
    Action.PORTAL_CODE: ((Y, N, N, N, N, N, N, N, N), None),
    Action.CORRECTION_HANDLE: ((Y, N, N, N, N, N, N, N, N), None),
    Action.ACCESS_LOG: ((Y, N, N, Y, N, N, N, N, N), None),
    Action.CLOSE: ((Y, N, N, N, N, N, N, N, N), None),
    Action.REOPEN: ((Y, N, N, Y, N, N, N, N, N), None),
    Action.REGISTER_AGAIN: ((Y, Y, N, Y, N, N, N, N, N), None),
    Action.JOIN_REQUEST: ((Y, Y, N, Y, N, N, N, N, N), None),
    Action.JOIN_ANSWER: ((N, N, N, N, N, N, N, N, Y), None),
}

MATRIX: dict[tuple[Action, Position], Cell] = {
    (action, column): cell for action, (cells, _) in _ROWS.items() for column, cell in zip(COLUMNS, cells)
}
LIMITS: dict[Action, Limit] = {action: limit for action, (_, limit) in _ROWS.items() if limit is not None}

# Actions that stay possible after a trajectory is closed (the others are refused by the guardrail
# `check_trajectory_open`): annotating the record, hours and contacts counted afterwards (dated on or before the
# closure), a withdrawal, the family's access to
# its own dossier (portal codes, answering corrections: AVG art. 15 and 16 outlast the trajectory), reopening.
AFTER_CLOSURE = frozenset({Action.JOURNAL_CONTACT_NOTE, Action.JOURNAL_PARTNER_REPORT, Action.JOURNAL_DECISION,
                           Action.JOURNAL_HIDE, Action.TIME_REGISTER, Action.EXPERT_CONTACT,
                           Action.CONSENT_WITHDRAW, Action.ACCESS_LOG,
                           Action.CORRECTION_HANDLE, Action.PORTAL_CODE, Action.REOPEN, Action.REGISTER_AGAIN})
# Actions that only make sense once a trajectory is closed.
ONLY_AFTER_CLOSURE = frozenset({Action.REOPEN, Action.REGISTER_AGAIN})


def cell(action: Action, position: Position | None) -> Cell:
    """The matrix cell; no position (no access, or emergency access: read-only) is always no."""
    if position is None:
        return Cell.NO
    return MATRIX[(action, position)]


def allowed(action: Action, position: Position | None, facts: frozenset[Limit] | None = None,
            actor_facts: frozenset[Limit] = frozenset()) -> bool:
    """Yes, or 'beperkt' with its limit among the facts. `facts=None` asks whether the action can be offered at
    all, for showing it on a page: a 'beperkt' cell can, unless its limit is about the person (`ACTOR_LIMITS`)
    and `actor_facts` does not hold it."""
    value = cell(action, position)
    if value == Cell.LIMITED:
        if facts is None:
            return LIMITS[action] not in ACTOR_LIMITS or LIMITS[action] in actor_facts
        return LIMITS[action] in facts
    return value == Cell.YES


def check_right(action: Action, position: Position | None, facts: frozenset[Limit] = frozenset()) -> None:
    """Refuse an action the matrix does not give this position, with a Dutch message that says who can.

    Source per row: docs/rights.md (seed 000 "De tandem", "Registratie van en-en-regie", "Juridische
    kanttekeningen"; domain §3–§5)."""
    if allowed(action, position, facts):
        return
    value = cell(action, position)
    if value == Cell.LIMITED:
        raise NotPermitted(f"Dit kan hier {LIMIT_TEXT[LIMITS[action]]}.", code=f"right_{action}_limited")
    raise NotPermitted(f"U mag dit niet doen in dit dossier. Dit kan {WHO_CAN[action]}.", code=f"right_{action}")


def actor_facts_of(role: str) -> frozenset[Limit]:
    """The limits a person meets by who they are."""
    return frozenset({Limit.GEDRAGSWETENSCHAPPER}) if role == "gedragswetenschapper" else frozenset()


def position_of(*, local_team_of_site: bool, role: str, on_team: bool, is_lead: bool, identifying: bool,
                is_expert: bool) -> Position | None:
    """The column for one professional and one trajectory, from facts the selector loads.

    `role` is the professional's role value (consulent, gedragswetenschapper, teamleider, beschermpartner, ...).
    A local-team worker of another site who is pulled onto the team counts as a partner."""
    if local_team_of_site:
        if role == "teamleider":
            return Position.TEAM_LEADER
        if role == "gedragswetenschapper":
            return Position.LOCAL_GW
        return Position.LOCAL_TEAM if on_team else Position.LOCAL_COLLEAGUE
    if not on_team:
        return None
    if is_expert:
        return Position.EXPERT
    if is_lead:
        return Position.PARTNER_LEAD
    return Position.PARTNER_NAMED if identifying else Position.PARTNER_ANONYMOUS


# Who answers a request to join for the organisation asked (seed 000 "De tandem": the partner is pulled in, and its
# organisation decides who comes): its workers in a dossier role and its team leader (for a pool of experts by
# experience: the experts themselves, who see the family only with its consent).
# An organisation's own system (role "koppeling", the API) answers as a worker of its organisation.
ANSWERING_ROLES = frozenset({"beschermpartner", "gedragswetenschapper", "teamleider", "consulent",
                             "ervaringsdeskundige", "koppeling"})


def answer_position(*, of_invited_organisation: bool, role: str, active: bool,
                    dossier_position: Position | None) -> Position | None:
    """The column for answering a request to join: `invited` for a worker or team leader of the organisation
    asked (also when they already sit on this team in another form), else their position in the dossier."""
    if of_invited_organisation and active and role in ANSWERING_ROLES:
        return Position.INVITED
    return dossier_position


# Who registers a new household at a site (there is no trajectory yet, so no position): the site's consulenten
# and team leader. Seed 000 "Registratie van en-en-regie": the dossier is kept by the local team.
REGISTERING_ROLES = frozenset({"consulent", "teamleider"})


def check_may_register(*, local_team_of_site: bool, role: str) -> None:
    """Only a consulent or the team leader of the site's own local team registers a household there."""
    if not (local_team_of_site and role in REGISTERING_ROLES):
        raise NotPermitted("Alleen een consulent of de teamleider van het lokale team van deze toekomsttuin meldt "
                           "hier een gezin aan.", code="right_register")
