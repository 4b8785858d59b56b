"""Resident portal screens: sign-in (auth), reading (pages), the resident's own changes (write), and the
professionals' pages for sign-in codes and correction requests (staff)."""
from tandem.portal.views.auth import DigiDCallback, DigiDStart, login, logout

digid_start = DigiDStart.as_view()
digid_callback = DigiDCallback.as_view()
from tandem.portal.views.pages import (
    access_log,
    consents,
    corrections,
    home,
    journal,
    plan,
    plan_version,
    rights,
)
from tandem.portal.views.staff import correction_handle, invite_household, invite_member, resident_view_read
from tandem.portal.views.write import (
    consent_give,
    consent_request_answer,
    consent_withdraw,
    download,
    entry_detail,
    plan_version_respond,
)

__all__ = [
    "access_log",
    "consent_give",
    "consent_request_answer",
    "consent_withdraw",
    "consents",
    "resident_view_read",
    "correction_handle",
    "corrections",
    "digid_callback",
    "digid_start",
    "download",
    "entry_detail",
    "home",
    "invite_household",
    "invite_member",
    "journal",
    "login",
    "logout",
    "plan",
    "plan_version",
    "plan_version_respond",
    "rights",
]
