"""The dossier's rules as pure functions (no queries): the legal guardrails (`guardrails`) and who may do what
inside a dossier (`rights`). Services load the facts and call them; the templates ask the same rights through
`tandem.cases.selectors.rights_for`.

`from tandem.cases import rules; rules.check_bsn(...)` keeps working: the guardrails are re-exported here.
"""
from tandem.cases.rules.guardrails import *  # noqa: F401,F403
from tandem.cases.rules.guardrails import _fmt  # noqa: F401
from tandem.cases.rules.closing import (  # noqa: F401,E402
    StillRunning,
    check_closure,
    check_lead_to_partner,
    check_local_team_stays,
    check_reopen,
)
from tandem.cases.rules.family import (  # noqa: F401,E402
    check_consent_giver,
    check_hide_reason,
    check_portal_age,
    entry_visible_to_member,
    own_words_visible_to_member,
)
from tandem.cases.rules.joining import (  # noqa: F401,E402
    check_decline_reason,
    check_join_target,
    check_joiner,
    check_request_open,
    check_wanted_by,
)
