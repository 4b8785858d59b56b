"""Triage decisions and journal notes for the demo trajectories, added through the services.

`extra_steps` is handed to `import_document`, which runs these dated steps among the trajectory's own, so a
triage or note lands while the trajectory is still open. Notes are plain Dutch and keep facts, observations
and opinions apart, with their source, and the family's own view next to the worker's (hoor en wederhoor).
"""
import datetime as dt
import random
from functools import partial

from tandem.cases.services import journal_entry_add, triage_record
from tandem.demo import plans
from tandem.demo.generator import SEED
from tandem.organisations.models import User
from tandem.core.dates import dutch_date

REASONS = [
    "Er is veel ruzie thuis en de kinderen zien en horen dat.",
    "School maakt zich zorgen: {child} is vaak afwezig en lijkt moe.",
    "De politie is twee keer langs geweest na meldingen van de buren over geschreeuw.",
    "Er zijn grote schulden en de spanning in huis loopt op.",
    "{parent} vertelt het niet meer aan te kunnen en wil hulp bij de opvoeding.",
    "De huisarts zag blauwe plekken bij {child} en heeft contact opgenomen met het lokaal team.",
]
ADULT_REASONS = [
    "De buren hoorden vaak geschreeuw en maken zich zorgen over {other}.",
    "De wijkagent meldt dat {other} na een ruzie met {parent} de nacht bij een vriend doorbracht.",
    "{parent} vertelt dat de zorg voor {other} te zwaar wordt en dat er thuis harde woorden vallen.",
]
OBSERVATIONS = [
    "Bij het huisbezoek was het rustig in huis. {child} speelde en zocht af en toe contact met {parent}.",
    "{parent} oogde moe en praatte snel. De woonkamer was opgeruimd; in de keuken stond veel afwas.",
    "{child} bleef dicht bij {parent} en gaf weinig antwoord op vragen.",
    "Tijdens het gesprek was er geen ruzie. {parent} en {child} lachten samen om een foto.",
]
ADULT_OBSERVATIONS = [
    "Bij het huisbezoek was het rustig. {parent} en {other} zaten samen aan tafel en lieten elkaar uitpraten.",
    "{other} zei weinig en keek vaak naar {parent} voordat er een antwoord kwam.",
]
OPINIONS = [
    ("Ik denk dat het gezin vooruitgaat, maar de afspraken uit het veiligheidsplan moeten nog wennen.",
     "{parent} vindt dat het al veel beter gaat en wil minder gesprekken."),
    ("Ik maak me zorgen over de avonden, als er gedronken wordt.",
     "{parent} zegt dat er sinds de afspraken niet meer gedronken wordt als er ruzie dreigt."),
    ("Mijn inschatting is dat er meer steun uit het netwerk nodig is.",
     "{parent} wil eerst zelf met de eigen familie praten voordat het netwerk erbij komt."),
]


def _fmt(day: dt.date) -> str:
    return dutch_date(day)


def _names(trajectory) -> dict:
    """First names to use in notes: `parent` (member 1), and `child` (the youngest) or `other` (adult)."""
    members = sorted(trajectory.household.members.all(), key=lambda m: m.ref)  # m1 is the first parent
    adults = [m for m in members if m.birth_date and (trajectory.registered_on - m.birth_date).days >= 18 * 365]
    children = sorted((m for m in members if m not in adults), key=lambda m: m.birth_date)
    if children:
        return {"parent": adults[0].given_names, "child": children[-1].given_names}
    return {"parent": adults[0].given_names, "other": adults[-1].given_names}


def _pick(rng: random.Random, names: dict, with_children: list, adults_only: list) -> str:
    return rng.choice(with_children if "child" in names else adults_only).format(**names)


def _dated_notes(steps: list) -> list:
    """Each journal note carries the day its step happened (the date of the contact, not of loading the demo)."""
    return [(day, partial(call, on=day) if getattr(call, "func", None) is journal_entry_add else call)
            for day, call in steps]


def _note(actor, trajectory, kind, nature, source, text, **extra):
    return partial(journal_entry_add, actor=actor, trajectory=trajectory, kind=kind, nature=nature, source=source,
                   text=text, **extra)


