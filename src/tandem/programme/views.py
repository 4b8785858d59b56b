"""Pages of the learning programme: thin function views. Parse, check the region with the selector, call one
service or page builder, render. A region the person may not see does not exist for them (404); a page that
changes something answers 403 to someone who may only read (policy)."""
from functools import partial

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem.cases.views.common import bound, process
from tandem.core.downloads import attachment
from tandem.monitor.rules import MonitorError, parse_quarter
from tandem.programme import exports, forms, pages, services
from tandem.programme.models import Evaluation, ImprovementProposal, Lesson, Milestone
from tandem.programme.progress import progress_report
from tandem.programme.selectors import (
    evaluations_of,
    find,
    improvements_of,
    lessons_of,
    programme_access,
    region_access,
    targets_of,
)

NOT_FOUND = "Deze pagina bestaat niet, of u heeft er geen toegang toe."
READ_ONLY = "U mag het leerprogramma lezen, maar niet wijzigen."


def require_region(request, region: str, *, edit: bool = False, read_only: str = READ_ONLY):
    """The person's access to the region's programme (and budget): 404 when they may not see it, 403 when the page
    changes something and they may only read it."""
    access = region_access(request.user, region)
    if access is None:
        raise Http404(NOT_FOUND)
    if edit and not access.edit:
        raise PermissionDenied(read_only)
    return access




def _object(model, access, pk):
    found = find(model.objects.all(), access.region, pk)
    if found is None:
        raise Http404(NOT_FOUND)
    return found


def _quarter(text: str):
    try:
        return parse_quarter(text)
    except MonitorError as error:
        raise Http404(str(error)) from error


def _url(name: str, access, *args) -> str:
    return reverse(f"programme:{name}", args=[access.region.code, *args])


def _form_page(request, access, form, action, *, title: str, success: str, back: str, intro: str = "",
               submit: str = "Opslaan", template: str = "safetyplan/form.html"):
    """One form, one service call, back to the list (the plain form page the safety plan uses too)."""
    context = {"title": title, "intro": intro, "submit": submit, "back_url": back, "access": access}
    return process(request, form, action, success=success, redirect_to=back, template=template, context=context)


def _create_page(request, region: str, form_class, create, *, back: str, initial=None, **page):
    """A page that adds one thing to the region's programme through its `<thing>_create` service."""
    access = require_region(request, region, edit=True)
    form = form_class(bound(request), region=access.region, initial=initial)

    def action():
        args = form.service_args()
        args.pop("expected_version")
        create(actor=request.user, region=access.region, **args)

    return _form_page(request, access, form, action, back=_url(back, access), **page)


def _edit_page(request, region: str, model, pk, form_class, initial, update, keyword: str, *, back: str, **page):
    """A page that changes one object of the region's programme through its `<thing>_update` service (which takes
    the object as `keyword`), with the version the person saw. `initial(obj)` fills the form."""
    access = require_region(request, region, edit=True)
    found = _object(model, access, pk)
    form = form_class(bound(request), region=access.region, initial=initial(found))

    def action():
        update(actor=request.user, **{keyword: found}, **form.service_args())

    return _form_page(request, access, form, action, back=_url(back, access), **page)


def region_index(request, url_name: str):
    """`/programma/` and `/begroting/`: on to the person's own region, or nothing (404)."""
    access = programme_access(request.user)
    if access is None:
        raise Http404(NOT_FOUND)
    return redirect(url_name, access.region.code)


@login_required
def index(request):
    return region_index(request, "programme:region")


@login_required
def region_page(request, region):
    access = require_region(request, region)
    return render(request, "programme/region.html", {"title": f"Leerprogramma {access.region.name}",
                                                     "access": access, **pages.region_overview(access.region)})


# ------------------------------------------------------------------------------------------------ lessons

@login_required
def lessons(request, region):
    access = require_region(request, region)
    quarter = request.GET.get("kwartaal", "")
    found = lessons_of(access.region, quarter=_quarter(quarter).label if quarter else None).order_by("-quarter", "id")
    return render(request, "programme/lessons.html", {"title": "Geleerde lessen", "access": access,
                                                      "lessons": found, "quarter": quarter})


