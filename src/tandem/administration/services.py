"""Every change the beheerder makes, and the invited person's first sign-in. Keyword-only, atomic, each one in
the access log (ids and field names only, never a name or address).

The beheerder changes organisations, sites, people and roles of their own region; `_region_of` refuses
anything else (NotPermitted), whatever the view passed in."""
import datetime as dt
import secrets
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.crypto import salted_hmac

from tandem.accounts import services as accounts
from tandem.accounts.models import AuthenticatorDevice, RecoveryCodeDevice
from tandem.administration import rules
from tandem.administration.models import FactorReset, Invitation
from tandem.administration.selectors import administered_region, is_team_leader_of
from tandem.audit.services import audit_record
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import Organisation, Region, Role, Site, User, UserRole

NOT_BEHEERDER = "Alleen de beheerder van de regio mag dit."


def _region_of(actor) -> Region:
    region = administered_region(actor)
    if region is None:
        raise NotPermitted(NOT_BEHEERDER)
    return region


def _log(actor, action: str, obj=None, **detail) -> None:
    audit_record(actor=actor, action=f"admin_{action}", obj=obj, purpose="beheer", detail=detail)


def _site_in(region: Region, site: Site | None) -> None:
    if site is not None and site.region_id != region.pk:
        raise NotPermitted("Deze toekomsttuin hoort niet bij uw regio.")


def _organisation_in(region: Region, organisation: Organisation | None) -> None:
    if organisation is None:
        raise RuleViolation("organisation_missing", "Kies de organisatie.", field="organisation")
    place = organisation.region_id or (organisation.site.region_id if organisation.site_id else None)
    if place != region.pk:
        raise NotPermitted("Deze organisatie hoort niet bij uw regio.")


def _user_in(region: Region, user: User) -> None:
    if user.region is None or user.region.pk != region.pk:
        raise NotPermitted("Deze persoon werkt niet in uw regio.")


def _unique(save, field: str, message: str):
    try:
        with transaction.atomic():
            return save()
    except IntegrityError as error:
        raise RuleViolation("duplicate", message, field=field) from error


# Organisations and sites -------------------------------------------------------------------------------------

@transaction.atomic
def organisation_create(*, actor, code: str, name: str, kind: str, site: Site | None = None) -> Organisation:
    """A new organisation of the region: a local team belongs to a site, every other kind to the region."""
    region = _region_of(actor)
    _site_in(region, site)
    rules.check_organisation_place(kind=kind, has_site=site is not None)
    local = kind == "local_team"
    organisation = _unique(lambda: Organisation.objects.create(
        code=code.strip(), name=name.strip(), kind=kind, site=site if local else None,
        region=None if local else region), "code", "Er is al een organisatie met deze code.")
    _log(actor, "organisation_create", organisation, kind=kind)
    return organisation


@transaction.atomic
def organisation_update(*, actor, organisation: Organisation, name: str, kind: str,
                        site: Site | None = None) -> Organisation:
    region = _region_of(actor)
    _organisation_in(region, organisation)
    _site_in(region, site)
    rules.check_organisation_place(kind=kind, has_site=site is not None)
    local = kind == "local_team"
    organisation.name, organisation.kind = name.strip(), kind
    organisation.site, organisation.region = (site, None) if local else (None, region)
    organisation.save()
    _log(actor, "organisation_update", organisation, kind=kind)
    return organisation


@transaction.atomic
def site_create(*, actor, code: str, name: str, municipality: str, monitor_filler: str,
                monitor_approver: str) -> Site:
    region = _region_of(actor)
    site = _unique(lambda: Site.objects.create(
        region=region, code=code.strip(), name=name.strip(), municipality=municipality.strip(),
        monitor_filler=monitor_filler, monitor_approver=monitor_approver),
        "code", "Er is al een toekomsttuin met deze code.")
    _log(actor, "site_create", site, monitor_filler=monitor_filler, monitor_approver=monitor_approver)
    return site


@transaction.atomic
def site_update(*, actor, site: Site, name: str, municipality: str, monitor_filler: str,
                monitor_approver: str) -> Site:
    region = _region_of(actor)
    _site_in(region, site)
    site.name, site.municipality = name.strip(), municipality.strip()
    site.monitor_filler, site.monitor_approver = monitor_filler, monitor_approver
    site.save()
    _log(actor, "site_update", site, monitor_filler=monitor_filler, monitor_approver=monitor_approver)
    return site


