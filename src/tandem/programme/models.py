"""The learning programme of a region (seeds `000_…`, `001_…`, `002_…`): lessons per site and quarter,
improvement proposals, the three-monthly evaluation of the practice group, milestones and plan steps,
targets, and the two free texts of the quarterly progress report.

None of these hold household data: they are about how the region works, not about families. Every change goes
through `tandem.programme.services`; each object carries a `version` so that concurrent edits are refused.
"""
from django.conf import settings
from django.db import models

from tandem.organisations.models import Region, Site
from tandem.core.dates import dutch_date
from tandem.core.counting import counted


class Versioned(models.Model):
    version = models.PositiveIntegerField(default=1)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        abstract = True


class Aspect(models.TextChoices):
    CONTENT = "content", "Inhoud"
    PROCESS = "process", "Proces"


class LessonKind(models.TextChoices):
    LESSON = "lesson", "Geleerde les"
    GOOD_PRACTICE = "good_practice", "Goed voorbeeld"
    BOTTLENECK = "bottleneck", "Knelpunt"


class Lesson(Versioned):
    """A lesson learned, a good practice or a bottleneck of a site (or the whole region) in a quarter,
    about content or process, with themes (seed 001, "Greep uit de geleerde lessen (inhoud en proces)")."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="lessons")
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.PROTECT, related_name="lessons")
    quarter = models.CharField("kwartaal", max_length=7)
    kind = models.CharField("soort", max_length=20, choices=LessonKind.choices, default=LessonKind.LESSON)
    aspect = models.CharField("inhoud of proces", max_length=10, choices=Aspect.choices)
    text = models.TextField("les")
    themes = models.JSONField("thema's", default=list, blank=True)

    class Meta:
        ordering = ["quarter", "id"]
        indexes = [models.Index(fields=["region", "quarter"])]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.quarter}"


class ImprovementStatus(models.TextChoices):
    PROPOSED = "proposed", "Voorgesteld"
    RUNNING = "running", "Loopt"
    REALISED = "realised", "Gerealiseerd"
    DROPPED = "dropped", "Vervallen"


class Evaluation(Versioned):
    """The practice group's evaluation every three months (seed 000, "Monitoren en evalueren"): who took part
    (counted by role), which quarters of the monitor were discussed, the conclusions; its actions become
    improvement proposals."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="evaluations")
    held_on = models.DateField("datum")
    participants = models.JSONField("deelnemers per rol", default=dict)
    quarters = models.JSONField("besproken kwartalen", default=list)
    conclusions = models.TextField("conclusies")

    class Meta:
        ordering = ["-held_on", "-id"]

    def __str__(self) -> str:
        return f"Evaluatie {dutch_date(self.held_on)}"


class ImprovementProposal(Versioned):
    """An improvement proposal with an owner and a status; realised ones carry the date (seed 001,
    "Verbetervoorstellen gerealiseerd i.s.m. de praktijkgroep")."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="improvements")
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.PROTECT, related_name="improvements")
    quarter = models.CharField("kwartaal", max_length=7)
    title = models.CharField("voorstel", max_length=300)
    description = models.TextField("toelichting", blank=True, default="")
    owner = models.CharField("eigenaar", max_length=200)
    status = models.CharField(max_length=10, choices=ImprovementStatus.choices, default=ImprovementStatus.PROPOSED)
    realised_on = models.DateField("gerealiseerd op", null=True, blank=True)
    evaluation = models.ForeignKey(Evaluation, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="actions")

    class Meta:
        ordering = ["quarter", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status="realised", realised_on__isnull=False)
                | (~models.Q(status="realised") & models.Q(realised_on__isnull=True)),
                name="improvement_realised_has_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class MilestoneStatus(models.TextChoices):
    """Seed 002's colours: groen = gereed, blauw = lopend, geel = nog te starten."""

    DONE = "done", "Gereed"
    RUNNING = "running", "Lopend"
    PLANNED = "planned", "Gepland"


class MilestoneKind(models.TextChoices):
    MILESTONE = "milestone", "Mijlpaal"
    STEP = "step", "Processtap"


class Level(models.TextChoices):
    REGIONAL = "regional", "Regionaal"
    NATIONAL = "national", "Landelijk"


class Milestone(Versioned):
    """A milestone (seed 000, Bijlage 1) or a process step with its result (seed 002), per region and year."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="milestones")
    year = models.PositiveSmallIntegerField("jaar")
    kind = models.CharField("soort", max_length=10, choices=MilestoneKind.choices, default=MilestoneKind.MILESTONE)
    level = models.CharField("niveau", max_length=10, choices=Level.choices, default=Level.REGIONAL)
    title = models.CharField("omschrijving", max_length=300)
    result = models.TextField("resultaat", blank=True, default="")
    starts_on = models.DateField("begin", null=True, blank=True)
    ends_on = models.DateField("klaar op (gepland)", null=True, blank=True)
    status = models.CharField(max_length=10, choices=MilestoneStatus.choices, default=MilestoneStatus.PLANNED)
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["year", "position", "id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(starts_on__isnull=True) | models.Q(ends_on__isnull=True)
                | models.Q(ends_on__gte=models.F("starts_on")),
                name="milestone_ends_after_start",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class Comparison(models.TextChoices):
    FEWER_THAN = "fewer_than", "minder dan"
    AT_MOST = "at_most", "hoogstens"
    AT_LEAST = "at_least", "minstens"
    MORE_THAN = "more_than", "meer dan"


class Target(Versioned):
    """A target for the number of families in a year (seed 000: fewer than 12 in 2024, more than 35 in 2025)."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="targets")
    year = models.PositiveSmallIntegerField("jaar")
    comparison = models.CharField("vergelijking", max_length=12, choices=Comparison.choices)
    families = models.PositiveIntegerField("aantal gezinnen")
    note = models.CharField("toelichting", max_length=300, blank=True, default="")

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["region", "year"], name="one_target_per_region_year")]

    def __str__(self) -> str:
        return f"{self.year}: {self.get_comparison_display()} {counted(self.families, 'gezin', 'gezinnen')}"


class ProgressReport(Versioned):
    """The two free sections of a quarter's progress report that the project lead writes: regional and national
    progress and developments (seed 001). Paragraphs are separated by an empty line."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="progress_reports")
    quarter = models.CharField("kwartaal", max_length=7)
    regional = models.TextField("regionale voortgang en ontwikkelingen", blank=True, default="")
    national = models.TextField("landelijke voortgang en ontwikkelingen", blank=True, default="")

    class Meta:
        ordering = ["region", "quarter"]
        constraints = [models.UniqueConstraint(fields=["region", "quarter"], name="one_progress_report_per_quarter")]

    def __str__(self) -> str:
        return f"Voortgangsrapportage {self.quarter}"
