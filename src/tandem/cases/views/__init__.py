"""Dossier screens, one module per topic. Every view loads through need-to-know and changes through one service."""
from tandem.cases.views.access_log import household_access_log
from tandem.cases.views.involvement import (
    involvement_decide,
    involvement_end,
    involvement_start,
    time_register,
)
from tandem.cases.views.consent import (
    consent_record,
    consent_request_answer,
    consent_request_create,
    consent_scan,
    consent_withdraw,
)
from tandem.cases.views.joining import join_request_answer, join_request_create
from tandem.cases.views.journal import expert_contact_record, journal_entry_add, journal_entry_hide
from tandem.cases.views.legal import measure_record, report_record
from tandem.cases.views.registration import (
    household_register,
    member_add,
    trajectory_register,
    trajectory_reopen,
    triage_record,
)
from tandem.cases.views.team import lead_switch, team_member_add, team_member_leave

__all__ = [
    "consent_record",
    "consent_request_answer",
    "consent_request_create",
    "consent_scan",
    "involvement_decide",
    "join_request_answer",
    "join_request_create",
    "journal_entry_hide",
    "consent_withdraw",
    "expert_contact_record",
    "household_access_log",
    "household_register",
    "involvement_end",
    "involvement_start",
    "journal_entry_add",
    "lead_switch",
    "measure_record",
    "member_add",
    "report_record",
    "team_member_add",
    "team_member_leave",
    "time_register",
    "trajectory_register",
    "trajectory_reopen",
    "triage_record",
]