REGION_FIELDS = ("programme_start", "portal_min_age", "consent_min_age", "reopen_days", "expiry_window_days",
                 "notify_by_email", "emergency_minutes", "retention_years")


@transaction.atomic
def region_settings_update(*, actor, **values) -> Region:
    """The region's settings; only the fields named in REGION_FIELDS. The log names what changed."""
    region = Region.objects.select_for_update().get(pk=_region_of(actor).pk)
    unknown = set(values) - set(REGION_FIELDS)
    if unknown:
        raise RuleViolation("field_unknown", "Onbekende instelling.")
    if values.get("consent_min_age") is not None and values.get("portal_min_age") is not None \
            and values["portal_min_age"] > values["consent_min_age"]:
        raise RuleViolation("ages", "Inloggen kan niet later beginnen dan zelf toestemming geven.",
                            field="portal_min_age")
    changed = sorted(name for name, value in values.items() if getattr(region, name) != value)
    for name, value in values.items():
        setattr(region, name, value)
    region.save()
    _log(actor, "region_update", region, changed=changed)
    return region


# People and roles -------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class PersonData:
    username: str
    first_name: str
    last_name: str
    email: str
    organisation: Organisation | None
    roles: list[str]


def _set_roles(user: User, roles: list[str]) -> None:
    """`roles[0]` becomes the active role unless the active role is kept; every role held has a UserRole row."""
    if user.role not in roles:
        user.role = roles[0]
        user.save(update_fields=["role"])
    UserRole.objects.filter(user=user).exclude(role__in=roles).delete()
    for role in roles:
        UserRole.objects.get_or_create(user=user, role=role)


@transaction.atomic
def user_invite(*, actor, data: PersonData) -> User:
    """A new account without a usable password; an e-mail with a one-time link sets password and second factor."""
    region = _region_of(actor)
    _organisation_in(region, data.organisation)
    roles = rules.check_roles(data.roles)
    rules.check_invitable(is_active=True, has_email=bool(data.email.strip()))
    username = data.username.strip()
    if not username or User.objects.filter(username__iexact=username).exists():
        raise RuleViolation("username_taken", "Deze inlognaam is al in gebruik. Kies een andere.", field="username")
    user = User(username=username, first_name=data.first_name.strip(), last_name=data.last_name.strip(),
                email=data.email.strip(), organisation=data.organisation, role=roles[0])
    user.set_unusable_password()
    user.save()
    _set_roles(user, roles)
    _log(actor, "user_invite", user, roles=roles, organisation=data.organisation.code)
    _invitation_send(actor, user)
    return user


@transaction.atomic
def user_update(*, actor, user: User, data: PersonData) -> User:
    region = _region_of(actor)
    _user_in(region, user)
    _organisation_in(region, data.organisation)
    roles = rules.check_roles(data.roles)
    if actor.pk == user.pk and Role.BEHEERDER not in roles:
        rules.check_not_self(actor_id=actor.pk, user_id=user.pk, what="de rol beheerder afnemen")
    changed = sorted(f for f in ("first_name", "last_name", "email") if getattr(user, f) != getattr(data, f).strip())
    if user.organisation_id != data.organisation.pk:
        changed.append("organisation")
    user.first_name, user.last_name = data.first_name.strip(), data.last_name.strip()
    user.email, user.organisation = data.email.strip(), data.organisation
    user.save(update_fields=["first_name", "last_name", "email", "organisation"])
    before = user.held_roles
    _set_roles(user, roles)
    _log(actor, "user_update", user, changed=changed, roles_before=sorted(before), roles=sorted(roles))
    return user


@transaction.atomic
def user_deactivate(*, actor, user: User) -> User:
    """Never deleted: the access log keeps naming who did what. Invitations stop working; sessions end at the
    next request (Django refuses an inactive user)."""
    region = _region_of(actor)
    _user_in(region, user)
    rules.check_not_self(actor_id=actor.pk, user_id=user.pk, what="uitzetten")
    user.is_active = False
    user.save(update_fields=["is_active"])
    user.invitations.filter(used_at__isnull=True, withdrawn_at__isnull=True).update(withdrawn_at=timezone.now())
    _log(actor, "user_deactivate", user)
    return user


