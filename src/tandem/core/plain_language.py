"""Plain-language hints for what professionals write for the family (B1; domain.md §5 "Reporting is factual,
in plain language (B1)"; seed 000 "Juridische kanttekeningen": recorded in consultation with the residents).

Pure functions: text in, hints out. The hints advise; they never block. A form may ask the writer to confirm
they re-read the text (`check_reviewed`) before it saves.
"""
import re

from tandem.core.exceptions import RuleViolation

MAX_WORDS = 20

# Jargon -> the plain word(s) to use, or to add between brackets the first time.
GLOSSARY: dict[str, str] = {
    "ots": "ondertoezichtstelling: een kinderrechter bepaalt dat een jeugdbeschermer meekijkt en helpt",
    "ondertoezichtstelling": "een kinderrechter bepaalt dat een jeugdbeschermer meekijkt en helpt",
    "muhp": "machtiging uithuisplaatsing: de rechter geeft toestemming dat een kind ergens anders gaat wonen",
    "uithuisplaatsing": "een kind gaat (een tijd) ergens anders wonen",
    "bevoegdheden": "wat een organisatie volgens de wet mag of moet doen",
    "casusregie": "wie de afspraken rond het gezin bij elkaar houdt",
    "regiehouder": "de vaste hulpverlener die de afspraken bij elkaar houdt",
    "gi": "gecertificeerde instelling: de jeugdbescherming",
    "rvdk": "Raad voor de Kinderbescherming",
    "vt": "Veilig Thuis",
    "triage": "overleg waarin we samen kiezen welke hulp past",
    "verklarende analyse": "uitleg hoe de problemen zijn ontstaan en waarom ze blijven",
    "hypothese": "een idee dat we nog moeten controleren",
    "hypothesen": "ideeën die we nog moeten controleren",
    "risicofactoren": "dingen die de kans op onveiligheid groter maken",
    "beschermende factoren": "dingen die helpen om veilig te blijven",
    "interventie": "hulp of actie",
    "escaleren": "erger worden, of: het probleem hoger in de organisatie leggen",
    "afschalen": "minder zware hulp inzetten",
    "opschalen": "zwaardere hulp inzetten",
    "multidisciplinair": "met mensen van verschillende beroepen",
    "systeemgericht": "met het hele gezin en de mensen om het gezin heen",
    "ambulant": "hulp bij u thuis of in de buurt",
    "indicatie": "besluit welke hulp u krijgt",
    "signalering": "merken dat er iets mis is",
    "monitoren": "in de gaten houden",
    "evalueren": "samen terugkijken: wat ging goed, wat moet anders",
    "psycho-educatie": "uitleg over wat er in je hoofd en lichaam gebeurt",
    "hgkm": "huiselijk geweld en kindermishandeling",
}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n{2,}")
_WORD = re.compile(r"[\wÀ-ÿ'-]+", re.UNICODE)


def sentences(text: str) -> list[str]:
    return [s.strip() for s in _SENTENCE_END.split(text or "") if s.strip()]


def long_sentences(text: str, limit: int = MAX_WORDS) -> list[str]:
    return [s for s in sentences(text) if len(_WORD.findall(s)) > limit]


def jargon(text: str) -> list[tuple[str, str]]:
    """The glossary terms found in the text (whole words, any case), in glossary order."""
    lowered = (text or "").lower()
    found = []
    for term, plain in GLOSSARY.items():
        if re.search(rf"(?<![\w-]){re.escape(term)}(?![\w-])", lowered):
            found.append((term, plain))
    return found


def _shorten(sentence: str, words: int = 8) -> str:
    parts = sentence.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def hints(text: str) -> list[str]:
    """Plain-Dutch hints: one per long sentence, one per jargon word with its plain word."""
    out = [f"Deze zin is lang ({len(_WORD.findall(s))} woorden). Maak er twee of drie korte zinnen van: "
           f"\"{_shorten(s)}\"" for s in long_sentences(text)]
    out += [f"'{term.upper() if len(term) <= 4 else term}' is een vakwoord. Schrijf in gewone woorden: {plain}."
            for term, plain in jargon(text)]
    return out


def check_reviewed(found: list[str], reviewed: bool) -> None:
    """A text with hints is saved only after the writer says they re-read it (advice, not a ban)."""
    if found and not reviewed:
        raise RuleViolation("plain_language_review", "Lees de tips over gewone taal. Pas de tekst aan, of vink "
                            "'Ik heb de tekst nagelezen' aan en sla opnieuw op.", field="reviewed")
