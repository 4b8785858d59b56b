"""The programme budget of a region (`spec/budget.md`): lines per calendar year, stated totals from an import,
and one version counter per region so that two people editing at once never overwrite each other.

Every change goes through `tandem.budget.services`.
"""
from django.conf import settings
from django.db import models

from tandem.organisations.models import Region


class LineKind(models.TextChoices):
    COST = "cost", "Kosten"
    INCOME = "income", "Inkomsten"


class Budget(models.Model):
    """The budget of one region: the row every change locks and whose version it checks (concurrent edits)."""

    region = models.OneToOneField(Region, on_delete=models.PROTECT, related_name="budget")
    version = models.PositiveIntegerField(default=0)  # 0: nothing changed yet (the version a new form shows)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")

    def __str__(self) -> str:
        return f"Begroting {self.region.code}"


class BudgetLine(models.Model):
    """One spending or income line for one year: the amount budgeted and, optionally, what was spent so far
    (for the half-yearly account). A line that is not there differs from a line of 0."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="lines")
    year = models.PositiveSmallIntegerField("jaar")
    kind = models.CharField("soort", max_length=10, choices=LineKind.choices)
    name = models.CharField("regel", max_length=200)
    amount = models.DecimalField("begroot", max_digits=12, decimal_places=2)
    spent = models.DecimalField("besteed", max_digits=12, decimal_places=2, null=True, blank=True)
    position = models.PositiveIntegerField("volgorde", default=0)

    class Meta:
        ordering = ["year", "position", "id"]
        constraints = [
            models.UniqueConstraint(fields=["budget", "year", "kind", "name"], name="budget_line_once_per_year"),
            models.CheckConstraint(condition=models.Q(amount__gte=0), name="budget_amount_not_negative"),
            models.CheckConstraint(condition=models.Q(spent__isnull=True) | models.Q(spent__gte=0),
                                   name="budget_spent_not_negative"),
            models.CheckConstraint(condition=models.Q(kind__in=["cost", "income"]), name="budget_line_known_kind"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.get_kind_display()}: {self.name}"


class StatedTotal(models.Model):
    """A total of a year's cost lines as a source document states it (seed 003, table 2). Kept so that the
    report can show where it differs from the sum of the lines; never used in the computation."""

    budget = models.ForeignKey(Budget, on_delete=models.CASCADE, related_name="stated_totals")
    year = models.PositiveSmallIntegerField("jaar")
    amount = models.DecimalField("opgegeven totaal", max_digits=12, decimal_places=2)

    class Meta:
        ordering = ["year"]
        constraints = [models.UniqueConstraint(fields=["budget", "year"], name="one_stated_total_per_year")]