def _lesson_initial(lesson: Lesson) -> dict:
    return {"quarter": lesson.quarter, "site": lesson.site_id, "kind": lesson.kind, "aspect": lesson.aspect,
            "text": lesson.text, "themes": ", ".join(lesson.themes), "expected_version": lesson.version}


@login_required
def lesson_new(request, region):
    return _create_page(request, region, forms.LessonForm, services.lesson_create, back="lessons",
                        initial={"quarter": pages.current_quarter().label}, title="Les toevoegen",
                        success="De les is opgeslagen.",
                        intro="Een geleerde les, een goed voorbeeld of een knelpunt uit de casuïstiek van een "
                              "toekomsttuin.")


@login_required
def lesson_edit(request, region, lesson_id):
    return _edit_page(request, region, Lesson, lesson_id, forms.LessonForm, _lesson_initial, services.lesson_update,
                      "lesson", back="lessons", title="Les wijzigen", success="De les is gewijzigd.")


@login_required
def lesson_delete(request, region, lesson_id):
    access = require_region(request, region, edit=True)
    lesson = _object(Lesson, access, lesson_id)
    form = forms.RegionForm(bound(request), region=access.region, initial={"expected_version": lesson.version})

    def action():
        services.lesson_delete(actor=request.user, lesson=lesson, **form.service_args())

    return _form_page(request, access, form, action, title="Les verwijderen", success="De les is verwijderd.",
                      back=_url("lessons", access), submit="Les verwijderen", intro=f"“{lesson.text}”")


# ------------------------------------------------------------------------------------------- improvements

@login_required
def improvements(request, region):
    access = require_region(request, region)
    found = improvements_of(access.region).order_by("status", "-quarter", "id")
    return render(request, "programme/improvements.html", {"title": "Verbetervoorstellen", "access": access,
                                                           "improvements": found})


@login_required
def improvement_new(request, region):
    return _create_page(request, region, forms.ImprovementForm, services.improvement_create, back="improvements",
                        initial={"quarter": pages.current_quarter().label}, title="Verbetervoorstel toevoegen",
                        success="Het verbetervoorstel is opgeslagen.")


def _improvement_initial(improvement: ImprovementProposal) -> dict:
    names = ("quarter", "title", "description", "owner", "status", "realised_on")
    return {**{name: getattr(improvement, name) for name in names}, "site": improvement.site_id,
            "expected_version": improvement.version}


@login_required
def improvement_edit(request, region, improvement_id):
    return _edit_page(request, region, ImprovementProposal, improvement_id, forms.ImprovementForm,
                      _improvement_initial, services.improvement_update, "improvement", back="improvements",
                      title="Verbetervoorstel wijzigen", success="Het verbetervoorstel is gewijzigd.")


# -------------------------------------------------------------------------------------------- evaluations

@login_required
def evaluations(request, region):
    access = require_region(request, region)
    return render(request, "programme/evaluations.html", {
        "title": "Evaluaties van de praktijkgroep", "access": access,
        "evaluations": evaluations_of(access.region).prefetch_related("actions")})


@login_required
def evaluation_new(request, region):
    return _create_page(request, region, forms.EvaluationForm, services.evaluation_create, back="evaluations",
                        title="Evaluatie vastleggen", success="De evaluatie is opgeslagen.",
                        template="programme/evaluation_form.html",
                        intro="De praktijkgroep evalueert iedere drie maanden de monitor en de ervaringen.")


def _evaluation_initial(evaluation: Evaluation) -> dict:
    return {"held_on": evaluation.held_on, "quarters": evaluation.quarters, "conclusions": evaluation.conclusions,
            "expected_version": evaluation.version,
            **{f"participants_{role}": number for role, number in evaluation.participants.items()}}


@login_required
def evaluation_edit(request, region, evaluation_id):
    return _edit_page(request, region, Evaluation, evaluation_id, partial(forms.EvaluationForm, with_actions=False),
                      _evaluation_initial, services.evaluation_update, "evaluation", back="evaluations",
                      title="Evaluatie wijzigen", success="De evaluatie is gewijzigd.",
                      template="programme/evaluation_form.html")


