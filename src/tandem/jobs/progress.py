"""Progress of a running job, outside the database: an import runs in one transaction (all or nothing), so what it
writes to the database is invisible until it ends. A small file per job (TANDEM_JOB_DIR) holds "done total"."""
import os
from pathlib import Path

from django.conf import settings


def _path(job_id) -> Path:
    directory = Path(settings.TANDEM_JOB_DIR)
    directory.mkdir(parents=True, exist_ok=True)
    return directory / f"{job_id}.progress"


def write(job_id, done: int, total: int) -> None:
    path = _path(job_id)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(f"{done} {total}")
    os.replace(tmp, path)


def read(job_id) -> tuple[int, int] | None:
    try:
        done, total = _path(job_id).read_text().split()
        return int(done), int(total)
    except (OSError, ValueError):
        return None


def remove(job_id) -> None:
    _path(job_id).unlink(missing_ok=True)
