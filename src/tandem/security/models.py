"""Emergency access ("break the glass"): a professional outside the need-to-know opens a dossier for a
limited time with a stated reason. The grant is flagged to the household's consultant and logged."""
from django.conf import settings
from django.db import models

from tandem.cases.models import Household


class EmergencyAccess(models.Model):
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="emergency_accesses")
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="emergency_accesses")
    reason = models.TextField("reden")
    starts_at = models.DateTimeField()
    ends_at = models.DateTimeField()

    class Meta:
        ordering = ["-starts_at", "-id"]
        indexes = [models.Index(fields=["user", "ends_at"]), models.Index(fields=["household", "starts_at"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_at__gt=models.F("starts_at")),
                                   name="emergency_access_ends_after_start"),
        ]

    def __str__(self) -> str:
        return f"Noodtoegang {self.user} tot {self.ends_at:%d-%m-%Y %H:%M}"
