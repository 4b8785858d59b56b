"""Checks on the document alone, before anything touches the database.

1. Structure: the JSON Schema that ships as `schema.json` (draft 2020-12), with Dutch messages.
2. The document as a whole: refs unique within their kind, every reference pointing at something in the
   document, BSN elfproef, no date after the day of import.

The legal guardrails themselves (consent before green, report before orange, …) are not repeated here: the
import runs every change through `tandem.cases.services`, which apply them as on screen.
"""
import datetime as dt
import json
from functools import cache
from importlib import resources

from jsonschema import Draft202012Validator

from tandem.cases import rules
from tandem.core.exceptions import RuleViolation
from tandem.core.text import check_text

Problem = tuple[str, str]

# Keys that hold a date of something that happened (the programme start may lie ahead: not checked).
EVENT_DATE_KEYS = {"birth_date", "registered_on", "closed_on", "from", "joined_on", "left_on", "start", "end",
                   "on", "given_on", "withdrawn_on"}

TYPE_NAMES = {"string": "tekst", "number": "een getal", "integer": "een geheel getal", "boolean": "true of false",
              "array": "een lijst", "object": "een object", "null": "leeg (null)"}


@cache
def load_schema() -> dict:
    return json.loads(resources.files("tandem.exchange").joinpath("schema.json").read_text(encoding="utf-8"))


def path_str(parts) -> str:
    """('households', 3, 'closed_on') -> 'households[3].closed_on'."""
    text = ""
    for part in parts:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(document)"


def _fmt(day: dt.date) -> str:
    return day.strftime("%d-%m-%Y")


# ---------------------------------------------------------------------------------------------- structure

def _schema_messages(error) -> list[Problem]:
    """One jsonschema error as (path, Dutch message) pairs."""
    here = list(error.absolute_path)
    kind, value, instance = error.validator, error.validator_value, error.instance
    if kind == "required":
        missing = [name for name in value if name not in instance]
        return [(path_str(here + [name]), "Dit veld is verplicht maar ontbreekt.") for name in missing]
    if kind == "additionalProperties":
        known = error.schema.get("properties", {})
        return [(path_str(here + [name]), "Onbekend veld: dit hoort niet in het uitwisselformaat.")
                for name in instance if name not in known]
    return [(path_str(here), _value_message(kind, value, instance))]


def _value_message(kind: str, value, instance) -> str:
    if kind == "type":
        kinds = value if isinstance(value, list) else [value]
        return "Verwacht " + " of ".join(TYPE_NAMES.get(k, k) for k in kinds) + "."
    if kind == "enum":
        return f"Onbekende waarde {json.dumps(instance, ensure_ascii=False)}; kies uit: {', '.join(map(str, value))}."
    if kind == "const":
        return f"Moet {json.dumps(value, ensure_ascii=False)} zijn."
    if kind == "format":
        return "Geen geldige datum; schrijf datums als JJJJ-MM-DD."
    if kind in ("exclusiveMinimum", "minimum", "maximum", "exclusiveMaximum"):
        return "Vul een aantal uren in groter dan 0 en hoogstens 24."
    if kind == "minLength":
        return "Mag niet leeg zijn."
    if kind == "maxLength":
        return f"Te lang: hoogstens {value} tekens."
    if kind == "minItems":
        return f"Vul er ten minste {value} in."
    if kind == "pattern":
        return "Een BSN bestaat uit 9 cijfers." if "9" in value else "Schrijf een kwartaal als JJJJ-Qn."
    return f"Voldoet niet aan het uitwisselformaat ({kind})."


def check_structure(data) -> list[Problem]:
    validator = Draft202012Validator(load_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)
    problems: list[Problem] = []
    for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.absolute_path]):
        for problem in _schema_messages(error):
            if problem not in problems:
                problems.append(problem)
    return problems


# ------------------------------------------------------------------------------------ the whole document

def _unique(items, key: str, what: str, problems: list[Problem]) -> set:
    seen = set()
    for path, item in items:
        value = item[key]
        if value in seen:
            problems.append((f"{path}.{key}", f"{what} '{value}' komt twee keer voor in het bestand."))
        seen.add(value)
    return seen


def _enumerate(data: dict, key: str, prefix: str = ""):
    return [(f"{prefix}{key}[{i}]", item) for i, item in enumerate(data.get(key) or [])]


def _points_at(path: str, value, known: set, what: str, problems: list[Problem]) -> None:
    if value is not None and value not in known:
        problems.append((path, f"Onbekende verwijzing '{value}': er is geen {what} met deze code in het bestand."))


