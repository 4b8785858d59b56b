"""Budget pages: thin function views. The region is checked with the programme's selector (404 for people who may
not see it, 403 on a change for those who may only read); one service per change."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse

from tandem.budget import exports, forms, rules, services
from tandem.budget.importer import BudgetImportFailed
from tandem.budget.selectors import budget_version, lines_of_year
from tandem.cases.views.common import bound, error_summary
from tandem.core.downloads import attachment
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.programme.views import region_index, require_region

NOT_FOUND = "Deze begroting bestaat niet, of u heeft er geen toegang toe."
READ_ONLY = "U mag de begroting lezen, maar niet wijzigen."


def _access(request, region: str, *, edit: bool = False):
    return require_region(request, region, edit=edit, read_only=READ_ONLY)


def _year(year: int) -> int:
    if not rules.FIRST_YEAR <= year <= rules.LAST_YEAR:
        raise Http404(NOT_FOUND)
    return year


def _report_url(access) -> str:
    return reverse("budget:region", args=[access.region.code])


@login_required
def index(request):
    return region_index(request, "budget:region")


@login_required
def region_page(request, region):
    access = _access(request, region)
    data = exports.budget_report_data(access.region)
    next_year = (data.years[-1].year + 1) if data.years else None
    return render(request, "budget/report.html", {
        "title": f"Begroting {access.region.name}", "access": access, "data": data,
        "overview": rules.overview(data.years), "hour_lines": exports.hour_lines(data),
        "hours_rows": exports.hours_rows(data.hours) if data.hours.years else [], "next_year": next_year})


def _save_year(request, access, year: int, formset, version_form):
    """POST: every line of the year through one service; refusals are shown on the page, nothing saved."""
    try:
        services.budget_year_save(actor=request.user, region=access.region, year=year,
                                  lines=formset.lines(year),
                                  expected_version=version_form.cleaned_data["expected_version"])
    except RuleViolation as refused:
        version_form.add_error(None, refused.message)
        return None
    except NotPermitted as exc:
        raise PermissionDenied(str(exc)) from exc
    messages.success(request, f"De begroting van {year} is opgeslagen.")
    return redirect(_report_url(access))


@login_required
def year_edit(request, region, year):
    access = _access(request, region, edit=True)
    year = _year(year)
    initial = [{"kind": v.kind, "name": v.name, "amount": rules.euro(v.amount).removeprefix("€ "),
                "spent": "" if v.spent is None else rules.euro(v.spent).removeprefix("€ ")}
               for v in lines_of_year(access.region, year)]
    formset = forms.LineFormSet(bound(request), initial=initial, prefix="regels")
    version_form = forms.VersionForm(bound(request), initial={"expected_version": budget_version(access.region)})
    if request.method == "POST" and formset.is_valid() and version_form.is_valid():
        response = _save_year(request, access, year, formset, version_form)
        if response is not None:
            return response
    return render(request, "budget/year.html", {
        "title": f"Begroting {year} bewerken", "access": access, "year": year, "formset": formset,
        "version_form": version_form, "errors": error_summary(version_form, formset), "back": _report_url(access)})


@login_required
def import_file(request, region):
    access = _access(request, region, edit=True)
    form = forms.ImportForm(bound(request), request.FILES or None,
                            initial={"expected_version": budget_version(access.region)})
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            change = services.budget_import(actor=request.user, region=access.region, filename=upload.name,
                                            data=upload.read(), expected_version=form.cleaned_data["expected_version"])
        except BudgetImportFailed as failed:
            problems = failed.problems
        except RuleViolation as refused:
            problems = [refused.message]
        except NotPermitted as exc:
            raise PermissionDenied(str(exc)) from exc
        else:
            for warning in change.warnings:
                messages.warning(request, f"Let op: {warning}")
            messages.success(request, f"{change.lines} regels ingelezen voor {', '.join(map(str, change.years))}.")
            return redirect(_report_url(access))
    errors = error_summary(form) + [{"href": "#id_file", "text": problem} for problem in problems]
    return render(request, "budget/import.html", {"title": "Begroting inlezen", "access": access, "form": form,
                                                  "errors": errors, "back": _report_url(access)})


@login_required
def account(request, region, year):
    access = _access(request, region)
    year = _year(year)
    lines = lines_of_year(access.region, year)
    rows = rules.account_rows(lines, year)
    return render(request, "budget/account.html", {
        "title": f"Verantwoording {year}", "access": access, "year": year, "rows": rows,
        "costs": rules.account_totals(rows, rules.COST), "income": rules.account_totals(rows, rules.INCOME),
        "back": _report_url(access)})


@login_required
def download_xlsx(request, region):
    access = _access(request, region)
    data = exports.budget_report_data(access.region)
    return attachment(exports.xlsx_bytes(data), f"begroting-{access.region.code}.xlsx")


@login_required
def download_pdf(request, region):
    access = _access(request, region)
    data = exports.budget_report_data(access.region)
    return attachment(exports.pdf_bytes(data), f"begroting-{access.region.code}.pdf")
