"""deduce runs offline from the PyPI package, writes nothing, is loaded once per process and leaves logging alone."""
import logging
import socket
import threading

import pytest

from tandem.privacy import engine


def test_the_engine_is_built_once_even_when_many_threads_ask_at_once(monkeypatch):
    monkeypatch.setattr(engine, "_engine", None)
    builds = []
    real_build = engine._build
    monkeypatch.setattr(engine, "_build", lambda: builds.append(1) or real_build())
    results = []
    threads = [threading.Thread(target=lambda: results.append(engine.get_engine())) for _ in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(builds) == 1
    assert len({id(r) for r in results}) == 1


def test_building_needs_no_network_and_writes_no_cache(monkeypatch):
    import deduce.lookup_structs

    def no_network(*args, **kwargs):
        raise AssertionError("deduce tried to use the network")

    def no_cache(*args, **kwargs):
        raise AssertionError("deduce tried to write its lookup cache")

    monkeypatch.setattr(socket.socket, "connect", no_network)
    monkeypatch.setattr(deduce.lookup_structs, "cache_lookup_structs", no_cache)
    built = engine._build()
    assert [f.tag for f in built.deidentify("Gesprek met Fatima de Vries.").annotations] == ["persoon"]


def test_importing_deduce_leaves_the_root_logger_alone():
    root = logging.getLogger()
    before = (list(root.handlers), root.level)
    engine._import_deduce()
    assert (list(root.handlers), root.level) == before


@pytest.mark.parametrize(("text", "tags"), [
    ("Op 3 maart 2024 belde Jan de Vries.", {"datum", "persoon"}),
    ("Mail jan@example.nl of bel 06-12345678.", {"emailadres", "telefoonnummer"}),
])
def test_annotate_returns_deduce_tags_with_positions(text, tags):
    found = engine.annotate(text)
    assert {f.tag for f in found} == tags
    assert all(text[f.start:f.end] == f.text for f in found)
