"""The programme's services: lessons, improvements, evaluations with actions, milestones, targets and the progress
texts; only the project lead and the coordinators of the region change them, concurrent edits are refused, and
every change is in the access log."""
import datetime as dt

import pytest

from tandem.audit.models import AuditEvent
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import Site
from tandem.programme import services
from tandem.programme.models import ImprovementProposal, Lesson, Milestone, ProgressReport, Target
from tandem.programme.progress import progress_report

pytestmark = pytest.mark.django_db
D = dt.date


def lesson(actor, region, **extra):
    args = {"quarter": "2025-Q3", "aspect": "content", "text": "Een TOP3-plan in een netwerkberaad werkt.",
            "themes": "TOP3, netwerkberaad", **extra}
    return services.lesson_create(actor=actor, region=region, **args)


def test_a_coordinator_records_a_lesson_and_it_is_logged(region, site, actors):
    made = lesson(actors["coordinator"], region, site=site, kind="bottleneck")
    assert made.themes == ["TOP3", "netwerkberaad"] and made.created_by == actors["coordinator"]
    event = AuditEvent.objects.get(action="lesson_create")
    assert event.actor_id == actors["coordinator"].pk and event.object_id == str(made.pk)
    assert event.detail == {"region": "GV", "quarter": "2025-Q3"} and event.household_id is None


@pytest.mark.parametrize("who", ["policy", "consulent", "partner", "expert", "far_coordinator"])
def test_only_the_lead_and_coordinators_of_the_region_change_the_programme(who, region, actors, policy,
                                                                           far_coordinator):
    actor = {"policy": policy, "far_coordinator": far_coordinator}.get(who) or actors[who]
    with pytest.raises(NotPermitted):
        lesson(actor, region)
    with pytest.raises(NotPermitted):
        services.target_set(actor=actor, region=region, year=2025, comparison="more_than", families=35)
    with pytest.raises(NotPermitted):
        services.progress_texts_save(actor=actor, region=region, quarter="2025-Q3", regional="x", national="")
    assert not Lesson.objects.exists() and not AuditEvent.objects.exists()


def test_a_site_of_another_region_is_refused(region, lead, far_region):
    far_site = Site.objects.create(region=far_region, code="ARN", name="Toekomsttuin Arnhem", municipality="Arnhem")
    with pytest.raises(RuleViolation, match="hoort niet bij de regio"):
        lesson(lead, region, site=far_site)


def test_an_edit_with_an_old_version_is_refused_never_overwritten(region, lead, actors):
    made = lesson(lead, region)
    services.lesson_update(actor=actors["coordinator"], lesson=made, expected_version=1, quarter="2025-Q3",
                           kind="lesson", aspect="process", text="Aangepast door de coördinator.",
                           themes="TOP3, netwerkberaad")
    with pytest.raises(RuleViolation) as refused:
        services.lesson_update(actor=lead, lesson=made, expected_version=1, quarter="2025-Q3", kind="lesson",
                               aspect="content", text="Oude versie van de projectleider.")
    assert refused.value.code == "stale_edit"
    made.refresh_from_db()
    assert made.text == "Aangepast door de coördinator." and made.version == 2
    assert AuditEvent.objects.get(action="lesson_update").detail["fields"] == ["aspect", "text"]


def test_deleting_a_lesson_is_logged(region, lead):
    made = lesson(lead, region)
    services.lesson_delete(actor=lead, lesson=made, expected_version=1)
    assert not Lesson.objects.exists()
    assert AuditEvent.objects.filter(action="lesson_delete", object_id=str(made.pk)).exists()


def test_an_improvement_goes_from_proposed_to_realised_with_its_date(region, lead):
    proposal = services.improvement_create(actor=lead, region=region, quarter="2025-Q2", title="Monitor verbeteren",
                                           owner="Coördinatoren")
    assert proposal.status == "proposed" and proposal.realised_on is None
    with pytest.raises(RuleViolation, match="wanneer"):
        services.improvement_update(actor=lead, improvement=proposal, quarter="2025-Q2", title="Monitor verbeteren",
                                    owner="Coördinatoren", status="realised", expected_version=1)
    services.improvement_update(actor=lead, improvement=proposal, quarter="2025-Q2", title="Monitor verbeteren",
                                owner="Coördinatoren", status="realised", realised_on=D(2025, 8, 28),
                                expected_version=1)
    proposal.refresh_from_db()
    assert proposal.status == "realised" and proposal.version == 2
    with pytest.raises(RuleViolation, match="niet van"):
        services.improvement_update(actor=lead, improvement=proposal, quarter="2025-Q2", title="x", owner="y",
                                    status="dropped", expected_version=2)


