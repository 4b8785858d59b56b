"""The tandem picture is a pure function: plain periods in, geometry and an equivalent table out."""
import datetime as dt

from tandem.cases.tandem_picture import (
    LABEL_WIDTH,
    RIGHT_MARGIN,
    WIDTH,
    Period,
    build_picture,
    subtract,
)

D = dt.date


def picture(**kwargs):
    base = {"registered_on": D(2025, 1, 1), "closed_on": None, "today": D(2025, 4, 30),
            "leads": [Period("Anna", "Lokaal team", D(2025, 1, 1), D(2025, 2, 28)),
                      Period("Bram", "Veilig Thuis", D(2025, 3, 1))],
            "team": [Period("Anna", "Lokaal team", D(2025, 1, 1)), Period("Bram", "Veilig Thuis", D(2025, 2, 1))]}
    base.update(kwargs)
    return build_picture(**base)


def test_subtract_removes_lead_days_from_team_days():
    assert subtract(D(2025, 1, 1), D(2025, 1, 31), [(D(2025, 1, 10), D(2025, 1, 20))]) == [
        (D(2025, 1, 1), D(2025, 1, 9)), (D(2025, 1, 21), D(2025, 1, 31))]
    assert subtract(D(2025, 1, 1), D(2025, 1, 31), [(D(2024, 12, 1), D(2025, 2, 1))]) == []


def test_front_lane_has_one_bar_per_lead_period_alternating():
    pic = picture()
    front = pic.lanes[0]
    assert front.place == "voorop"
    assert [b.person for b in front.bars] == ["Anna", "Bram"]
    assert [b.shade for b in front.bars] == [0, 1]
    assert front.bars[0].x == LABEL_WIDTH
    assert abs(front.bars[1].x + front.bars[1].width - (WIDTH - RIGHT_MARGIN)) < 0.2  # runs to today


def test_back_lanes_show_team_time_when_not_leading():
    pic = picture()
    back = {lane.label: lane for lane in pic.lanes[1:]}
    assert set(back) == {"Anna (Lokaal team)", "Bram (Veilig Thuis)"}
    anna = back["Anna (Lokaal team)"].bars
    assert [(b.start, b.end) for b in anna] == [(D(2025, 3, 1), None)]  # on the back after the switch, still on
    bram = back["Bram (Veilig Thuis)"].bars
    assert [(b.start, b.end) for b in bram] == [(D(2025, 2, 1), D(2025, 2, 28))]


def test_table_rows_match_the_picture_in_date_order():
    rows = picture().rows
    assert [(r.place, r.person, r.start) for r in rows] == [
        ("voorop", "Anna", D(2025, 1, 1)), ("achterop", "Bram", D(2025, 2, 1)),
        ("voorop", "Bram", D(2025, 3, 1)), ("achterop", "Anna", D(2025, 3, 1))]


def test_closed_trajectory_ends_at_closure_and_says_so():
    pic = picture(closed_on=D(2025, 3, 31))
    assert pic.last == D(2025, 3, 31)
    assert "tot de afsluiting op 31 maart 2025" in pic.description


def test_description_names_leads_and_counts_back_riders():
    desc = picture().description
    assert "Voorop (regie): Anna vanaf 1 januari 2025, Bram vanaf 1 maart 2025" in desc
    assert "Achterop: 2 personen" in desc


def test_ticks_are_month_starts_and_thinned():
    pic = picture(today=D(2026, 12, 31))
    assert len(pic.ticks) <= 8
    assert pic.ticks[0].label == "jan 2025"
    short = picture(registered_on=D(2025, 1, 5), today=D(2025, 1, 20), leads=[], team=[])
    assert [t.label for t in short.ticks] == ["jan 2025"]


def test_registration_today_still_has_a_visible_bar():
    pic = picture(registered_on=D(2025, 4, 30), leads=[Period("Anna", "Lokaal team", D(2025, 4, 30))], team=[])
    assert pic.lanes[0].bars[0].width >= 2


def test_back_rider_bars_are_cut_by_their_organisations_form():
    from tandem.cases.tandem_picture import Episode
    episodes = [Episode("Veilig Thuis", "green", "Groen (met toestemming)", D(2025, 2, 1), D(2025, 2, 14)),
                Episode("Veilig Thuis", "orange", "Oranje (met wettelijke bevoegdheden)", D(2025, 2, 15)),
                Episode("Lokaal team", "red", "Rood", D(2025, 1, 1))]  # another organisation: not Bram's
    pic = picture(involvements=episodes)
    bram = next(lane for lane in pic.lanes if lane.label == "Bram (Veilig Thuis)")
    assert [(b.form, b.start, b.end) for b in bram.bars] == [("green", D(2025, 2, 1), D(2025, 2, 14)),
                                                            ("orange", D(2025, 2, 15), D(2025, 2, 28))]
    assert [r.form_label for r in pic.rows if r.person == "Bram" and r.place == "achterop"] == [
        "Groen (met toestemming)", "Oranje (met wettelijke bevoegdheden)"]
    assert ("green", "Groen (met toestemming)") in pic.legend and ("orange", "Oranje (met wettelijke bevoegdheden)") in pic.legend


def test_days_without_an_episode_say_so():
    from tandem.cases.tandem_picture import Episode, by_form
    pieces = by_form(D(2025, 2, 1), D(2025, 2, 28), [Episode("VT", "green", "Groen", D(2025, 2, 10), D(2025, 2, 20))],
                     D(2025, 4, 30))
    assert [(p[0], p[1], p[2]) for p in pieces] == [(D(2025, 2, 1), D(2025, 2, 9), "none"),
                                                    (D(2025, 2, 10), D(2025, 2, 20), "green"),
                                                    (D(2025, 2, 21), D(2025, 2, 28), "none")]


def test_without_the_involvements_no_form_is_shown():
    """Someone who may not see the involvements sees the riders, not their forms (and no legend)."""
    pic = picture()
    assert all(bar.form == "" for lane in pic.lanes for bar in lane.bars) and pic.legend == []


def test_long_names_are_kept_whole():
    long = "Wilhelmina Alexandra van Oranje-Nassau-Vollenhoven"
    pic = picture(team=[Period(long, "Gecertificeerde instelling Jeugdbescherming Regio", D(2025, 2, 1))])
    assert pic.lanes[1].label == f"{long} (Gecertificeerde instelling Jeugdbescherming Regio)"
