"""Every change of the api app: creating and revoking a client (the dossier's changes go through
tandem.cases.services)."""
import datetime as dt

from django.db import transaction
from django.utils import timezone

from tandem.api import keys, rules
from tandem.api.models import ApiClient, Scope
from tandem.audit.services import audit_record
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import User


def _region_id(organisation):
    return organisation.region_id or (organisation.site.region_id if organisation.site_id else None)


def _check_manager(actor, organisation) -> None:
    actor_region = getattr(getattr(actor, "region", None), "pk", None)
    rules.check_may_manage(actor_role=getattr(actor, "role", None),
                           same_region=actor_region is not None and actor_region == _region_id(organisation))


@transaction.atomic
def api_client_create(*, actor, organisation, name: str, scope: str = Scope.READ, role: str = "koppeling",
                      days: int = 365) -> tuple[ApiClient, str]:
    """A client for `organisation` and its key. The key is returned once and never stored (only its hash)."""
    _check_manager(actor, organisation)
    if scope not in Scope.values:
        raise RuleViolation("api_scope", "Kies als rechten 'read' (lezen) of 'write' (lezen en wijzigen).",
                            field="scope")
    rules.check_client(organisation_kind=organisation.kind, role=role, name=name, days=days,
                       organisation_has_region=_region_id(organisation) is not None)
    key, prefix = keys.new_key()
    account = User(username=f"api-{prefix}", first_name="API-koppeling", last_name=name.strip()[:150],
                   organisation=organisation, role=role)
    account.set_unusable_password()
    account.save()
    client = ApiClient.objects.create(organisation=organisation, name=name.strip(), prefix=prefix,
                                      key_hash=keys.key_hash(key), scope=scope, actor=account, created_by=actor,
                                      expires_at=timezone.now() + dt.timedelta(days=days))
    audit_record(actor=actor, action="api_client_create", obj=client, purpose="API-clients beheren",
                 detail={"client": prefix, "organisation": organisation.code, "scope": scope})
    return client, key


@transaction.atomic
def api_client_revoke(*, actor, client: ApiClient) -> ApiClient:
    """From now on the key is refused; its account can do nothing any more."""
    _check_manager(actor, client.organisation)
    client = ApiClient.objects.select_for_update().get(pk=client.pk)
    if client.revoked_at is None:
        client.revoked_at = timezone.now()
        client.save(update_fields=["revoked_at"])
        User.objects.filter(pk=client.actor_id).update(is_active=False)
        audit_record(actor=actor, action="api_client_revoke", obj=client, purpose="API-clients beheren",
                     detail={"client": client.prefix, "organisation": client.organisation.code})
    return client
