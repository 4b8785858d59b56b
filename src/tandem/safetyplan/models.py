"""One safety plan per trajectory, made with the family (TOP3 within gefaseerd samenwerken aan veiligheid),
the explanatory analysis with its tegenspraak, and the network meetings where plan versions are agreed.

Sources: seed 000 ("Onze aanpak", "Registratie van en-en-regie"), seed 004 (basisprincipes),
shared/docs/research.md (veiligheidsplan, TOP3, verklarende analyse), domain.md §4 step 5 and §5.
"""
from django.conf import settings
from django.db import models
from django.utils import timezone

from tandem.cases.models import Member, Trajectory
from tandem.core.models import TextChecked
from tandem.core.dates import dutch_date


class Phase(models.TextChoices):
    DIRECT_SAFETY = "direct_safety", "Directe veiligheid"
    STABLE_SAFETY = "stable_safety", "Stabiele veiligheid / risicogestuurde zorg"
    RECOVERY = "recovery", "Herstel"


class ParticipantKind(models.TextChoices):
    FAMILY = "family", "Gezin"
    NETWORK = "network", "Netwerk"
    PROFESSIONAL = "professional", "Professional"


class MeetingKind(models.TextChoices):
    NETWORK = "network", "Netwerkberaad"
    TRIAGE = "triage", "Triage"


class NetworkMeeting(TextChecked):
    """A netwerkberaad or triage with the family and its network; may lead to a plan version."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="network_meetings")
    kind = models.CharField("soort overleg", max_length=10, choices=MeetingKind.choices, default=MeetingKind.NETWORK)
    held_on = models.DateField("datum")
    professionals = models.ManyToManyField(settings.AUTH_USER_MODEL, related_name="+", blank=True,
                                           verbose_name="aanwezige professionals")
    network_present = models.TextField("aanwezig uit het netwerk", blank=True, default="")
    family_present = models.BooleanField("gezin aanwezig", default=True)
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name="ervaringsdeskundige")
    no_expert_reason = models.TextField("reden dat er geen ervaringsdeskundige was", blank=True, default="")
    decisions = models.TextField("besluiten", blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["-held_on", "-id"]
        indexes = [models.Index(fields=["held_on"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(expert__isnull=False) | ~models.Q(no_expert_reason=""),
                name="meeting_expert_or_reason",
                violation_error_message="Noteer de ervaringsdeskundige of de reden dat er geen was.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {dutch_date(self.held_on)}"


class SafetyPlan(TextChecked):
    """The one safety plan of a trajectory; its content lives in numbered versions."""

    trajectory = models.OneToOneField(Trajectory, on_delete=models.CASCADE, related_name="safety_plan")
    created_at = models.DateTimeField(default=timezone.now)

    def __str__(self) -> str:
        return f"Veiligheidsplan ({self.trajectory})"


class PlanVersion(TextChecked):
    """One dated, attributed version of the safety plan. Never edited: a change is a new version."""

    plan = models.ForeignKey(SafetyPlan, on_delete=models.CASCADE, related_name="versions")
    number = models.PositiveIntegerField("versie")
    dated_on = models.DateField("datum van deze versie")
    phase = models.CharField("fase", max_length=20, choices=Phase.choices)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)
    evaluation_on = models.DateField("volgende evaluatie")
    monitored_by = models.TextField("wie houdt de afspraken in de gaten", blank=True, default="")
    roles = models.TextField("verdeling van taken en rollen", blank=True, default="")
    agreed_in = models.ForeignKey(NetworkMeeting, null=True, blank=True, on_delete=models.SET_NULL,
                                  related_name="plan_versions", verbose_name="afgesproken in")
    signed_off_on = models.DateField("voor gezien getekend door het gezin op", null=True, blank=True)
    sign_off_refused_reason = models.TextField("reden dat het gezin niet tekende", blank=True, default="")

    class Meta:
        ordering = ["plan", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="plan_version_number_unique"),
            models.CheckConstraint(condition=models.Q(evaluation_on__gte=models.F("dated_on")),
                                   name="plan_evaluation_after_version"),
            models.CheckConstraint(
                condition=models.Q(signed_off_on__isnull=True) | models.Q(signed_off_on__gte=models.F("dated_on")),
                name="plan_signed_after_version"),
        ]

    def __str__(self) -> str:
        return f"Versie {self.number} van {dutch_date(self.dated_on)}"

    @property
    def trajectory(self) -> Trajectory:
        return self.plan.trajectory

    @property
    def sign_off_settled(self) -> bool:
        return self.signed_off_on is not None or bool(self.sign_off_refused_reason)


class UnsafeSituation(TextChecked):
    """One of the top 3 most unsafe situations, in the family's and the professionals' words."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="situations")
    rank = models.PositiveSmallIntegerField("plaats")
    in_family_words = models.TextField("in de woorden van het gezin")
    in_professional_words = models.TextField("in de woorden van de professionals", blank=True, default="")
    # A part of the plan kept from named household members (their safety), with the reason.
    hidden_from = models.ManyToManyField(Member, blank=True, related_name="hidden_plan_parts",
                                         verbose_name="niet zichtbaar voor")
    hidden_reason = models.TextField("reden om niet te tonen aan deze gezinsleden", blank=True, default="")

    class Meta:
        ordering = ["version", "rank"]
        constraints = [
            models.UniqueConstraint(fields=["version", "rank"], name="situation_rank_unique"),
            models.CheckConstraint(condition=models.Q(rank__gte=1, rank__lte=3), name="situation_rank_1_to_3"),
        ]

    def __str__(self) -> str:
        return f"{self.rank}. {self.in_family_words[:60]}"


