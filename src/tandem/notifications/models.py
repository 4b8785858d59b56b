"""Notifications: something happened that a person should know of. They hold no names and no content of the
dossier: a kind, a link inside Tandem and (for need-to-know when it is opened) the household it is about."""
from django.conf import settings
from django.db import models
from django.utils import timezone

from tandem.cases.models import Household


class Kind(models.TextChoices):
    CONSENT_WITHDRAWN = "consent_withdrawn", "Het gezin heeft een toestemming ingetrokken"
    CONSENT_REQUEST = "consent_request", "Een partner vraagt het gezin om toestemming"
    CORRECTION_REQUEST = "correction_request", "Een gezinslid vraagt om een verbetering"
    RESIDENT_VIEW = "resident_view", "Een gezinslid schreef een eigen kijk"
    MEASURE_EXPIRING = "measure_expiring", "Een maatregel loopt binnenkort af"
    JOIN_REQUEST = "join_request", "Uw organisatie is gevraagd aan te sluiten bij een gezin"
    JOIN_ANSWER = "join_answer", "Er is antwoord op uw verzoek aan een partner om aan te sluiten"
    # The call-up of an expert by experience (tandem.experts)
    CALL_UP_REQUEST = "call_up_request", "Een consulent vraagt een ervaringsdeskundige"
    CALL_UP_PROPOSAL = "call_up_proposal", "U bent voorgesteld als ervaringsdeskundige bij een gezin"
    CALL_UP_ANSWER = "call_up_answer", "Er is antwoord op uw vraag om een ervaringsdeskundige"
    CALL_UP_JOINED = "call_up_joined", "Een ervaringsdeskundige is in het team gekomen"


class Notification(models.Model):
    recipient = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications")
    kind = models.CharField("soort", max_length=30, choices=Kind.choices)
    link = models.CharField("waar het te doen is", max_length=300)  # a path inside Tandem: random ids only
    household = models.ForeignKey(Household, null=True, blank=True, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=100, blank=True, default="")  # one notification per event and person
    created_at = models.DateTimeField(default=timezone.now)
    read_at = models.DateTimeField(null=True, blank=True)
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["recipient", "read_at"])]
        constraints = [models.UniqueConstraint(fields=["recipient", "key"], condition=~models.Q(key=""),
                                               name="one_notification_per_event")]

    @property
    def is_read(self) -> bool:
        return self.read_at is not None