def extra_steps(trajectory, data: dict) -> list:
    """Dated service calls for one new demo trajectory: triage at the start and the end, and journal notes."""
    rng = random.Random(f"{SEED}:{data['ref']}")
    actor = User.objects.get(ref=data["lead"][0]["professional"])
    names, start = _names(trajectory), trajectory.registered_on
    source = f"aanmeldgesprek met {names['parent']}"
    steps = [(start, _note(actor, trajectory, "contact_note", "fact", source,
                           f"Op {_fmt(start)} is het gezin aangemeld. " + _pick(rng, names, REASONS, ADULT_REASONS))),
             (start, partial(triage_record, actor=actor, trajectory=trajectory, kind="access", decided_on=start,
                             outcome="admitted", participants="consulent, gedragswetenschapper, Veilig Thuis",
                             notes="Er zijn zorgen over de veiligheid en het gezin wil meedoen."))]
    steps += _involvement_notes(rng, actor, trajectory, data, names)
    steps += _legal_notes(actor, trajectory, data, names)
    if data.get("closed_on"):
        steps += _closing(actor, trajectory, dt.date.fromisoformat(data["closed_on"]))
    return _dated_notes(steps) + plans.plan_steps(trajectory, data)  # the safety plan, through the safetyplan services


def _involvement_notes(rng, actor, trajectory, data, names) -> list:
    if not data["involvements"]:
        return []
    first = min(dt.date.fromisoformat(i["start"]) for i in data["involvements"])
    mine, theirs = rng.choice(OPINIONS)
    return [(first, _note(actor, trajectory, "contact_note", "observation", f"huisbezoek door {actor}",
                          _pick(rng, names, OBSERVATIONS, ADULT_OBSERVATIONS))),
            (first, _note(actor, trajectory, "contact_note", "opinion", f"{actor} (consulent)",
                          f"{mine} Zienswijze van het gezin: {theirs.format(**names)}"))]


def _legal_notes(actor, trajectory, data, names) -> list:
    steps = []
    for report in data["reports"]:
        on = dt.date.fromisoformat(report["on"])
        steps.append((on, _note(actor, trajectory, "partner_report", "fact", "Veilig Thuis Gooi en Vechtstreek",
                                f"Veilig Thuis heeft op {_fmt(on)} een melding ontvangen en kijkt samen met het "
                                "lokaal team naar de veiligheid. Het gezin weet hiervan.")))
    for measure in data["measures"]:
        on = dt.date.fromisoformat(measure["on"])
        if measure["type"] == "ots" and measure["initiated_from_site"]:
            steps.append((on, _note(actor, trajectory, "decision", "fact", "beschikking van de kinderrechter",
                                    f"De kinderrechter heeft op {_fmt(on)} een ondertoezichtstelling uitgesproken "
                                    f"voor {names.get('child', 'het kind')}. Een collega die niet in het team zit voert de "
                                    "maatregel uit.")))
        if measure["type"] == "restraining_order":
            steps.append((on, _note(actor, trajectory, "contact_note", "fact", "Zorg- en Veiligheidshuis",
                                    f"Er is op {_fmt(on)} een tijdelijk huisverbod opgelegd. {names['parent']} "
                                    "verblijft met de kinderen tijdelijk bij familie.",
                                    withheld_reason="Bevat het tijdelijke verblijfsadres; de persoon met het "
                                    "huisverbod mag dat niet weten.")))
    return steps


def _closing(actor, trajectory, closed_on: dt.date) -> list:
    return [(closed_on, partial(triage_record, actor=actor, trajectory=trajectory, kind="exit", decided_on=closed_on,
                                outcome="exit", participants="consulent, gedragswetenschapper, het gezin",
                                notes="De afspraken uit het veiligheidsplan worden nagekomen.")),
            (closed_on, _note(actor, trajectory, "decision", "fact", "eindevaluatie met het gezin",
                              f"Op {_fmt(closed_on)} is het traject afgesloten na een eindevaluatie met het gezin. "
                              "Het gezin weet bij wie het terecht kan als het weer moeilijk wordt."))]
