"""`tandem bench` at a small size: a smoke test (CI never runs the million)."""
import datetime as dt
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tandem.cases.models import Household, Involvement, Member, TimeEntry, Trajectory
from tandem.monitor import bench

pytestmark = pytest.mark.django_db


def run(*args) -> dict:
    out = io.StringIO()
    call_command("bench", *args, stdout=out, stderr=io.StringIO())
    return json.loads(out.getvalue())


def test_a_small_benchmark_builds_measures_and_agrees_with_duckdb():
    figures = run("--households", "300", "--sites", "6", "--regions", "2", "--seed", "7")
    assert figures["households"] == Household.objects.count() == 300
    assert Member.objects.count() > 300 and Trajectory.objects.count() >= 300
    assert Involvement.objects.exists() and TimeEntry.objects.exists()
    for key in ("site_ms", "region_ms", "national_ms", "region_page_ms", "direct_national_ms"):
        assert figures[key] > 0
    assert figures["ledger_equals_direct"] and figures["ledger_build_s"] is not None
    if figures["duckdb_national_ms"] is None:
        assert "niet geïnstalleerd" in figures["duckdb_note"]
    else:
        assert figures["duckdb_matches"], figures.get("duckdb_differences")


def test_the_same_seed_gives_the_same_data():
    run("--households", "50", "--sites", "2", "--regions", "1", "--seed", "3")
    first = sorted((r, c or dt.date.min) for r, c in Trajectory.objects.values_list("registered_on", "closed_on"))
    run("--households", "50", "--sites", "2", "--regions", "1", "--seed", "3", "--force")
    assert sorted((r, c or dt.date.min) for r, c in Trajectory.objects.values_list("registered_on", "closed_on")) == first
    assert Household.objects.count() == 50


def test_existing_benchmark_data_needs_force():
    run("--households", "20", "--sites", "2", "--regions", "1")
    with pytest.raises(CommandError, match="--force"):
        run("--households", "20", "--sites", "2", "--regions", "1")


def test_never_mixes_with_real_data(build, site):
    build.trajectory(build.household(site), dt.date(2025, 1, 6))
    for extra in ((), ("--force",)):
        with pytest.raises(CommandError, match="1 echte huishoudens"):
            run("--households", "20", "--sites", "2", "--regions", "1", *extra)
    assert Household.objects.count() == 1


def test_reuse_measures_without_building():
    run("--households", "20", "--sites", "2", "--regions", "1")
    figures = run("--reuse")
    assert figures["households"] == 20 and figures["build_s"] is None


def test_without_duckdb_it_says_so(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def refuse(name, *args, **kwargs):
        if name == "duckdb":
            raise ImportError("geen duckdb", name="duckdb")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", refuse)
    figures = run("--households", "20", "--sites", "2", "--regions", "1")
    assert figures["duckdb_national_ms"] is None and "duckdb is niet geïnstalleerd" in figures["duckdb_note"]


def test_best_of_takes_the_fastest():
    assert bench.best_of(lambda: None) < 50
