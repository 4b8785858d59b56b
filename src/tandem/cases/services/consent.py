"""Consent statements (toestemmingsverklaring) of household members (domain §5)."""
import datetime as dt

from django.db import transaction

from tandem.cases import rules
from tandem.cases.models import Consent, Trajectory
from tandem.cases.services.base import begin_change, check_in_trajectory, log_change, today
from tandem.core.exceptions import RuleViolation


def _check_given_by(actor, trajectory: Trajectory, given_by) -> None:
    """A member of this household gives consent. Only a taken-over record (actor None) may leave it unknown."""
    if given_by is None and actor is None:
        return
    if given_by is None or given_by.household_id != trajectory.household_id or given_by.is_network:
        raise RuleViolation("consent_not_member", "Toestemming wordt gegeven door een lid van dit gezin.",
                            field="given_by")


@transaction.atomic
def consent_record(*, actor, trajectory: Trajectory, organisation, given_by, purpose: str, given_on: dt.date,
                   expected_version: int | None = None) -> Consent:
    """A household member consents to one organisation, for a stated purpose."""
    fresh = begin_change(actor, trajectory, expected_version)
    _check_given_by(actor, fresh, given_by)
    if actor is not None and not purpose.strip():
        raise RuleViolation("purpose_missing", "Vul in waarvoor de toestemming is.", field="purpose")
    check_in_trajectory(given_on, fresh, "datum van de toestemming")
    consent = Consent.objects.create(trajectory=fresh, organisation=organisation, given_by=given_by,
                                     purpose=purpose, given_on=given_on)
    log_change(actor, "consent_record", fresh, consent, organisation=organisation.code)
    return consent


@transaction.atomic
def consent_withdraw(*, actor, consent: Consent, withdrawn_on: dt.date,
                     expected_version: int | None = None) -> Consent:
    """Withdraw a consent. It takes effect for that organisation's access at once (selectors read it)."""
    fresh = begin_change(actor, consent.trajectory, expected_version, open_only=False)
    consent = Consent.objects.get(pk=consent.pk)
    if consent.withdrawn_on is not None:
        raise RuleViolation("already_withdrawn", "Deze toestemming is al ingetrokken.")
    rules.check_not_future(withdrawn_on, today(), "datum van intrekken")
    rules.check_end_after_start(consent.given_on, withdrawn_on, "toestemming")
    consent.withdrawn_on = withdrawn_on
    consent.save(update_fields=["withdrawn_on"])
    log_change(actor, "consent_withdraw", fresh, consent)
    return consent
