"""The demo region as one exchange document, the same every time (`random.Random(SEED)`)."""
import datetime as dt
import random

from tandem.demo import people
from tandem.demo.plan import FIRST_DAY, TrajectoryPlan, family
from tandem.demo.stories import STORIES, consult, green

SEED = 20240601
HOUSEHOLDS = 40
# (story, kind of family), in turn; "re_registered" is a family that closes and registers again.
CAST = [("green", "single"), ("orange", "parents"), ("consult", "parents"), ("red", "single"),
        ("adults_only", "adults"), ("restraining_order", "parents"), ("re_registered", "single"),
        ("registered", "parents"), ("green", "parents"), ("running_measure", "single"), ("consult", "adults"),
        ("red_placement", "parents"), ("orange", "single")]
REGISTER_UNTIL = dt.date(2025, 9, 30)  # room for a story to unfold before the end of 2025
LATE = (dt.date(2025, 10, 15), dt.date(2025, 12, 15))  # the period of "just registered"


def _day_between(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randint(0, (last - first).days))


def _household(rng: random.Random, number: int) -> dict:
    story, kind = CAST[number % len(CAST)]
    site = people.SITES[number % len(people.SITES)]["code"]
    ref = f"demo-h{number + 1:02d}"
    lead = rng.choice(people.CONSULENTS[site])
    if story == "registered":
        registered_on = _day_between(rng, *LATE)
    elif story == "re_registered":
        registered_on = _day_between(rng, FIRST_DAY, dt.date(2024, 10, 31))
    else:
        registered_on = _day_between(rng, FIRST_DAY, REGISTER_UNTIL)
    members = family(rng, ref, kind, registered_on)
    plan = TrajectoryPlan(rng, f"{ref}-t1", registered_on, lead, members)
    if story != "re_registered":
        return {"ref": ref, "site": site, "members": members, "trajectories": [_tell(plan, STORIES[story])]}
    consult(plan)  # a short first trajectory that closes; months later the family registers again
    plan.close(10, 20)
    second = TrajectoryPlan(rng, f"{ref}-t2", plan.after(plan.latest, 60, 150), lead, members)
    return {"ref": ref, "site": site, "members": members, "trajectories": [plan.data, _tell(second, green)]}


def _tell(plan: TrajectoryPlan, story) -> dict:
    if story(plan):
        plan.close()
    return plan.data


def build_document(seed: int = SEED) -> dict:
    rng = random.Random(seed)
    return {
        "format": "tandem-exchange",
        "version": 1,
        "region": people.REGION,
        "sites": people.SITES,
        "organisations": people.ORGANISATIONS,
        "professionals": people.PROFESSIONALS,
        "households": [_household(rng, number) for number in range(HOUSEHOLDS)],
        "experiences": experiences(rng),
    }


EXPERIENCE_TEXTS = {
    "G": ["Gezinnen hoeven hun verhaal minder vaak te vertellen.",
          "Samen aan tafel met Veilig Thuis scheelt overdrachten.",
          "We moesten wennen aan elkaars taal, maar het loopt steeds beter."],
    "H": ["Het TOP3-plan kost in het begin veel tijd, maar geeft daarna richting.",
          "Door TOP3 weet iedereen wat er minimaal moet gebeuren."],
    "I": ["Moeder: 'Ik had eindelijk één vast aanspreekpunt.'",
          "Een vader vond het fijn dat hij zijn eigen kant kon vertellen."],
    "K": ["De ervaringsdeskundige begreep wat ik bedoelde zonder dat ik het hoefde uit te leggen.",
          "Door haar durfde ik eerlijk te zijn over wat thuis gebeurde."],
}
J_REASONS = ["brugfunctie naar het gezin", "gezin voelt zich beter begrepen", "andere kijk voor professionals",
             "meer openheid in gesprek"]


def experiences(rng: random.Random) -> list[dict]:
    """A few experiences per site and quarter (monitor questions G–K)."""
    rows = []
    for quarter in ("2024-Q3", "2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"):
        for site in people.SITES:
            question = rng.choice("GHIK")
            rows.append({"site": site["code"], "quarter": quarter, "question": question,
                         "text": rng.choice(EXPERIENCE_TEXTS[question])})
            answer = rng.random() < 0.75
            rows.append({"site": site["code"], "quarter": quarter, "question": "J", "answer": answer,
                         "reasons": rng.sample(J_REASONS, rng.randint(1, 2)) if answer else []})
    return rows
