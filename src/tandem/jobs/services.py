"""Imports and exports on the web: start a job (checked, logged), run it (the task queue calls `job_run`), notice a
job whose worker died, hand the result to the one who started it, and forget files once they are not needed.

An import is `tandem.exchange`'s import: one transaction, all or nothing, every problem with its place. A worker
killed halfway leaves no partial import (the transaction never commits); the job then shows as failed."""
import datetime as dt
import os
import socket
import tempfile
import zipfile
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from tandem.audit.services import audit_record
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.jobs import progress
from tandem.jobs.models import Job
from tandem.organisations.models import NO_DOSSIER_ROLES, Role, Site

KEEP_HOURS = 24
STALE_MINUTES = 30  # a running job on another machine without progress this long counts as interrupted
INTERRUPTED = ("De verwerking is onderbroken (het programma dat de taak uitvoerde stopte). Er is niets "
               "geïmporteerd of veranderd. Start de taak opnieuw.")
FORMATS = ("xlsx", "csv", "pdf")


def _this_worker() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


def _region_coordinator_of(actor, site: Site) -> bool:
    organisation = getattr(actor, "organisation", None)
    return bool(actor.is_active and actor.role == Role.COORDINATOR and organisation is not None
                and organisation.region_id == site.region_id)


def _enqueue(job: Job) -> None:
    from tandem.jobs.tasks import run_job

    transaction.on_commit(lambda: run_job.enqueue(str(job.pk)))


@transaction.atomic
def job_import_start(*, actor, site: Site, name: str, data: bytes) -> Job:
    """A coordinator of the site's region uploads an exchange file (.json) or a spreadsheet (.csv, .xlsx)."""
    if not _region_coordinator_of(actor, site):
        raise NotPermitted("Alleen een coördinator van de regio importeert gegevens van een toekomsttuin.")
    suffix = Path(name).suffix.lower()
    if suffix not in (".json", ".csv", ".xlsx"):
        raise RuleViolation("file_kind", "Kies een uitwisselbestand (.json) of een spreadsheet (.csv of .xlsx).",
                            field="file")
    if len(data) > settings.TANDEM_IMPORT_MAX_BYTES:
        raise RuleViolation("file_size", "Het bestand is te groot.", field="file")
    kind = Job.Kind.IMPORT_EXCHANGE if suffix == ".json" else Job.Kind.IMPORT_SPREADSHEET
    job = Job.objects.create(kind=kind, started_by=actor, started_at=timezone.now(),
                             params={"site": site.code, "region": site.region.code, "suffix": suffix},
                             input_name=f"upload{suffix}", input_data=data)
    audit_record(actor=actor, action="job_import_start", obj=job, purpose="import",
                 detail={"kind": kind, "site": site.code, "bytes": len(data)})
    _enqueue(job)
    return job


@transaction.atomic
def job_export_start(*, actor, scope, quarter: str, format: str, cbs: bool) -> Job:
    """The quarterly monitor of a site or region the person may see (`monitor.selectors.monitor_scope_for`)."""
    from tandem.monitor.selectors import monitor_scope_for

    if format not in FORMATS:
        raise RuleViolation("format", "Kies XLSX, CSV of PDF.", field="format")
    if monitor_scope_for(actor, scope.kind, scope.code) is None:
        raise NotPermitted("U heeft geen toegang tot deze monitor.")
    params = {"kind": scope.kind, "code": scope.code, "quarter": quarter, "format": format, "cbs": cbs}
    job = Job.objects.create(kind=Job.Kind.EXPORT_MONITOR, started_by=actor, started_at=timezone.now(),
                             params=params)
    audit_record(actor=actor, action="job_export_start", obj=job, purpose="kwartaalmonitor", detail=params)
    _enqueue(job)
    return job


def may_export_own_work(actor) -> bool:
    return bool(actor.is_active and actor.organisation_id and actor.role not in NO_DOSSIER_ROLES)


@transaction.atomic
def job_own_work_start(*, actor, format: str) -> Job:
    """Per organisation its own work (involvements, hours, reports) in the families this person may open."""
    if not may_export_own_work(actor):
        raise NotPermitted("Alleen wie in dossiers werkt, downloadt het werk van de eigen organisatie.")
    if format not in ("xlsx", "csv"):
        raise RuleViolation("format", "Kies XLSX of CSV.", field="format")
    params = {"organisation": actor.organisation.code, "format": format}
    job = Job.objects.create(kind=Job.Kind.EXPORT_OWN_WORK, started_by=actor, started_at=timezone.now(),
                             params=params)
    audit_record(actor=actor, action="job_export_start", obj=job, purpose="eigen registratie", detail=params)
    _enqueue(job)
    return job


def job_run(*, job_id: str) -> None:
    """The task: claim the job, do the work, record the outcome. Not atomic as a whole: the import is its own
    transaction, and the job's row must show 'running' to others meanwhile."""
    claimed = Job.objects.filter(pk=job_id, status=Job.Status.QUEUED).update(
        status=Job.Status.RUNNING, worker=_this_worker())
    if not claimed:
        return
    job = Job.objects.get(pk=job_id)
    try:
        if job.kind == Job.Kind.EXPORT_MONITOR:
            _export_monitor(job)
        elif job.kind == Job.Kind.EXPORT_OWN_WORK:
            _export_own_work(job)
        else:
            _import(job)
    except Exception:  # noqa: BLE001 — the person sees a Dutch message; no traceback, nothing personal logged
        _finish(job, Job.Status.FAILED, "Er ging iets mis bij het uitvoeren. Er is niets veranderd.")
    finally:
        progress.remove(job.pk)


