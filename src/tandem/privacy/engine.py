"""deduce, loaded once per process (lazily, thread-safe), and its annotations as plain spans.

deduce ships its lookup lists inside the PyPI package. Its own loader builds *all* lookup structures and pickles
them next to the lists (about 90 s and 77 MB on the first run, and it needs a writable site-packages). Tandem
does not use the two largest (every Dutch street name and every healthcare institution: organisations are kept,
street addresses have their own rule), so it builds the others itself, in memory, in about two seconds: nothing
is written to disk and nothing is downloaded.
"""
from __future__ import annotations

import json
import logging
import re
import threading
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

# Annotators of deduce's base configuration that Tandem leaves out (see the module docstring).
_LEFT_OUT = ("street_lookup", "hospital", "institution")
# Lookup lists those annotators need; the others are built.
_LISTS_LEFT_OUT = ("locations/lst_street", "institutions/lst_healthcare_institution", "institutions/lst_hospital")

_load_lock = threading.Lock()
_run_lock = threading.Lock()
_engine = None
load_seconds: float | None = None


@dataclass(frozen=True)
class Found:
    """One annotation of deduce: characters [start, end) of the text, deduce's tag (persoon, locatie, ...)."""

    start: int
    end: int
    tag: str
    text: str


def _import_deduce():
    """Import deduce without letting it configure the root logger (it calls logging.basicConfig at import,
    which would send every library's debug messages, text included, to standard output)."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    import deduce  # noqa: PLC0415 (deliberately lazy: only processes that pseudonymise pay for it)

    root.handlers[:] = handlers
    root.setLevel(level)
    return deduce


def _config(deduce_module) -> dict:
    path = Path(deduce_module.__file__).parent / "base_config.json"
    config = json.loads(path.read_text(encoding="utf-8"))
    for name in _LEFT_OUT:
        config["annotators"].pop(name, None)
    return config


def _lookup_structs(deduce_module, tokenizer, extra_whitelist):
    """The lookup structures deduce's annotators use, built as deduce's own loader builds them."""
    import docdeid  # noqa: PLC0415
    from deduce import lookup_structs as structs  # noqa: PLC0415
    from deduce.data.lookup.src import all_lists  # noqa: PLC0415

    base = Path(deduce_module.__file__).parent / "data" / "lookup"
    lists = [name for name in all_lists if name not in _LISTS_LEFT_OUT]
    items = structs.load_raw_itemsets(base_path=base, subdirs=lists)
    collection = docdeid.ds.DsCollection()
    loaders = {**structs._LOOKUP_SET_LOADERS, **structs._LOOKUP_TRIE_LOADERS}  # noqa: SLF001
    for name, values in items.items():
        if name not in loaders:
            collection[name] = docdeid.ds.LookupSet()
            collection[name].add_items_from_iterable(values)
    for name, loader in structs._LOOKUP_SET_LOADERS.items():  # noqa: SLF001
        collection[name] = loader(items)
    for name, loader in structs._LOOKUP_TRIE_LOADERS.items():  # noqa: SLF001
        if name in items:
            collection[name] = loader(items, tokenizer)
    # Words that are never a name in Tandem's texts (relations, titles, domain words): deduce must not take
    # "Vader" in "Vader Jan de Jong" or "Raad" in "Raad voor de Kinderbescherming" for part of a name.
    collection["whitelist"].add_items_from_iterable(extra_whitelist)
    return collection


def _build():
    from tandem.privacy.vocabulary import NOT_NAMES  # noqa: PLC0415

    deduce = _import_deduce()
    import docdeid  # noqa: PLC0415
    from deduce.deduce import _DeduceProcessorLoader  # noqa: PLC0415

    engine = deduce.Deduce.__new__(deduce.Deduce)
    docdeid.DocDeid.__init__(engine)
    engine.config = deduce.Deduce._initialize_config(load_base_config=False, user_config=_config(deduce))  # noqa: SLF001
    base = lookup_path()
    engine.lookup_data_path = engine.cache_path = base
    engine.tokenizers = {"default": deduce.Deduce._initialize_tokenizer(base)}  # noqa: SLF001
    engine.lookup_structs = _lookup_structs(deduce, engine.tokenizers["default"], NOT_NAMES)
    extras = {"tokenizer": engine.tokenizers["default"], "ds": engine.lookup_structs}
    engine.processors = _DeduceProcessorLoader().load(config=engine.config, extras=extras)
    return engine


def get_engine():
    """The process's deduce instance, built on first use (about 2 s); later calls return it at once."""
    global _engine, load_seconds  # noqa: PLW0603 (one instance per process, by design)
    if _engine is None:
        with _load_lock:
            if _engine is None:
                started = time.perf_counter()
                engine = _build()
                load_seconds = time.perf_counter() - started
                _engine = engine
    return _engine


def lookup_path() -> Path:
    """Where deduce's lookup lists are (inside the installed package)."""
    return Path(_import_deduce().__file__).parent / "data" / "lookup"


def is_stop_word(word: str) -> bool:
    return word in get_engine().lookup_structs["stop_word"]


def in_whitelist(word: str) -> bool:
    """Whether deduce counts the word as an ordinary word (stop words, frequent words, medical terms, and the
    words Tandem adds)."""
    return word in get_engine().lookup_structs["whitelist"]


def annotate(text: str) -> list[Found]:
    """deduce's annotations of one text (after its own overlap resolution and merging). The last
    CACHED_TEXTS results are kept in memory: a dossier page shown again does not run deduce again."""
    return list(_annotate(text))


CACHED_TEXTS = 2048


CHUNK_CHARACTERS = 400
# At most CHUNK_CHARACTERS characters, ending at a space where there is one.
_CHUNK = re.compile(r"[^\n]{1,%d}(?=\s|$)|[^\n]{1,%d}" % (CHUNK_CHARACTERS, CHUNK_CHARACTERS))


@lru_cache(maxsize=CACHED_TEXTS)
def _annotate(text: str) -> tuple[Found, ...]:
    try:
        found = _run(text)
    except RecursionError:
        # deduce extends a name one word per recursion: a long run of name-like words ("A.A.A.…") exceeds
        # Python's recursion limit. Then annotate the text in pieces of at most CHUNK_CHARACTERS characters.
        found = [Found(f.start + m.start(), f.end + m.start(), f.tag, f.text)
                 for m in _CHUNK.finditer(text) for f in _run(m.group())]
    return tuple(sorted(found, key=lambda f: (f.start, f.end)))


def _run(text: str) -> list[Found]:
    engine = get_engine()
    with _run_lock:  # deduce's processors keep no per-text state, but nothing promises that: be safe.
        doc = engine.deidentify(text, disabled={"redactor"})
    return [Found(a.start_char, a.end_char, a.tag, a.text) for a in doc.annotations]
