"""One object of every kind a programme or budget URL can name, made through the services (actor=None)."""
import datetime as dt
from decimal import Decimal

from tandem.budget.rules import LineValue
from tandem.budget.services import budget_replace
from tandem.organisations.models import User
from tandem.programme import services


def person(username: str, role: str, organisation):
    """A programme role of the test world (signed in with force_login: no password needed)."""
    return User.objects.create_user(username=username, organisation=organisation, role=role)


def programme_objects(region) -> dict:
    lesson = services.lesson_create(actor=None, region=region, quarter="2025-Q1", aspect="content",
                                    text="Een netwerkberaad helpt.")
    improvement = services.improvement_create(actor=None, region=region, quarter="2025-Q1", title="Monitor verbeteren",
                                              owner="Coördinatoren")
    evaluation = services.evaluation_create(actor=None, region=region, held_on=dt.date(2025, 4, 10),
                                            quarters=["2025-Q1"], participants={"consulent": 2}, conclusions="Goed.")
    milestone = services.milestone_create(actor=None, region=region, year=2025, title="Eerste evaluatie")
    budget_replace(actor=None, region=region, lines=[LineValue(2025, "cost", "Projectleider", Decimal("108000"))])
    return {"region": region.code, "lesson_id": lesson.pk, "improvement_id": improvement.pk,
            "evaluation_id": evaluation.pk, "milestone_id": milestone.pk, "year": 2025}