def _finish(job: Job, status: str, message: str, *, problems=(), output: bytes | None = None,
            output_name: str = "") -> None:
    now = timezone.now()
    Job.objects.filter(pk=job.pk).update(
        status=status, message=message[:500], problems=[list(p) for p in problems], input_data=None,
        output_data=output, output_name=output_name, finished_at=now,
        expires_at=now + dt.timedelta(hours=KEEP_HOURS))
    audit_record(actor=None, action=f"job_{status}", obj=job, purpose="taak",
                 detail={"kind": job.kind, "problems": len(problems)})


def _import(job: Job) -> None:
    from tandem.exchange.files import read_json
    from tandem.exchange.importer import ImportFailed, import_document
    from tandem.exchange.spreadsheet import import_spreadsheet

    def report(done: int, total: int) -> None:
        progress.write(job.pk, done, total)

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / job.input_name
        path.write_bytes(bytes(job.input_data))
        try:
            if job.kind == Job.Kind.IMPORT_SPREADSHEET:
                result = import_spreadsheet(str(path), site_code=job.params["site"], progress=report)
            else:
                data = read_json(str(path))
                _check_region(data, job.params["region"])
                result = import_document(data, progress=report)
        except ImportFailed as failed:
            _finish(job, Job.Status.FAILED, str(failed), problems=failed.problems)
            return
        except (UnicodeDecodeError, zipfile.BadZipFile):
            _finish(job, Job.Status.FAILED, "Dit is geen leesbare CSV (UTF-8) of XLSX. Er is niets geïmporteerd.")
            return
    _finish(job, Job.Status.DONE, result.summary())


def _check_region(data, region_code: str) -> None:
    from tandem.exchange.importer import ImportFailed

    found = data.get("region", {}).get("code") if isinstance(data, dict) and isinstance(data.get("region"), dict) \
        else None
    if found != region_code:
        raise ImportFailed([("region.code", f"Dit bestand is van een andere regio ({found or 'geen'}). U importeert "
                                            f"alleen voor regio {region_code}.")])


def _export_monitor(job: Job) -> None:
    from tandem.monitor.exports import pdf_bytes, xlsx_bytes
    from tandem.monitor.queries import compute_monitor
    from tandem.monitor.report import CSV_HEADER, csv_rows

    p = job.params
    scope = {"site": p["code"]} if p["kind"] == "toekomsttuin" else {"region": p["code"]}
    report = compute_monitor(**scope, quarter=p["quarter"])
    if p["cbs"]:
        from tandem.monitor.disclosure import apply_cbs

        report = apply_cbs(report)
    if p["format"] == "xlsx":
        content = xlsx_bytes(report)
    elif p["format"] == "pdf":
        content = pdf_bytes(report)
    else:
        import csv
        import io

        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        writer.writerows(csv_rows(report))
        content = buffer.getvalue().encode("utf-8")
    name = f"monitor-{p['code']}-{p['quarter']}{'-cbs' if p['cbs'] else ''}.{p['format']}"
    _finish(job, Job.Status.DONE, "De download staat klaar.", output=content, output_name=name)


def _export_own_work(job: Job) -> None:
    from tandem.jobs import own_work

    rows = own_work.rows_for(job.started_by)
    name = f"eigen-werk-{job.params['organisation']}-{timezone.localdate():%Y-%m-%d}.{job.params['format']}"
    _finish(job, Job.Status.DONE, f"De download staat klaar ({len(rows)} regels).",
            output=own_work.render(rows, job.params["format"]), output_name=name)


def _worker_gone(worker: str) -> bool:
    host, _, pid = worker.rpartition(":")
    if host != socket.gethostname() or not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return True
    except PermissionError:
        return False
    return False


@transaction.atomic
def job_check_interrupted(*, job: Job) -> Job:
    """A job shown as running whose worker process is gone (killed, machine restarted) becomes failed."""
    job = Job.objects.select_for_update().get(pk=job.pk)
    if job.status != Job.Status.RUNNING:
        return job
    stale = job.started_at < timezone.now() - dt.timedelta(minutes=STALE_MINUTES) and progress.read(job.pk) is None
    if _worker_gone(job.worker) or stale:
        _finish(job, Job.Status.FAILED, INTERRUPTED)
        progress.remove(job.pk)
        job.refresh_from_db()
    return job


@transaction.atomic
def job_download(*, actor, job: Job) -> tuple[bytes, str]:
    """The result, only for the one who started the job, only while it is kept."""
    if job.started_by_id != actor.pk:
        raise NotPermitted("Alleen wie de taak startte, kan de download openen.")
    if job.status != Job.Status.DONE or job.output_data is None:
        raise RuleViolation("no_output", "Deze download is er niet (meer). Start de taak opnieuw.")
    audit_record(actor=actor, action="job_download", obj=job, purpose="download",
                 detail={"kind": job.kind, **{k: v for k, v in job.params.items() if k != "suffix"}})
    return bytes(job.output_data), job.output_name


@transaction.atomic
def jobs_forget(*, now: dt.datetime | None = None) -> int:
    """Remove generated files past KEEP_HOURS (and any upload left by an interrupted job)."""
    now = now or timezone.now()
    return Job.objects.filter(expires_at__lt=now).exclude(output_data=None, input_data=None).update(
        output_data=None, input_data=None)