class SafetyCondition(TextChecked):
    """A veiligheidsvoorwaarde: what must at least happen for this situation."""

    situation = models.ForeignKey(UnsafeSituation, on_delete=models.CASCADE, related_name="conditions")
    text = models.TextField("voorwaarde")

    class Meta:
        ordering = ["situation", "id"]

    def __str__(self) -> str:
        return self.text[:60]


class SafetyAgreement(TextChecked):
    """A veiligheidsafspraak: who does what, by when, and what happens if it is not kept."""

    situation = models.ForeignKey(UnsafeSituation, on_delete=models.CASCADE, related_name="agreements")
    who = models.CharField("wie", max_length=200)
    what = models.TextField("wat")
    due_on = models.DateField("uiterlijk op")
    if_not_kept = models.TextField("wat gebeurt er als het niet lukt", blank=True, default="")
    kept_on = models.DateField("nagekomen op", null=True, blank=True)

    class Meta:
        ordering = ["situation", "due_on", "id"]
        indexes = [models.Index(fields=["due_on"])]

    def __str__(self) -> str:
        return f"{self.who}: {self.what[:50]}"


class ScaleScore(TextChecked):
    """A score on the safety scale 0-10 by one participant. Scores are shown side by side, never averaged."""

    version = models.ForeignKey(PlanVersion, on_delete=models.CASCADE, related_name="scores")
    participant = models.CharField("wie", max_length=200)
    participant_kind = models.CharField("namens", max_length=20, choices=ParticipantKind.choices)
    member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                             related_name="+")
    score = models.PositiveSmallIntegerField("cijfer (0 tot en met 10)")
    explanation = models.TextField("toelichting", blank=True, default="")

    class Meta:
        ordering = ["version", "participant_kind", "id"]
        constraints = [
            models.CheckConstraint(condition=models.Q(score__gte=0, score__lte=10), name="scale_score_0_to_10",
                                   violation_error_message="Een cijfer op de schaal ligt tussen 0 en 10."),
        ]

    def __str__(self) -> str:
        return f"{self.participant}: {self.score}"


class ExplanatoryAnalysis(TextChecked):
    """The verklarende analyse: facts, risk and protective factors, patterns and hypotheses (versioned)."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="analyses")
    number = models.PositiveIntegerField("versie")
    made_on = models.DateField("datum")
    facts = models.TextField("feiten")
    risk_factors = models.TextField("risicofactoren", blank=True, default="")
    protective_factors = models.TextField("beschermende factoren", blank=True, default="")
    patterns = models.TextField("patronen", blank=True, default="")
    hypotheses = models.TextField("hypothesen", blank=True, default="")
    made_with_family = models.BooleanField("samen met het gezin gemaakt", default=False)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["trajectory", "-number"]
        constraints = [models.UniqueConstraint(fields=["trajectory", "number"], name="analysis_number_unique")]

    def __str__(self) -> str:
        return f"Verklarende analyse versie {self.number}"


class AnalysisChallenge(TextChecked):
    """Tegenspraak by a gedragswetenschapper, with the team's recorded response."""

    analysis = models.ForeignKey(ExplanatoryAnalysis, on_delete=models.CASCADE, related_name="challenges")
    challenger = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    on = models.DateField("datum")
    challenge = models.TextField("tegenspraak")
    response = models.TextField("reactie van het team", blank=True, default="")
    responded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    responded_on = models.DateField("reactie op", null=True, blank=True)

    class Meta:
        ordering = ["analysis", "on", "id"]

    def __str__(self) -> str:
        return f"Tegenspraak {dutch_date(self.on)}"
