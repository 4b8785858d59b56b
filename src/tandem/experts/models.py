"""The pool of experts by experience and their work: counted, never described.

Seed `000_6e79333d2b7f2612.txt` "Inzet van ervaringsdeskundigheid": a core pool and a flex pool through the client
organisation, with profiles, present at meetings, their work counted and never described, coached and supervised.
No model here has a field for what was said or done in a contact (tests/experts/test_no_content.py holds that).
Every change goes through `tandem.experts.services`.
"""
from django.conf import settings
from django.db import models

from tandem.cases.models import ExpertContact, Member, TeamMembership, Trajectory
from tandem.organisations.models import Organisation, Region, Site


class Pool(models.TextChoices):
    CORE = "core", "Kernpool"
    FLEX = "flex", "Flexpool"


class Profile(models.Model):
    """A profile the region keeps (for example LVB, perspective of a former perpetrator, youth, parent)."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="expert_profiles")
    name = models.CharField("profiel", max_length=100)
    active = models.BooleanField("in gebruik", default=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["region", "name"], name="expert_profile_once_per_region")]

    def __str__(self) -> str:
        return self.name


class Expert(models.Model):
    """An expert by experience in the pool: a user account of the experts' organisation."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="expert")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="experts")
    pool = models.CharField("pool", max_length=10, choices=Pool.choices, default=Pool.FLEX)
    profiles = models.ManyToManyField(Profile, related_name="experts", verbose_name="profielen")
    sites = models.ManyToManyField(Site, related_name="experts", verbose_name="toekomsttuinen")
    available = models.BooleanField("beschikbaar voor nieuwe gezinnen", default=True)
    max_families = models.PositiveSmallIntegerField("hoogstens zoveel gezinnen tegelijk", default=3)
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["user__first_name", "user__last_name"]

    def __str__(self) -> str:
        return str(self.user)


class Purpose(models.TextChoices):
    NETWORK_MEETING = "network_meeting", "Een netwerkberaad"
    HOME_VISIT = "home_visit", "Een huisbezoek"
    SUPPORT = "support", "Steun over een periode"


class CallUpStatus(models.TextChoices):
    REQUESTED = "requested", "Gevraagd, wacht op een voorstel"
    PROPOSED = "proposed", "Voorgesteld, wacht op de ervaringsdeskundige"
    ACCEPTED = "accepted", "Aangenomen, wacht op toestemming van het gezin"
    JOINED = "joined", "In het team"
    WITHDRAWN = "withdrawn", "Ingetrokken"


class CallUp(models.Model):
    """A consultant asks the pool for an expert for one family: which profile, for what, when."""

    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+")
    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="call_ups",
                                     verbose_name="organisatie van ervaringsdeskundigen")
    profile = models.ForeignKey(Profile, on_delete=models.PROTECT, related_name="call_ups", verbose_name="profiel")
    purpose = models.CharField("waarvoor", max_length=20, choices=Purpose.choices)
    wanted_on = models.DateField("vanaf wanneer")
    wanted_until = models.DateField("tot wanneer (bij steun over een periode)", null=True, blank=True)
    status = models.CharField(max_length=10, choices=CallUpStatus.choices, default=CallUpStatus.REQUESTED)
    requested_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    requested_on = models.DateField("gevraagd op")
    expert = models.ForeignKey(Expert, null=True, blank=True, on_delete=models.PROTECT, related_name="call_ups")
    proposed_on = models.DateField("voorgesteld op", null=True, blank=True)
    accepted_on = models.DateField("aangenomen op", null=True, blank=True)
    joined_on = models.DateField("in het team op", null=True, blank=True)
    membership = models.ForeignKey(TeamMembership, null=True, blank=True, on_delete=models.SET_NULL,
                                   related_name="+")
    version = models.PositiveIntegerField(default=1)

    class Meta:
        ordering = ["-requested_on", "-id"]
        indexes = [models.Index(fields=["organisation", "status"]), models.Index(fields=["trajectory", "status"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(wanted_until__isnull=True)
                                   | models.Q(wanted_until__gte=models.F("wanted_on")),
                                   name="call_up_until_after_from"),
        ]

    @property
    def is_open(self) -> bool:
        return self.status in (CallUpStatus.REQUESTED, CallUpStatus.PROPOSED, CallUpStatus.ACCEPTED)


class Step(models.TextChoices):
    REQUEST = "request", "Gevraagd"
    PROPOSE = "propose", "Voorgesteld"
    ACCEPT = "accept", "Aangenomen"
    DECLINE = "decline", "Afgewezen door de ervaringsdeskundige"
    JOIN = "join", "In het team gezet"
    WITHDRAW = "withdraw", "Ingetrokken"


class CallUpStep(models.Model):
    """One dated step of a call-up, kept: who did what and when (never why: no text)."""

    call_up = models.ForeignKey(CallUp, on_delete=models.CASCADE, related_name="steps")
    step = models.CharField(max_length=10, choices=Step.choices)
    on = models.DateField("datum")
    at = models.DateTimeField(auto_now_add=True)
    by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                           related_name="+")
    expert = models.ForeignKey(Expert, null=True, blank=True, on_delete=models.PROTECT, related_name="+")

    class Meta:
        ordering = ["at", "id"]


