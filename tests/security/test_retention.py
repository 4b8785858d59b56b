"""Retention: dossiers go `TANDEM_RETENTION_YEARS` after their last trajectory closed; the log stays."""
import datetime as dt

from django.core.management import call_command

from tandem.audit.models import AuditEvent
from tandem.audit.services import audit_verify
from tandem.cases.models import Household
from tandem.cases.services import trajectory_close
from tandem.security.rules import retention_expired
from tandem.security.services import retention_apply

D = dt.date


def test_rule_counts_from_the_last_closure():
    assert retention_expired([D(2000, 1, 1), D(2004, 6, 1)], D(2024, 6, 2), 20)
    assert not retention_expired([D(2000, 1, 1), D(2004, 6, 1)], D(2024, 6, 1), 20)
    assert not retention_expired([D(2000, 1, 1), None], D(2060, 1, 1), 20)  # still open
    assert not retention_expired([], D(2060, 1, 1), 20)


def test_dry_run_changes_nothing_and_the_real_run_removes_and_logs(family, actors, capsys):
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    household_id = family.household_id
    before = AuditEvent.objects.filter(household_id=household_id).count()
    assert retention_apply(today=D(2045, 3, 1), dry_run=False).household_ids == []
    call_command("retention", "--dry-run", "--today", "2045-03-02")
    assert str(household_id) in capsys.readouterr().out and Household.objects.filter(pk=household_id).exists()
    call_command("retention", "--today", "2045-03-02")
    out = capsys.readouterr().out
    assert "1 huishouden(s) verwijderd" in out and "Fatima" not in out
    assert not Household.objects.filter(pk=household_id).exists()
    assert AuditEvent.objects.filter(household_id=household_id).count() == before + 1
    assert AuditEvent.objects.filter(action="retention_run").last().detail["erased"] == 1
    assert audit_verify() == []


def test_settings_choose_the_period(family, actors, settings):
    settings.TANDEM_RETENTION_YEARS = 1
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=D(2025, 3, 1), end_evaluation="Veilig genoeg.",
                     exit_participants="Anna, Fatima")
    assert retention_apply(today=D(2026, 3, 2), dry_run=True).household_ids == [family.household_id]
