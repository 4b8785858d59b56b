"""`tandem pseudonymise --input F --output G`: F is a JSON list of strings; G gets the same list in the same order,
pseudonymised (one numbering of persons across the list).

`tandem pseudonymise --evaluate DIR [--engine tandem|deduce|beide] [--misses]` measures PII recall and keep rate
on a corpus of invented texts, `tandem pseudonymise --bench DIR` the time it takes (docs/pseudonymisation.md).
"""
import json
import os
import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from tandem.privacy import evaluation
from tandem.privacy.pseudonymise import prepare, pseudonymise_texts


class Command(BaseCommand):
    help = "Vervang namen en andere persoonsgegevens in een JSON-lijst van teksten door plaatshouders."

    def add_arguments(self, parser):
        parser.add_argument("--input", help="JSON-bestand met een lijst van teksten")
        parser.add_argument("--output", help="waar de gepseudonimiseerde lijst komt (JSON)")
        parser.add_argument("--evaluate", metavar="MAP", help="meet recall en behoud op de teksten in deze map")
        parser.add_argument("--engine", choices=["tandem", "deduce", "beide"], default="beide",
                            help="wat --evaluate meet (standaard: beide)")
        parser.add_argument("--misses", action="store_true", help="toon bij --evaluate wat gemist of verloren is")
        parser.add_argument("--bench", metavar="MAP", help="meet de snelheid op de teksten in deze map")

    def handle(self, *args, **options):
        if options["evaluate"]:
            return self.evaluate(options["evaluate"], options["engine"], options["misses"])
        if options["bench"]:
            for line in evaluation.benchmark(self.corpus(options["bench"])):
                self.stdout.write(line)
            return None
        if not options["input"] or not options["output"]:
            raise CommandError("Geef --input (een JSON-lijst van teksten) en --output (waar het resultaat komt).")
        values = self.read(options["input"])
        result = pseudonymise_texts(values)
        self.write(options["output"], result)
        self.stdout.write(f"{len(result)} teksten gepseudonimiseerd naar {options['output']}.")

    def write(self, name: str, result: list[str]) -> None:
        """All or nothing: write next to the target, then put it in place in one step."""
        target = Path(name)
        partial = target.with_name(f".{target.name}.deel")
        try:
            with open(partial, "w", encoding="utf-8") as handle:
                json.dump(result, handle, ensure_ascii=False, indent=1)
                handle.write("\n")
            os.replace(partial, target)
        except OSError as error:
            partial.unlink(missing_ok=True)
            raise CommandError(f"Kan {name} niet schrijven: {error.strerror}.") from error

    def read(self, name: str) -> list[str]:
        try:
            with open(name, encoding="utf-8") as handle:
                data = json.load(handle)
        except OSError as error:
            raise CommandError(f"Kan {name} niet lezen: {error.strerror}.") from error
        except UnicodeDecodeError as error:
            raise CommandError(f"{name} is geen tekstbestand in UTF-8.") from error
        except json.JSONDecodeError as error:
            raise CommandError(f"{name} is geen geldige JSON (regel {error.lineno}, kolom {error.colno}).") from error
        if not isinstance(data, list):
            raise CommandError(f"{name} moet een JSON-lijst van teksten zijn, zoals [\"tekst 1\", \"tekst 2\"].")
        wrong = [i + 1 for i, value in enumerate(data) if not isinstance(value, str)]
        if wrong:
            shown = ", ".join(str(n) for n in wrong[:10]) + (" …" if len(wrong) > 10 else "")
            raise CommandError(f"{name}: alleen teksten zijn toegestaan; element {shown} is geen tekst.")
        return data

    def corpus(self, directory: str) -> list:
        try:
            items = evaluation.load_corpus(directory)
        except (OSError, ValueError, KeyError, TypeError) as error:
            raise CommandError(f"De teksten in {directory} zijn niet te lezen: {error}") from error
        if not items:
            raise CommandError(f"Geen teksten gevonden in {directory} (verwacht: *.json).")
        return items

    def evaluate(self, directory: str, which: str, misses: bool) -> None:
        items = self.corpus(directory)
        runners = []
        if which in ("tandem", "beide"):
            started = time.perf_counter()
            prepare()
            self.stdout.write(f"Tandem-pseudonimiseerder geladen in {time.perf_counter() - started:.1f} s")
            runners.append(("tandem", evaluation.tandem_runner()))
        if which in ("deduce", "beide"):
            started = time.perf_counter()
            try:
                runners.append(("deduce", evaluation.deduce_runner()))
            except OSError as error:
                raise CommandError(f"deduce kan zijn opzoeklijsten niet opslaan ({error.strerror}); "
                                   "zet TANDEM_CACHE_DIR op een map waarin geschreven mag worden.") from error
            self.stdout.write(f"deduce (standaard) geladen in {time.perf_counter() - started:.1f} s")
        for name, run in runners:
            for label, subset in (("alle", items), ("achtergehouden", [i for i in items if i.heldout])):
                if not subset:
                    continue
                result = evaluation.score(name, subset, run)
                self.stdout.write(f"[{label}] {result.line()}")
                if misses and label == "alle":
                    for item_id, needle in result.missed:
                        self.stdout.write(f"    gemist   {item_id}: {needle}")
                    for item_id, word in result.lost:
                        self.stdout.write(f"    verloren {item_id}: {word}")
