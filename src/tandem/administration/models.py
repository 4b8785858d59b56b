"""Administration (beheer): invitations with a one-time link, and two-factor resets that wait for a second
person. Organisations, sites, users and roles themselves live in `tandem.organisations`; every change to them
goes through `tandem.administration.services`."""
from django.conf import settings
from django.db import models


class Invitation(models.Model):
    """A one-time link by e-mail: the invited person sets a password and the second factor through it.

    Only a keyed hash of the token is stored; the link expires, and is used up by the first successful use."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="invitations")
    token_hash = models.CharField(max_length=64, unique=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField()
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    withdrawn_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]


class FactorReset(models.Model):
    """A beheerder asks to reset someone's second factor (lost phone); a second person confirms it: another
    beheerder of the region or a team leader of the person's organisation. Only then are the devices removed."""

    class Status(models.TextChoices):
        WAITING = "waiting", "Wacht op bevestiging"
        DONE = "done", "Bevestigd en uitgevoerd"
        WITHDRAWN = "withdrawn", "Ingetrokken"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="factor_resets")
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_at = models.DateTimeField()
    reason = models.CharField("reden", max_length=300)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.WAITING)
    confirmed_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                     related_name="+")
    confirmed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        constraints = [
            models.UniqueConstraint(fields=["user"], condition=models.Q(status="waiting"),
                                    name="one_waiting_factor_reset_per_user"),
            models.CheckConstraint(condition=~models.Q(confirmed_by=models.F("requested_by")),
                                   name="factor_reset_two_people"),
        ]
