"""Date arithmetic the rules and the monitor share."""
import calendar
import datetime as dt


def age_on(birth_date: dt.date, day: dt.date) -> int:
    """Age in whole years. Born on 29 February: a year older on 1 March in years without that day."""
    years = day.year - birth_date.year
    if (day.month, day.day) < (birth_date.month, birth_date.day):
        years -= 1
    return years


def add_months(day: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has no such day."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
          "november", "december")


def dutch_date(day: dt.date | None, empty: str = "") -> str:
    """The one date format of the interface: '23 april 2025' (a datetime: its date in Dutch time)."""
    if day is None or day == "":
        return empty
    if isinstance(day, dt.datetime):
        from django.utils import timezone  # only here: the rules that call this stay free of Django
        day = timezone.localtime(day) if timezone.is_aware(day) else day
        day = day.date()
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def dutch_datetime(moment: dt.datetime | None, empty: str = "") -> str:
    """'23 april 2025 om 14:05', in Dutch time."""
    if moment is None or moment == "":
        return empty
    if not isinstance(moment, dt.datetime):
        return dutch_date(moment, empty)
    from django.utils import timezone
    local = timezone.localtime(moment) if timezone.is_aware(moment) else moment
    return f"{dutch_date(local.date())} om {local:%H:%M}"
