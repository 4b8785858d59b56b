"""National pages: thin views. Only the national programme team of a national installation sees them (404 for
everyone else); the upload calls the one import service and shows its Dutch message."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from tandem.cases.views.common import error_summary
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.national import selectors, services
from tandem.national.forms import LessonSearchForm, UploadForm

NOT_FOUND = "Deze pagina bestaat niet, of u heeft er geen toegang toe."


def _require_team(request) -> None:
    if not selectors.may_see_national(request.user):
        raise Http404(NOT_FOUND)


@login_required
def index(request):
    _require_team(request)
    return render(request, "national/index.html", {"title": "Landelijk programma: proeftuinen en thema's",
                                                   "pilots": selectors.pilots(), "themes": selectors.themes()})


@login_required
def figures(request):
    _require_team(request)
    figure = request.GET.get("cijfer", "active")
    if figure not in selectors.FIGURES:
        figure = "active"
    quarters, rows = selectors.figures_table(figure)
    return render(request, "national/figures.html", {
        "title": "Cijfers per proeftuin en kwartaal", "figure": figure, "figure_label": selectors.FIGURES[figure][0],
        "choices": [(key, label) for key, (label, _) in selectors.FIGURES.items()], "quarters": quarters,
        "rows": rows})


@login_required
def pilot_page(request, code):
    _require_team(request)
    pilot = selectors.pilots().filter(code=code).first()
    if pilot is None:
        raise Http404(NOT_FOUND)
    quarters, rows = selectors.pilot_figures(pilot)
    return render(request, "national/pilot.html", {"title": f"{pilot.name} ({pilot.region_name})", "pilot": pilot,
                                                   "quarters": quarters, "rows": rows})


@login_required
def lessons(request):
    _require_team(request)
    pilots = list(selectors.pilots())
    form = LessonSearchForm(request.GET or None, themes=selectors.themes(), own_themes=selectors.lesson_themes(),
                            pilots=pilots)
    found = selectors.lessons(**form.filters())[:500]
    return render(request, "national/lessons.html", {"title": "Bibliotheek van lessen", "form": form,
                                                     "lessons": found})


@login_required
def upload(request):
    _require_team(request)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload_file = form.cleaned_data["document"]
        try:
            if upload_file.size > services.MAX_DOCUMENT_BYTES:
                raise RuleViolation("too_large", "Het bestand is groter dan 5 MB; een overdracht is veel kleiner.")
            result = services.handover_import(actor=request.user, data=upload_file.read())
        except NotPermitted as error:
            form.add_error(None, error.message)
        except RuleViolation as error:
            form.add_error(None, f"Niet ingelezen: {error.message}")
        else:
            messages.success(request, result.message)
            return redirect("national:upload")
    return render(request, "national/upload.html", {"title": "Overdracht van een regio inlezen", "form": form,
                                                    "errors": error_summary(form),
                                                    "history": selectors.handover_history()[:50]})
