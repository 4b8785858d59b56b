"""A site's existing registrations from a spreadsheet (CSV or XLSX, one row per trajectory) into Tandem.

The rows become one exchange document for that site (region, site, organisations and professionals are taken
from the database: they must exist already), which then goes through `import_document`, so every guardrail
and all-or-nothing hold as for a JSON file. Problems name the spreadsheet row and column, in Dutch. The
columns are described in docs/spreadsheet-import.md.
"""
import csv
import datetime as dt
import hashlib
import re
import zipfile
from pathlib import Path

from django.conf import settings

from tandem.cases.models import MeasureType
from tandem.exchange import files
from tandem.exchange.importer import ImportFailed, ImportResult, import_document
from tandem.organisations.models import Organisation, Site, User

MAX_MEMBERS = 6
MEMBER_COLUMNS = {"voornamen": "given_names", "tussenvoegsel": "prefix", "achternaam": "family_name",
                  "geboortedatum": "birth_date", "minderjarig": "minor", "bsn": "bsn"}
FORMS = {"consult": "consult", "groen": "green", "oranje": "orange", "rood": "red", "anders": "other"}
FORM_COLUMNS = ("organisatie", "begin", "einde", "toestemming")
MEASURE_ALIASES = {"raadsverzoek": "rvdk_request", "verzoek_raad": "rvdk_request", "gezagsbeeindiging":
                   "custody_ending", "huisverbod": "restraining_order", "contactverbod": "contact_ban",
                   "reclassering": "probation", "jeugdreclassering": "probation"}
REQUIRED = ("kenmerk_gezin", "datum_aanmelding", "maatregel_overwogen", "regiehouder", "lid1_voornamen",
            "lid1_achternaam")
COLUMNS = (*REQUIRED[:2], "kenmerk_traject", "maatregel_overwogen", "datum_afsluiting", "regiehouder",
           *(f"lid{n}_{c}" for n in range(1, MAX_MEMBERS + 1) for c in MEMBER_COLUMNS),
           *(f"{f}_{c}" for f in FORMS for c in FORM_COLUMNS), "consult_anoniem", "melding_datum",
           "melding_organisatie", "maatregel_soort", "maatregel_datum", "maatregel_vanuit_toekomsttuin")
# Where a problem inside a trajectory points in the row: the importer's field -> the column.
TRAJECTORY_PLACES = {"": "kenmerk_traject", ".ref": "kenmerk_traject", ".registered_on": "datum_aanmelding",
                     ".measure_considered_at_registration": "maatregel_overwogen", ".closed_on": "datum_afsluiting",
                     ".lead": "regiehouder", ".reports[0]": "melding_datum", ".reports[0].organisation":
                     "melding_organisatie", ".measures[0]": "maatregel_soort", ".measures[0].type": "maatregel_soort",
                     ".measures[0].on": "maatregel_datum", ".measures[0].initiated_from_site":
                     "maatregel_vanuit_toekomsttuin"}
YES, NO = {"ja", "j", "yes", "y", "1", "true", "waar"}, {"nee", "n", "no", "0", "false", "onwaar"}


# ------------------------------------------------------------------------------------------------ reading

def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


def _read_csv(path: Path) -> list[list[str]]:
    text = files.decode_utf8(files.read_bytes(str(path)), path.name)
    header = text.split("\n", 1)[0]
    delimiter = ";" if header.count(";") >= header.count(",") else ","
    lines = text.splitlines()
    files.check_rows(len(lines) - 1, path.name, "rijen")
    return [[cell.strip() for cell in row] for row in csv.reader(lines, delimiter=delimiter)]


def _read_xlsx(path: Path) -> list[list[str]]:
    """Checked as a zip first (tandem.exchange.files); openpyxl then parses with defusedxml."""
    from defusedxml import DefusedXmlException
    from openpyxl import load_workbook

    files.check_xlsx(str(path))
    try:
        book = load_workbook(path, read_only=True, data_only=True)
        try:
            return _rows_of(book.worksheets[0], path.name)
        finally:
            book.close()
    except (KeyError, IndexError, ValueError, TypeError, SyntaxError, zipfile.BadZipFile) as error:
        # openpyxl wraps the parser's error (defusedxml's refusal, xml.etree's ParseError) in a ValueError
        if _caused_by(error, DefusedXmlException):
            raise files.refuse(path.name, "Het XLSX-bestand bevat een DTD of entiteiten en wordt niet "
                                          "geopend.") from error
        raise files.refuse(path.name, "Het XLSX-bestand kan niet worden gelezen (beschadigd of geen "
                                      "Excel-werkmap).") from error


