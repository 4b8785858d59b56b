"""The administration's services: only the beheerder of the region, every action in the access log, people are
deactivated and never deleted, several roles per person, a two-factor reset waits for a second person."""
import pytest

from tandem.accounts.models import AuthenticatorDevice, RecoveryCodeDevice
from tandem.administration import services
from tandem.administration.models import FactorReset
from tandem.audit.models import AuditEvent
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.organisations.models import Organisation, Region, Site, User

from accounts.helpers import give_device


def person(orgs, **changes):
    values = dict(username="nina", first_name="Nina", last_name="Dekker", email="nina@vt.example",
                  organisation=orgs["vt"], roles=["gedragswetenschapper", "coordinator"])
    values.update(changes)
    return services.PersonData(**values)


def actions():
    return list(AuditEvent.objects.values_list("action", flat=True))


def test_only_the_beheerder_of_the_region_administers(orgs, actors, beheerder):
    for who in ("consulent", "coordinator", "partner"):
        with pytest.raises(NotPermitted):
            services.site_create(actor=actors[who], code="WSP", name="Weesp", municipality="Weesp",
                                 monitor_filler="professional", monitor_approver="coordinator")
    other = Region.objects.create(code="CG", name="Centraal Gelderland")
    far = Site.objects.create(region=other, code="ARN", name="Arnhem", municipality="Arnhem")
    with pytest.raises(NotPermitted):
        services.site_update(actor=beheerder, site=far, name="X", municipality="X", monitor_filler="professional",
                             monitor_approver="coordinator")
    assert Site.objects.get(code="ARN").name == "Arnhem"
    beheerder.is_active = False
    with pytest.raises(NotPermitted):
        services.organisation_create(actor=beheerder, code="X", name="X", kind="other")


def test_organisations_and_sites_are_logged(orgs, site, beheerder):
    new_site = services.site_create(actor=beheerder, code="WSP", name="Toekomsttuin Weesp", municipality="Weesp",
                                    monitor_filler="teamleider", monitor_approver="projectleider")
    team = services.organisation_create(actor=beheerder, code="GEM-WSP", name="Lokaal team Weesp", kind="local_team",
                                        site=new_site)
    assert team.site == new_site and team.region is None and new_site.region == site.region
    with pytest.raises(RuleViolation) as error:
        services.organisation_create(actor=beheerder, code="GEM-X", name="X", kind="local_team")
    assert error.value.code == "site_missing"
    with pytest.raises(RuleViolation) as error:
        services.organisation_create(actor=beheerder, code="GEM-WSP", name="Dubbel", kind="other")
    assert error.value.code == "duplicate" and Organisation.objects.filter(code="GEM-WSP").count() == 1
    services.organisation_update(actor=beheerder, organisation=team, name="Sociaal team Weesp", kind="local_team",
                                 site=new_site)
    assert {"admin_site_create", "admin_organisation_create", "admin_organisation_update"} <= set(actions())
    event = AuditEvent.objects.get(action="admin_site_create")
    assert event.detail == {"monitor_filler": "teamleider", "monitor_approver": "projectleider"}


def test_region_settings(region, orgs, beheerder):
    services.region_settings_update(actor=beheerder, emergency_minutes=30, retention_years=25, expiry_window_days=14)
    region.refresh_from_db()
    assert (region.emergency_minutes, region.retention_years, region.expiry_window_days) == (30, 25, 14)
    event = AuditEvent.objects.get(action="admin_region_update")
    assert event.detail["changed"] == ["emergency_minutes", "expiry_window_days", "retention_years"]
    with pytest.raises(RuleViolation):
        services.region_settings_update(actor=beheerder, portal_min_age=17, consent_min_age=16)
    with pytest.raises(RuleViolation):
        services.region_settings_update(actor=beheerder, name="Anders")


def test_emergency_access_lasts_as_the_region_says(region, actors, settings):
    from tandem.security.services import emergency_minutes

    settings.TANDEM_EMERGENCY_MINUTES = 60
    assert emergency_minutes(actors["partner"]) == 60
    region.emergency_minutes = 20
    region.save()
    assert emergency_minutes(User.objects.get(pk=actors["partner"].pk)) == 20


def test_a_person_with_two_roles_is_invited_and_switches(orgs, beheerder, smtp):
    user = services.user_invite(actor=beheerder, data=person(orgs))
    assert user.role == "gedragswetenschapper" and user.held_roles == ["gedragswetenschapper", "coordinator"]
    assert not user.has_usable_password()
    services.role_switch(actor=user, role="coordinator")
    user.refresh_from_db()
    assert user.role == "coordinator" and set(user.held_roles) == {"gedragswetenschapper", "coordinator"}
    with pytest.raises(NotPermitted):
        services.role_switch(actor=user, role="beheerder")
    assert {"admin_user_invite", "admin_invitation_send", "role_switch"} <= set(actions())
    invite = AuditEvent.objects.get(action="admin_user_invite")
    assert "Nina" not in str(invite.detail) and "nina@" not in str(invite.detail)


def test_invitation_refuses_a_taken_username_and_a_foreign_organisation(orgs, beheerder, actors):
    with pytest.raises(RuleViolation) as error:
        services.user_invite(actor=beheerder, data=person(orgs, username="ANNA"))
    assert error.value.code == "username_taken"
    other = Region.objects.create(code="CG", name="Centraal Gelderland")
    far = Organisation.objects.create(code="VT-CG", name="VT CG", kind="veilig_thuis", region=other)
    with pytest.raises(NotPermitted):
        services.user_invite(actor=beheerder, data=person(orgs, organisation=far))
    with pytest.raises(RuleViolation) as error:
        services.user_invite(actor=beheerder, data=person(orgs, roles=[]))
    assert error.value.code == "roles_missing"
    assert not User.objects.filter(username="nina").exists()


