"""Imports and exports on the web through the task queue (the immediate backend here: the job runs when the
starting transaction commits). The worker and a killed worker: test_worker.py."""
import pytest
from django.urls import reverse

from exchange.test_spreadsheet import HEADER, ROWS
from tandem.audit.models import AuditEvent
from tandem.cases.models import Household
from tandem.jobs import services
from tandem.jobs.models import Job
from tandem.organisations.models import User

BAD = [ROWS[0], [*ROWS[1][:2], "31-02-2025", *ROWS[1][3:]]]


def csv_bytes(rows) -> bytes:
    return ("\n".join(";".join(r) for r in [HEADER, *rows]) + "\n").encode()


def upload(client, rows, commit, name="tuin.csv"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    with commit(execute=True):
        response = client.post(reverse("jobs:import"), {"site": "HLV", "file": SimpleUploadedFile(
            name, csv_bytes(rows), content_type="text/csv")})
    assert response.status_code == 302, response.content.decode()[:3000]
    return response["Location"]


def test_a_bad_row_shows_its_place_then_the_fixed_file_imports(client, actors, django_capture_on_commit_callbacks):
    client.force_login(actors["coordinator"])
    page = client.get(upload(client, BAD, django_capture_on_commit_callbacks)).content.decode()
    assert "rij 3, kolom datum_aanmelding" in page and "Mislukt" in page
    assert Household.objects.count() == 0 and Job.objects.get().input_data is None  # upload forgotten
    page = client.get(upload(client, ROWS, django_capture_on_commit_callbacks)).content.decode()
    assert "Klaar" in page and Household.objects.count() == 2
    assert {"job_import_start", "job_failed", "job_done"} <= set(AuditEvent.objects.values_list("action", flat=True))


def test_only_a_coordinator_imports_and_only_their_regions_sites(client, actors, other_site):
    for who in ("consulent", "partner"):
        client.force_login(actors[who])
        assert client.get(reverse("jobs:import")).status_code == 403
    from tandem.core.exceptions import NotPermitted
    from tandem.organisations.models import Organisation, Region, Site

    far = Site.objects.create(region=Region.objects.create(code="CG", name="CG"), code="ARN", name="Arnhem",
                              municipality="Arnhem")
    with pytest.raises(NotPermitted):
        services.job_import_start(actor=actors["coordinator"], site=far, name="x.csv", data=b"x")
    assert Organisation.objects.count() and not Job.objects.exists()


def test_an_exchange_file_of_another_region_is_refused(client, actors, django_capture_on_commit_callbacks, site):
    import json

    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(actors["coordinator"])
    document = {"format": "tandem-exchange", "version": 1, "region": {"code": "CG", "name": "Elders"},
                "sites": [], "organisations": [], "professionals": [], "households": []}
    with django_capture_on_commit_callbacks(execute=True):
        location = client.post(reverse("jobs:import"), {"site": "HLV", "file": SimpleUploadedFile(
            "x.json", json.dumps(document).encode())})["Location"]
    page = client.get(location).content.decode()
    assert "Mislukt" in page


@pytest.mark.parametrize("format, magic", [("xlsx", b"PK"), ("pdf", b"%PDF"), ("csv", b"")])
def test_monitor_download_only_for_the_one_who_started_it(client, actors, family, format, magic,
                                                          django_capture_on_commit_callbacks):
    client.force_login(actors["coordinator"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("jobs:monitor"), {"scope": "toekomsttuin:HLV", "quarter": "2025-Q1",
                                                         "format": format, "cbs": "on"})
    assert response.status_code == 302
    job = Job.objects.get()
    assert job.status == "done" and job.output_name == f"monitor-HLV-2025-Q1-cbs.{format}"
    download = client.post(reverse("jobs:download", args=[job.pk]))
    assert download.status_code == 200 and download.content.startswith(magic) and len(download.content) > 50
    other = User.objects.create_user(username="flip", organisation=actors["coordinator"].organisation,
                                     role="coordinator")
    client.force_login(other)
    assert client.post(reverse("jobs:download", args=[job.pk])).status_code == 404
    assert client.get(reverse("jobs:detail", args=[job.pk])).status_code == 404


def test_generated_files_are_forgotten(actors, family, django_capture_on_commit_callbacks):
    import datetime as dt

    from django.utils import timezone

    from tandem.monitor.selectors import monitor_scope_for

    scope = monitor_scope_for(actors["coordinator"], "toekomsttuin", "HLV")
    with django_capture_on_commit_callbacks(execute=True):
        job = services.job_export_start(actor=actors["coordinator"], scope=scope, quarter="2025-Q1", format="csv",
                                        cbs=False)
    assert Job.objects.get().output_data is not None
    assert services.jobs_forget(now=timezone.now() + dt.timedelta(hours=services.KEEP_HOURS + 1)) == 1
    job.refresh_from_db()
    assert job.output_data is None
    from tandem.core.exceptions import RuleViolation

    with pytest.raises(RuleViolation):
        services.job_download(actor=actors["coordinator"], job=job)


def test_a_job_whose_worker_is_gone_shows_as_failed(actors):
    from django.utils import timezone

    job = Job.objects.create(kind="import_spreadsheet", started_by=actors["coordinator"], started_at=timezone.now(),
                             status="running", worker="x:1")
    import socket

    job.worker = f"{socket.gethostname()}:999999999"
    job.save()
    job = services.job_check_interrupted(job=job)
    assert job.status == "failed" and "onderbroken" in job.message


def test_own_work_of_the_organisation_for_its_own_system(client, actors, family, orgs,
                                                         django_capture_on_commit_callbacks):
    import datetime as dt

    from tandem.cases import services as cases

    involvement = cases.involvement_start(actor=None, trajectory=family, organisation=orgs["vt"], form="consult",
                                          start=dt.date(2025, 2, 6))
    cases.team_member_add(actor=None, trajectory=family, professional=actors["partner"], joined_on=dt.date(2025, 2, 1),
                          role_in_team="veiligheid")
    cases.time_register(actor=actors["partner"], involvement=involvement, on=dt.date(2025, 2, 7), hours=2)
    for who, expected in (("partner", 2), ("partner2", 0)):  # Carla is not on the team: nothing of this family
        Job.objects.all().delete()
        client.force_login(actors[who])
        with django_capture_on_commit_callbacks(execute=True):
            client.post(reverse("jobs:own_work"), {"format": "csv"})
        job = Job.objects.get()
        text = client.post(reverse("jobs:download", args=[job.pk])).content.decode()
        lines = text.strip().splitlines()
        assert lines[0].startswith("huishouden;") and len(lines) - 1 == expected, text
        assert "Fatima" not in text and "Amrani" not in text
    assert AuditEvent.objects.filter(action="export_own_work", household_id=family.household_id).count() == 1
    client.force_login(actors["coordinator"])
    assert client.get(reverse("jobs:own_work")).status_code == 403
