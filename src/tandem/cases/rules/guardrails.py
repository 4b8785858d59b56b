"""Legal guardrails as pure functions: values in, `RuleViolation` out. No queries.

Sources: seed `000_6e79333d2b7f2612.txt` ("Juridische kanttekeningen", "Registratie van en-en-regie"),
`../shared/docs/domain.md` §4–§5, the exchange format's rules (`../shared/spec/exchange.md`) and the law
named in each docstring (Burgerlijk Wetboek Boek 1, Wet tijdelijk huisverbod).
"""
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from stdnum.nl import bsn as stdnum_bsn

from tandem.core.dates import add_months, age_on
from tandem.core.exceptions import RuleViolation, StaleEdit
from tandem.core.dates import dutch_date


def _fmt(day: dt.date) -> str:
    return dutch_date(day)


def check_not_future(day: dt.date | None, today: dt.date, what: str) -> None:
    """A registered date cannot lie after today: we record what happened (domain §4)."""
    if day is not None and day > today:
        raise RuleViolation("date_in_future", f"De {what} ({_fmt(day)}) ligt in de toekomst. Vul een datum "
                            f"in tot en met vandaag.")


def check_closure_after_registration(registered_on: dt.date, closed_on: dt.date) -> None:
    """A trajectory closes on or after it registers (exchange format, 'Rules an import enforces')."""
    if closed_on < registered_on:
        raise RuleViolation("closed_before_registered", f"De afsluitdatum ({_fmt(closed_on)}) ligt vóór de "
                            f"aanmelding ({_fmt(registered_on)}). Kies een datum op of na de aanmelding.")


def check_end_after_start(start: dt.date, end: dt.date | None, what: str = "betrokkenheid") -> None:
    """An episode ends on or after it starts (exchange format)."""
    if end is not None and end < start:
        raise RuleViolation("ends_before_start", f"De einddatum van de {what} ({_fmt(end)}) ligt vóór de "
                            f"begindatum ({_fmt(start)}).")


def check_on_or_after(day: dt.date, earliest: dt.date, what: str, reference: str) -> None:
    """A step inside a trajectory cannot happen before the trajectory or the thing it follows."""
    if day < earliest:
        raise RuleViolation("before_reference", f"De {what} ({_fmt(day)}) ligt vóór {reference} "
                            f"({_fmt(earliest)}).")


def check_not_after_closure(day: dt.date, closed_on: dt.date | None, what: str) -> None:
    """What is recorded in a trajectory happened on or before its closure (domain §4 step 8)."""
    if closed_on is not None and day > closed_on:
        raise RuleViolation("after_closure", f"De {what} ({_fmt(day)}) ligt na de afsluiting van het traject "
                            f"({_fmt(closed_on)}).")


def check_bsn(bsn: str) -> None:
    """A BSN has 9 digits and passes the elfproef (Wet algemene bepalingen burgerservicenummer); the check is
    python-stdnum's `stdnum.nl.bsn`."""
    if not bsn:
        return
    if len(bsn) != 9 or not (bsn.isascii() and bsn.isdigit()):  # isdigit() alone accepts '²' and '١'.
        raise RuleViolation("bsn_format", "Een BSN bestaat uit 9 cijfers. Controleer het nummer.", field="bsn")
    if bsn == "000000000" or not stdnum_bsn.is_valid(bsn):
        raise RuleViolation("bsn_elfproef", "Dit BSN klopt niet (het voldoet niet aan de elfproef). "
                            "Controleer het nummer.", field="bsn")


EARLIEST_BIRTH_DATE = dt.date(1900, 1, 1)


def check_birth_date(birth_date: dt.date | None) -> None:
    """A member is 0–100 years old (domain §1): a birth date before 1900 is a typing or file error."""
    if birth_date is not None and birth_date < EARLIEST_BIRTH_DATE:
        shown = f"{birth_date.day:02d}-{birth_date.month:02d}-{birth_date.year:04d}"  # strftime drops the zeros
        raise RuleViolation("birth_date_too_early", f"De geboortedatum ({shown}) ligt vóór 1900. Controleer de "
                            "datum.", field="birth_date")


def check_member_age_known(birth_date: dt.date | None, minor: bool | None) -> None:
    """The monitor needs to know who is under 18 (question C): a birth date or 'minor' yes/no."""
    if birth_date is None and minor is None:
        raise RuleViolation("age_unknown", "Vul een geboortedatum in, of geef aan of deze persoon "
                            "minderjarig is.", field="birth_date")


