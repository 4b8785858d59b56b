"""Fixtures for the safety-plan tests: a complete plan, a behavioural scientist, a partner on the team."""
import datetime as dt

import pytest

from tandem.cases import services as case_services
from tandem.organisations.models import User
from tandem.safetyplan.services import AgreementData, PlanData, ScoreData, SituationData

D = dt.date


FEB_10 = D(2025, 2, 10)


def make_plan(dated_on=FEB_10, *, scores=None, n=2) -> PlanData:
    situations = [SituationData(
        rank=r, in_family_words=f"Als papa boos wordt, schreeuwt hij (situatie {r})",
        in_professional_words=f"Verbaal geweld in bijzijn van het kind ({r})",
        conditions=[f"Daan is veilig als er ruzie is ({r})"],
        agreements=[AgreementData(who="Fatima", what=f"Belt oma als het misgaat ({r})", due_on=D(2025, 3, 1),
                                  if_not_kept="De consulent belt dezelfde dag")],
    ) for r in range(1, n + 1)]
    return PlanData(phase="direct_safety", dated_on=dated_on, evaluation_on=D(2025, 4, 1),
                    monitored_by="Oma Truus en consulent Anna", roles="Anna: regie. Bram: veiligheid.",
                    situations=situations,
                    scores=scores if scores is not None else [
                        ScoreData(participant="Fatima", participant_kind="family", score=7),
                        ScoreData(participant="Anna de Wit", participant_kind="professional", score=3,
                                  explanation="Zorgen over de avonden"),
                    ])


@pytest.fixture
def plan_data():
    return make_plan()


@pytest.fixture
def gw(orgs):
    return User.objects.create_user(username="gwen", password="x-Tandem-2024!", first_name="Gwen", last_name="Hendriks",
                                    organisation=orgs["local"], role="gedragswetenschapper")


@pytest.fixture
def partner_on_team(family, actors):
    case_services.team_member_add(actor=None, trajectory=family, professional=actors["partner"],
                                  joined_on=D(2025, 2, 1), role_in_team="veiligheid")
    family.refresh_from_db()
    return actors["partner"]
