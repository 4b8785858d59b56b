"""Safety-plan screens: thin function views, one service call per form."""
from tandem.safetyplan.views.analysis import (
    analysis_create,
    analysis_page,
    challenge_add,
    challenge_respond,
)
from tandem.safetyplan.views.meetings import meeting_create, meetings_page
from tandem.safetyplan.views.plan import (
    agreement_kept,
    plan_page,
    score_add,
    sign_off,
    version_create,
    version_page,
    version_pdf,
)

__all__ = [
    "agreement_kept",
    "analysis_create",
    "analysis_page",
    "challenge_add",
    "challenge_respond",
    "meeting_create",
    "meetings_page",
    "plan_page",
    "score_add",
    "sign_off",
    "version_create",
    "version_page",
    "version_pdf",
]
