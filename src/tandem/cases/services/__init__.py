"""Every state change of a dossier, one function each (see docs/services-contract.md)."""
from tandem.cases.services.closing import still_running, trajectory_close, trajectory_reopen
from tandem.cases.services.consent import (
    consent_record,
    consent_request_create,
    consent_request_decline,
    consent_withdraw,
)
from tandem.cases.services.involvement import involvement_decide, involvement_end, involvement_start, time_register
from tandem.cases.services.joining import join_request_accept, join_request_create, join_request_decline
from tandem.cases.services.journal import expert_contact_record, journal_entry_add, journal_entry_hide
from tandem.cases.services.legal import measure_record, report_record
from tandem.cases.services.registration import (
    MemberData,
    household_register,
    member_add,
    trajectory_register,
    triage_record,
)
from tandem.cases.services.team import lead_switch, team_member_add, team_member_leave

__all__ = [
    "MemberData", "household_register", "member_add", "trajectory_register", "triage_record", "trajectory_close",
    "team_member_add", "team_member_leave", "lead_switch", "involvement_start", "involvement_end",
    "time_register", "consent_record", "consent_withdraw", "report_record", "measure_record",
    "expert_contact_record", "journal_entry_add", "journal_entry_hide", "trajectory_reopen", "still_running",
    "consent_request_create", "consent_request_decline", "involvement_decide",
    "join_request_create", "join_request_accept", "join_request_decline",
]