def _check_trajectory_refs(path: str, trajectory: dict, known: dict, members: set, problems: list[Problem]):
    for key, field, kind in (("lead", "professional", "pros"), ("team", "professional", "pros"),
                             ("involvements", "organisation", "orgs"), ("consents", "organisation", "orgs"),
                             ("consents", "given_by", "members"), ("reports", "organisation", "orgs"),
                             ("measures", "subject", "members"), ("measures", "handled_by", "pros"),
                             ("expert_contacts", "expert", "pros")):
        targets = members if kind == "members" else known[kind]
        what = {"pros": "professional", "orgs": "organisatie", "members": "lid van dit gezin"}[kind]
        for item_path, item in _enumerate(trajectory, key, path + "."):
            _points_at(f"{item_path}.{field}", item.get(field), targets, what, problems)


def check_references(data: dict) -> list[Problem]:
    """Refs unique within their kind; every reference points at something in the document."""
    problems: list[Problem] = []
    households = _enumerate(data, "households")
    members = [(f"{hp}.members[{j}]", m) for hp, h in households for j, m in enumerate(h["members"])]
    trajectories = [(f"{hp}.trajectories[{j}]", t) for hp, h in households for j, t in enumerate(h["trajectories"])]
    known = {"sites": _unique(_enumerate(data, "sites"), "code", "Toekomsttuin", problems),
             "orgs": _unique(_enumerate(data, "organisations"), "code", "Organisatie", problems),
             "pros": _unique(_enumerate(data, "professionals"), "ref", "Professional", problems)}
    _unique(households, "ref", "Gezin", problems)
    _unique(members, "ref", "Gezinslid", problems)
    _unique(trajectories, "ref", "Traject", problems)
    for path, org in _enumerate(data, "organisations"):
        _points_at(f"{path}.site", org.get("site"), known["sites"], "toekomsttuin", problems)
    for path, pro in _enumerate(data, "professionals"):
        _points_at(f"{path}.organisation", pro["organisation"], known["orgs"], "organisatie", problems)
    for path, exp in _enumerate(data, "experiences"):
        _points_at(f"{path}.site", exp["site"], known["sites"], "toekomsttuin", problems)
    for hp, household in households:
        _points_at(f"{hp}.site", household["site"], known["sites"], "toekomsttuin", problems)
        refs = {m["ref"] for m in household["members"]}
        for j, trajectory in enumerate(household["trajectories"]):
            _check_trajectory_refs(f"{hp}.trajectories[{j}]", trajectory, known, refs, problems)
    return problems


def check_values(data: dict, today: dt.date) -> list[Problem]:
    """BSN elfproef, no event dated after the day of import, no NUL character or endless text anywhere."""
    problems: list[Problem] = []
    _check_texts(data, [], problems)
    for hi, household in enumerate(data.get("households") or []):
        for mi, member in enumerate(household["members"]):
            try:
                rules.check_bsn(member.get("bsn") or "")
            except RuleViolation as violation:
                problems.append((f"households[{hi}].members[{mi}].bsn", violation.message))
            try:
                born = member.get("birth_date")
                rules.check_birth_date(dt.date.fromisoformat(born) if isinstance(born, str) else None)
            except RuleViolation as violation:
                problems.append((f"households[{hi}].members[{mi}].birth_date", violation.message))
    _check_dates(data, [], today, problems)
    return problems


def _check_texts(node, here: list, problems: list[Problem]) -> None:
    """Every string of the document through `check_text` (the services check their own fields again)."""
    if isinstance(node, str):
        try:
            check_text(node, field="")
        except RuleViolation as violation:
            problems.append((path_str(here), violation.message))
    elif isinstance(node, (list, dict)):
        for key, value in (enumerate(node) if isinstance(node, list) else node.items()):
            _check_texts(value, here + [key], problems)


def _check_dates(node, here: list, today: dt.date, problems: list[Problem]) -> None:
    if isinstance(node, list):
        for i, item in enumerate(node):
            _check_dates(item, here + [i], today, problems)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in EVENT_DATE_KEYS and isinstance(value, str) and dt.date.fromisoformat(value) > today:
                message = (f"De datum {_fmt(dt.date.fromisoformat(value))} ligt na de dag van import "
                           f"({_fmt(today)}). Registreer alleen wat al gebeurd is.")
                problems.append((path_str(here + [key]), message))
            elif key != "experiences":
                _check_dates(value, here + [key], today, problems)