def _caused_by(error: BaseException | None, kind: type) -> bool:
    while error is not None:
        if isinstance(error, kind):
            return True
        error = error.__cause__ or error.__context__
    return False


MAX_COLUMNS = len(COLUMNS) + 20


def _rows_of(sheet, name: str) -> list[list[str]]:
    limit, rows = settings.TANDEM_IMPORT_MAX_ROWS, []
    for row in sheet.iter_rows(values_only=True, max_col=MAX_COLUMNS):
        rows.append([_cell(value) for value in row])
        if len(rows) > limit + 1:
            files.check_rows(len(rows) - 1, name, "rijen")
    return rows


def read_rows(path) -> list[tuple[int, dict]]:
    """(row number as the spreadsheet shows it, {column: text}) for every row that is not empty."""
    path = Path(path)
    if path.suffix.lower() not in (".csv", ".xlsx"):
        raise ImportFailed([(path.name, "Alleen .csv- en .xlsx-bestanden kunnen als spreadsheet worden ingelezen.")])
    table = _read_xlsx(path) if path.suffix.lower() == ".xlsx" else _read_csv(path)
    if not table:
        raise ImportFailed([(path.name, "Het bestand is leeg.")])
    header = [name.strip().lower() for name in table[0]]
    _check_header(header)
    rows = []
    for number, cells in enumerate(table[1:], start=2):
        values = {name: (cells[k] if k < len(cells) else "") for k, name in enumerate(header) if name}
        if any(values.values()):
            rows.append((number, values))
    return rows


def _check_header(header: list[str]) -> None:
    problems = [(f"kolom {name}", "Onbekende kolom (zie docs/spreadsheet-import.md voor de kolommen).")
                for name in header if name and name not in COLUMNS]
    problems += [(f"kolom {name}", "Deze kolom is verplicht maar ontbreekt in de eerste rij.")
                 for name in REQUIRED if name not in header]
    if problems:
        raise ImportFailed(problems)


# ----------------------------------------------------------------------------------------------- building

