"""One Dutch way of writing dates and counts: the template filters |datum, |datum_tijd and |aantal (built in)."""
import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template

from tandem.appearance.templatetags.dutch import aantal, datum, datum_tijd
from tandem.core.dates import dutch_date, dutch_datetime


def render(text: str, **context) -> str:
    return Template(text).render(Context(context))


def test_a_date_reads_day_month_year_in_dutch():
    assert datum(dt.date(2025, 4, 23)) == "23 april 2025"
    assert datum(dt.date(2026, 12, 1)) == "1 december 2026"  # no leading zero
    assert [dutch_date(dt.date(2025, m, 1)).split()[1] for m in (1, 3, 5, 10)] == ["januari", "maart", "mei", "oktober"]


def test_a_moment_is_shown_in_dutch_time():
    late_utc = dt.datetime(2025, 4, 30, 23, 30, tzinfo=dt.UTC)  # 1 May, 01:30 in Amsterdam (summer time)
    assert datum_tijd(late_utc) == "1 mei 2025 om 01:30"
    assert datum(late_utc) == "1 mei 2025"  # the date of a moment is the Dutch date
    winter = dt.datetime(2025, 1, 15, 9, 5, tzinfo=ZoneInfo("Europe/Amsterdam"))
    assert dutch_datetime(winter) == "15 januari 2025 om 09:05"


@pytest.mark.parametrize("empty", [None, ""])
def test_no_date_gives_nothing_so_default_still_works(empty):
    assert datum(empty) == "" and datum_tijd(empty) == ""
    assert render('{{ end|datum|default:"nu" }}', end=empty) == "nu"


def test_the_filters_are_built_in_for_every_template():
    assert render("{{ d|datum }} · {{ n|aantal:'netwerkberaad,netwerkberaden' }}", d=dt.date(2025, 4, 23), n=2) == (
        "23 april 2025 · 2 netwerkberaden")


@pytest.mark.parametrize(("count", "expected"), [(0, "0 netwerkberaden"), (1, "1 netwerkberaad"),
                                                 (2, "2 netwerkberaden"), ("1", "1 netwerkberaad")])
def test_a_count_takes_the_right_dutch_form(count, expected):
    assert aantal(count, "netwerkberaad,netwerkberaden") == expected


def test_a_list_is_counted_by_its_length():
    assert aantal(["a"], "gezin,gezinnen") == "1 gezin" and aantal([], "gezin,gezinnen") == "0 gezinnen"


def test_no_iso_or_dd_mm_yyyy_dates_left_in_the_templates():
    """Templates write dates only through |datum and |datum_tijd (one format everywhere)."""
    from pathlib import Path

    import tandem
    templates = Path(tandem.__file__).parent / "templates"
    offenders = [str(p.relative_to(templates)) for p in templates.rglob("*.html") if '|date:"' in p.read_text()]
    assert offenders == []


def test_python_counts_use_the_same_rule():
    from tandem.core.counting import counted
    assert counted(1, "gezin", "gezinnen") == "1 gezin" and counted(3, "gezin", "gezinnen") == "3 gezinnen"


def test_a_programme_target_counts_right(db):
    from tandem.programme.models import Target
    target = Target(year=2025, families=1, comparison="at_least")
    assert str(target).endswith("1 gezin") and "gezinnen" not in str(target)