def test_roles_change_and_the_active_role_follows(orgs, actors, beheerder):
    anna = actors["consulent"]
    services.user_update(actor=beheerder, user=anna, data=person(orgs, username="anna", organisation=orgs["local"],
                                                                   roles=["teamleider", "consulent"]))
    anna.refresh_from_db()
    assert anna.role == "consulent" and set(anna.held_roles) == {"consulent", "teamleider"}
    services.user_update(actor=beheerder, user=anna, data=person(orgs, username="anna", organisation=orgs["local"],
                                                                   roles=["teamleider"]))
    anna.refresh_from_db()
    assert anna.role == "teamleider" and anna.held_roles == ["teamleider"]
    with pytest.raises(RuleViolation) as error:
        services.user_update(actor=beheerder, user=beheerder, data=person(orgs, organisation=orgs["coord"],
                                                                          roles=["coordinator"]))
    assert error.value.code == "self_change"


def test_deactivate_never_deletes(orgs, actors, beheerder):
    anna = actors["consulent"]
    services.user_deactivate(actor=beheerder, user=anna)
    anna.refresh_from_db()
    assert User.objects.filter(pk=anna.pk).exists() and not anna.is_active
    with pytest.raises(RuleViolation):
        services.user_deactivate(actor=beheerder, user=beheerder)
    services.user_reactivate(actor=beheerder, user=anna)
    assert User.objects.get(pk=anna.pk).is_active
    assert {"admin_user_deactivate", "admin_user_reactivate"} <= set(actions())


def test_a_factor_reset_waits_for_a_second_person(orgs, actors, beheerder, beheerder2):
    anna = actors["consulent"]
    give_device(anna)
    RecoveryCodeDevice.objects.create(user=anna, name="Herstelcodes")
    reset = services.factor_reset_request(actor=beheerder, user=anna, reason="Telefoon kwijt")
    assert AuthenticatorDevice.objects.filter(user=anna).exists()  # nothing happens yet
    with pytest.raises(RuleViolation) as error:
        services.factor_reset_confirm(actor=beheerder, reset=reset)
    assert error.value.code == "same_person"
    with pytest.raises(RuleViolation) as error:
        services.factor_reset_confirm(actor=actors["other_site"], reset=reset)
    assert error.value.code == "not_second_person"
    with pytest.raises(RuleViolation) as error:
        services.factor_reset_request(actor=beheerder2, user=anna, reason="Nog een keer")
    assert error.value.code == "reset_waiting"
    services.factor_reset_confirm(actor=beheerder2, reset=reset)
    assert not AuthenticatorDevice.objects.filter(user=anna).exists()
    assert not RecoveryCodeDevice.objects.filter(user=anna).exists()
    done = FactorReset.objects.get()
    assert done.status == "done" and done.confirmed_by == beheerder2
    event = AuditEvent.objects.get(action="admin_factor_reset_confirm")
    assert event.detail == {"user": anna.pk, "requested_by": beheerder.pk, "as": "beheerder"}


def test_the_team_leader_confirms_a_reset(orgs, actors, beheerder):
    anna = actors["consulent"]
    give_device(anna)
    leader = User.objects.create_user(username="tom", organisation=orgs["local"], role="teamleider")
    far_leader = User.objects.create_user(username="tim", organisation=orgs["local_hzn"], role="teamleider")
    reset = services.factor_reset_request(actor=beheerder, user=anna, reason="Nieuwe telefoon")
    with pytest.raises(RuleViolation):
        services.factor_reset_confirm(actor=far_leader, reset=reset)
    services.factor_reset_confirm(actor=leader, reset=reset)
    assert not AuthenticatorDevice.objects.filter(user=anna).exists()
    assert AuditEvent.objects.get(action="admin_factor_reset_confirm").detail["as"] == "teamleider"


def test_a_reset_needs_a_reason_and_can_be_withdrawn(actors, beheerder):
    with pytest.raises(RuleViolation) as error:
        services.factor_reset_request(actor=beheerder, user=actors["consulent"], reason=" ")
    assert error.value.code == "reason_missing"
    reset = services.factor_reset_request(actor=beheerder, user=actors["consulent"], reason="Kwijt")
    services.factor_reset_withdraw(actor=beheerder, reset=reset)
    assert FactorReset.objects.get().status == "withdrawn"


def test_a_region_keeps_dossiers_longer_when_its_beheerder_says_so(region, family, actors, beheerder, settings):
    import datetime as dt

    from tandem.cases.services import trajectory_close
    from tandem.security.services import retention_apply

    settings.TANDEM_RETENTION_YEARS = 20
    trajectory_close(actor=actors["consulent"], trajectory=family, closed_on=dt.date(2025, 3, 1),
                     end_evaluation="Veilig genoeg.", exit_participants="Anna, Fatima")
    later = dt.date(2046, 3, 2)
    assert retention_apply(today=later, dry_run=True).household_ids == [family.household_id]
    services.region_settings_update(actor=beheerder, retention_years=25)
    assert retention_apply(today=later, dry_run=True).household_ids == []
    assert retention_apply(today=dt.date(2050, 3, 2), dry_run=True).household_ids == [family.household_id]
