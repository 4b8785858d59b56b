"""Every action of the rights matrix as every position on a team, through the web, derived from
docs/rights.md. A 'ja' cell changes the dossier; a 'nee' cell answers 403 (or 404 where the person may not see
the dossier at all) and changes nothing; a 'beperkt' cell changes it inside its limit and not outside. The
household page offers an action's link exactly when the matrix allows it. Each attempt runs in a savepoint that
is rolled back (tests/rights_world.py)."""
import pytest
from django.db import transaction
from django.urls import reverse

from rights_world import changed_since, read_matrix, snapshot, web_request
from tandem.accounts.testing import TwoFactorClient
from tandem.cases.rules.rights import ACTOR_LIMITS, COLUMNS, LIMITS, Action, Cell, Position, actor_facts_of
from tandem.organisations.models import User

MATRIX = read_matrix()
# The link on the household page that offers each action (None: offered elsewhere, e.g. per row or on the plan).
LINKS = {Action.TRIAGE: "cases:triage_record", Action.TEAM_ADD: "cases:team_member_add",
         Action.LEAD_SWITCH: "cases:lead_switch", Action.CONSENT_RECORD: "cases:consent_record",
         Action.CONSENT_REQUEST: "cases:consent_request_create", Action.REPORT_RECORD: "cases:report_record",
         Action.MEASURE_RECORD: "cases:measure_record", Action.INVOLVEMENT_START: "cases:involvement_start",
         Action.JOURNAL_PARTNER_REPORT: "cases:journal_entry_add",
         Action.CLOSE: "workspace:trajectory_close", Action.MEMBER_ADD: "cases:member_add",
         Action.PORTAL_CODE: "portal:invite_household", Action.ACCESS_LOG: "cases:access_log"}


class Rollback(Exception):
    pass


def attempt(world, action, position, inside) -> tuple[int, bool]:
    """(status, whether anything was written) of one request, rolled back afterwards."""
    client = TwoFactorClient()
    result = None
    try:
        with transaction.atomic():
            actor = User.objects.get(pk=world.actor(position).pk)
            client.force_login(actor)
            before = snapshot(world, action)
            url, data = web_request(world, action, actor, inside)
            response = client.get(url) if data is None else client.post(url, data)
            result = (response.status_code, changed_since(world, action, before))
            raise Rollback
    except Rollback:
        pass
    return result


# One page writes all three kinds of journal entry: a kind someone may not write is not among its choices.
JOURNAL = {Action.JOURNAL_CONTACT_NOTE, Action.JOURNAL_PARTNER_REPORT, Action.JOURNAL_DECISION}


def judge(action, cell, inside, status, changed) -> bool:
    if action == Action.ACCESS_LOG:  # a read
        return status == 200 if cell == Cell.YES else status in (403, 404)
    if cell == Cell.YES or (cell == Cell.LIMITED and inside):
        return changed and status in (200, 302)
    form_refuses = cell == Cell.LIMITED or action in JOURNAL  # the form offers only what is allowed
    return not changed and status in ((200, 403, 404) if form_refuses else (403, 404))


@pytest.mark.parametrize("action", list(Action))
def test_every_position_through_the_web(rights_team, action):
    wrong = []
    for position in COLUMNS:
        cell = MATRIX[(action, position)]
        for inside in ((True, False) if cell == Cell.LIMITED else (None,)):
            status, changed = attempt(rights_team, action, position, inside)
            if not judge(action, cell, inside, status, changed):
                wrong.append(f"{action} door {position} (binnen de grens: {inside}), cel {cell}: status {status}, "
                             f"{'gewijzigd' if changed else 'niets gewijzigd'}")
    assert not wrong, "\n".join(wrong)


def _offered(cell, action, actor_facts) -> bool:
    if cell == Cell.LIMITED and LIMITS[action] in ACTOR_LIMITS:
        return LIMITS[action] in actor_facts
    return cell != Cell.NO


@pytest.mark.parametrize("position", list(COLUMNS))
def test_the_household_page_offers_exactly_the_allowed_actions(rights_team, client, position):
    client.force_login(rights_team.actor(position))
    html = client.get(reverse("cases:household", args=[rights_team.family.household_id])).content.decode()
    wrong = []
    for action, name in LINKS.items():
        args = [rights_team.family.household_id] if name in ("cases:member_add", "portal:invite_household",
                                                             "cases:access_log") else [rights_team.family.pk]
        offered = f'href="{reverse(name, args=args)}"' in html
        kinds = JOURNAL if action in JOURNAL else {action}  # one link writes any kind of entry
        # A 'beperkt' cell is offered, unless its limit is about the person (a gedragswetenschapper) and they
        # are not one.
        facts = actor_facts_of(rights_team.actor(position).role)
        if offered != any(_offered(MATRIX[(kind, position)], kind, facts) for kind in kinds):
            wrong.append(f"{action}: {'aangeboden' if offered else 'niet aangeboden'}, cel {MATRIX[(action, position)]}")
    assert not wrong, "\n".join(wrong)


def test_a_refusal_is_a_dutch_page_that_says_who_can(rights_team, client):
    client.force_login(rights_team.actor(Position.PARTNER_NAMED))
    response = client.get(reverse("cases:consent_record", args=[rights_team.family.pk]))
    html = response.content.decode()
    assert response.status_code == 403
    assert "Dit mag u hier niet doen" in html and "Dit kan de consulent van het lokale team of het gezin zelf" in html