class ContactKind(models.TextChoices):
    HOME_VISIT = "home_visit", "Huisbezoek"
    NETWORK_MEETING = "network_meeting", "Netwerkberaad"
    PHONE = "phone", "Telefoon"
    OTHER = "other", "Anders"


class Contact(models.Model):
    """Contacts of an expert with a family on one day, counted: kind, number, duration. No content, anywhere."""

    expert = models.ForeignKey(Expert, on_delete=models.PROTECT, related_name="contacts")
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="+")
    site = models.ForeignKey(Site, on_delete=models.PROTECT, related_name="+")
    # The profile the expert was called up with for this family (none: on the team without a call-up).
    profile = models.ForeignKey(Profile, null=True, blank=True, on_delete=models.PROTECT, related_name="+")
    on = models.DateField("datum")
    kind = models.CharField("soort", max_length=20, choices=ContactKind.choices)
    number = models.PositiveSmallIntegerField("aantal", default=1)
    minutes = models.PositiveIntegerField("duur in minuten (samen)")
    dossier_contact = models.OneToOneField(ExpertContact, null=True, blank=True, on_delete=models.SET_NULL,
                                           related_name="+")
    recorded_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-on", "-id"]
        indexes = [models.Index(fields=["site", "on"]), models.Index(fields=["expert", "on"])]
        constraints = [
            models.CheckConstraint(condition=models.Q(number__gte=1, number__lte=20), name="contact_number_1_20"),
            models.CheckConstraint(condition=models.Q(minutes__gte=1, minutes__lte=24 * 60),
                                   name="contact_minutes_in_a_day"),
        ]


class SessionKind(models.TextChoices):
    COACHING = "coaching", "Coaching"
    SUPERVISION = "supervision", "Supervisie"


class Session(models.Model):
    """A coaching or supervision session of the pool: the date and who attended, nothing more."""

    organisation = models.ForeignKey(Organisation, on_delete=models.PROTECT, related_name="expert_sessions")
    kind = models.CharField("soort", max_length=15, choices=SessionKind.choices)
    held_on = models.DateField("datum")
    attendees = models.ManyToManyField(Expert, related_name="sessions", verbose_name="aanwezig")
    recorded_by = models.ForeignKey(settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL,
                                    related_name="+")

    class Meta:
        ordering = ["-held_on", "-id"]


class Occasion(models.TextChoices):
    CONTACT = "contact", "Na een contact met de ervaringsdeskundige"
    CLOSURE = "closure", "Bij het afsluiten"


class FamilyVoice(models.Model):
    """That a household member answered questions K and I, once per occasion. The answers themselves went,
    without names, to the monitor's experiences of the site and quarter (`monitor.Experience`); they are not
    kept here."""

    member = models.ForeignKey(Member, on_delete=models.CASCADE, related_name="+")
    trajectory = models.ForeignKey(Trajectory, on_delete=models.CASCADE, related_name="+")
    contact = models.ForeignKey(Contact, null=True, blank=True, on_delete=models.CASCADE, related_name="voices")
    occasion = models.CharField(max_length=10, choices=Occasion.choices)
    answered_on = models.DateField("beantwoord op")

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["member", "contact"], condition=models.Q(occasion="contact"),
                                    name="voice_once_per_contact"),
            models.UniqueConstraint(fields=["member", "trajectory"], condition=models.Q(occasion="closure"),
                                    name="voice_once_at_closure"),
            models.CheckConstraint(condition=models.Q(occasion="closure") | models.Q(contact__isnull=False),
                                   name="voice_contact_has_contact"),
        ]