# --------------------------------------------------------------------------------------- planning, targets

@login_required
def plan(request, region):
    access = require_region(request, region)
    return render(request, "programme/plan.html", {"title": "Planning en doelen", "access": access,
                                                   **pages.plan_page(access.region)})


def _milestone_initial(milestone: Milestone) -> dict:
    names = ("year", "kind", "level", "title", "result", "starts_on", "ends_on", "status")
    return {**{name: getattr(milestone, name) for name in names}, "expected_version": milestone.version}


@login_required
def milestone_new(request, region):
    return _create_page(request, region, forms.MilestoneForm, services.milestone_create, back="plan",
                        initial={"year": pages.current_quarter().year}, title="Mijlpaal of processtap toevoegen",
                        success="De mijlpaal is opgeslagen.")


@login_required
def milestone_edit(request, region, milestone_id):
    return _edit_page(request, region, Milestone, milestone_id, forms.MilestoneForm, _milestone_initial,
                      services.milestone_update, "milestone", back="plan", title="Mijlpaal wijzigen",
                      success="De mijlpaal is gewijzigd.")


@login_required
def target(request, region, year):
    access = require_region(request, region, edit=True)
    if not 2000 <= year <= 2100:
        raise Http404(NOT_FOUND)
    existing = targets_of(access.region).filter(year=year).first()
    initial = {"comparison": existing.comparison, "families": existing.families, "note": existing.note,
               "expected_version": existing.version} if existing else {"expected_version": 0}
    form = forms.TargetForm(bound(request), region=access.region, initial=initial)

    def action():
        services.target_set(actor=request.user, region=access.region, year=year, **form.service_args())

    return _form_page(request, access, form, action, title=f"Doel voor {year}", success="Het doel is opgeslagen.",
                      back=_url("plan", access), intro="Hoeveel gezinnen wil de regio in dit jaar bereiken?")


# ------------------------------------------------------------------------------------- the progress report

@login_required
def progress_index(request, region):
    access = require_region(request, region)
    return render(request, "programme/progress_index.html", {
        "title": "Voortgangsrapportages", "access": access, "quarters": pages.report_quarters(access.region)})


@login_required
def progress(request, region, quarter):
    access = require_region(request, region)
    data = progress_report(access.region, _quarter(quarter).label)
    return render(request, "programme/progress.html", {
        "title": f"Voortgangsrapportage {data.quarter.label}", "access": access, "data": data,
        "content": [l for l in data.lessons if l.aspect == "content"],
        "process": [l for l in data.lessons if l.aspect == "process"],
        **pages.neighbours(access.region, data.quarter)})


@login_required
def progress_texts(request, region, quarter):
    access = require_region(request, region, edit=True)
    label = _quarter(quarter).label
    data = progress_report(access.region, label)
    texts = data.texts
    initial = {"regional": texts.regional, "national": texts.national, "expected_version": texts.version} \
        if texts else {"expected_version": 0}
    form = forms.ProgressTextsForm(bound(request), region=access.region, initial=initial)

    def action():
        services.progress_texts_save(actor=request.user, region=access.region, quarter=label, **form.service_args())

    return _form_page(request, access, form, action, title=f"Teksten voortgangsrapportage {label}",
                      success="De teksten zijn opgeslagen.", back=_url("progress", access, label),
                      intro="De lessen, verbetervoorstellen en cijfers haalt Tandem zelf op. Hier schrijft u de "
                            "regionale en landelijke voortgang.")


@login_required
def progress_word(request, region, quarter):
    access = require_region(request, region)
    data = progress_report(access.region, _quarter(quarter).label)
    return attachment(exports.docx_bytes(data), f"voortgangsrapportage-{access.region.code}-{data.quarter.label}.docx")


@login_required
def progress_pdf(request, region, quarter):
    access = require_region(request, region)
    data = progress_report(access.region, _quarter(quarter).label)
    return attachment(exports.pdf_bytes(data), f"voortgangsrapportage-{access.region.code}-{data.quarter.label}.pdf")
