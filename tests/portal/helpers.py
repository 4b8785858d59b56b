"""Helpers shared by the portal tests."""
import datetime as dt

from django.urls import reverse

from tandem.portal.services import portal_invite_create
from tandem.safetyplan.models import (
    PlanVersion,
    SafetyAgreement,
    SafetyCondition,
    SafetyPlan,
    ScaleScore,
    UnsafeSituation,
)

WITHHELD_TEXT = "Melding van de buurvrouw over geschreeuw; naam van de melder niet delen."
WITHHELD_REASON = "Dit beschermt iemand anders die iets heeft verteld."


def make_plan_version(family, actors):
    plan = SafetyPlan.objects.create(trajectory=family)
    version = PlanVersion.objects.create(plan=plan, number=1, dated_on=dt.date(2025, 2, 10), phase="direct_safety",
                                         evaluation_on=dt.date(2025, 4, 1), monitored_by="Oma Truus",
                                         created_by=actors["consulent"])
    situation = UnsafeSituation.objects.create(version=version, rank=1,
                                               in_family_words="Als er ruzie is, is Daan bang.")
    SafetyCondition.objects.create(situation=situation, text="Daan is veilig als er ruzie is.")
    SafetyAgreement.objects.create(situation=situation, who="Fatima", what="Belt oma als het misgaat",
                                   due_on=dt.date(2025, 3, 1), if_not_kept="De consulent belt dezelfde dag")
    ScaleScore.objects.create(version=version, participant="Fatima", participant_kind="family", score=7)
    ScaleScore.objects.create(version=version, participant="Anna de Wit", participant_kind="professional", score=3)
    return version


def portal_login(client, member):
    issued = portal_invite_create(actor=None, member=member)
    response = client.post(reverse("portal:login"), {"login_name": issued.login_name, "code": issued.code})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response