def check_single_open_trajectory(has_open: bool) -> None:
    """A household registers again only after its earlier trajectory is closed (domain §4)."""
    if has_open:
        raise RuleViolation("already_open", "Dit gezin heeft nog een lopend traject. Sluit dat eerst af "
                            "voordat u het gezin opnieuw aanmeldt.")


def check_trajectory_open(closed_on: dt.date | None) -> None:
    """Nothing new happens in a closed trajectory; register the household again instead."""
    if closed_on is not None:
        raise RuleViolation("trajectory_closed", f"Dit traject is afgesloten op {_fmt(closed_on)}. "
                            "Meld het gezin opnieuw aan om verder te werken.")


def check_lead_stays(is_lead: bool) -> None:
    """The front rider cannot step off: switch the lead first (seed 000, 'De tandem': no hand-over)."""
    if is_lead:
        raise RuleViolation("lead_cannot_leave", "Deze persoon heeft de regie en kan het team niet verlaten. "
                            "Geef de regie eerst aan iemand anders.")


def check_anonymous_only_consult(form: str, anonymous: bool) -> None:
    """Only advice/consult can be anonymous (domain §4; exchange format 'anonymous (only for consult)')."""
    if anonymous and form != "consult":
        raise RuleViolation("anonymous_not_consult", "Alleen advies of consult kan anoniem. Bij groen, oranje, "
                            "rood of anders weet het gezin wie er meekijkt.")


def check_orange_after_report_or_measure(start: dt.date, first_legal_basis: dt.date | None) -> None:
    """Statutory powers (oranje) may not be used before a melding or measure exists.

    Seed 000, 'Juridische kanttekeningen'; domain §5; Wmo 2015 art. 4.1.1 (Veilig Thuis powers).
    """
    if first_legal_basis is None or start < first_legal_basis:
        raise RuleViolation("orange_without_report", "Oranje betrokkenheid (met wettelijke bevoegdheden) kan pas "
                            "als er een melding of maatregel is, op of vóór de begindatum. Registreer eerst de "
                            "melding of maatregel.", field="form")


def check_red_after_measure(start: dt.date, first_measure: dt.date | None) -> None:
    """Red involvement is work under a legal measure, so a measure must exist (exchange format; domain §4)."""
    if first_measure is None or start < first_measure:
        raise RuleViolation("red_without_measure", "Rode betrokkenheid hoort bij een maatregel. Registreer eerst "
                            "de maatregel, met een datum op of vóór de begindatum.", field="form")


@dataclass(frozen=True)
class ConsentPeriod:
    given_on: dt.date
    withdrawn_on: dt.date | None


def consent_valid_on(consents: Iterable[ConsentPeriod], day: dt.date) -> bool:
    """A consent covers an episode starting on `day` when given on or before it and not withdrawn before it
    (exchange format, 'Rules an import enforces'): what starts on the day of withdrawal started under consent.

    Access to identifying data is stricter: it ends at once on the day of withdrawal (see selectors).
    """
    return any(c.given_on <= day and (c.withdrawn_on is None or c.withdrawn_on >= day) for c in consents)


def check_green_has_consent(start: dt.date, consents: Iterable[ConsentPeriod]) -> None:
    """Green involvement is with the household's consent to that organisation (domain §4, seed 000)."""
    if not consent_valid_on(consents, start):
        raise RuleViolation("green_without_consent", "Groene betrokkenheid kan alleen met toestemming van het gezin "
                            "voor deze organisatie, gegeven op of vóór de begindatum. Registreer eerst de "
                            "toestemming.", field="organisation")


def check_rvdk_household_knows(start: dt.date, anonymous: bool, consents: Iterable[ConsentPeriod],
                               informed_on: dt.date | None) -> None:
    """The Raad voor de Kinderbescherming is never involved without the household knowing.

    Seed 000, 'Juridische kanttekeningen'; domain §5. Allowed: an anonymous consult, or a consent to the RvdK,
    or a date on which the household was informed, on or before the start.
    """
    if anonymous:
        return
    informed = informed_on is not None and informed_on <= start
    if not (informed or consent_valid_on(consents, start)):
        raise RuleViolation("rvdk_without_knowledge", "De Raad voor de Kinderbescherming mag niet betrokken worden "
                            "zonder dat het gezin dat weet. Registreer de toestemming of de datum waarop het gezin "
                            "is geïnformeerd.", field="household_informed_on")


