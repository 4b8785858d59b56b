"""The e-mail that says there is something in Tandem: no names, no household code, no content; only the kind of
thing in general words and a link to the notification (which checks need-to-know when it is opened)."""
import logging

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from tandem.notifications.models import Notification

logger = logging.getLogger(__name__)

SUBJECT = "Tandem: er staat iets nieuws voor u klaar"
BODY = """Goedendag,

Er staat iets nieuws voor u klaar in Tandem: {what}.

Om de privacy van de gezinnen te beschermen staat in deze e-mail niets over het gezin. Log in op Tandem om te
zien waar het over gaat:

{link}

U krijgt deze e-mail omdat berichten per e-mail aan staan. U kunt dat in Tandem uitzetten bij "Berichten".

Tandem
"""
# General words per kind, without anything about the family.
WHAT = {
    "consent_withdrawn": "een gezin heeft een toestemming ingetrokken",
    "consent_request": "een partner vraagt een gezin om toestemming",
    "correction_request": "een gezinslid vraagt om een verbetering",
    "resident_view": "een gezinslid schreef een eigen kijk",
    "measure_expiring": "een maatregel loopt binnenkort af",
    "join_request": "uw organisatie is gevraagd aan te sluiten bij een gezin",
    "join_answer": "er is antwoord op uw verzoek aan een partner",
}


def wants_email(user) -> bool:
    """The person's own choice, else the region's; never without an address."""
    if not user.email or not user.is_active:
        return False
    if user.notify_by_email is not None:
        return user.notify_by_email
    region = user.region
    return bool(region and region.notify_by_email)


def message_for(notification: Notification) -> tuple[str, str]:
    link = settings.TANDEM_BASE_URL.rstrip("/") + reverse("notifications:open", args=[notification.pk])
    return SUBJECT, BODY.format(what=WHAT[notification.kind], link=link)


def send_after_commit(notification: Notification) -> None:
    if wants_email(notification.recipient):
        transaction.on_commit(lambda: _send(notification.pk))


def _send(notification_id: int) -> None:
    notification = Notification.objects.select_related("recipient").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at is not None:
        return
    subject, body = message_for(notification)
    try:
        send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [notification.recipient.email])
    except Exception:  # noqa: BLE001 — the notification stays in Tandem; nothing personal is logged
        logger.warning("E-mail voor bericht %s niet verstuurd.", notification.pk, exc_info=False)
        return
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
