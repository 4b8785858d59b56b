"""The dossier of one household: members, trajectories and everything that happens in them.

Models hold data and single-row checks only. Every change goes through `tandem.cases.services`, which
loads what a rule needs and calls the pure rules in `tandem.cases.rules`. Primary keys of dossier objects
are random UUIDs so that URLs carry nothing personal and nothing guessable.
"""
import uuid

from django.conf import settings
from django.db import models

from tandem.core.models import TextChecked

from tandem.core.crypto import EncryptedTextField, lookup_digests
from tandem.organisations.models import Organisation, Site
from tandem.core.dates import dutch_date


def copy_site(row, parent_model, parent_id, *more: str) -> None:
    """Fill a row's copied `site` (and `more`, such as the household) from its parent when the writer did not
    pass them (the services do)."""
    fields = ("site_id", *more)
    if parent_id is not None and any(getattr(row, name) is None for name in fields):
        values = parent_model.objects.filter(pk=parent_id).values_list(*fields).first() or (None,) * len(fields)
        for name, value in zip(fields, values):
            setattr(row, name, value)


class Household(TextChecked):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="households")
    ref = models.CharField("kenmerk in uitwisselbestand", max_length=60, blank=True, default="")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        indexes = [models.Index(fields=["site", "ref"])]

    def __str__(self) -> str:
        return f"Huishouden {self.short_code}"

    @property
    def short_code(self) -> str:
        return str(self.id)[:8]

    @property
    def family_names(self) -> str:
        names = []
        for member in self.members.filter(is_network=False):
            if member.surname not in names:
                names.append(member.surname)
        return " / ".join(names) or "zonder naam"


class MemberQuerySet(models.QuerySet):
    def with_bsn(self, bsn: str):
        """Members with this BSN, found through its keyed hash (the BSN itself is encrypted: docs/security.md)."""
        return self.filter(bsn_digest__in=lookup_digests(bsn, "bsn_digest")) if bsn else self.none()


