"""`tandem bench-families [--households 1000] [--seed 2024] [--repeats 5] [--force] [--reuse]`.

Builds one consultant with many visible families through the services (never in a database with other households)
and prints, as JSON, how fast 'Mijn gezinnen' answers and how many queries it takes. docs/performance.md."""
import json

from django.core.management.base import BaseCommand, CommandError

from tandem.organisations.models import User
from tandem.workspace import bench


class Command(BaseCommand):
    help = ("Bouwt een consulent met veel gezinnen (via de services, nooit in een database met andere gezinnen) en "
            "meet hoe snel 'Mijn gezinnen' antwoordt. Drukt JSON af.")

    def add_arguments(self, parser):
        parser.add_argument("--households", type=int, default=1000, help="aantal gezinnen (1000)")
        parser.add_argument("--seed", type=int, default=2024, help="startgetal van het toeval (2024)")
        parser.add_argument("--repeats", type=int, default=5, help="aantal metingen per pagina (5)")
        parser.add_argument("--force", action="store_true", help="verwijder eerdere meetgegevens en begin opnieuw")
        parser.add_argument("--reuse", action="store_true", help="bouw niets: meet opnieuw")

    def handle(self, *args, households, seed, repeats, force, reuse, **options):
        if households < 1 or repeats < 1:
            raise CommandError("Kies minstens één gezin en één meting.")
        build_s = None
        try:
            if reuse:
                if not User.objects.filter(username=bench.USERNAME).exists():
                    raise CommandError("Er zijn nog geen meetgegevens; laat --reuse weg.")
            else:
                bench.check_database(force)
                build_s = bench.build(households, seed)
            result = bench.measure(repeats)
        except bench.BenchRefused as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps({**result, "build_s": build_s}, indent=2))
