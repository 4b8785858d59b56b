"""The national programme's side (TANDEM_NATIONAL): pilot regions with their themes and questions (seed 004),
each region's public signing key, and the quarters the regions handed over (`tandem.national.services`).

Nothing here is about a family: figures arrive with the CBS rule applied, texts arrive pseudonymised.
"""
from django.conf import settings
from django.db import models


class Theme(models.Model):
    """A general question for all pilots (seed 004, "Algemene vraagstukken voor alle proeftuinen")."""

    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField("thema", max_length=120)
    description = models.TextField("omschrijving", blank=True, default="")
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "id"]

    def __str__(self) -> str:
        return self.name


class Pilot(models.Model):
    """A pilot region (proeftuin): its code is the region code of its own Tandem installation."""

    code = models.CharField(max_length=20, unique=True)
    name = models.CharField("naam van de proeftuin", max_length=200)
    region_name = models.CharField("regio", max_length=200)
    tranche = models.PositiveSmallIntegerField("tranche", default=1)
    started = models.CharField("gestart", max_length=40, blank=True, default="")
    themes = models.ManyToManyField(Theme, related_name="pilots", blank=True)
    questions = models.JSONField("specifieke vraagstukken", default=list, blank=True)

    class Meta:
        ordering = ["tranche", "region_name"]

    def __str__(self) -> str:
        return f"{self.name} ({self.region_name})"


class PilotKey(models.Model):
    """A region's Ed25519 public key (raw 32 bytes, hex). `fingerprint` is what a document names as its key."""

    pilot = models.ForeignKey(Pilot, on_delete=models.PROTECT, related_name="keys")
    fingerprint = models.CharField(max_length=64, unique=True)
    public_key = models.CharField(max_length=64)
    registered_at = models.DateTimeField(auto_now_add=True)
    registered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                      related_name="+")

    def __str__(self) -> str:
        return f"{self.pilot.code} {self.fingerprint[:16]}"


class Handover(models.Model):
    """One imported hand-over: a region's approved quarter. A corrected re-approval imports as a new row and
    the earlier one points to it (`superseded_by`); the pages show only current rows."""

    pilot = models.ForeignKey(Pilot, on_delete=models.PROTECT, related_name="handovers")
    quarter = models.CharField("kwartaal", max_length=7)
    approved_at = models.DateTimeField("goedgekeurd op")
    digest = models.CharField("SHA-256 van het ondertekende document", max_length=64, unique=True)
    key = models.ForeignKey(PilotKey, on_delete=models.PROTECT, related_name="+")
    monitor = models.JSONField("kwartaalmonitor (CBS-regel toegepast)")
    document = models.TextField("het ondertekende document zoals ontvangen")
    imported_at = models.DateTimeField(auto_now_add=True)
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    superseded_by = models.ForeignKey("self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["pilot", "quarter", "-approved_at"]
        constraints = [
            models.UniqueConstraint(fields=["pilot", "quarter"], condition=models.Q(superseded_by__isnull=True),
                                    name="one_current_handover_per_pilot_quarter"),
        ]

    def __str__(self) -> str:
        return f"{self.pilot.code} {self.quarter}"


class LearningKind(models.TextChoices):
    LESSON = "lesson", "Geleerde les"
    GOOD_PRACTICE = "good_practice", "Goed voorbeeld"
    BOTTLENECK = "bottleneck", "Knelpunt"
    IMPROVEMENT = "improvement", "Verbetervoorstel"


class HandedLesson(models.Model):
    """A lesson or improvement of a hand-over, its free text pseudonymised by the region before signing."""

    handover = models.ForeignKey(Handover, on_delete=models.CASCADE, related_name="lessons")
    kind = models.CharField("soort", max_length=20, choices=LearningKind.choices)
    aspect = models.CharField("inhoud of proces", max_length=20, blank=True, default="")
    site = models.CharField("toekomsttuin", max_length=200, blank=True, default="")
    title = models.CharField("voorstel", max_length=300, blank=True, default="")
    text = models.TextField("tekst", blank=True, default="")
    status = models.CharField("status", max_length=40, blank=True, default="")
    themes = models.JSONField("thema's", default=list, blank=True)

    class Meta:
        ordering = ["handover", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.handover}"
