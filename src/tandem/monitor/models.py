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
    I = "I", "I: ervaringen van gezinnen"  # noqa: E741 (the monitor's own letter)
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
