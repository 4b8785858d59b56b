"""The worked examples of `<shared>/spec/examples/`: import scenario.json into an empty database, then every
`expected/<scope>_<quarter>.json` must come out of the monitor. Counts and intensity classes exactly,
`avg_hours_per_week` within 0.01 and percentages within 0.1 (spec/examples/README.md)."""
import json
from pathlib import Path

import pytest
from django.db import transaction

from tandem.monitor.queries import compute_monitor


def repo_root() -> Path:
    here = Path(__file__).resolve()
    return next(parent for parent in here.parents if (parent / "pyproject.toml").exists())


EXAMPLE = repo_root().parent / "shared" / "spec" / "examples" / "gooi-en-vechtstreek"
EXPECTED = sorted((EXAMPLE / "expected").glob("*.json")) if EXAMPLE.is_dir() else []
TOLERANCE = {"avg_hours_per_week": 0.01}
PCT_TOLERANCE = 0.1

pytestmark = [
    pytest.mark.skipif(not EXAMPLE.is_dir(), reason=f"the shared examples are not here: {EXAMPLE}"),
    pytest.mark.django_db,  # so that pytest-django sets up the test database the module fixture fills
]


def scope_and_quarter(path: Path) -> tuple[dict, str]:
    """`site-HLV_2025-Q1.json` → ({"site": "HLV"}, "2025-Q1")."""
    scope, quarter = path.stem.split("_")
    kind, code = scope.split("-", 1)
    return {kind: code}, quarter


def import_scenario() -> None:
    from tandem.exchange.importer import ImportFailed, import_document

    data = json.loads((EXAMPLE / "scenario.json").read_text(encoding="utf-8"))
    try:
        import_document(data)
    except ImportFailed as failure:
        pytest.fail("The importer refused scenario.json:\n" + "\n".join(failure.lines()), pytrace=False)


@pytest.fixture(scope="module")
def monitors(django_db_setup, django_db_blocker) -> dict[str, dict]:
    """Import once for the module, compute every expected monitor, then roll everything back."""
    with django_db_blocker.unblock(), transaction.atomic():
        import_scenario()
        results = {path.name: compute_monitor(quarter=scope_and_quarter(path)[1], **scope_and_quarter(path)[0])
                   for path in EXPECTED}
        transaction.set_rollback(True)
    return json.loads(json.dumps(results))


def tolerance_for(key: str) -> float:
    if key in TOLERANCE:
        return TOLERANCE[key]
    return PCT_TOLERANCE if "pct" in key else 0


def differences(expected, actual, path: str = "") -> list[str]:
    if isinstance(expected, dict) and isinstance(actual, dict):
        found = [f"{path}.{key}: missing" for key in expected if key not in actual]
        for key in expected.keys() & actual.keys():
            found += differences(expected[key], actual[key], f"{path}.{key}")
        return found
    key = path.rsplit(".", 1)[-1]
    numbers = all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (expected, actual))
    if numbers and abs(expected - actual) <= tolerance_for(key) + 1e-9:
        return []
    return [] if expected == actual else [f"{path}: expected {expected!r}, got {actual!r}"]


@pytest.mark.parametrize("path", EXPECTED, ids=[path.stem for path in EXPECTED])
def test_monitor_matches_the_worked_example(path, monitors):
    expected = json.loads(path.read_text(encoding="utf-8"))
    assert differences(expected, monitors[path.name]) == []


def test_every_scope_and_quarter_of_the_examples_is_covered():
    assert len(EXPECTED) >= 28
    assert {scope_and_quarter(p)[0].get("region") for p in EXPECTED} >= {"GV"}
