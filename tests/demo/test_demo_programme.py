"""The demo region's learning programme and budget: loaded through the services with the demo, once."""
import pytest
from django.core.management import call_command

from tandem.audit.models import AuditEvent
from tandem.budget.models import BudgetLine
from tandem.budget.selectors import budget_report
from tandem.organisations.models import Region
from tandem.programme.models import Evaluation, ImprovementProposal, Lesson, Milestone, Target
from tandem.programme.progress import progress_report

pytestmark = pytest.mark.django_db


def test_the_demo_has_lessons_an_evaluation_milestones_targets_and_the_seed_002_budget(capsys):
    call_command("demo")
    region = Region.objects.get(code="GV")
    assert Lesson.objects.filter(region=region).count() == 5
    assert Evaluation.objects.get(region=region).actions.count() == 2
    assert ImprovementProposal.objects.filter(region=region, status="realised").count() == 2
    assert Milestone.objects.filter(region=region, year=2024).count() == 7
    assert {(t.year, t.comparison, t.families) for t in Target.objects.all()} == {
        (2024, "fewer_than", 12), (2025, "more_than", 35)}
    balances = {y["year"]: y["balance"] for y in budget_report(region)["years"]}
    assert balances == {2022: "254000.00", 2023: "385968.00", 2024: "253216.00", 2025: "0.00"}  # the seed's own
    sections = progress_report(region, "2025-Q3").as_json()["sections"]
    assert len(sections["lessons"]) == 3 and len(sections["improvements"]) == 2 and sections["regional"]
    assert AuditEvent.objects.filter(action="lesson_create").count() == 5
    before = (Lesson.objects.count(), BudgetLine.objects.count(), AuditEvent.objects.count(), budget_report(region))
    call_command("demo")  # loading it again adds nothing
    assert (Lesson.objects.count(), BudgetLine.objects.count(), AuditEvent.objects.count(),
            budget_report(region)) == before
