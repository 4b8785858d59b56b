"""Imports and exports on the web (/taken/): start a job, watch it, download its result. A job exists only for the
one who started it (404 for everyone else)."""
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.jobs import forms, progress, services
from tandem.jobs.models import Job
from tandem.monitor.selectors import monitor_scopes_for
from tandem.organisations.models import Role

NOT_FOUND = "Deze taak bestaat niet, of u heeft hem niet gestart."
CONTENT_TYPES = {"xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                 "pdf": "application/pdf", "csv": "text/csv; charset=utf-8"}


def _import_sites(user):
    organisation = user.organisation
    if user.role != Role.COORDINATOR or organisation is None or organisation.region_id is None:
        return []
    return list(organisation.region.sites.order_by("name"))


@login_required
def job_list(request):
    services.jobs_forget()
    jobs = [services.job_check_interrupted(job=j) if j.status == Job.Status.RUNNING else j
            for j in Job.objects.filter(started_by=request.user).defer("input_data", "output_data")[:50]]
    return render(request, "jobs/list.html", {"title": "Imports en downloads", "jobs": jobs,
                                              "can_import": bool(_import_sites(request.user)),
                                              "can_export": bool(monitor_scopes_for(request.user)),
                                              "can_own_work": services.may_export_own_work(request.user)})


def _errors(form):
    return [{"href": f"#id_{n}", "text": m} for n, ms in form.errors.items() for m in ms]


@login_required
def import_start(request):
    sites = _import_sites(request.user)
    if not sites:
        raise PermissionDenied("Importeren is voor de coördinator van de regio.")
    form = forms.ImportForm(request.POST or None, request.FILES or None, sites=sites)
    if request.method == "POST" and form.is_valid():
        site = next(s for s in sites if s.code == form.cleaned_data["site"])
        upload = form.cleaned_data["file"]
        try:
            job = services.job_import_start(actor=request.user, site=site, name=upload.name, data=upload.read())
        except NotPermitted as exc:
            raise PermissionDenied(exc.message) from exc
        except RuleViolation as exc:
            form.add_error("file", exc.message)
        else:
            return redirect("jobs:detail", job_id=job.pk)
    return render(request, "jobs/form.html", {"title": "Gegevens importeren", "form": form, "errors": _errors(form),
                                              "multipart": True, "button": "Controleren en importeren"},
                  status=400 if request.method == "POST" else 200)


@login_required
def own_work_export(request):
    if not services.may_export_own_work(request.user):
        raise PermissionDenied("Alleen wie in dossiers werkt, downloadt het werk van de eigen organisatie.")
    form = forms.OwnWorkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        job = services.job_own_work_start(actor=request.user, format=form.cleaned_data["format"])
        return redirect("jobs:detail", job_id=job.pk)
    return render(request, "jobs/form.html", {
        "title": f"Eigen werk van {request.user.organisation} downloaden", "form": form, "errors": _errors(form),
        "button": "Bestand maken", "intro": "Voor de registratie in het eigen systeem van uw organisatie: de "
        "betrokkenheid, de uren en de meldingen van uw organisatie in de gezinnen die u mag openen. Zonder namen: "
        "met de code van het huishouden zoals Tandem die toont."})


@login_required
def monitor_export(request):
    scopes = monitor_scopes_for(request.user)
    if not scopes:
        raise PermissionDenied("U heeft geen toegang tot een kwartaalmonitor.")
    start = min(s.region.programme_start for s in scopes)
    form = forms.MonitorExportForm(request.POST or None, scopes=scopes, today=timezone.localdate(), start=start)
    if request.method == "POST" and form.is_valid():
        try:
            job = services.job_export_start(actor=request.user, **form.service_args())
        except NotPermitted as exc:
            raise PermissionDenied(exc.message) from exc
        except RuleViolation as exc:
            form.add_error(None, exc.message)
        else:
            return redirect("jobs:detail", job_id=job.pk)
    return render(request, "jobs/form.html", {"title": "Kwartaalmonitor downloaden", "form": form,
                                              "errors": _errors(form), "button": "Bestand maken"},
                  status=400 if request.method == "POST" else 200)


def _own_job(request, job_id) -> Job:
    job = Job.objects.filter(pk=job_id, started_by=request.user).defer("input_data", "output_data").first()
    if job is None:
        raise Http404(NOT_FOUND)
    return job


@login_required
def job_detail(request, job_id):
    job = services.job_check_interrupted(job=_own_job(request, job_id))
    done_total = progress.read(job.pk) if job.status == Job.Status.RUNNING else None
    return render(request, "jobs/detail.html", {"title": job.get_kind_display(), "job": job,
                                                "progress": done_total,
                                                "busy": job.status in (Job.Status.QUEUED, Job.Status.RUNNING)})


@login_required
@require_POST
def job_download(request, job_id):
    job = Job.objects.filter(pk=job_id, started_by=request.user).first()
    if job is None:
        raise Http404(NOT_FOUND)
    try:
        content, name = services.job_download(actor=request.user, job=job)
    except RuleViolation as exc:
        messages.error(request, exc.message)
        return redirect("jobs:detail", job_id=job.pk)
    response = HttpResponse(content, content_type=CONTENT_TYPES[name.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