class Member(TextChecked):
    """A household member of any age (0–100), or an informal network person (`is_network`)."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="members")
    ref = models.CharField(max_length=60, blank=True, default="")
    given_names = models.CharField("voornamen", max_length=200)
    prefix = models.CharField("tussenvoegsel", max_length=30, blank=True, default="")
    family_name = models.CharField("achternaam", max_length=200)
    birth_date = models.DateField("geboortedatum", null=True, blank=True)
    minor = models.BooleanField("minderjarig (als geboortedatum onbekend is)", null=True, blank=True)
    # Encrypted at rest (TANDEM_ENCRYPTION_KEYS); found through bsn_digest, an HMAC set on save (issue 11).
    bsn = EncryptedTextField("BSN", blank=True, default="", digest_field="bsn_digest")
    bsn_digest = models.CharField(max_length=64, blank=True, default="", db_default="", db_index=True,
                                  editable=False)
    is_network = models.BooleanField("netwerkpersoon (geen gezinslid)", default=False)
    relation = models.CharField("relatie tot het gezin", max_length=100, blank=True, default="")

    objects = MemberQuerySet.as_manager()

    class Meta:
        ordering = ["is_network", "birth_date", "given_names"]
        # The monitor's question C reads the members of a registration from the index alone.
        indexes = [models.Index(fields=["household", "is_network", "birth_date", "minor"],
                                name="member_household_age")]

    def __str__(self) -> str:
        return self.full_name

    @property
    def surname(self) -> str:
        return surname_of(self.prefix, self.family_name)

    @property
    def full_name(self) -> str:
        return f"{self.given_names} {self.surname}".strip()


def surname_of(prefix: str, family_name: str) -> str:
    """'el Amrani': the prefix (tussenvoegsel) and the family name."""
    return f"{prefix} {family_name}".strip()


class Trajectory(TextChecked):
    """One registration of a household at a site, up to its closure. A household can register again."""

    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="trajectories")
    # The household's site, copied here when the trajectory starts (a household never changes site) so that the
    # monitor can narrow a site's or region's trajectories by date without going through every household.
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+", editable=False, db_index=False)
    ref = models.CharField(max_length=60, blank=True, default="")
    registered_on = models.DateField("datum aanmelding")
    measure_considered = models.BooleanField("beschermingsmaatregel overwogen bij aanmelding", default=False)
    reason = models.TextField("reden van aanmelding", blank=True, default="")
    closed_on = models.DateField("datum afsluiting", null=True, blank=True)
    end_evaluation = models.TextField("eindevaluatie", blank=True, default="")
    # Why the local team closed while a partner led under powers or a measure ran (rules.check_closure).
    closure_reason = models.TextField("reden om toch af te sluiten", blank=True, default="", db_default="")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-registered_on"]
        indexes = [
            models.Index(fields=["registered_on"]), models.Index(fields=["closed_on"]),
            # The monitor: a site's trajectories of a quarter, read from the index alone where possible.
            models.Index(fields=["site", "registered_on", "closed_on", "household", "measure_considered"],
                         name="trajectory_site_registered"),
            models.Index(fields=["site", "closed_on"], name="trajectory_site_closed"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(closed_on__isnull=True) | models.Q(closed_on__gte=models.F("registered_on")),
                name="trajectory_closes_after_registration",
                violation_error_message="Een traject kan niet sluiten vóór de aanmelding.",
            )
        ]

    def __str__(self) -> str:
        return f"Traject vanaf {dutch_date(self.registered_on)}"

    def save(self, *args, **kwargs):
        copy_site(self, Household, self.household_id)
        super().save(*args, **kwargs)

    @property
    def is_open(self) -> bool:
        return self.closed_on is None


class TriageKind(models.TextChoices):
    ACCESS = "access", "Toegang (instroom)"
    EXIT = "exit", "Uitstroom"


class TriageOutcome(models.TextChoices):
    ADMITTED = "admitted", "Toegelaten tot de toekomsttuin"
    NOT_ADMITTED = "not_admitted", "Niet toegelaten"
    CONTINUE = "continue", "Traject loopt door"
    EXIT = "exit", "Uitstroom"


class TriageDecision(TextChecked):
    """A joint triage decision (gezamenlijk triageren) about access or exit."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="triage_decisions")
    kind = models.CharField(max_length=10, choices=TriageKind.choices)
    decided_on = models.DateField("datum")
    outcome = models.CharField("besluit", max_length=20, choices=TriageOutcome.choices)
    participants = models.TextField("deelnemers")
    notes = models.TextField("toelichting", blank=True, default="")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["decided_on", "id"]


class Reopening(TextChecked):
    """A closure undone by the local team, with its reason (rules.check_reopen)."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="reopenings")
    on = models.DateField("heropend op")
    closed_on = models.DateField("was afgesloten op")
    reason = models.TextField("reden")
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["on", "id"]


class LeadPeriod(TextChecked):
    """Who rides in front of the tandem (holds regie), from when until when."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="lead_periods")
    professional = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    start = models.DateField("vanaf")
    end = models.DateField("tot en met", null=True, blank=True)
    # A partner takes the front seat on a melding or measure, or on this stated statutory ground.
    statutory_ground = models.TextField("wettelijke grond", blank=True, default="", db_default="")

    class Meta:
        ordering = ["start", "id"]


