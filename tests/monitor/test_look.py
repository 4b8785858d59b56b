"""How the monitor pages read (issue "Tandem 6"): form colours that match their names, quarter labels that do not
run together, tables in scroll regions, a table per site on the region page, and an index that opens the last
finished quarter."""
import datetime as dt

import pytest
from django.utils import timezone

from tandem.monitor import presentation, rules
from tandem.monitor.rules import Quarter, last_finished

GREEN, ORANGE, RED = "#1e6b34", "#a04800", "#b3261e"


def _forms_chart(quarters=("2024-Q2", "2024-Q3")):
    report = {"active": 1, "A": 1, "B": 0, "E": 0, "F_measures_sum": 0, "F": {"rvdk_request": 0},
              "D": {form: {"households": 1} for form in rules.FORMS}}
    return presentation.trend_charts([{**report, "quarter": q} for q in quarters])[1]


def test_groen_is_green_oranje_orange_rood_red_in_the_chart_and_legend():
    series = {s["name"]: s for s in _forms_chart().series}
    assert (series["Groen"]["colour"], series["Oranje"]["colour"], series["Rood"]["colour"]) == (GREEN, ORANGE, RED)
    assert (series["Groen"]["key"], series["Oranje"]["key"], series["Rood"]["key"]) == ("green", "orange", "red")
    assert len({s["marker"] for s in series.values() if s["name"] != "Anders"}) == 4  # shapes differ too


def test_other_charts_use_no_form_colour():
    """Red or green in another chart would read as 'Rood' or 'Groen'."""
    colours = {style[0] for style in presentation.SERIES_STYLE}
    assert not colours & {GREEN, ORANGE, RED}


def test_quarter_labels_never_run_together():
    quarters = [q.label for q in rules.quarters_from(Quarter(2024, 2), Quarter(2026, 3))]
    labels = presentation.quarter_labels(quarters)
    assert labels[0]["label"] == "Q2" and labels[0]["year"] == "2024"
    assert all("-" not in label["label"] for label in labels)
    assert [label["year"] for label in labels if label["year"]] == ["2024", "2025", "2026"]
    xs = [label["x"] for label in labels]
    assert min(b - a for a, b in zip(xs, xs[1:])) >= 40  # room for 'Q2' at 12px


def test_many_quarters_are_thinned_to_fit():
    quarters = [q.label for q in rules.quarters_from(Quarter(2020, 1), Quarter(2026, 4))]  # 28
    labels = presentation.quarter_labels(quarters)
    assert len(labels) <= presentation.MAX_X_LABELS
    xs = [label["x"] for label in labels]
    assert min(b - a for a, b in zip(xs, xs[1:])) >= 40


@pytest.mark.parametrize(("today", "expected"), [
    (dt.date(2025, 4, 1), "2025-Q1"), (dt.date(2025, 3, 31), "2024-Q4"), (dt.date(2025, 1, 1), "2024-Q4"),
    (dt.date(2025, 12, 31), "2025-Q3"),
])
def test_the_last_finished_quarter(today, expected):
    assert last_finished(today).label == expected


def test_never_before_the_programme_started():
    assert last_finished(dt.date(2025, 5, 1), first=Quarter(2025, 2)).label == "2025-Q2"


def test_site_table_puts_the_sites_and_the_region_side_by_side():
    def report(active):
        return {"active": active, "A": 1, "B": 0, "C": 0, "E": 0, "F_measures_sum": 2,
                "D": {form: {"households": active if form == "red" else 0} for form in rules.FORMS}}
    table = presentation.site_table([("Hilversum", report(3)), ("Huizen", None)], ("Regio GV", report(3)))
    assert table["headers"] == ["Hilversum", "Huizen", "Regio GV"]
    rows = dict(table["rows"])
    assert rows["Actieve huishoudens"] == ["3", "–", "3"] and rows["D. Rood: huishoudens"] == ["3", "–", "3"]


@pytest.mark.django_db
def test_index_links_to_the_last_finished_quarter(client, actors):
    client.force_login(actors["coordinator"])
    html = client.get("/monitor/").content.decode()
    finished = last_finished(timezone.localdate()).label
    running = rules.quarter_of(timezone.localdate()).label
    assert f'/monitor/regio/GV/{finished}/"' in html
    assert f"/{running}/\"" not in html


@pytest.mark.django_db
def test_region_page_has_a_table_per_site_and_scrollable_tables(client, actors, family):
    client.force_login(actors["coordinator"])
    html = client.get("/monitor/regio/GV/2025-Q1/").content.decode()
    assert 'id="per-toekomsttuin"' in html and "Toekomsttuin Hilversum" in html and "Toekomsttuin Huizen" in html
    assert html.count('class="table-scroll" role="region"') >= 4
    assert "Periode 1 januari 2025 tot en met 31 maart 2025" in html  # no ISO dates


@pytest.mark.django_db
def test_a_partner_sees_no_site_columns(client, actors, family):
    """A Veilig Thuis worker may open the region's monitor, not the sites': no figures per site."""
    client.force_login(actors["partner"])
    html = client.get("/monitor/regio/GV/2025-Q1/").content.decode()
    assert "Regio" in html and 'id="per-toekomsttuin"' not in html


def test_the_monitor_files_write_the_period_in_dutch():
    from tandem.monitor.exports import _period
    assert _period({"period": {"start": "2025-01-01", "end": "2025-03-31"}}) == (
        "1 januari 2025 tot en met 31 maart 2025")
