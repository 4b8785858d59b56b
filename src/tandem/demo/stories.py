"""The kinds of stories in the demo: one per regime (consult, green, orange, red, other) and stage.

Each function fills a `TrajectoryPlan` and returns True when the trajectory should be closed.
"""
from tandem.demo.people import EXPERTS, GI_WORKERS, RVDK_WORKER, VT_HANDLER, VT_WORKER
from tandem.demo.plan import TrajectoryPlan

LIGHT, MEDIUM, HEAVY = (0.25, 0.5, 1.0), (1.0, 1.5, 2.0, 3.0), (4.0, 5.0, 6.0)


def just_registered(plan: TrajectoryPlan) -> bool:
    """Registered recently: the team is still finding out what is needed."""
    if on := plan.after(plan.registered_on, 3, 10):
        plan.episode("consult", "VT-GV", on, on, LIGHT, anonymous=True)
    return False


def consult(plan: TrajectoryPlan) -> bool:
    """Advice only: Veilig Thuis or (anonymously) the Raad thinks along with the local team."""
    start = plan.after(plan.registered_on, 5, 20)
    if plan.rng.random() < 0.5:
        plan.episode("consult", "RVDK", start, plan.after(start, 0, 7), LIGHT, anonymous=True)
    else:
        plan.episode("consult", "VT-GV", start, plan.after(start, 14, 42), LIGHT)
    return plan.rng.random() < 0.6


def green(plan: TrajectoryPlan) -> bool:
    """With the family's consent Veilig Thuis joins, and an expert by experience with it."""
    expert = plan.rng.choice(EXPERTS)
    given = plan.after(plan.registered_on, 2, 10)
    plan.consent("VT-GV", given, "begeleiding en analyse door Veilig Thuis")
    plan.consent("SK", given, "meedenken door een ervaringsdeskundige")
    start = plan.after(given, 3, 10)
    end = plan.after(start, 60, 150) if plan.rng.random() < 0.6 else None
    plan.join(VT_WORKER, start, end)
    plan.join(expert, start)
    plan.episode("green", "VT-GV", start, end, MEDIUM)
    plan.expert_contacts(expert, start, plan.rng.randint(2, 5))
    return end is not None


def orange(plan: TrajectoryPlan) -> bool:
    """A melding; Veilig Thuis uses its powers and takes the front seat, then scales down to green."""
    plan.data["measure_considered_at_registration"] = plan.rng.random() < 0.5
    reported = plan.after(plan.registered_on, 1, 14)
    plan.report("VT-GV", reported)
    start = plan.after(reported, 0, 3)
    calmer = plan.after(start, 30, 80)
    plan.switch_lead(VT_WORKER, start)
    plan.join(VT_WORKER, start)
    plan.episode("orange", "VT-GV", start, calmer, HEAVY)
    if calmer is None:
        return False
    plan.switch_lead(plan.lead, calmer)  # afschalen: the local team rides in front again
    plan.consent("VT-GV", calmer, "vervolg begeleiding door Veilig Thuis met toestemming")
    end = plan.after(calmer, 30, 90)
    plan.episode("green", "VT-GV", calmer, end, MEDIUM)
    return end is not None


def red(plan: TrajectoryPlan, gi: str = "DJGB", placement: bool = False) -> bool:
    """The Raad investigates with the family's knowledge; an OTS follows and a GI works under it."""
    plan.data["measure_considered_at_registration"] = True
    child = plan.rng.choice(plan.children())
    worker, handler = GI_WORKERS[gi]
    given = plan.after(plan.registered_on, 7, 21)
    plan.consent("RVDK", given, "onderzoek door de Raad voor de Kinderbescherming")
    plan.measure("rvdk_request", given, subject=child)
    investigation_end = plan.after(given, 40, 70)
    plan.join(RVDK_WORKER, given, investigation_end)
    plan.episode("green", "RVDK", given, investigation_end, MEDIUM)
    ots = plan.after(investigation_end, 7, 21)
    if ots is None:
        return False
    plan.measure("ots", ots, subject=child, handled_by=handler)
    plan.join(worker, ots)
    plan.episode("red", gi, ots, None, MEDIUM)
    if placement and (muhp := plan.after(ots, 20, 60)):
        plan.measure("muhp", muhp, subject=child, handled_by=handler)
    elif not placement and plan.rng.random() < 0.5 and (ending := plan.after(ots, 120, 240)):
        plan.measure("custody_ending", ending, subject=child, handled_by=handler)
    return False


def running_measure(plan: TrajectoryPlan) -> bool:
    """An OTS already ran when the family arrived (not counted for the site); the GI works under it."""
    child = plan.rng.choice(plan.children())
    worker, handler = GI_WORKERS["WSS"]
    earlier = plan.after(plan.registered_on.replace(year=plan.registered_on.year - 1), 0, 200)
    plan.measure("ots", min(earlier, plan.registered_on), subject=child, handled_by=handler, initiated=False)
    start = plan.after(plan.registered_on, 1, 7)
    plan.join(worker, start)
    plan.episode("red", "WSS", start, plan.after(start, 90, 200), MEDIUM)
    return plan.rng.random() < 0.5


def adults_only(plan: TrajectoryPlan) -> bool:
    """No children: adult care and the probation service step in (the target group 0–100)."""
    adult = plan.adults()[-1]
    start = plan.after(plan.registered_on, 5, 15)
    plan.consent("GGZ-GV", start, "behandeling en overleg met het lokaal team", given_by=adult)
    plan.episode("other", "GGZ-GV", start, plan.after(start, 40, 100), LIGHT)
    if plan.rng.random() < 0.5 and (probation := plan.after(start, 10, 40)):
        plan.measure("probation", probation, subject=adult)
        plan.join("rob.hendriks", probation)
        plan.episode("other", "RN", probation, plan.after(probation, 60, 120), LIGHT)
    return plan.rng.random() < 0.5


def restraining_order(plan: TrajectoryPlan) -> bool:
    """A temporary restraining order for a parent; Veilig Thuis and the Zorg- en Veiligheidshuis join."""
    plan.data["measure_considered_at_registration"] = True
    adults = plan.adults()
    order = plan.after(plan.registered_on, 0, 3)
    plan.measure("restraining_order", order, subject=adults[-1])
    plan.join(VT_WORKER, order)
    plan.episode("orange", "VT-GV", order, plan.after(order, 20, 50), HEAVY)
    plan.episode("other", "ZVH-GV", plan.after(order, 1, 5), plan.after(order, 30, 60), LIGHT)
    if ban := plan.after(order, 10, 14):
        plan.measure("contact_ban", ban, subject=adults[-1], handled_by=VT_HANDLER)
    return plan.rng.random() < 0.5


STORIES = {"registered": just_registered, "consult": consult, "green": green, "orange": orange, "red": red,
           "red_placement": lambda plan: red(plan, gi="LDH", placement=True), "running_measure": running_measure,
           "adults_only": adults_only, "restraining_order": restraining_order}
