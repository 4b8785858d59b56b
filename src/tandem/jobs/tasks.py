"""The task-queue side (django-tasks): one task that runs a job by its id. With the database backend a worker
(`tandem db_worker`) runs it; in the quick start the immediate backend runs it in the web process."""
from django_tasks import task

from tandem.jobs import services


@task()
def run_job(job_id: str) -> None:
    services.job_run(job_id=job_id)
