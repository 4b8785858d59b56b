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
