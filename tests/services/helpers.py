"""Shared checks for the service tests: 'refused and nothing changed', and 'audited'."""
import json
from contextlib import contextmanager

import pytest

from tandem.audit.models import AuditEvent
from tandem.cases import models as m

COUNTED = [m.Household, m.Member, m.Trajectory, m.TriageDecision, m.LeadPeriod, m.TeamMembership, m.Involvement,
           m.TimeEntry, m.Consent, m.Report, m.Measure, m.ExpertContact, m.JournalEntry, AuditEvent]


def db_state() -> dict:
    """Row counts of every dossier table and the log, plus the fields services change in place."""
    state = {model.__name__: model.objects.count() for model in COUNTED}
    state["trajectories"] = sorted(
        (str(pk), version, closed_on, evaluation)
        for pk, version, closed_on, evaluation in m.Trajectory.objects.values_list("id", "version", "closed_on",
                                                                                  "end_evaluation"))
    state["lead_ends"] = sorted(m.LeadPeriod.objects.values_list("id", "end"))
    state["team_left"] = sorted(m.TeamMembership.objects.values_list("id", "left_on"))
    state["involvement_ends"] = sorted(m.Involvement.objects.values_list("id", "end"))
    state["withdrawals"] = sorted(m.Consent.objects.values_list("id", "withdrawn_on"))
    return state


@contextmanager
def refused(exc, code=None):
    """The block must raise `exc` (with `code`, when given) and leave the database exactly as it was."""
    before = db_state()
    with pytest.raises(exc) as info:
        yield info
    if code is not None:
        assert info.value.code == code, info.value
    assert db_state() == before


def assert_audited(action, obj, actor=None, household_id=None) -> AuditEvent:
    """The latest log entry records `action` on `obj` by `actor`, and carries no personal data."""
    event = AuditEvent.objects.order_by("-id").first()
    assert event is not None
    assert event.action == action
    assert event.object_type == type(obj).__name__
    assert event.object_id == str(obj.pk)
    assert event.actor_id == (actor.pk if actor is not None else None)
    if household_id is not None:
        assert event.household_id == household_id
    detail = json.dumps(event.detail)
    for personal in ("Fatima", "Amrani", "Daan", "Vries", "111222333"):
        assert personal not in detail
    return event


def version(trajectory) -> int:
    return m.Trajectory.objects.get(pk=trajectory.pk).version