class TeamMembership(TextChecked):
    """A professional on the team around the family; nobody leaves because someone else joins."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="team")
    professional = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="memberships")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    role_in_team = models.CharField("rol in het team", max_length=100, blank=True, default="")
    joined_on = models.DateField("erbij vanaf")
    left_on = models.DateField("gestopt op", null=True, blank=True)

    class Meta:
        ordering = ["joined_on", "id"]
        indexes = [models.Index(fields=["professional", "left_on"])]


class Form(models.TextChoices):
    CONSULT = "consult", "Advies en/of consult"
    GREEN = "green", "Groen (met toestemming)"
    ORANGE = "orange", "Oranje (met wettelijke bevoegdheden)"
    RED = "red", "Rood (in het kader van een maatregel)"
    OTHER = "other", "Anders"


class Involvement(TextChecked):
    """An episode of a partner organisation's involvement in one form (monitor question D)."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="involvements")
    # Copied from the trajectory when written (see `Trajectory.site`): the monitor reads a site's rows by date
    # and counts households from the index alone.
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+", editable=False, db_index=False)
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+", editable=False,
                                  db_index=False)
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="involvements")
    form = models.CharField("vorm", max_length=10, choices=Form.choices)
    start = models.DateField("begin")
    end = models.DateField("einde", null=True, blank=True)
    anonymous = models.BooleanField("anoniem (alleen bij advies/consult)", default=False)
    household_informed_on = models.DateField("gezin geïnformeerd op", null=True, blank=True)
    # Set when the consent this episode rested on is withdrawn: a work item for the consultant until decided
    # (end it, or the statutory ground that carries it on).
    consent_withdrawn_on = models.DateField("toestemming ingetrokken op", null=True, blank=True)
    decided_on = models.DateField("besluit na intrekken op", null=True, blank=True)
    statutory_ground = models.TextField("wettelijke grond om door te gaan", blank=True, default="", db_default="")

    class Meta:
        ordering = ["start", "id"]
        indexes = [models.Index(fields=["form", "start"]),
                   models.Index(fields=["trajectory", "form", "start", "end"], name="involvement_trajectory_form"),
                   models.Index(fields=["site", "end", "start", "form", "household", "id"],
                                name="involvement_site_dates")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end__isnull=True) | models.Q(end__gte=models.F("start")),
                name="involvement_ends_after_start",
            ),
            models.CheckConstraint(
                condition=models.Q(anonymous=False) | models.Q(form="consult"),
                name="only_consult_is_anonymous",
            ),
        ]

    def save(self, *args, **kwargs):
        copy_site(self, Trajectory, self.trajectory_id, "household_id")
        super().save(*args, **kwargs)


class TimeEntry(TextChecked):
    involvement = models.ForeignKey(Involvement, on_delete=models.CASCADE, related_name="time_entries")
    # Copied from the episode when written (see `Trajectory.site`): the monitor reads a site's rows by date.
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+", editable=False, db_index=False)
    on = models.DateField("datum")
    hours = models.DecimalField("uren", max_digits=5, decimal_places=2)
    professional = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")

    class Meta:
        ordering = ["on", "id"]
        indexes = [models.Index(fields=["involvement", "on", "hours"], name="timeentry_involvement_on"),
                   models.Index(fields=["site", "on", "involvement", "hours"], name="timeentry_site_on")]
        constraints = [
            models.CheckConstraint(condition=models.Q(hours__gt=0, hours__lte=24), name="hours_between_0_and_24"),
        ]

    def save(self, *args, **kwargs):
        copy_site(self, Involvement, self.involvement_id)
        super().save(*args, **kwargs)


class ConsentHow(models.TextChoices):
    PAPER = "paper", "Op papier (toestemmingsverklaring)"
    CONVERSATION = "conversation", "In een gesprek"
    PORTAL = "portal", "Door het gezin zelf, in het gezinsdossier"
    TAKEN_OVER = "taken_over", "Niet vastgelegd (overgenomen)"


class ExpertScope(models.TextChoices):
    """What the family lets an expert by experience see (only for consents to an experts' organisation)."""

    BASIC = "basic", "Het team, de afspraken over de ervaringsdeskundige en de overleggen waar die bij was"
    PLAN = "plan", "Daarnaast het hele veiligheidsplan"
    PLAN_JOURNAL = "plan_journal", "Daarnaast het veiligheidsplan en de feiten en waarnemingen in het journaal"


