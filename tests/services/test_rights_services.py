"""Every action of the rights matrix as every position on a team, through the services, derived from
docs/rights.md: a 'ja' cell succeeds, a 'nee' cell is refused (NotPermitted), a 'beperkt' cell succeeds inside its
limit and is refused outside it. Each attempt runs in a savepoint that is rolled back, so all start from the same
team (tests/rights_world.py)."""
import pytest
from django.db import transaction

from rights_world import SERVICE, read_matrix
from tandem.cases.rules.rights import COLUMNS, Action, Cell
from tandem.core.exceptions import NotPermitted
from tandem.organisations.models import User

MATRIX = read_matrix()


class Rollback(Exception):
    pass


def attempt(world, action, position, inside) -> str:
    actor = User.objects.get(pk=world.actor(position).pk)  # fresh: an attempt may have changed the role
    outcome = "allowed"
    try:
        with transaction.atomic():
            try:
                SERVICE[action](world, actor, inside)
            except NotPermitted:
                outcome = "refused"
            raise Rollback
    except Rollback:
        pass
    return outcome


def expected_attempts(action):
    for position in COLUMNS:
        cell = MATRIX[(action, position)]
        if cell == Cell.LIMITED:
            yield position, True, "allowed"
            yield position, False, "refused"
        else:
            yield position, None, "allowed" if cell == Cell.YES else "refused"


@pytest.mark.parametrize("action", [a for a in Action if a != Action.ACCESS_LOG])  # a read: tested on the web
def test_every_position_through_the_services(rights_team, action):
    wrong = []
    for position, inside, expected in expected_attempts(action):
        got = attempt(rights_team, action, position, inside)
        if got != expected:
            wrong.append(f"{action} door {position} (binnen de grens: {inside}): verwacht {expected}, kreeg {got}")
    assert not wrong, "\n".join(wrong)