def test_an_evaluation_turns_its_actions_into_improvement_proposals(region, actors):
    evaluation = services.evaluation_create(
        actor=actors["coordinator"], region=region, held_on=D(2025, 7, 10), quarters=["2025-Q2", "2025-Q1"],
        participants={"consulent": 4, "ervaringsdeskundige": 2, "gi": 0}, conclusions="Het netwerkberaad werkt.",
        actions="- Uitleg aan gezinnen herschrijven\n- Gedragswetenschappers vast in de praktijkgroep\n",
        action_owner="Coördinatoren")
    assert evaluation.quarters == ["2025-Q1", "2025-Q2"]
    assert evaluation.participants == {"consulent": 4, "ervaringsdeskundige": 2}
    actions = ImprovementProposal.objects.filter(evaluation=evaluation).order_by("id")
    assert [(a.title, a.owner, a.quarter, a.status) for a in actions] == [
        ("Uitleg aan gezinnen herschrijven", "Coördinatoren", "2025-Q3", "proposed"),
        ("Gedragswetenschappers vast in de praktijkgroep", "Coördinatoren", "2025-Q3", "proposed")]
    assert AuditEvent.objects.filter(action="improvement_create").count() == 2


def test_an_evaluation_without_participants_saves_nothing(region, lead):
    with pytest.raises(RuleViolation, match="deelnemer"):
        services.evaluation_create(actor=lead, region=region, held_on=D(2025, 7, 10), quarters=["2025-Q2"],
                                   participants={}, conclusions="Iets.", actions="Een actie")
    assert not ImprovementProposal.objects.exists()


def test_milestones_and_targets(region, lead):
    first = services.milestone_create(actor=lead, region=region, year=2024, title="Start toekomsttuinen",
                                      status="done")
    second = services.milestone_create(actor=lead, region=region, year=2024, title="Start coördinatoren",
                                       kind="step", starts_on=D(2024, 10, 1), ends_on=D(2024, 12, 31))
    assert (first.position, second.position) == (0, 1)
    services.milestone_update(actor=lead, milestone=second, year=2024, title="Start coördinatoren", status="done",
                              kind="step", expected_version=1)
    assert Milestone.objects.get(pk=second.pk).status == "done"
    target = services.target_set(actor=lead, region=region, year=2025, comparison="more_than", families=35,
                                 expected_version=0)
    with pytest.raises(RuleViolation, match="Iemand anders"):  # someone else opened the empty form too
        services.target_set(actor=lead, region=region, year=2025, comparison="more_than", families=40,
                            expected_version=0)
    services.target_set(actor=lead, region=region, year=2025, comparison="at_least", families=36,
                        expected_version=target.version)
    assert Target.objects.get().families == 36


def test_the_progress_report_gathers_the_quarters_texts_in_the_order_entered(region, site, lead, actors, family):
    lesson(lead, region, text="Tweede les.", quarter="2025-Q1", aspect="process")
    lesson(actors["coordinator"], region, text="Eerste les.", quarter="2025-Q1", site=site)
    lesson(lead, region, text="Les van een ander kwartaal.", quarter="2025-Q2")
    for title, realised_on in (("Gerealiseerd in Q1", D(2025, 3, 31)), ("Gerealiseerd in Q2", D(2025, 4, 1))):
        services.improvement_create(actor=lead, region=region, quarter="2025-Q1", title=title, owner="Praktijkgroep",
                                    status="realised", realised_on=realised_on)
    services.improvement_create(actor=lead, region=region, quarter="2025-Q1", title="Nog bezig", owner="x")
    services.progress_texts_save(actor=lead, region=region, quarter="2025-Q1", expected_version=0,
                                 regional="Zes vervolgscenario's.\n\nVerkenning 0-100.", national="DRIFT.")
    report = progress_report(region, "2025-Q1").as_json()
    assert report["sections"] == {"lessons": ["Tweede les.", "Eerste les."], "improvements": ["Gerealiseerd in Q1"],
                                  "regional": ["Zes vervolgscenario's.", "Verkenning 0-100."], "national": ["DRIFT."]}
    assert report["sites"] == [{"site": "HLV", "name": "Toekomsttuin Hilversum", "new": 1, "followed": 0},
                               {"site": "HZN", "name": "Toekomsttuin Huizen", "new": 0, "followed": 0}]
    assert report["total"] == {"new": 1, "followed": 0}
    assert progress_report(region, "2025-Q2").as_json()["sites"][0]["followed"] == 1  # still active in Q2
    with pytest.raises(RuleViolation, match="Iemand anders"):
        services.progress_texts_save(actor=lead, region=region, quarter="2025-Q1", expected_version=0,
                                     regional="Overschreven?", national="")
    assert ProgressReport.objects.get().regional.startswith("Zes")


def test_an_approved_quarter_shows_its_locked_figures(region, site, other_site, actors, family):
    from tandem.monitor import services as monitor

    monitor.quarter_submit(actor=actors["consulent"], site=site, quarter="2025-Q1")
    monitor.quarter_approve(actor=actors["coordinator"], site=site, quarter="2025-Q1")
    family.registered_on = D(2024, 12, 1)  # a later correction: the approved figures stay as they were
    family.save()
    sites = progress_report(region, "2025-Q1").sites
    assert [(s["site"], s["new"], s["final"]) for s in sites] == [("HLV", 1, True), ("HZN", 0, False)]
