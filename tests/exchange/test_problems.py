"""A broken file changes nothing and names every problem with its place in the file, in Dutch."""
import datetime as dt

import pytest

from tandem.cases.models import Household, Trajectory
from tandem.exchange.importer import ImportFailed, import_document
from tandem.organisations.models import Organisation, Region, User

from .documents import small, trajectory

pytestmark = pytest.mark.django_db

T = "households[0].trajectories[0]"


def problems_of(document, **kwargs) -> dict:
    with pytest.raises(ImportFailed) as failed:
        import_document(document, **kwargs)
    assert Region.objects.count() == Household.objects.count() == User.objects.count() == 0  # all or nothing
    return dict(failed.value.problems)


def closed_before_registered(d):
    trajectory(d)["closed_on"] = "2025-01-10"
    return f"{T}.closed_on", "vóór de aanmelding"


def orange_without_report(d):
    trajectory(d)["reports"] = []
    trajectory(d)["measures"] = []
    return f"{T}.involvements[2].form", "melding of maatregel"


def green_without_consent(d):
    trajectory(d)["consents"] = []
    return f"{T}.involvements[0].organisation", "toestemming"


def muhp_without_ots(d):
    trajectory(d)["measures"][0]["type"] = "rvdk_request"
    trajectory(d)["measures"][0].pop("subject")
    return f"{T}.measures[1].type", "ondertoezichtstelling"


def bad_bsn(d):
    d["households"][0]["members"][1]["bsn"] = "123456789"
    return "households[0].members[1].bsn", "elfproef"


def unknown_professional(d):
    trajectory(d)["team"][0]["professional"] = "p404"
    return f"{T}.team[0].professional", "p404"


def unknown_member(d):
    trajectory(d)["consents"][0]["given_by"] = "m404"
    return f"{T}.consents[0].given_by", "m404"


def handler_on_team(d):
    trajectory(d)["measures"][0]["handled_by"] = "p2"
    return f"{T}.measures[0].handled_by", "scheiding van functies"


def ots_for_an_adult(d):
    trajectory(d)["measures"][0]["subject"] = "m2"
    return f"{T}.measures[0].subject", "kind onder de 18"


def rvdk_without_knowledge(d):
    trajectory(d)["involvements"][1]["anonymous"] = False
    return f"{T}.involvements[1]", "Raad voor de Kinderbescherming"


def episode_ends_before_start(d):
    trajectory(d)["involvements"][2]["end"] = "2025-01-31"
    return f"{T}.involvements[2].end", "vóór de begindatum"


def experience_yes_without_reasons(d):
    d["experiences"][1]["reasons"] = []
    return "experiences[1].reasons", "ten minste één reden"


def duplicate_ref(d):
    d["professionals"][1]["ref"] = "p1"
    return "professionals[1].ref", "twee keer"


CASES = [closed_before_registered, orange_without_report, green_without_consent, muhp_without_ots, bad_bsn,
         unknown_professional, unknown_member, handler_on_team, ots_for_an_adult, rvdk_without_knowledge,
         episode_ends_before_start, experience_yes_without_reasons, duplicate_ref]


@pytest.mark.parametrize("breakage", CASES, ids=lambda f: f.__name__)
def test_each_problem_is_named_with_its_place(breakage):
    document = small()
    path, words = breakage(document)
    problems = problems_of(document)
    assert path in problems, problems
    assert words in problems[path]


def test_every_problem_of_one_file_is_listed_at_once():
    document = small()
    expected = [breakage(document) for breakage in (closed_before_registered, bad_bsn, duplicate_ref)]
    # A second household with its own problems: the import goes on after the first refusal.
    second = small()["households"][0]
    second.update(ref="h2")
    for i, member in enumerate(second["members"]):
        member["ref"] = f"m2{i}"
        member["bsn"] = None
    t = second["trajectories"][0]
    t.update(ref="t2", consents=[], measures=[{"type": "muhp", "on": "2025-02-20", "initiated_from_site": True}])
    document["households"].append(second)
    problems = problems_of(document)
    for path, words in expected:
        assert words in problems[path]
    assert "toestemming" in problems["households[1].trajectories[0].involvements[0].organisation"]
    assert "ondertoezichtstelling" in problems["households[1].trajectories[0].measures[0].type"]
    assert Trajectory.objects.count() == 0


def test_no_date_after_the_day_of_import():
    problems = problems_of(small(), today=dt.date(2025, 2, 15))
    assert "na de dag van import" in problems[f"{T}.measures[1].on"]
    assert "na de dag van import" in problems[f"{T}.involvements[2].end"]
    assert f"{T}.measures[0].on" not in problems  # 10-02-2025 is before 15-02-2025


def test_structure_errors_are_dutch_and_placed():
    document = small()
    del trajectory(document)["registered_on"]
    trajectory(document)["involvements"][0]["form"] = "purple"
    trajectory(document)["involvements"][0]["time"][0]["hours"] = 25
    document["households"][0]["members"][0]["birth_date"] = "2016-02-30"
    document["households"][0]["colour"] = "blue"
    problems = problems_of(document)
    assert problems[f"{T}.registered_on"] == "Dit veld is verplicht maar ontbreekt."
    assert problems[f"{T}.involvements[0].form"].startswith("Onbekende waarde \"purple\"")
    assert "hoogstens 24" in problems[f"{T}.involvements[0].time[0].hours"]
    assert "JJJJ-MM-DD" in problems["households[0].members[0].birth_date"]
    assert "Onbekend veld" in problems["households[0].colour"]


def test_a_member_needs_a_birth_date_or_minor():
    document = small()
    document["households"][0]["members"][0]["birth_date"] = None
    problems = problems_of(document)
    assert problems == {"households[0].members[0].minor": "Dit veld is verplicht maar ontbreekt."}
    document["households"][0]["members"][0]["minor"] = True
    import_document(document)
    assert Household.objects.count() == 1


def test_nothing_changes_in_a_database_that_already_has_data():
    import_document(small())
    before = (Organisation.objects.count(), Trajectory.objects.get().version)
    document = small()
    document["organisations"].append({"code": "WSS", "name": "William Schrikker Stichting", "kind": "gi"})
    closed_before_registered(document)
    with pytest.raises(ImportFailed):
        import_document(document)
    assert (Organisation.objects.count(), Trajectory.objects.get().version) == before
    assert Trajectory.objects.get().closed_on is None