class SheetDocument:
    """Turns rows into an exchange document, noting for each place in it the row and column it came from."""

    def __init__(self, site: Site):
        self.site = site
        self.problems: list[tuple[str, str]] = []
        self.places: dict[str, str] = {}
        self.households: dict[str, dict] = {}
        self.orgs: dict[str, Organisation] = {}
        self.pros: dict[str, User] = {}

    # --- cells
    def bad(self, number: int, column: str, message: str) -> None:
        self.problems.append((f"rij {number}, kolom {column}", message))

    def date(self, number: int, row: dict, column: str, required: bool = False) -> str | None:
        text = row.get(column, "")
        if not text:
            if required:
                self.bad(number, column, "Vul een datum in (JJJJ-MM-DD of DD-MM-JJJJ).")
            return None
        for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%Y-%m-%d %H:%M:%S"):
            try:
                return dt.datetime.strptime(text, pattern).date().isoformat()
            except ValueError:
                continue
        self.bad(number, column, f"'{text}' is geen datum; schrijf JJJJ-MM-DD of DD-MM-JJJJ.")
        return None

    def yes_no(self, number: int, row: dict, column: str, default: bool | None = None) -> bool | None:
        text = row.get(column, "").lower()
        if not text:
            if default is None:
                self.bad(number, column, "Vul ja of nee in.")
            return default
        if text in YES or text in NO:
            return text in YES
        self.bad(number, column, f"'{row[column]}' is geen ja of nee.")
        return default

    def org(self, number: int, row: dict, column: str) -> str | None:
        code = row.get(column, "")
        if not code:
            self.bad(number, column, "Vul de code van de organisatie in.")
            return None
        org = Organisation.objects.select_related("site").filter(code=code).first()
        if org is None:
            self.bad(number, column, f"Organisatie {code} bestaat niet in Tandem.")
            return None
        self.orgs[code] = org
        return code

    def professional(self, number: int, row: dict, column: str) -> str | None:
        ref = row.get(column, "")
        user = User.objects.select_related("organisation").filter(ref=ref).first() if ref else None
        user = user or (User.objects.select_related("organisation").filter(username=ref, ref="").first()
                        if ref else None)
        if user is None or user.organisation is None:
            self.bad(number, column, f"Professional '{ref}' bestaat niet in Tandem." if ref else
                     "Vul de gebruikersnaam van de regiehouder in.")
            return None
        ref = user.ref or user.username
        self.pros[ref] = user
        self.orgs[user.organisation.code] = user.organisation
        return ref

    # --- rows
    def add_row(self, number: int, row: dict) -> None:
        household_ref = row.get("kenmerk_gezin", "")
        if not household_ref:
            self.bad(number, "kenmerk_gezin", "Vul het kenmerk van het gezin in.")
            return
        if household_ref not in self.households:
            self.places[f"households[{len(self.households)}]"] = f"rij {number}, kolom kenmerk_gezin"
            self.households[household_ref] = {"ref": household_ref, "site": self.site.code, "members": [],
                                              "trajectories": []}
        household = self.households[household_ref]
        path = f"households[{list(self.households).index(household_ref)}]"
        self.add_members(number, row, household, path)
        trajectory = self.trajectory(number, row, household_ref)
        path = f"{path}.trajectories[{len(household['trajectories'])}]"
        household["trajectories"].append(trajectory)
        for suffix, column in TRAJECTORY_PLACES.items():
            self.places[path + suffix] = f"rij {number}, kolom {column}"
        self.add_forms(number, row, trajectory, path)

    def trajectory(self, number: int, row: dict, household_ref: str) -> dict:
        registered_on = self.date(number, row, "datum_aanmelding", required=True)
        lead = self.professional(number, row, "regiehouder")
        data = {"ref": row.get("kenmerk_traject") or f"{household_ref}-{registered_on}",
                "registered_on": registered_on or "",
                "measure_considered_at_registration": self.yes_no(number, row, "maatregel_overwogen"),
                "closed_on": self.date(number, row, "datum_afsluiting"),
                "lead": [{"from": registered_on, "professional": lead}], "involvements": [], "consents": []}
        if row.get("melding_datum") or row.get("melding_organisatie"):
            data["reports"] = [{"on": self.date(number, row, "melding_datum", required=True),
                                "organisation": self.org(number, row, "melding_organisatie")}]
        if row.get("maatregel_soort") or row.get("maatregel_datum"):
            data["measures"] = [{"type": self.measure_type(number, row),
                                 "on": self.date(number, row, "maatregel_datum", required=True),
                                 "initiated_from_site": self.yes_no(number, row, "maatregel_vanuit_toekomsttuin",
                                                                    default=False)}]
        return data

    def measure_type(self, number: int, row: dict) -> str | None:
        text = re.sub(r"[\s-]+", "_", row.get("maatregel_soort", "").lower()).replace("ë", "e")
        found = text if text in MeasureType.values else MEASURE_ALIASES.get(text)
        if found is None:
            self.bad(number, "maatregel_soort", f"Onbekende maatregel '{row.get('maatregel_soort', '')}'; kies uit "
                     + ", ".join(sorted({*MeasureType.values, *MEASURE_ALIASES})) + ".")
        return found

    def add_forms(self, number: int, row: dict, trajectory: dict, path: str) -> None:
        for form, code in FORMS.items():
            if not any(row.get(f"{form}_{c}") for c in FORM_COLUMNS):
                continue
            k = len(trajectory["involvements"])
            item = {"form": code, "organisation": self.org(number, row, f"{form}_organisatie"),
                    "start": self.date(number, row, f"{form}_begin", required=True),
                    "end": self.date(number, row, f"{form}_einde")}
            if form == "consult" and self.yes_no(number, row, "consult_anoniem", default=False):
                item["anonymous"] = True
            trajectory["involvements"].append(item)
            for suffix, column in (("", "organisatie"), (".organisation", "organisatie"), (".start", "begin"),
                                   (".end", "einde")):
                self.places[f"{path}.involvements[{k}]{suffix}"] = f"rij {number}, kolom {form}_{column}"
            self.add_consent(number, row, form, item["organisation"], trajectory, path)

    def add_consent(self, number: int, row: dict, form: str, org: str | None, trajectory: dict, path: str) -> None:
        given_on = self.date(number, row, f"{form}_toestemming")
        consent = {"organisation": org, "given_on": given_on}
        if given_on is None or consent in trajectory["consents"]:
            return
        self.places[f"{path}.consents[{len(trajectory['consents'])}]"] = f"rij {number}, kolom {form}_toestemming"
        trajectory["consents"].append(consent)

    def add_members(self, number: int, row: dict, household: dict, path: str) -> None:
        for n in range(1, MAX_MEMBERS + 1):
            columns = {field: f"lid{n}_{name}" for name, field in MEMBER_COLUMNS.items()}
            if not any(row.get(column) for column in columns.values()):
                continue
            member = self.member(number, row, columns, household["ref"])
            if any(m["ref"] == member["ref"] for m in household["members"]):
                continue  # the same person in an earlier row of this household
            k = len(household["members"])
            self.places[f"{path}.members[{k}]"] = f"rij {number}, kolom lid{n}_voornamen"
            for field, column in columns.items():
                self.places[f"{path}.members[{k}].{field}"] = f"rij {number}, kolom {column}"
            household["members"].append(member)

    def member(self, number: int, row: dict, columns: dict, household_ref: str) -> dict:
        data = {"given_names": row.get(columns["given_names"], ""), "prefix": row.get(columns["prefix"]) or None,
                "family_name": row.get(columns["family_name"], ""),
                "birth_date": self.date(number, row, columns["birth_date"])}
        for field in ("given_names", "family_name"):
            if not data[field]:
                self.bad(number, columns[field], "Vul dit in voor elk gezinslid.")
        if data["birth_date"] is None and not row.get(columns["birth_date"]):
            data["minor"] = self.yes_no(number, row, columns["minor"])
        if row.get(columns["bsn"]):
            data["bsn"] = row[columns["bsn"]].replace(" ", "").zfill(9)
        who = "|".join(str(data.get(k) or "") for k in ("given_names", "prefix", "family_name", "birth_date"))
        digest = hashlib.sha1(f"{self.site.code}|{household_ref}|{who.lower()}".encode(),
                              usedforsecurity=False).hexdigest()[:16]  # a stable reference, not a secret
        return {"ref": f"m-{digest}", **data}

    # --- the document
    def document(self) -> dict:
        region = self.site.region
        orgs = sorted(self.orgs.values(), key=lambda o: o.code)
        sites = {self.site.code: self.site, **{o.site.code: o.site for o in orgs if o.site}}
        return {
            "format": "tandem-exchange", "version": 1,
            "region": {"code": region.code, "name": region.name, **({"programme_start": region.programme_start
                                                                    .isoformat()} if region.programme_start else {})},
            "sites": [{"code": s.code, "name": s.name, "municipality": s.municipality} for s in sites.values()],
            "organisations": [{"code": o.code, "name": o.name, "kind": o.kind, "site": o.site and o.site.code}
                              for o in orgs],
            "professionals": [{"ref": ref, "name": u.get_full_name() or u.username, "organisation":
                               u.organisation.code, "role": u.role} for ref, u in sorted(self.pros.items())],
            "households": list(self.households.values()),
        }

    def place(self, path: str) -> str:
        """The row and column of a place in the document (the nearest enclosing one that has a row)."""
        here = path
        while here:
            if here in self.places:
                return self.places[here]
            cut = max(here.rfind("."), here.rfind("["))
            here = here[:cut] if cut > 0 else ""
        return path


