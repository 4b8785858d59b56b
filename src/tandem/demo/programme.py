"""The demo region's learning programme and budget, written through the programme's and the budget's services
(`actor=None`: the system). Texts follow seeds 000 (Bijlage 1, the targets), 001 (lessons, improvements,
regional and national news) and 002 (the budget table); they hold no family data. Loaded once: a region that
already has lessons or budget lines is left as it is."""
import datetime as dt
from decimal import Decimal

from tandem.budget.models import BudgetLine
from tandem.budget.rules import LineValue
from tandem.budget.services import budget_replace
from tandem.organisations.models import Region
from tandem.programme import services
from tandem.programme.models import Lesson

D = dt.date

LESSONS = [  # (quarter, site code or None, kind, aspect, text, themes)
    ("2025-Q2", "HLV", "lesson", "content", "Een TOP3-plan maken in een netwerkberaad leidt tot een gedragen en "
                                            "goed plan.", "TOP3, netwerkberaad"),
    ("2025-Q2", "GMR", "bottleneck", "process", "Het Toekomstscenario als project presenteren en gezinnen expliciet "
                                                "om toestemming vragen werkt drempelverhogend.", "communicatie"),
    ("2025-Q3", "HZN", "lesson", "content", "Een duidelijke taak- en rolverdeling tussen de professionals rond het "
                                            "gezin, vastgelegd in een plan, maakt het overleg effectiever.",
     "en-en-regie"),
    ("2025-Q3", None, "good_practice", "process", "Flexibele werktijden (ook 's avonds) helpen om aan te sluiten "
                                                  "bij het gezin.", "werkwijze"),
    ("2025-Q3", None, "lesson", "process", "Het triage-overleg heeft geen meerwaarde meer: we weten wanneer een casus "
                                           "in de toekomsttuin past.", "triage"),
]

IMPROVEMENTS = [  # (quarter, title, owner, status, realised_on)
    ("2025-Q2", "De monitor is verbeterd, zodat we vaker en concreter evalueren wat de toekomsttuinen opleveren.",
     "Coördinatoren toekomsttuinen", "realised", D(2025, 8, 28)),
    ("2025-Q2", "De ontmoetingsstructuur van de praktijkgroep is aangepast, met alle lokale "
                "gedragswetenschappers aan boord.", "Praktijkgroep", "realised", D(2025, 9, 11)),
    ("2025-Q3", "Training basismodule GSV TOP3 door Civil Care inplannen.", "Projectleider", "running", None),
]

# Seed 000, Bijlage 1 "Mijlpalen planning": (year, level, title, status)
MILESTONES = [
    (2023, "regional", "Verkenning en inzicht in regionale kansen en knelpunten t.a.v. TKS", "done"),
    (2024, "national", "Werken met en aan bouwstenen TKS", "done"),
    (2024, "regional", "Projectstructuur inrichten, met een stuurgroep (ambassadeursoverleg)", "done"),
    (2024, "regional", "Gedragen visie op de drie actielijnen en de inzet van ervaringsdeskundigheid", "done"),
    (2024, "regional", "Pool van ervaringsdeskundigen ontwikkelen (kern en flex)", "done"),
    (2024, "regional", "Start regionale praktijkgroep en werkproces toekomsttuinen", "done"),
    (2024, "regional", "Nulmeting en start toekomsttuinen (minder dan 12 gezinnen); start Civil Care-traject",
     "done"),
    (2024, "regional", "Start regionale coördinatoren toekomsttuinen", "done"),
    (2025, "national", "Werken in alle regio's met en aan bouwstenen TKS, met de nieuwe werkwijze", "running"),
    (2025, "regional", "Eerste monitor en evaluatie toekomsttuinen", "done"),
    (2025, "regional", "Tweede fase van beproeven in de toekomsttuinen (meer dan 35 gezinnen)", "running"),
    (2025, "regional", "Stakeholders uitbreiden met het volwassenendomein", "running"),
    (2025, "regional", "Regionaal implementatieplan TOP3-methodiek", "planned"),
    (2026, "national", "In alle regio's de basis voor de toekomstige implementatie", "planned"),
    (2027, "national", "Wetgevingstraject stelselwijziging afgerond", "planned"),
    (2030, "national", "In alle regio's een regionaal veiligheidsteam", "planned"),
]

REGIONAL = ("Er zijn zes vervolgscenario's beschreven om te kiezen hoe we de regionale ambitie na 2025 "
            "realiseren. De projectgroep en de ambassadeursgroep bespreken ze dit najaar.\n\n"
            "De verkenning naar het verbreden van de toekomsttuinen naar huishoudens van 0 tot 100 jaar is in volle "
            "gang, samen met het Zorg- en Veiligheidshuis.")
NATIONAL = ("DRIFT onderzocht hoe de proeftuinen werken als experimenten richting systeemverandering en doet vier "
            "aanbevelingen, die we meenemen in de regio.\n\n"
            "Het Rijk denkt na over het vastleggen van de taken van de stevige lokale teams in wetgeving.")

