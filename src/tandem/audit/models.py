"""The append-only access log: every read and every change of a dossier (NEN 7513 style).

Entries are chained: each stores the hash of the one before it, so a changed or removed entry is
detectable. Rows cannot be updated or deleted through the ORM.
"""
from django.db import models


class AuditEvent(models.Model):
    at = models.DateTimeField(db_index=True)
    actor_id = models.BigIntegerField(null=True)  # no foreign key: the log outlives users and dossiers
    actor_name = models.CharField(max_length=200)
    actor_role = models.CharField(max_length=40, blank=True, default="")
    actor_organisation = models.CharField(max_length=200, blank=True, default="")
    household_id = models.UUIDField(null=True, db_index=True)
    action = models.CharField(max_length=60)
    object_type = models.CharField(max_length=60, blank=True, default="")
    object_id = models.CharField(max_length=60, blank=True, default="")
    purpose = models.CharField(max_length=200, blank=True, default="")
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    class Meta:
        ordering = ["id"]

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise RuntimeError("Het toegangslogboek kan niet worden gewijzigd.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise RuntimeError("Het toegangslogboek kan niet worden gewijzigd.")


class AuditHead(models.Model):
    """The anchor of the chain: one row, updated in the same transaction as every append.

    The chain alone cannot show that its newest entries were removed; the head can (count and last hash).
    `tandem audit verify` prints the head hash so that it can be written down outside the system.
    """

    id = models.PositiveSmallIntegerField(primary_key=True, default=1)
    count = models.BigIntegerField(default=0)
    last_id = models.BigIntegerField(null=True)
    last_hash = models.CharField(max_length=64)
    updated_at = models.DateTimeField()
