"""Every change of the learning programme: keyword-only, one transaction each, checked by the pure rules in
`tandem.programme.rules`, refused for anyone but the project lead and the coordinators of the region
(`selectors.may_edit`; `actor=None` is the system: the demo loader), and written to the access log.

Edits carry the version the person saw (`expected_version`); a mismatch is refused (`rules.StaleChange`),
never overwritten. `expected_version=None` skips that check (commands and the demo loader only).
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.monitor.rules import quarter_of
from tandem.organisations.models import Region, Site
from tandem.programme import rules
from tandem.programme.models import (
    Evaluation,
    ImprovementProposal,
    Lesson,
    Milestone,
    ProgressReport,
    Target,
)
from tandem.programme.selectors import may_edit

PURPOSE = "leerprogramma"


def _require_edit(actor, region: Region) -> None:
    if not may_edit(actor, region):
        raise NotPermitted("Alleen de projectleider en de coördinatoren van de regio wijzigen het leerprogramma.")


def _check_site(site: Site | None, region: Region) -> None:
    if site is not None and site.region_id != region.pk:
        raise RuleViolation("site_other_region", "Deze toekomsttuin hoort niet bij de regio.", field="site")


def _locked(obj, expected_version: int | None):
    """The row, locked for this transaction; refused when someone changed it since the person opened it."""
    row = type(obj).objects.select_for_update().get(pk=obj.pk)
    if expected_version is not None and row.version != expected_version:
        raise rules.StaleChange()
    return row


def _save(obj, actor, action: str, **detail):
    """Write (a new object, or the next version of an existing one) and log it: ids and field names only."""
    if obj.pk is not None:
        obj.version += 1
    elif actor is not None:
        obj.created_by = actor
    obj.full_clean()
    obj.save()
    audit_record(actor=actor, action=action, obj=obj, purpose=PURPOSE, detail={"region": obj.region.code, **detail})
    return obj


def _today() -> dt.date:
    return timezone.localdate()


# ------------------------------------------------------------------------------------------------ lessons

def _lesson_fields(region: Region, *, site, quarter, kind, aspect, text, themes) -> dict:
    _check_site(site, region)
    return {"site": site, "quarter": rules.check_quarter(quarter),
            "kind": rules.check_choice(kind, rules.KINDS, field="kind", what="les, goed voorbeeld of knelpunt"),
            "aspect": rules.check_choice(aspect, rules.ASPECTS, field="aspect", what="inhoud of proces"),
            "text": rules.check_text(text, field="text", what="de les"), "themes": rules.parse_themes(themes)}


@transaction.atomic
def lesson_create(*, actor, region: Region, quarter: str, aspect: str, text: str, kind: str = "lesson",
                  themes="", site: Site | None = None) -> Lesson:
    """A lesson learned, good practice or bottleneck of a site (or the region) in a quarter (seed 001)."""
    _require_edit(actor, region)
    fields = _lesson_fields(region, site=site, quarter=quarter, kind=kind, aspect=aspect, text=text, themes=themes)
    return _save(Lesson(region=region, **fields), actor, "lesson_create", quarter=fields["quarter"])


@transaction.atomic
def lesson_update(*, actor, lesson: Lesson, quarter: str, aspect: str, text: str, kind: str, themes="",
                  site: Site | None = None, expected_version: int | None = None) -> Lesson:
    _require_edit(actor, lesson.region)
    lesson = _locked(lesson, expected_version)
    fields = _lesson_fields(lesson.region, site=site, quarter=quarter, kind=kind, aspect=aspect, text=text,
                            themes=themes)
    changed = sorted(name for name, value in fields.items() if getattr(lesson, name) != value)
    for name, value in fields.items():
        setattr(lesson, name, value)
    return _save(lesson, actor, "lesson_update", quarter=lesson.quarter, fields=changed)


@transaction.atomic
def lesson_delete(*, actor, lesson: Lesson, expected_version: int | None = None) -> None:
    _require_edit(actor, lesson.region)
    lesson = _locked(lesson, expected_version)
    audit_record(actor=actor, action="lesson_delete", obj=lesson, purpose=PURPOSE,
                 detail={"region": lesson.region.code, "quarter": lesson.quarter})
    lesson.delete()


# ------------------------------------------------------------------------------------------- improvements

def _improvement_fields(region: Region, *, site, quarter, title, owner, description, status, realised_on) -> dict:
    _check_site(site, region)
    rules.check_improvement(status, realised_on, _today())
    return {"site": site, "quarter": rules.check_quarter(quarter),
            "title": rules.check_text(title, field="title", what="het voorstel")[:300],
            "owner": rules.check_text(owner, field="owner", what="de eigenaar (wie zorgt ervoor)")[:200],
            "description": rules.check_text(description, field="description", what="de toelichting", required=False),
            "status": status, "realised_on": realised_on}


@transaction.atomic
def improvement_create(*, actor, region: Region, quarter: str, title: str, owner: str, description: str = "",
                       status: str = "proposed", realised_on: dt.date | None = None, site: Site | None = None,
                       evaluation: Evaluation | None = None) -> ImprovementProposal:
    """An improvement proposal with an owner and a status (seed 001, "Verbetervoorstellen")."""
    _require_edit(actor, region)
    fields = _improvement_fields(region, site=site, quarter=quarter, title=title, owner=owner,
                                 description=description, status=status, realised_on=realised_on)
    improvement = ImprovementProposal(region=region, evaluation=evaluation, **fields)
    return _save(improvement, actor, "improvement_create", quarter=fields["quarter"], status=status)


@transaction.atomic
def improvement_update(*, actor, improvement: ImprovementProposal, quarter: str, title: str, owner: str,
                       status: str, description: str = "", realised_on: dt.date | None = None,
                       site: Site | None = None, expected_version: int | None = None) -> ImprovementProposal:
    """Change a proposal; its status follows `rules.TRANSITIONS` (realised with a date)."""
    _require_edit(actor, improvement.region)
    improvement = _locked(improvement, expected_version)
    rules.check_transition(improvement.status, status)
    fields = _improvement_fields(improvement.region, site=site, quarter=quarter, title=title, owner=owner,
                                 description=description, status=status, realised_on=realised_on)
    changed = sorted(name for name, value in fields.items() if getattr(improvement, name) != value)
    for name, value in fields.items():
        setattr(improvement, name, value)
    return _save(improvement, actor, "improvement_update", status=status, fields=changed)


# -------------------------------------------------------------------------------------------- evaluations

def _evaluation_fields(*, held_on, participants, quarters, conclusions) -> dict:
    rules.check_not_future(held_on, _today(), field="held_on", what="De datum van de evaluatie")
    return {"held_on": held_on, "participants": rules.check_participants(participants),
            "quarters": rules.check_discussed_quarters(quarters, held_on),
            "conclusions": rules.check_text(conclusions, field="conclusions", what="de conclusies")}


@transaction.atomic
def evaluation_create(*, actor, region: Region, held_on: dt.date, participants: dict[str, int],
                      quarters: list[str], conclusions: str, actions: str = "",
                      action_owner: str = "Praktijkgroep") -> Evaluation:
    """The practice group's three-monthly evaluation (seed 000, "Monitoren en evalueren"); every action (one per
    line) becomes an improvement proposal of the meeting's quarter, owned by `action_owner`."""
    _require_edit(actor, region)
    fields = _evaluation_fields(held_on=held_on, participants=participants, quarters=quarters,
                                conclusions=conclusions)
    evaluation = _save(Evaluation(region=region, **fields), actor, "evaluation_create", quarters=fields["quarters"])
    for action in rules.action_lines(actions):
        improvement_create(actor=actor, region=region, quarter=quarter_of(held_on).label, title=action[:300],
                           owner=action_owner, evaluation=evaluation)
    return evaluation


