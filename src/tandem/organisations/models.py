"""Regions, sites (toekomsttuinen), organisations and the people who work in them."""
import datetime as dt

from django.contrib.auth.models import AbstractUser
from django.db import models


class Region(models.Model):
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    programme_start = models.DateField(default=dt.date(2024, 6, 1))
    # Ages from which a household member signs in to the family's dossier and gives consent themselves
    # (Jeugdwet art. 7.3.4 and 7.3.10 with WGBO art. 7:450/7:456/7:465; tandem.cases.rules.family).
    portal_min_age = models.PositiveSmallIntegerField("inloggen op het gezinsdossier vanaf (jaar)", default=12)
    consent_min_age = models.PositiveSmallIntegerField("zelf toestemming geven vanaf (jaar)", default=16)
    # How long after a closure the local team can still reopen the trajectory instead of registering again.
    reopen_days = models.PositiveSmallIntegerField("heropenen binnen (dagen na afsluiten)", default=90)
    # The work list shows an OTS, provisional OTS or restraining order this many days before it ends.
    expiry_window_days = models.PositiveSmallIntegerField("maatregel loopt af: melden vanaf (dagen vooraf)",
                                                          default=28, db_default=28)
    # Notifications also by e-mail (no personal data, only a link); a person's own choice goes first.
    notify_by_email = models.BooleanField("meldingen ook per e-mail", default=False, db_default=False)
    # Set by the region's beheerder (tandem.administration); empty means the server's setting
    # (TANDEM_EMERGENCY_MINUTES, TANDEM_RETENTION_YEARS).
    emergency_minutes = models.PositiveSmallIntegerField("noodtoegang duurt (minuten)", null=True, blank=True)
    retention_years = models.PositiveSmallIntegerField("bewaren na afsluiten (jaren)", null=True, blank=True)

    def __str__(self) -> str:
        return self.name


class MonitorFiller(models.TextChoices):
    """Who fills in and submits a site's quarterly monitor (seed `000_…` Bijlage 2, "Wie vult in")."""

    PROFESSIONAL = "professional", "Professional van het lokale team"
    TEAMLEIDER = "teamleider", "Teamleider van het lokale team"
    PROJECTLEIDER = "projectleider", "Projectleider van de regio"
    COORDINATOR = "coordinator", "Coördinator van de regio"


class MonitorApprover(models.TextChoices):
    """Who approves a submitted quarter (never the person who submitted it)."""

    COORDINATOR = "coordinator", "Coördinator van de regio"
    PROJECTLEIDER = "projectleider", "Projectleider van de regio"
    TEAMLEIDER = "teamleider", "Teamleider van het lokale team"


class Site(models.Model):
    """A toekomsttuin: a pilot site run from one municipality's local team."""

    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="sites")
    code = models.CharField(max_length=20, unique=True)
    name = models.CharField(max_length=200)
    municipality = models.CharField(max_length=200)
    monitor_filler = models.CharField("wie vult de monitor in", max_length=20, choices=MonitorFiller.choices,
                                      default=MonitorFiller.PROFESSIONAL, db_default=MonitorFiller.PROFESSIONAL)
    monitor_approver = models.CharField("wie keurt het kwartaal goed", max_length=20, choices=MonitorApprover.choices,
                                        default=MonitorApprover.COORDINATOR, db_default=MonitorApprover.COORDINATOR)

    def __str__(self) -> str:
        return self.name


class OrganisationKind(models.TextChoices):
    LOCAL_TEAM = "local_team", "Lokaal team"
    VEILIG_THUIS = "veilig_thuis", "Veilig Thuis"
    RVDK = "rvdk", "Raad voor de Kinderbescherming"
    GI = "gi", "Gecertificeerde instelling"
    ZVH = "zvh", "Zorg- en Veiligheidshuis"
    EXPERIENCE_EXPERTS = "experience_experts", "Ervaringsdeskundigen"
    ADULT_CARE = "adult_care", "Volwassenenzorg"
    OTHER = "other", "Andere organisatie"


# Partners whose statutory powers make a case "coercive" (domain §5, separation of functions).
COERCIVE_KINDS = {OrganisationKind.VEILIG_THUIS, OrganisationKind.RVDK, OrganisationKind.GI}