@transaction.atomic
def user_reactivate(*, actor, user: User) -> User:
    region = _region_of(actor)
    _user_in(region, user)
    user.is_active = True
    user.save(update_fields=["is_active"])
    _log(actor, "user_reactivate", user)
    return user


@transaction.atomic
def role_switch(*, actor, role: str) -> User:
    """The person acts in another of the roles they hold; their pages follow the active role."""
    held = actor.held_roles
    if role not in held:
        raise NotPermitted("U heeft deze rol niet.")
    UserRole.objects.get_or_create(user=actor, role=actor.role)  # the role left stays held
    before = actor.role
    actor.role = role
    actor.save(update_fields=["role"])
    audit_record(actor=actor, action="role_switch", obj=actor, detail={"from": before, "to": role})
    return actor


# Invitations --------------------------------------------------------------------------------------------------

def _token_hash(token: str) -> str:
    return salted_hmac("tandem.invitation", token, algorithm="sha256").hexdigest()


INVITATION_SUBJECT = "Uitnodiging voor Tandem"
INVITATION_BODY = """Goedendag,

De beheerder heeft een account voor u gemaakt in Tandem. Met deze link kiest u uw wachtwoord en stelt u de tweede
stap van het inloggen in (een app op uw telefoon). De link werkt één keer en {days} dagen lang:

{link}

Heeft u hier niet om gevraagd? Dan hoeft u niets te doen.

Tandem
"""


def _invitation_send(actor, user: User) -> Invitation:
    now = timezone.now()
    user.invitations.filter(used_at__isnull=True, withdrawn_at__isnull=True).update(withdrawn_at=now)
    token = secrets.token_urlsafe(32)
    invitation = Invitation.objects.create(user=user, token_hash=_token_hash(token), created_by=actor,
                                           created_at=now, expires_at=now + dt.timedelta(days=rules.INVITATION_DAYS))
    link = settings.TANDEM_BASE_URL.rstrip("/") + reverse("invitation_accept", args=[token])
    body = INVITATION_BODY.format(days=rules.INVITATION_DAYS, link=link)
    _log(actor, "invitation_send", invitation, user=user.pk)
    try:  # inside the transaction: no e-mail, no invitation (and no new account)
        send_mail(INVITATION_SUBJECT, body, settings.DEFAULT_FROM_EMAIL, [user.email])
    except Exception as error:  # noqa: BLE001 — SMTP, DNS, refused address: one Dutch message, nothing saved
        raise RuleViolation("email_failed", "De uitnodiging kon niet per e-mail worden verstuurd: de mailserver "
                            "antwoordt niet of weigert het adres. Er is niets opgeslagen. Probeer het later opnieuw, "
                            "of laat de e-mailinstellingen van Tandem nakijken.") from error
    return invitation


@transaction.atomic
def invitation_resend(*, actor, user: User) -> Invitation:
    """A new link (the old one stops working), e.g. when the first one expired."""
    region = _region_of(actor)
    _user_in(region, user)
    rules.check_invitable(is_active=user.is_active, has_email=bool(user.email))
    return _invitation_send(actor, user)


def invitation_for(token: str) -> Invitation:
    """The invitation of a link, usable now; RuleViolation with a Dutch message otherwise."""
    invitation = Invitation.objects.select_related("user").filter(token_hash=_token_hash(token or "")).first()
    if invitation is None:
        raise RuleViolation("invitation_unknown", "Deze link klopt niet. Vraag de beheerder om een nieuwe "
                            "uitnodiging.")
    rules.check_invitable(is_active=invitation.user.is_active, has_email=True)
    rules.check_invitation_usable(used_at=invitation.used_at, withdrawn_at=invitation.withdrawn_at,
                                  expires_at=invitation.expires_at, now=timezone.now())
    return invitation


