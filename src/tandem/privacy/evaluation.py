"""Measure a pseudonymiser on a corpus of invented case texts (tests/privacy/corpus/): PII recall (the share of
expected personal strings no longer in the output) and domain-word keep rate (the share of domain words still
there). `tandem pseudonymise --evaluate DIR` prints both, for Tandem's pseudonymiser and for deduce alone."""
from __future__ import annotations

import json
import os
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tandem.privacy.pseudonymise import Pseudonymiser


@dataclass(frozen=True)
class Item:
    id: str
    text: str
    pii: tuple[str, ...]
    keep: tuple[str, ...]
    heldout: bool


@dataclass
class Score:
    engine: str
    texts: int = 0
    pii: int = 0
    removed: int = 0
    keep: int = 0
    kept: int = 0
    seconds: float = 0.0
    missed: list[tuple[str, str]] = field(default_factory=list)  # (item id, string still present)
    lost: list[tuple[str, str]] = field(default_factory=list)  # (item id, domain word gone)

    @property
    def recall(self) -> float:
        return self.removed / self.pii if self.pii else 1.0

    @property
    def keep_rate(self) -> float:
        return self.kept / self.keep if self.keep else 1.0

    @property
    def ms_per_text(self) -> float:
        return 1000 * self.seconds / self.texts if self.texts else 0.0

    def line(self) -> str:
        return (f"{self.engine:<8} teksten {self.texts:>3}  persoonsgegevens {self.removed:>3}/{self.pii:<3} "
                f"recall {self.recall:.3f}  vaktermen {self.kept:>3}/{self.keep:<3} behouden {self.keep_rate:.3f}  "
                f"{self.ms_per_text:.1f} ms per tekst")


def load_corpus(directory: str | Path) -> list[Item]:
    """Every *.json file in the directory: {"texts": [{"id", "text", "pii": [...], "keep": [...]}], "heldout"?}."""
    items = []
    for path in sorted(Path(directory).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        for entry in data["texts"]:
            items.append(Item(entry["id"], entry["text"], tuple(entry["pii"]), tuple(entry["keep"]),
                              bool(data.get("heldout"))))
    return items


def present(needle: str, text: str) -> bool:
    """Whether the string still stands in the text as a word of its own (case as written)."""
    return re.search(rf"(?<!\w){re.escape(needle)}(?!\w)", text) is not None


def score(engine: str, items: list[Item], run: Callable[[str], str]) -> Score:
    result = Score(engine)
    for item in items:
        started = time.perf_counter()
        output = run(item.text)
        result.seconds += time.perf_counter() - started
        result.texts += 1
        for needle in item.pii:
            result.pii += 1
            if present(needle, output):
                result.missed.append((item.id, needle))
            else:
                result.removed += 1
        for word in item.keep:
            result.keep += 1
            if present(word, output):
                result.kept += 1
            else:
                result.lost.append((item.id, word))
    return result


def tandem_runner() -> Callable[[str], str]:
    return lambda text: Pseudonymiser().text(text)


def deduce_runner() -> Callable[[str], str]:
    """deduce as it comes (its base configuration and all its lookup lists). Its first run builds the lookup
    structures (about 90 s) and caches them in TANDEM_CACHE_DIR (default ~/.cache/tandem)."""
    from tandem.privacy.engine import _import_deduce  # noqa: PLC0415

    deduce = _import_deduce()
    cache = Path(os.environ.get("TANDEM_CACHE_DIR", Path.home() / ".cache" / "tandem")) / "deduce"
    cache.mkdir(parents=True, exist_ok=True)
    instance = deduce.Deduce(cache_path=cache)
    return lambda text: instance.deidentify(text).deidentified_text


def benchmark(items: list[Item]) -> list[str]:
    """Time the pseudonymiser (docs/pseudonymisation.md): loading, a first pass over the corpus (deduce runs),
    a second pass (deduce's results cached), 50 texts as on a dossier page, and long texts."""
    from tandem.privacy import engine  # noqa: PLC0415
    from tandem.privacy.pseudonymise import prepare  # noqa: PLC0415

    started = time.perf_counter()
    prepare()
    lines = [f"laden (eenmaal per proces): {time.perf_counter() - started:.2f} s"]
    texts = [item.text for item in items]
    engine._annotate.cache_clear()  # noqa: SLF001
    for label in ("eerste keer", "tweede keer (deduce uit de cache)"):
        started = time.perf_counter()
        Pseudonymiser().texts(texts)
        seconds = time.perf_counter() - started
        lines.append(f"{label}: {1000 * seconds / len(texts):.1f} ms per tekst "
                     f"(gemiddeld {sum(map(len, texts)) // len(texts)} tekens); 50 teksten: {50 * seconds / len(texts):.2f} s")
    engine._annotate.cache_clear()  # noqa: SLF001
    long = [" ".join(texts[i:i + 10]) for i in range(0, len(texts) - 9, 10)]
    started = time.perf_counter()
    Pseudonymiser().texts(long)
    seconds = time.perf_counter() - started
    lines.append(f"lange teksten (gemiddeld {sum(map(len, long)) // len(long)} tekens), eerste keer: "
                 f"{1000 * seconds / len(long):.0f} ms per tekst")
    return lines