@transaction.atomic
def evaluation_update(*, actor, evaluation: Evaluation, held_on: dt.date, participants: dict[str, int],
                      quarters: list[str], conclusions: str, expected_version: int | None = None) -> Evaluation:
    _require_edit(actor, evaluation.region)
    evaluation = _locked(evaluation, expected_version)
    fields = _evaluation_fields(held_on=held_on, participants=participants, quarters=quarters,
                                conclusions=conclusions)
    for name, value in fields.items():
        setattr(evaluation, name, value)
    return _save(evaluation, actor, "evaluation_update", quarters=fields["quarters"])


# ------------------------------------------------------------------------------ milestones and plan steps

def _milestone_fields(*, year, kind, level, title, result, starts_on, ends_on, status) -> dict:
    rules.check_milestone(year, status, starts_on, ends_on)
    return {"year": year, "kind": rules.check_choice(kind, ("milestone", "step"), field="kind",
                                                     what="mijlpaal of processtap"),
            "level": rules.check_choice(level, ("regional", "national"), field="level", what="regionaal of landelijk"),
            "title": rules.check_text(title, field="title", what="de omschrijving")[:300],
            "result": rules.check_text(result, field="result", what="het resultaat", required=False),
            "starts_on": starts_on, "ends_on": ends_on, "status": status}


