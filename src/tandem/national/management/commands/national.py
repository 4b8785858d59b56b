"""`tandem national <action>`: the national programme (docs/national.md).

On a region's installation: `keygen`, `export` (a signed hand-over of an approved quarter) and `research` (the
research export with its disclosure check). On the national installation (TANDEM_NATIONAL=1): `load-pilots`,
`add-pilot`, `register-key` and `import`."""
import json
import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tandem.core.exceptions import RuleViolation
from tandem.national import handover, research, services, signing


def _write(path: str, content: bytes) -> None:
    try:
        Path(path).write_bytes(content)
    except OSError as error:
        raise CommandError(f"Kan niet schrijven naar '{path}': {error.strerror or error}.") from error


def _read(path: str) -> bytes:
    try:
        return Path(path).read_bytes()
    except OSError as error:
        raise CommandError(f"Kan '{path}' niet lezen: {error.strerror or error}.") from error


class Command(BaseCommand):
    help = "Het landelijk programma: sleutels, overdracht van een goedgekeurd kwartaal, proeftuinen, onderzoeksexport."

    def add_arguments(self, parser):
        actions = parser.add_subparsers(dest="action", required=True, metavar="ACTIE")
        keygen = actions.add_parser("keygen", help="maak het sleutelpaar waarmee de regio ondertekent")
        keygen.add_argument("--private-key", required=True, metavar="BESTAND")
        keygen.add_argument("--public-key", required=True, metavar="BESTAND")
        export = actions.add_parser("export", help="ondertekende overdracht van een goedgekeurd kwartaal")
        export.add_argument("--region", required=True, metavar="CODE")
        export.add_argument("--quarter", required=True, metavar="JJJJ-Qn")
        export.add_argument("--key", metavar="BESTAND", help="privésleutel (standaard TANDEM_SIGNING_KEY_FILE)")
        export.add_argument("--output", required=True, metavar="BESTAND")
        load = actions.add_parser("load-pilots", help="laad de proeftuinen en thema's (seed 004)")
        load.add_argument("--file", metavar="BESTAND", help="een eigen lijst in dezelfde vorm (JSON)")
        add = actions.add_parser("add-pilot", help="voeg een proeftuin toe die niet in de lijst staat")
        add.add_argument("--code", required=True)
        add.add_argument("--name", required=True)
        add.add_argument("--region-name", required=True)
        register = actions.add_parser("register-key", help="leg de openbare sleutel van een regio vast")
        register.add_argument("--region", required=True, metavar="CODE")
        register.add_argument("--public-key", required=True, metavar="BESTAND")
        take = actions.add_parser("import", help="lees een ondertekende overdracht in")
        take.add_argument("file", metavar="BESTAND")
        actions.add_parser("demo", help="landelijke demo: twee regio's, vier kwartalen (alleen om uit te proberen)")
        study = actions.add_parser("research", help="onderzoeksexport: één rij per traject en kwartaal")
        study.add_argument("--region", required=True, metavar="CODE")
        study.add_argument("--quarter", required=True, action="append", metavar="JJJJ-Qn",
                           help="kwartaal; meermaals te geven")
        study.add_argument("--k", type=int, default=None, help="drempel (standaard TANDEM_RESEARCH_K)")
        study.add_argument("--output", required=True, metavar="BESTAND.csv")
        study.add_argument("--report", metavar="BESTAND.json", help="wat is weggelaten (standaard op het scherm)")

    def handle(self, *args, action, **options):
        try:
            getattr(self, "_" + action.replace("-", "_"))(**options)
        except RuleViolation as error:
            raise CommandError(error.message) from error

    def _keygen(self, *, private_key, public_key, **_):
        key = signing.generate(Path(private_key), Path(public_key))
        self.stdout.write(f"Sleutelpaar gemaakt. Vingerafdruk: {signing.fingerprint(key)}\n"
                          f"Bewaar {private_key} in de regio; stuur {public_key} naar het landelijk programma.")

    def _export(self, *, region, quarter, key, output, **_):
        key_path = key or settings.TANDEM_SIGNING_KEY_FILE
        if not key_path:
            raise CommandError("Geef de privésleutel met --key BESTAND of zet TANDEM_SIGNING_KEY_FILE.")
        private = signing.load_private(Path(key_path))
        document = handover.handover_document(region=region, quarter=quarter)
        _write(output, signing.sign(document, private))
        self.stderr.write(f"Overdracht van {region} {document['quarter']} ondertekend en geschreven naar {output}.")

    def _load_pilots(self, *, file, **_):
        data = json.loads(_read(file).decode("utf-8")) if file else None
        themes, pilots = services.pilots_load(data=data)
        self.stdout.write(f"{pilots} proeftuinen en {themes} thema's geladen.")

    def _add_pilot(self, *, code, name, region_name, **_):
        services.pilot_create(code=code, name=name, region_name=region_name)
        self.stdout.write(f"Proeftuin {code} toegevoegd.")

    def _register_key(self, *, region, public_key, **_):
        key = services.pilot_key_register(pilot=region, public_pem=_read(public_key))
        self.stdout.write(f"Sleutel van {key.pilot.region_name} vastgelegd (vingerafdruk {key.fingerprint}).")

    def _import(self, *, file, **_):
        result = services.handover_import(data=_read(file))
        self.stdout.write(result.message)

    def _demo(self, **_):
        from tandem.national.demo import load_national_demo

        for line in load_national_demo():
            self.stdout.write(line)

    def _research(self, *, region, quarter, k, output, report, **_):
        made = research.research_export(region=region, quarters=quarter, k=k)
        _write(output, made.csv().encode("utf-8"))
        summary = json.dumps(made.report(), ensure_ascii=False, indent=1)
        if report:
            _write(report, (summary + "\n").encode("utf-8"))
        else:
            sys.stderr.write(summary + "\n")
        self.stderr.write(f"{len(made.rows)} rijen geschreven naar {output}; {len(made.suppressed)} combinaties "
                          f"weggelaten (minder dan {made.k} huishoudens).")
