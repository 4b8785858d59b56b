"""`tandem bench-families` as a smoke test: it builds through the services, refuses other data, and measures."""
import io
import json

import pytest
from django.core.management import CommandError, call_command

from tandem.cases.models import Household


def run(*args) -> dict:
    out = io.StringIO()
    call_command("bench-families", *args, stdout=out)
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_it_builds_through_the_services_and_measures():
    result = run("--households", "6", "--repeats", "1")
    assert result["visible_families"] == 6 == Household.objects.count()
    pages = ("first_page", "search_name", "filter_phase_regime", "filter_needs_attention", "sorted_by_lead_page_3",
             "work_list_page")
    assert all(result[p]["best_ms"] > 0 and result[p]["queries"] > 0 for p in pages)
    assert result["first_page"]["queries"] == result["filter_phase_regime"]["queries"]
    with pytest.raises(CommandError, match="--force"):
        run("--households", "2")
    assert run("--reuse", "--repeats", "1")["build_s"] is None


def test_it_refuses_a_database_with_other_families(family):
    with pytest.raises(CommandError, match="andere huishoudens"):
        run("--households", "2")
