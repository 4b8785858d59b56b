"""The resident portal: sign-in codes for household members, their own views (hoor en wederhoor) and their
requests for a correction. Residents have no Django user; they sign in as a `Member` of one household.

Sources: seed 000 "Registratie van en-en-regie" and "Juridische kanttekeningen" (what is recorded is visible to
the residents; hoor en wederhoor), domain.md §3 (inwoner) and §5.
"""
import uuid

from django.conf import settings
from django.db import models
from django.utils import timezone

from tandem.cases.models import JournalEntry, Member
from tandem.core.models import TextChecked

LOCKOUT_AFTER = 5  # wrong codes before an invite is locked; the professional then makes a new one


class PortalInvite(TextChecked):
    """A one-time sign-in code for one household member. Only its hash is stored; the code is shown once."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="portal_invites")
    login_name = models.CharField("inlognaam", max_length=20, db_index=True)
    code_hash = models.CharField(max_length=200)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    used_at = models.DateTimeField(null=True, blank=True)
    failed_attempts = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["-created_at"]

    @property
    def locked(self) -> bool:
        return self.failed_attempts >= LOCKOUT_AFTER


class ResidentView(TextChecked):
    """A resident's own view (zienswijze) on a journal entry or a plan version. Shown beside it, never
    changing it."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="resident_views")
    journal_entry = models.ForeignKey(JournalEntry, null=True, blank=True, on_delete=models.CASCADE,
                                      related_name="resident_views")
    plan_version = models.ForeignKey("safetyplan.PlanVersion", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="resident_views")
    text = models.TextField("uw kijk erop")
    created_at = models.DateTimeField(default=timezone.now)
    # A resident's own words are theirs: the professionals see them, the rest of the household only if shared.
    shared = models.BooleanField("ook zichtbaar voor de andere gezinsleden", default=False)
    # The local team read it (and talks it over with the family): off the consultant's work list.
    read_at = models.DateTimeField("gelezen op", null=True, blank=True)
    read_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                related_name="+")

    class Meta:
        ordering = ["created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(journal_entry__isnull=False, plan_version__isnull=True)
                           | models.Q(journal_entry__isnull=True, plan_version__isnull=False)),
                name="resident_view_one_target",
            )
        ]


class CorrectionStatus(models.TextChoices):
    OPEN = "open", "Nog niet behandeld"
    HANDLED = "handled", "Behandeld"


class CorrectionRequest(TextChecked):
    """A resident asks for something recorded about them to be corrected (right to rectification)."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="correction_requests")
    journal_entry = models.ForeignKey(JournalEntry, null=True, blank=True, on_delete=models.CASCADE,
                                      related_name="correction_requests")
    plan_version = models.ForeignKey("safetyplan.PlanVersion", null=True, blank=True, on_delete=models.CASCADE,
                                     related_name="correction_requests")
    what_is_wrong = models.TextField("wat klopt er niet")
    shared = models.BooleanField("ook zichtbaar voor de andere gezinsleden", default=False)
    status = models.CharField(max_length=10, choices=CorrectionStatus.choices, default=CorrectionStatus.OPEN)
    created_at = models.DateTimeField(default=timezone.now)
    handled_at = models.DateTimeField(null=True, blank=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    response = models.TextField("antwoord", blank=True, default="")

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(models.Q(journal_entry__isnull=False, plan_version__isnull=True)
                           | models.Q(journal_entry__isnull=True, plan_version__isnull=False)),
                name="correction_one_target",
            )
        ]
