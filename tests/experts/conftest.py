"""The pool of Samenkracht! (the experts' organisation of the suite's region): a pool coordinator, profiles, and
Gijs (the suite's expert) in the core pool for Hilversum with the profile LVB."""
import datetime as dt

import pytest

from tandem.cases import services as dossier
from tandem.experts import services
from tandem.organisations.models import User


@pytest.fixture
def pool_coordinator(orgs, password):
    return User.objects.create_user(username="petra", password=password, first_name="Petra", last_name="Koster",
                                    organisation=orgs["ed"], role="poolcoordinator")


@pytest.fixture
def profiles(region, actors):
    return {name: services.profile_add(actor=None, region=region, name=name)
            for name in ("LVB", "Ouder", "Jongere", "Voormalig pleger")}


@pytest.fixture
def expert(orgs, actors, profiles, site, pool_coordinator):
    return services.expert_add(actor=pool_coordinator, organisation=orgs["ed"], user=actors["expert"], pool="core",
                               profiles=[profiles["LVB"]], sites=[site], max_families=2)


@pytest.fixture
def other_expert(orgs, profiles, site, other_site, pool_coordinator, password):
    user = User.objects.create_user(username="ilse", password=password, first_name="Ilse", last_name="Dekker",
                                    organisation=orgs["ed"], role="ervaringsdeskundige")
    return services.expert_add(actor=pool_coordinator, organisation=orgs["ed"], user=user, pool="flex",
                               profiles=[profiles["Ouder"]], sites=[site, other_site])


@pytest.fixture
def call_up(family, actors, profiles, pool_coordinator):
    return services.call_up_request(actor=actors["consulent"], trajectory=family, profile=profiles["LVB"],
                                    purpose="home_visit", wanted_on=dt.date.today() + dt.timedelta(days=3))


@pytest.fixture
def consent_to_pool(family, mother, orgs, actors):
    def give():
        return dossier.consent_record(actor=actors["consulent"], trajectory=family, organisation=orgs["ed"],
                                      given_by=mother, purpose="Een ervaringsdeskundige in het team",
                                      given_on=dt.date.today(), how="conversation")
    return give


@pytest.fixture
def joined(call_up, expert, pool_coordinator, actors, consent_to_pool):
    """Gijs on the family's team through the whole call-up."""
    consent_to_pool()
    services.call_up_propose(actor=pool_coordinator, call_up=call_up, expert=expert)
    return services.call_up_accept(actor=actors["expert"], call_up=call_up)


@pytest.fixture
def other_family(actors, site):
    return dossier.household_register(
        actor=actors["consulent"], site=site, registered_on=dt.date(2025, 1, 20), measure_considered=False,
        members=[dossier.MemberData(given_names="Karin", family_name="Bakker", birth_date=dt.date(1980, 1, 1))],
        reason="Andere zorgen.")