def check_handler_not_on_team(handler_on_team: bool) -> None:
    """Separation of functions: coercion is handled by another employee than the one on the family's team.

    Seed 000, 'Juridische kanttekeningen' (VT, GI and RvdK alike); domain §5.
    """
    if handler_on_team:
        raise RuleViolation("handler_on_team", "Deze maatregel moet worden uitgevoerd door een andere medewerker "
                            "dan degene die in het team van dit gezin zit (scheiding van functies). Kies een "
                            "collega.", field="handled_by")


def check_muhp_has_ots(on: dt.date, ots_dates: Iterable[dt.date]) -> None:
    """A machtiging uithuisplaatsing only exists alongside an OTS (BW 1:265b)."""
    if not any(d <= on for d in ots_dates):
        raise RuleViolation("muhp_without_ots", "Een machtiging uithuisplaatsing kan alleen samen met een "
                            "ondertoezichtstelling. Registreer eerst de OTS, op of vóór deze datum.", field="type")


MINOR_MEASURES = {"ots": "een ondertoezichtstelling", "muhp": "een machtiging uithuisplaatsing",
                  "custody_ending": "een gezagsbeëindigende maatregel"}


def check_measure_subject(measure_type: str, on: dt.date, birth_date: dt.date | None, minor: bool | None) -> None:
    """OTS, MUHP and custody ending concern a minor (BW 1:255, 1:265b, 1:266); a restraining order is
    against an adult (Wet tijdelijk huisverbod art. 2)."""
    if birth_date is not None:
        is_minor = age_on(birth_date, on) < 18
    elif minor is not None:
        is_minor = minor
    else:
        return
    if measure_type in MINOR_MEASURES and not is_minor:
        raise RuleViolation("measure_needs_minor", f"{MINOR_MEASURES[measure_type].capitalize()} geldt voor een "
                            "kind onder de 18. Kies het kind om wie het gaat.", field="subject")
    if measure_type == "restraining_order" and is_minor:
        raise RuleViolation("restraining_order_needs_adult", "Een tijdelijk huisverbod wordt opgelegd aan een "
                            "volwassene (18 jaar of ouder). Kies de volwassene om wie het gaat.", field="subject")


def check_measure_term(measure_type: str, on: dt.date, ends_on: dt.date | None, provisional: bool,
                       first_start: dt.date) -> None:
    """Maximum terms: provisional OTS 3 months (BW 1:257), OTS and MUHP one year per term (BW 1:260, 1:265c),
    restraining order 10 days, extendable to 28 days in total (Wet tijdelijk huisverbod art. 2 and 9).

    `first_start` is the start of the first measure in a chain of extensions (equal to `on` when there is none).
    """
    if ends_on is None:
        return
    check_end_after_start(on, ends_on, "maatregel")
    if measure_type == "ots" and provisional and ends_on > add_months(on, 3):
        raise RuleViolation("provisional_ots_too_long", "Een voorlopige ondertoezichtstelling duurt hoogstens "
                            "3 maanden.", field="ends_on")
    if measure_type in ("ots", "muhp") and ends_on > add_months(on, 12):
        raise RuleViolation("term_too_long", "Een ondertoezichtstelling of machtiging uithuisplaatsing duurt "
                            "hoogstens een jaar per keer. Verleng met een nieuwe registratie.", field="ends_on")
    if measure_type == "restraining_order":
        _check_restraining_order(on, ends_on, first_start)


def _check_restraining_order(on: dt.date, ends_on: dt.date, first_start: dt.date) -> None:
    if first_start == on and (ends_on - on).days + 1 > 10:
        raise RuleViolation("restraining_order_too_long", "Een tijdelijk huisverbod duurt 10 dagen. Langer kan "
                            "alleen met een verlenging.", field="ends_on")
    if (ends_on - first_start).days + 1 > 28:
        raise RuleViolation("restraining_order_over_28", "Een tijdelijk huisverbod duurt met verlenging "
                            "hoogstens 28 dagen in totaal.", field="ends_on")


def check_extension(measure_type: str, extended_type: str) -> None:
    """An extension continues a measure of the same type."""
    if measure_type != extended_type:
        raise RuleViolation("extension_type", "Een verlenging hoort bij een maatregel van dezelfde soort.",
                            field="extends")


def check_hours(hours) -> None:
    """Time is registered per day: more than 0 and at most 24 hours (exchange format)."""
    if not 0 < hours <= 24:
        raise RuleViolation("hours_range", "Vul een aantal uren in groter dan 0 en hoogstens 24.", field="hours")


def check_expected_version(expected: int | None, current: int) -> None:
    """Concurrent edits are refused, never silently overwritten."""
    if expected is not None and expected != current:
        raise StaleEdit()