class Organisation(models.Model):
    code = models.CharField(max_length=30, unique=True)
    name = models.CharField(max_length=200)
    kind = models.CharField(max_length=30, choices=OrganisationKind.choices)
    site = models.ForeignKey(Site, null=True, blank=True, on_delete=models.PROTECT, related_name="organisations")
    region = models.ForeignKey(Region, null=True, blank=True, on_delete=models.PROTECT, related_name="organisations")

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind="local_team") | models.Q(site__isnull=False),
                name="local_team_has_site",
                violation_error_message="Een lokaal team hoort bij een toekomsttuin.",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def is_local_team(self) -> bool:
        return self.kind == OrganisationKind.LOCAL_TEAM


class Role(models.TextChoices):
    CONSULENT = "consulent", "Consulent (regiehouder)"
    GEDRAGSWETENSCHAPPER = "gedragswetenschapper", "Gedragswetenschapper"
    BESCHERMPARTNER = "beschermpartner", "Medewerker beschermpartner"
    ERVARINGSDESKUNDIGE = "ervaringsdeskundige", "Ervaringsdeskundige"
    TEAMLEIDER = "teamleider", "Teamleider"
    COORDINATOR = "coordinator", "Coördinator toekomsttuinen"
    PROJECTLEIDER = "projectleider", "Projectleider"
    BEHEERDER = "beheerder", "Beheerder"
    BELEID = "beleid", "Beleidsmedewerker"
    LANDELIJK = "landelijk", "Landelijk programmateam"
    # Keeps the pool of experts by experience of their organisation (tandem.experts): no dossier, ever.
    POOLCOORDINATOR = "poolcoordinator", "Poolcoördinator ervaringsdeskundigen"
    # Not a person: the account an API client of a partner organisation acts through (tandem.api). It acts as a
    # worker of its organisation on a family's team: on the team when a colleague is (cases.selectors).
    KOPPELING = "koppeling", "Koppeling met het eigen systeem (API)"


# Roles a person can hold (a beheerder gives them): every role but an API client's account (tandem.api).
PERSON_ROLES = [(value, label) for value, label in Role.choices if value != Role.KOPPELING]

# Roles that never see a dossier (domain §3): they work with figures and organisations.
NO_DOSSIER_ROLES = {Role.COORDINATOR, Role.PROJECTLEIDER, Role.BEHEERDER, Role.BELEID, Role.LANDELIJK,
                    Role.POOLCOORDINATOR}


class User(AbstractUser):
    """A professional. Residents do not log in here (the resident portal is separate)."""

    organisation = models.ForeignKey(
        Organisation, null=True, blank=True, on_delete=models.PROTECT, related_name="workers"
    )
    role = models.CharField(max_length=30, choices=Role.choices, default=Role.CONSULENT)
    ref = models.CharField("kenmerk in uitwisselbestand", max_length=60, blank=True, default="")
    # Notifications by e-mail: yes, no, or None = as the region says (Region.notify_by_email).
    notify_by_email = models.BooleanField("meldingen ook per e-mail", null=True, blank=True)

    class Meta:
        ordering = ["first_name", "last_name"]

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    @property
    def display_name(self) -> str:
        return str(self)

    @property
    def works_in_dossiers(self) -> bool:
        """Whether this person, in the role they act in now, can be on a family's team (the menu offers "Mijn
        gezinnen" only then)."""
        return self.role not in NO_DOSSIER_ROLES and self.role != Role.KOPPELING

    @property
    def held_roles(self) -> list[str]:
        """Every role this person holds: the active `role` first, then the others (UserRole, set by the
        beheerder). One person may hold several; they act in one at a time (tandem.administration)."""
        others = [r for r in self.extra_roles.values_list("role", flat=True) if r != self.role]
        return [self.role, *sorted(others)]

    @property
    def region(self) -> Region | None:
        """The region the person works in: their organisation's, or its site's."""
        organisation = self.organisation
        if organisation is None:
            return None
        return organisation.region or (organisation.site.region if organisation.site_id else None)


class UserRole(models.Model):
    """A role a person holds besides the one they act in now (`User.role`). The beheerder gives and takes them;
    the person switches between them (tandem.administration.services.role_switch)."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="extra_roles")
    role = models.CharField(max_length=30, choices=Role.choices)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["user", "role"], name="one_row_per_user_role")]

    def __str__(self) -> str:
        return f"{self.user_id}: {self.role}"