@transaction.atomic
def invitation_accept(*, token: str, password: str, code: str) -> tuple[User, list[str]]:
    """Password and second factor in one step, all or nothing: the code from the app confirms the device set up
    for this invitation. Returns the user and their new recovery codes (shown once)."""
    invitation = invitation_for(token)
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    rules.check_invitation_usable(used_at=invitation.used_at, withdrawn_at=invitation.withdrawn_at,
                                  expires_at=invitation.expires_at, now=timezone.now())
    user = invitation.user
    try:
        validate_password(password, user)
    except ValidationError as error:
        raise RuleViolation("password_weak", " ".join(error.messages), field="password") from error
    device = accounts.device_for_setup(user)
    if device.confirmed:
        raise RuleViolation("factor_exists", "De tweede stap is al ingesteld. Log in met uw wachtwoord.")
    codes = accounts.device_confirm(device=device, code=code)
    if codes is None:
        raise RuleViolation("code_wrong", "Deze code klopt niet. Typ de zes cijfers die de app nu toont.",
                            field="code")
    user.set_password(password)
    user.save(update_fields=["password"])
    invitation.used_at = timezone.now()
    invitation.save(update_fields=["used_at"])
    audit_record(actor=user, action="invitation_accepted", obj=invitation)
    return user, codes


# Two-factor reset with four eyes -------------------------------------------------------------------------------

@transaction.atomic
def factor_reset_request(*, actor, user: User, reason: str) -> FactorReset:
    """Step one: the beheerder asks. Nothing changes until a second person confirms."""
    region = _region_of(actor)
    _user_in(region, user)
    rules.check_not_self(actor_id=actor.pk, user_id=user.pk, what="de tweede stap herstellen")
    reason = rules.check_reset_reason(reason)[:300]
    if FactorReset.objects.filter(user=user, status=FactorReset.Status.WAITING).exists():
        raise RuleViolation("reset_waiting", "Er wacht al een herstelling voor deze persoon op bevestiging.")
    reset = FactorReset.objects.create(user=user, requested_by=actor, requested_at=timezone.now(), reason=reason)
    _log(actor, "factor_reset_request", reset, user=user.pk)
    return reset


@transaction.atomic
def factor_reset_confirm(*, actor, reset: FactorReset) -> FactorReset:
    """Step two: another beheerder of the region or the person's team leader confirms; then the app and the
    recovery codes are removed and the person sets up a new app at their next sign-in."""
    reset = FactorReset.objects.select_for_update().select_related("user").get(pk=reset.pk)
    if reset.status != FactorReset.Status.WAITING:
        raise RuleViolation("reset_not_waiting", "Deze herstelling is al bevestigd of ingetrokken.")
    region = administered_region(actor)
    is_beheerder = bool(region and reset.user.region and reset.user.region.pk == region.pk)
    rules.check_second_person(requested_by_id=reset.requested_by_id, confirmer_id=actor.pk, user_id=reset.user_id,
                              confirmer_is_beheerder=is_beheerder,
                              confirmer_is_team_leader=is_team_leader_of(actor, reset.user))
    AuthenticatorDevice.objects.filter(user=reset.user).delete()
    RecoveryCodeDevice.objects.filter(user=reset.user).delete()
    reset.status, reset.confirmed_by, reset.confirmed_at = FactorReset.Status.DONE, actor, timezone.now()
    reset.save()
    audit_record(actor=actor, action="admin_factor_reset_confirm", obj=reset, purpose="beheer",
                 detail={"user": reset.user_id, "requested_by": reset.requested_by_id,
                         "as": "beheerder" if is_beheerder else "teamleider"})
    return reset


@transaction.atomic
def factor_reset_withdraw(*, actor, reset: FactorReset) -> FactorReset:
    region = _region_of(actor)
    reset = FactorReset.objects.select_for_update().select_related("user").get(pk=reset.pk)
    _user_in(region, reset.user)
    if reset.status != FactorReset.Status.WAITING:
        raise RuleViolation("reset_not_waiting", "Deze herstelling is al bevestigd of ingetrokken.")
    reset.status = FactorReset.Status.WITHDRAWN
    reset.save(update_fields=["status"])
    _log(actor, "factor_reset_withdraw", reset, user=reset.user_id)
    return reset


@transaction.atomic
def password_reset_record(*, user: User, password: str) -> User:
    """The last step of Django's password-reset flow (by e-mail), through here so that it is logged."""
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=user, action="password_reset", obj=user)
    return user