class Consent(TextChecked):
    """A consent statement (toestemmingsverklaring) of a household member to one organisation. The family's:
    recorded only by the local team or given by the resident in the portal (rules.rights)."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="consents")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    # Unknown only for consents taken over from an exchange file that does not say who gave them.
    given_by = models.ForeignKey(Member, null=True, blank=True, on_delete=models.PROTECT,
                                 related_name="consents_given")
    purpose = models.CharField("waarvoor", max_length=300, blank=True, default="")
    given_on = models.DateField("gegeven op")
    withdrawn_on = models.DateField("ingetrokken op", null=True, blank=True)
    how = models.CharField("hoe gegeven", max_length=20, choices=ConsentHow.choices, default=ConsentHow.TAKEN_OVER,
                           db_default=ConsentHow.TAKEN_OVER)
    expert_scope = models.CharField("wat de ervaringsdeskundige mag zien", max_length=20,
                                    choices=ExpertScope.choices, default=ExpertScope.BASIC,
                                    db_default=ExpertScope.BASIC)
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["given_on", "id"]


class ConsentScan(TextChecked):
    """The signed statement, scanned (optional). Kept in the database so it goes with the dossier (retention,
    back-up) and is never served as a static file; no original file name (it may hold a name)."""

    consent = models.OneToOneField(Consent, on_delete=models.CASCADE, related_name="scan")
    content = models.BinaryField()
    content_type = models.CharField(max_length=40)
    uploaded_at = models.DateTimeField(auto_now_add=True)


class ConsentRequestStatus(models.TextChoices):
    OPEN = "open", "Wacht op antwoord"
    GRANTED = "granted", "Toestemming gegeven"
    DECLINED = "declined", "Geen toestemming"


class ConsentRequest(TextChecked):
    """A partner asks for the family's consent; the consultant (after asking the family) or the family itself
    in the portal answers. A partner never grants consent to itself."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="consent_requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    purpose = models.CharField("waarvoor", max_length=300)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField("gevraagd op")
    status = models.CharField(max_length=10, choices=ConsentRequestStatus.choices,
                              default=ConsentRequestStatus.OPEN)
    answered_on = models.DateField("beantwoord op", null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    answered_by_member = models.ForeignKey(Member, null=True, blank=True, on_delete=models.SET_NULL,
                                           related_name="+")
    consent = models.ForeignKey(Consent, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-requested_on", "-id"]


class Report(TextChecked):
    """A melding: a report to Veilig Thuis (or another organisation)."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="reports")
    on = models.DateField("datum")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="+")
    subject = models.ForeignKey(Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    initiated_from_site = models.BooleanField("vanuit de toekomsttuin", default=True)
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["on", "id"]


class MeasureType(models.TextChoices):
    RVDK_REQUEST = "rvdk_request", "Verzoek tot toetsing/onderzoek aan de Raad"
    OTS = "ots", "(Voorlopige) ondertoezichtstelling"
    MUHP = "muhp", "Machtiging uithuisplaatsing"
    CUSTODY_ENDING = "custody_ending", "Gezagsbeëindigende maatregel"
    RESTRAINING_ORDER = "restraining_order", "Tijdelijk huisverbod"
    CONTACT_BAN = "contact_ban", "Contactverbod"
    PROBATION = "probation", "(Jeugd)reclasseringsmaatregel"


class Measure(TextChecked):
    """A legal measure (monitor question F). An extension is a new row that `extends` the earlier one."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="measures")
    # Copied from the trajectory when written (see `Trajectory.site`): the monitor reads a site's rows by date
    # and counts households from the index alone.
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+", editable=False, db_index=False)
    household = models.ForeignKey(Household, on_delete=models.CASCADE, related_name="+", editable=False,
                                  db_index=False)
    type = models.CharField("soort", max_length=20, choices=MeasureType.choices)
    on = models.DateField("datum")
    ends_on = models.DateField("loopt tot en met", null=True, blank=True)
    provisional = models.BooleanField("voorlopig", default=False)
    extends = models.ForeignKey("self", null=True, blank=True, on_delete=models.PROTECT, related_name="extensions")
    initiated_from_site = models.BooleanField("vanuit de toekomsttuin in gang gezet", default=True)
    subject = models.ForeignKey(Member, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    handled_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                                   related_name="+")

    class Meta:
        ordering = ["on", "id"]
        indexes = [models.Index(fields=["type", "on"]),
                   models.Index(fields=["trajectory", "initiated_from_site", "on", "type"],
                                name="measure_trajectory_on"),
                   models.Index(fields=["site", "on", "type", "household", "initiated_from_site"],
                                name="measure_site_on")]

    def save(self, *args, **kwargs):
        copy_site(self, Trajectory, self.trajectory_id, "household_id")
        super().save(*args, **kwargs)


class ExpertContact(TextChecked):
    """A contact of an expert by experience: counted, never any content."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="expert_contacts")
    on = models.DateField("datum")
    expert = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["on", "id"]


class EntryKind(models.TextChoices):
    CONTACT_NOTE = "contact_note", "Contactverslag"
    PARTNER_REPORT = "partner_report", "Verslag van een partner"
    DECISION = "decision", "Besluit"


class Nature(models.TextChoices):
    FACT = "fact", "Feit"
    OBSERVATION = "observation", "Waarneming"
    OPINION = "opinion", "Mening"


class JournalEntry(TextChecked):
    """A journal entry. Visible to the household unless `withheld_reason` says why not."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="journal")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    written_at = models.DateTimeField(auto_now_add=True)
    on = models.DateField("datum van het contact of besluit", null=True)  # null only for rows from before 0011
    kind = models.CharField("soort", max_length=20, choices=EntryKind.choices)
    nature = models.CharField("aard", max_length=20, choices=Nature.choices)
    source = models.CharField("bron", max_length=300)
    text = models.TextField("tekst")
    withheld_reason = models.TextField("reden om niet te tonen aan het gezin", blank=True, default="")
    # Kept from named members only (e.g. the person the others are afraid of), with the reason (logged).
    hidden_from = models.ManyToManyField(Member, blank=True, related_name="hidden_entries",
                                         verbose_name="niet zichtbaar voor")
    hidden_reason = models.TextField("reden om niet te tonen aan deze gezinsleden", blank=True, default="",
                                     db_default="")

    class Meta:
        ordering = ["-on", "-written_at", "-id"]

    @property
    def visible_to_household(self) -> bool:
        return not self.withheld_reason


class JoinRequestStatus(models.TextChoices):
    OPEN = "open", "Wacht op antwoord"
    ACCEPTED = "accepted", "Aangenomen"
    DECLINED = "declined", "Afgewezen"


class JoinRequest(TextChecked):
    """Pull in, never hand over: the local team asks a partner organisation to join the family's team (what for,
    which form of involvement, by when). A worker or the team leader of that organisation accepts, naming who
    joins, or declines with a reason (docs/rights.md S19)."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="join_requests")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="join_requests")
    purpose = models.CharField("waarvoor", max_length=300)
    form = models.CharField("vorm van betrokkenheid", max_length=10, choices=Form.choices)
    anonymous = models.BooleanField("anoniem (alleen bij advies/consult)", default=False)
    household_informed_on = models.DateField("gezin geïnformeerd op", null=True, blank=True)
    wanted_by = models.DateField("graag antwoord vóór")
    # None: asked by the system (an import).
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                     related_name="+")
    requested_on = models.DateField("gevraagd op")
    status = models.CharField(max_length=10, choices=JoinRequestStatus.choices, default=JoinRequestStatus.OPEN)
    answered_on = models.DateField("beantwoord op", null=True, blank=True)
    answered_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")
    decline_reason = models.TextField("reden van afwijzen", blank=True, default="")
    joined = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT,
                               related_name="+", verbose_name="wie sluit aan")
    membership = models.ForeignKey(TeamMembership, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    involvement = models.ForeignKey(Involvement, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")

    class Meta:
        ordering = ["-requested_on", "-id"]
        indexes = [models.Index(fields=["organisation", "status"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(anonymous=False) | models.Q(form="consult"),
                                   name="join_request_only_consult_is_anonymous"),
        ]

    @property
    def is_open(self) -> bool:
        return self.status == JoinRequestStatus.OPEN
