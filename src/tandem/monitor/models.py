"""Experiences for the quarterly monitor (questions G–K of seed `000_…` Bijlage 2).

The counted questions A–F are computed from the dossier (`tandem.monitor.queries`); only the experiences are
entered by people, per site and quarter. Every change goes through `tandem.monitor.services`.
"""
from django.conf import settings
from django.db import models

from tandem.organisations.models import Site


class Question(models.TextChoices):
    G = "G", "G: ervaringen van professionals"
    H = "H", "H: werken met TOP3 (wat kost het, wat levert het op)"
    I = "I", "I: ervaringen van gezinnen"
    J = "J", "J: meerwaarde van werken met ervaringsdeskundigen"
    K = "K", "K: wat het contact met de ervaringsdeskundige betekende voor de cliënt"


class Experience(models.Model):
    """One experience entered for a site and quarter: a text (G, H, I, K) or a yes/no with reasons (J)."""

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="experiences")
    quarter = models.CharField("kwartaal", max_length=7, help_text="JJJJ-Qn, bijvoorbeeld 2025-Q1")
    question = models.CharField("vraag", max_length=1, choices=Question.choices)
    text = models.TextField("tekst", blank=True, default="")
    answer = models.BooleanField("meerwaarde (ja/nee)", null=True, blank=True)
    reasons = models.JSONField("waarin (redenen)", default=list, blank=True)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["site", "quarter", "id"]
        indexes = [models.Index(fields=["site", "quarter"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(question__in=["G", "H", "I", "J", "K"]),
                                   name="experience_known_question"),
            models.CheckConstraint(condition=models.Q(question="J") | models.Q(answer__isnull=True),
                                   name="experience_answer_only_for_j"),
            models.CheckConstraint(condition=~models.Q(question="J") | models.Q(answer__isnull=False),
                                   name="experience_j_has_answer"),
        ]

    def __str__(self) -> str:
        return f"{self.site.code} {self.quarter} vraag {self.question}"


class ClosureStatus(models.TextChoices):
    OPEN = "open", "Open"
    SUBMITTED = "submitted", "Ingediend"
    APPROVED = "approved", "Goedgekeurd"


class QuarterClosure(models.Model):
    """Closing a site's quarter: the site submits, a coordinator of the region approves. Approval stores the
    monitor as it was (`snapshot`); from then on the page shows those figures and later changes as a difference."""

    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="quarter_closures")
    quarter = models.CharField("kwartaal", max_length=7)
    status = models.CharField(max_length=10, choices=ClosureStatus.choices, default=ClosureStatus.OPEN)
    snapshot = models.JSONField("vastgelegde cijfers", null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    submitted_at = models.DateTimeField(null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    approved_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["site", "quarter"]
        constraints = [
            models.UniqueConstraint(fields=["site", "quarter"], name="one_closure_per_site_quarter"),
            models.CheckConstraint(condition=~models.Q(status="approved") | models.Q(snapshot__isnull=False),
                                   name="approved_closure_has_snapshot"),
        ]

    def __str__(self) -> str:
        return f"{self.site.code} {self.quarter}: {self.get_status_display()}"

    @property
    def is_final(self) -> bool:
        return self.status == ClosureStatus.APPROVED


class QuarterEvent(models.Model):
    """One step in closing a quarter (submit, approve, reopen), kept forever: the history of the closure."""

    class Action(models.TextChoices):
        SUBMIT = "submit", "Ingediend"
        APPROVE = "approve", "Goedgekeurd"
        REOPEN = "reopen", "Heropend"

    closure = models.ForeignKey(QuarterClosure, on_delete=models.CASCADE, related_name="events")
    action = models.CharField(max_length=10, choices=Action.choices)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    at = models.DateTimeField()
    reason = models.TextField("reden", blank=True, default="")
    snapshot = models.JSONField("cijfers bij goedkeuring", null=True, blank=True)

    class Meta:
        ordering = ["closure", "at", "id"]

    def __str__(self) -> str:
        return f"{self.closure} – {self.get_action_display()}"


class RegionSnapshot(models.Model):
    """The region's monitor for a quarter, stored when the last of its sites is approved (then it is final).

    A region's average hours cannot be rebuilt from its sites' snapshots (it is a mean over all its households),
    so it is computed once, at that moment, and kept. Reopening any site of the region removes it again.
    """

    region = models.ForeignKey("organisations.Region", on_delete=models.PROTECT, related_name="snapshots")
    quarter = models.CharField("kwartaal", max_length=7)
    snapshot = models.JSONField("vastgelegde cijfers")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["region", "quarter"], name="one_snapshot_per_region_quarter")]


# --- The ledger: the monitor's figures kept up to date as the dossiers change (`tandem.monitor.ledger`) ---

class LedgerEntry(models.Model):
    """A change to one figure of one site for one quarter. A site's figure is the sum of its entries (running keys:
    of every quarter up to this one; `tandem.monitor.contributions`). Only ever added, never updated, so that
    changes to different households never wait for each other; `ledger.compact` sums a site's entries up."""

    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+", db_index=False)
    quarter = models.IntegerField("kwartaalnummer (jaar × 4 + kwartaal − 1)")
    key = models.CharField(max_length=40)
    running = models.BooleanField(default=False)
    number = models.BigIntegerField(default=0)
    weight = models.TextField(default="0")  # an exact integer of up to ~45 digits (rules.hours_weight), as text
    compacted = models.BooleanField(default=False)

    class Meta:
        indexes = [models.Index(fields=["site", "quarter", "key", "running", "number"], name="ledger_site_quarter"),
                   models.Index(fields=["site", "compacted"], name="ledger_site_compacted")]


class HouseholdLedger(models.Model):
    """What the ledger holds for one household: its contributions as last written, so that the next change to it
    writes only the difference. Made when a change to the household begins (`ledger.household_changing`)."""

    household = models.OneToOneField("cases.Household", on_delete=models.CASCADE, primary_key=True, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.CASCADE, related_name="+")
    contributions = models.JSONField(default=list)  # [[quarter, key, number, weight as text], ...]


class LedgerSite(models.Model):
    """The programme start with which the ledger counted question B for a site. When the region's programme start
    changes, that site's figures come from the direct computation until `tandem monitor_ledger --rebuild`."""

    site = models.OneToOneField(Site, on_delete=models.CASCADE, primary_key=True, related_name="+")
    programme_start = models.DateField()


class LedgerState(models.Model):
    """One row: whether the ledger holds every household (`ready`). A write that bypassed the services (the
    benchmark's COPY, a test's rows) turns it off; `tandem monitor_ledger --rebuild` builds it again."""

    ready = models.BooleanField(default=False)
    changed_at = models.DateTimeField(auto_now=True)
    note = models.CharField(max_length=200, blank=True, default="")
