"""The words the pseudonymiser keeps or reads as context: municipalities, organisations and domain words
(data/keep.txt, data/gemeenten.txt), first names that are ordinary words (data/name_words.txt), and the words
for relations and titles that stand before a name."""
from functools import cache
from pathlib import Path

DATA = Path(__file__).parent / "data"


def _lines(name: str) -> tuple[str, ...]:
    text = (DATA / name).read_text(encoding="utf-8")
    return tuple(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


MUNICIPALITIES: tuple[str, ...] = _lines("gemeenten.txt")
DOMAIN: tuple[str, ...] = _lines("keep.txt")
DEFAULT_KEEP: tuple[str, ...] = DOMAIN + MUNICIPALITIES
NAME_WORDS: frozenset[str] = frozenset(_lines("name_words.txt"))

# Words for a person's relation or title that come right before a name ("moeder Fatima", "mijn dochter roos").
RELATIONS: tuple[str, ...] = (
    "vader", "moeder", "papa", "mama", "pap", "mam", "ouder", "stiefvader", "stiefmoeder", "pleegvader",
    "pleegmoeder", "opa", "oma", "zoon", "dochter", "zoontje", "dochtertje", "broer", "broertje", "zus", "zusje",
    "halfbroer", "halfzus", "stiefbroer", "stiefzus", "tante", "oom", "neef", "nicht", "man", "vrouw", "partner",
    "ex", "ex-partner", "ex-man", "ex-vrouw", "vriend", "vriendin", "buurman", "buurvrouw", "kind", "baby",
    "mevrouw", "meneer", "mevr", "mw", "dhr", "heer", "juf", "juffrouw", "meester", "mentor", "jongen", "meisje",
    "peetoom", "peettante", "schoonmoeder", "schoonvader", "zwager", "schoonzus", "kleinzoon", "kleindochter",
    "collega", "cliënt", "client", "jeugdige", "pupil", "gezin", "familie", "fam", "kleinkind",
)
# Roles of professionals, which stand before their names ("jeugdbeschermer Lotte Hendriks", "Projectleider X").
ROLES: tuple[str, ...] = (
    "consulent", "jeugdbeschermer", "jeugdreclasseerder", "gedragswetenschapper", "ervaringsdeskundige",
    "projectleider", "coördinator", "coordinator", "teamleider", "manager", "directeur", "wethouder", "jurist",
    "beleidsmedewerker", "beleidsadviseur", "adviseur", "medewerker", "huisarts", "jeugdarts", "wijkagent",
    "agent", "rechter", "kinderrechter", "advocaat", "mentor", "docent", "leerkracht", "intern begeleider",
    "behandelaar", "therapeut", "psycholoog", "psychiater", "maatschappelijk werker", "gezinsvoogd",
    "casemanager", "regiehouder", "voorzitter", "secretaris", "onderzoeker", "trainer", "coach", "begeleider",
)
# Titles that may stand before a name without "mijn" ("mevrouw Bos", "dhr. De Vries").
TITLES: tuple[str, ...] = ("mevrouw", "meneer", "mevr", "mw", "dhr", "de heer", "heer", "juf", "meester")


@cache
def not_names() -> frozenset[str]:
    """Lower-case words deduce must never read as (part of) a name: relations, titles and every word of the
    domain list ("Raad", "Veilig", "Thuis"). Not the municipalities: "Beek" and "Buren" are also family names."""
    words = set(RELATIONS) | {t for t in TITLES + ROLES if " " not in t}
    for phrase in DOMAIN:
        words.update(part.lower() for part in phrase.replace("-", " ").split() if len(part) > 2)
    words.update({"team", "gesprek", "huisbezoek", "school", "ouders", "kinderen", "gezin", "netwerk",
                  "afspraak", "afspraken", "zorgen", "thuis", "samen", "vandaag", "gisteren", "morgen"})
    return frozenset(words - {"william"})


NOT_NAMES = not_names()
