"""`tandem bench [--households N] [--sites 342] [--regions 25] [--seed S] [--quarter YYYY-Qn] [--force]`.

Builds synthetic benchmark data straight into the tables of the database named by DATABASE_URL (the one place
that bypasses the services; benchmark data only, never mixed with real data) and prints how long the monitor
takes, as JSON. See `tandem.monitor.bench` and docs/performance.md.
"""
import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.monitor import bench
from tandem.monitor.rules import MonitorError, parse_quarter


class Command(BaseCommand):
    help = ("Bouwt een verzonnen landelijke dataset (alleen voor de benchmark, rechtstreeks in de tabellen, nooit "
            "in een database met echte gezinnen) en meet hoe snel de kwartaalmonitor is. Drukt JSON af.")

    def add_arguments(self, parser):
        parser.add_argument("--households", type=int, default=1_000_000, help="aantal huishoudens (1.000.000)")
        parser.add_argument("--sites", type=int, default=342, help="aantal toekomsttuinen (342 gemeenten)")
        parser.add_argument("--regions", type=int, default=25, help="aantal regio's (25)")
        parser.add_argument("--seed", type=int, default=2024, help="startgetal van het toeval (2024)")
        parser.add_argument("--quarter", default="2025-Q4", metavar="JJJJ-Qn", help="gemeten kwartaal (2025-Q4)")
        parser.add_argument("--force", action="store_true",
                            help="verwijder eerdere benchmarkgegevens en begin opnieuw (echte gegevens: nooit)")
        parser.add_argument("--parquet", metavar="MAP",
                            help="bewaar de Parquet-export voor DuckDB in deze map en lees hem daar bij een volgende "
                                 "meting (anders een tijdelijke map)")
        parser.add_argument("--reuse", action="store_true",
                            help="bouw niets: meet opnieuw op de benchmarkgegevens die er al zijn")

    def handle(self, *args, households, sites, regions, seed, quarter, force, reuse, parquet, **options):
        if households < 1 or sites < 1 or regions < 1 or regions > sites:
            raise CommandError("Kies minstens één huishouden, één toekomsttuin en één regio, en niet meer regio's "
                               "dan toekomsttuinen.")
        try:
            parse_quarter(quarter)
        except MonitorError as error:
            raise CommandError(str(error)) from error
        if reuse and not bench.bench_regions():
            raise CommandError("Er zijn nog geen benchmarkgegevens om opnieuw te meten; laat --reuse weg.")
        try:
            figures = bench.run(households, sites, regions, seed, quarter, force=force, build=not reuse,
                                progress=lambda text: self.stderr.write(text),
                                parquet=Path(parquet) if parquet else None)
        except bench.BenchRefused as refused:
            raise CommandError(str(refused)) from refused
        self.stdout.write(json.dumps(figures, ensure_ascii=False))