def _site(site_code: str) -> Site:
    site = Site.objects.select_related("region").filter(code=site_code).first()
    if site is None:
        raise ImportFailed([("--site", f"Toekomsttuin {site_code} bestaat niet in Tandem.")])
    return site


def build(path, *, site_code: str) -> SheetDocument:
    """Read the spreadsheet into a `SheetDocument`; raises `ImportFailed` when a cell cannot be read."""
    sheet = SheetDocument(_site(site_code))
    rows = read_rows(path)
    if not rows:
        raise ImportFailed([(Path(path).name, "Het bestand bevat geen rijen onder de kopregel.")])
    for number, row in rows:
        sheet.add_row(number, row)
    if sheet.problems:
        raise ImportFailed(sheet.problems)
    return sheet


def read_spreadsheet(path, *, site_code: str) -> dict:
    """The spreadsheet as an exchange document for the site (nothing imported yet)."""
    return build(path, site_code=site_code).document()


def import_spreadsheet(path, *, site_code: str, today: dt.date | None = None, progress=None) -> ImportResult:
    """Import a site's spreadsheet through `import_document`, all or nothing. Problems name the row and column.
    `progress(done, total)` as in `import_document`."""
    sheet = build(path, site_code=site_code)
    try:
        return import_document(sheet.document(), today=today, progress=progress)
    except ImportFailed as failed:
        raise ImportFailed([(sheet.place(where), message) for where, message in failed.problems]) from failed
