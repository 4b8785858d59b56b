"""The append-only access log: every read and every change of a dossier (NEN 7513 style).

`AuditEvent` is written inside the transaction of the change it records, with a keyed mac over its content and
nothing shared: writers never wait for each other. Right after commit, a short separate step seals committed
entries into one chain (`AuditSeal`, in commit order) — see `tandem.audit.services` and docs/architecture.md.
Neither table can be changed: the model and its QuerySet refuse update and delete, and database triggers refuse
UPDATE, DELETE (and on PostgreSQL TRUNCATE); see migration 0004 and docs/security.md for the database role.
"""
from django.db import models

REFUSAL = "Het toegangslogboek kan niet worden gewijzigd of verwijderd."


class AppendOnlyError(RuntimeError):
    def __init__(self):
        super().__init__(REFUSAL)


class AppendOnlyQuerySet(models.QuerySet):
    """Bulk `update()` and `delete()` (which bypass the model's save/delete) are refused too."""

    def update(self, **kwargs):
        raise AppendOnlyError()

    def delete(self):
        raise AppendOnlyError()

    def bulk_update(self, objs, fields, batch_size=None):
        raise AppendOnlyError()

    def _raw_delete(self, using):
        raise AppendOnlyError()

    def update_or_create(self, *args, **kwargs):
        raise AppendOnlyError()


class AppendOnly(models.Model):
    objects = AppendOnlyQuerySet.as_manager()

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AppendOnlyError()
        kwargs["force_insert"] = True
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError()


class AuditEvent(AppendOnly):
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
    key_id = models.CharField(max_length=16)  # which key made `mac` (a fingerprint, never the key)
    mac = models.CharField(max_length=64)  # HMAC-SHA256 over the content (tandem.audit.chain.event_mac)

    class Meta:
        ordering = ["id"]


class AuditSeal(AppendOnly):
    """One link of the chain: entry `event_id` is number `seq`; `hash` covers seq, entry id, its mac and the
    previous hash. Sealed in commit order by a short transaction of its own."""

    seq = models.BigIntegerField(primary_key=True)
    event_id = models.BigIntegerField(unique=True)
    sealed_at = models.DateTimeField()
    key_id = models.CharField(max_length=16)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, db_index=True)

    class Meta:
        ordering = ["seq"]


class AuditPending(models.Model):
    """Entries committed but not yet sealed (a work list, not the log: the sealer removes what it sealed)."""

    event_id = models.BigIntegerField(primary_key=True)