@transaction.atomic
def milestone_create(*, actor, region: Region, year: int, title: str, status: str = "planned",
                     kind: str = "milestone", level: str = "regional", result: str = "",
                     starts_on: dt.date | None = None, ends_on: dt.date | None = None) -> Milestone:
    """A milestone (seed 000, Bijlage 1) or process step (seed 002) with a status: done, running or planned."""
    _require_edit(actor, region)
    fields = _milestone_fields(year=year, kind=kind, level=level, title=title, result=result, starts_on=starts_on,
                               ends_on=ends_on, status=status)
    position = Milestone.objects.filter(region=region, year=year).count()
    return _save(Milestone(region=region, position=position, **fields), actor, "milestone_create", year=year)


@transaction.atomic
def milestone_update(*, actor, milestone: Milestone, year: int, title: str, status: str, kind: str = "milestone",
                     level: str = "regional", result: str = "", starts_on: dt.date | None = None,
                     ends_on: dt.date | None = None, expected_version: int | None = None) -> Milestone:
    _require_edit(actor, milestone.region)
    milestone = _locked(milestone, expected_version)
    fields = _milestone_fields(year=year, kind=kind, level=level, title=title, result=result, starts_on=starts_on,
                               ends_on=ends_on, status=status)
    changed = sorted(name for name, value in fields.items() if getattr(milestone, name) != value)
    for name, value in fields.items():
        setattr(milestone, name, value)
    return _save(milestone, actor, "milestone_update", year=year, status=status, fields=changed)


# ------------------------------------------------------------------------------------------------ targets

@transaction.atomic
def target_set(*, actor, region: Region, year: int, comparison: str, families: int, note: str = "",
               expected_version: int | None = None) -> Target:
    """The target number of families for a year (seed 000: '< 12 gezinnen' in 2024, '> 35 gezinnen' in 2025);
    setting it again for the same year changes it. `expected_version` 0: the person saw no target yet."""
    _require_edit(actor, region)
    rules.check_target(year, comparison, families)
    target = Target.objects.select_for_update().filter(region=region, year=year).first()
    seen = target.version if target else 0
    if expected_version is not None and expected_version != seen:
        raise rules.StaleChange()
    target = target or Target(region=region, year=year)
    target.comparison, target.families = comparison, families
    target.note = rules.check_text(note, field="note", what="de toelichting", required=False)[:300]
    return _save(target, actor, "target_set", year=year)


# ------------------------------------------------------------------------------------- the progress report

@transaction.atomic
def progress_texts_save(*, actor, region: Region, quarter: str, regional: str, national: str,
                        expected_version: int | None = None) -> ProgressReport:
    """The two free sections of a quarter's progress report (seed 001: regional and national progress and
    developments). `expected_version` 0: the person saw no texts yet."""
    _require_edit(actor, region)
    label = rules.check_quarter(quarter)
    report = ProgressReport.objects.select_for_update().filter(region=region, quarter=label).first()
    if expected_version is not None and expected_version != (report.version if report else 0):
        raise rules.StaleChange()
    report = report or ProgressReport(region=region, quarter=label)
    report.regional = rules.check_text(regional, field="regional", what="de regionale voortgang", required=False)
    report.national = rules.check_text(national, field="national", what="de landelijke voortgang", required=False)
    return _save(report, actor, "progress_texts_save", quarter=label)
