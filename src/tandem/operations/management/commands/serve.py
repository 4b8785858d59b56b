"""`tandem serve [--bind 127.0.0.1:8000] [--workers N] [--threads N]`: Tandem for real, under gunicorn.

gunicorn's threaded workers (gthread): `--workers` processes of `--threads` threads each; a request beyond those waits
in gunicorn's queue instead of failing. Static files come from WhiteNoise (already in the middleware). On
PostgreSQL every worker gets a connection pool of `--threads` connections (TANDEM_DB_POOL_MAX, unless set), so the
server needs at most workers × threads connections. Settings come from the environment as always (README).
"""
import os
import sys

from django.core.management.base import BaseCommand, CommandError


def default_workers() -> int:
    return int(os.environ.get("TANDEM_WORKERS") or (2 * (os.cpu_count() or 1) + 1))


def gunicorn_command(*, bind: str, workers: int, threads: int, timeout: int, access_log: bool) -> list[str]:
    command = [sys.executable, "-m", "gunicorn", "tandem.config.wsgi:application", "--bind", bind,
               "--workers", str(workers), "--worker-class", "gthread", "--threads", str(threads),
               "--timeout", str(timeout), "--graceful-timeout", "30", "--keep-alive", "75",
               "--max-requests", "5000", "--max-requests-jitter", "500", "--backlog", "2048"]
    if _has_setting("control_socket_disable"):  # newer gunicorn: no shared control socket in the home folder
        command.append("--no-control-socket")
    return command + (["--access-logfile", "-"] if access_log else [])


def _has_setting(name: str) -> bool:
    from gunicorn.config import KNOWN_SETTINGS

    return any(setting.name == name for setting in KNOWN_SETTINGS)


class Command(BaseCommand):
    help = "Start Tandem voor echt gebruik (gunicorn met threads; statische bestanden via WhiteNoise)."
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument("--bind", default=os.environ.get("TANDEM_BIND", "127.0.0.1:8000"),
                            help="adres:poort (TANDEM_BIND, standaard 127.0.0.1:8000)")
        parser.add_argument("--workers", type=int, default=default_workers(),
                            help="processen (TANDEM_WORKERS, standaard 2 × processorkernen + 1)")
        parser.add_argument("--threads", type=int, default=int(os.environ.get("TANDEM_THREADS", 4)),
                            help="threads per proces (TANDEM_THREADS, standaard 4)")
        parser.add_argument("--timeout", type=int, default=int(os.environ.get("TANDEM_TIMEOUT", 60)),
                            help="seconden voordat een vastgelopen proces opnieuw start (standaard 60)")
        parser.add_argument("--access-log", action="store_true", help="elk verzoek op standaarduitvoer")

    def handle(self, *args, bind, workers, threads, timeout, access_log, **options):
        if workers < 1 or threads < 1:
            raise CommandError("Kies minstens één proces en één thread.")
        try:
            import gunicorn  # noqa: F401
        except ImportError as error:  # Windows has no gunicorn: use `tandem runserver` there
            raise CommandError("gunicorn ontbreekt (alleen op Linux en macOS); gebruik `tandem runserver`.") from error
        env = dict(os.environ)
        env.setdefault("TANDEM_DB_POOL_MAX", str(threads))
        env.setdefault("DJANGO_SETTINGS_MODULE", "tandem.config.settings")
        command = gunicorn_command(bind=bind, workers=workers, threads=threads, timeout=timeout,
                                   access_log=access_log)
        self.stderr.write(f"Tandem op http://{bind}/ ({workers} processen × {threads} threads)")
        sys.stderr.flush()
        os.execve(command[0], command, env)
