"""A long piece of work started on the web (an import, an export), run by the task queue (django-tasks).

The uploaded file and the generated file are kept in the row only as long as needed: the upload until the job
ends, the result until it is downloaded or `KEEP_HOURS` passed. Only the person who started a job sees it."""
import uuid

from django.conf import settings
from django.db import models


class Job(models.Model):
    class Kind(models.TextChoices):
        IMPORT_EXCHANGE = "import_exchange", "Uitwisselbestand importeren"
        IMPORT_SPREADSHEET = "import_spreadsheet", "Spreadsheet importeren"
        EXPORT_MONITOR = "export_monitor", "Kwartaalmonitor downloaden"
        EXPORT_OWN_WORK = "export_own_work", "Eigen werk van de organisatie downloaden"

    class Status(models.TextChoices):
        QUEUED = "queued", "Wacht op zijn beurt"
        RUNNING = "running", "Bezig"
        DONE = "done", "Klaar"
        FAILED = "failed", "Mislukt"

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    kind = models.CharField(max_length=30, choices=Kind.choices)
    started_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    started_at = models.DateTimeField()
    params = models.JSONField(default=dict)  # codes, quarter, format: never personal data
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    message = models.CharField(max_length=500, blank=True, default="")
    problems = models.JSONField(default=list)  # [[place, Dutch message], …]
    input_name = models.CharField(max_length=200, blank=True, default="")
    input_data = models.BinaryField(null=True)
    output_name = models.CharField(max_length=200, blank=True, default="")
    output_data = models.BinaryField(null=True)
    worker = models.CharField(max_length=200, blank=True, default="")  # host:pid of the process running it
    finished_at = models.DateTimeField(null=True, blank=True)
    expires_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-started_at"]