# Seed 002's budget table (as spec/examples/budget/seed-002.csv): (year, kind, line, amount).
BUDGET = [
    (2022, "income", "DUVO (POK-middelen)", 254000), (2022, "cost", "Projectleider", 0),
    (2022, "cost", "Verklarende analyse (Transformatiefonds)", 0),
    *[(2023, "cost", name, amount) for name, amount in (
        ("Procesbegeleider", 30000), ("Projectleider", 81000), ("VT onderzoeks- en toetstafel", 11032),
        ("Scholing incl. TOP3", 0), ("Verklarende analyse (Transformatiefonds)", 0), ("Juridisch advies", 0))],
    (2023, "income", "DUVO (POK-middelen)", 254000),
    *[(2024, "cost", name, amount) for name, amount in (
        ("Procesbegeleider", 30000), ("Projectleider", 108000), ("VT onderzoeks- en toetstafel", 11032),
        ("Scholing incl. TOP3", 40000), ("Gezamenlijke taal en instrumenten (uren)", 132480),
        ("Beproeven en-en-regie", 0), ("0-100 ingehuurde expertise", 20240), ("Netwerk ervaringsdeskundigen", 25000),
        ("Verklarende analyse (Transformatiefonds)", 0), ("Juridisch advies", 20000))],
    (2024, "income", "DUVO (POK-middelen)", 254000),
    *[(2025, "cost", name, amount) for name, amount in (
        ("Procesbegeleider", 0), ("Projectleider", 108000), ("VT onderzoeks- en toetstafel", 11032),
        ("Scholing incl. TOP3", 40000), ("Gezamenlijke taal en instrumenten (uren)", 132480),
        ("Beproeven en-en-regie", 150000), ("0-100 ingehuurde expertise", 20240),
        ("Netwerk ervaringsdeskundigen", 15000),
        ("Verklarende analyse (Transformatiefonds)", 0), ("Juridisch advies", 30000), ("Communicatie", 464))],
    (2025, "income", "DUVO (POK-middelen)", 254000),
]
# What was spent in 2025 by 30 June, for the half-yearly account (invented).
SPENT_2025 = {"Projectleider": 54000, "Scholing incl. TOP3": 12500, "Gezamenlijke taal en instrumenten (uren)": 61200,
              "Beproeven en-en-regie": 48000, "Netwerk ervaringsdeskundigen": 9000, "Juridisch advies": 4200,
              "DUVO (POK-middelen)": 254000}


def _programme(region: Region) -> None:
    sites = {site.code: site for site in region.sites.all()}
    for quarter, site, kind, aspect, text, themes in LESSONS:
        services.lesson_create(actor=None, region=region, quarter=quarter, site=sites.get(site), kind=kind,
                               aspect=aspect, text=text, themes=themes)
    for quarter, title, owner, status, realised_on in IMPROVEMENTS:
        services.improvement_create(actor=None, region=region, quarter=quarter, title=title, owner=owner,
                                    status=status, realised_on=realised_on)
    services.evaluation_create(
        actor=None, region=region, held_on=D(2025, 7, 10), quarters=["2025-Q2"],
        participants={"consulent": 4, "gedragswetenschapper": 3, "veilig_thuis": 2, "gi": 2,
                      "ervaringsdeskundige": 2, "coordinator": 2},
        conclusions="Het netwerkberaad werkt goed voor het TOP3-plan. Gezinnen haken af als we het werk als project "
                    "presenteren: we introduceren de werkwijze voortaan als de gewone manier van werken.",
        actions="Uitleg aan gezinnen herschrijven zonder het woord 'project'\nGedragswetenschappers vast in de "
                "praktijkgroep", action_owner="Coördinatoren toekomsttuinen")
    for year, level, title, status in MILESTONES:
        services.milestone_create(actor=None, region=region, year=year, level=level, title=title, status=status)
    services.target_set(actor=None, region=region, year=2024, comparison="fewer_than", families=12,
                        note="Start toekomsttuinen (Bijlage 1)")
    services.target_set(actor=None, region=region, year=2025, comparison="more_than", families=35,
                        note="Tweede fase van beproeven (Bijlage 1)")
    services.progress_texts_save(actor=None, region=region, quarter="2025-Q3", regional=REGIONAL, national=NATIONAL)


def _budget(region: Region) -> None:
    lines = [LineValue(year, kind, name, Decimal(amount),
                       Decimal(SPENT_2025[name]) if year == 2025 and name in SPENT_2025 else None)
             for year, kind, name, amount in BUDGET]
    budget_replace(actor=None, region=region, lines=lines, source="demo")


def load_programme_demo(region: Region) -> None:
    """Lessons, improvements, an evaluation, milestones, targets, progress texts and the seed 002 budget."""
    if not Lesson.objects.filter(region=region).exists():
        _programme(region)
    if not BudgetLine.objects.filter(budget__region=region).exists():
        _budget(region)
