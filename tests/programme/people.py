"""The people of the programme's tests, beside the shared actors (tests/conftest.py): the region's project lead, a
policy officer of the region, and a coordinator of another region. Fixtures: imported by the conftest files of
tests/programme and tests/budget; `person` also serves tests/security and tests/e2e."""
import pytest

from tandem.organisations.models import Organisation, Region, User


def person(username: str, role: str, organisation, password: str) -> User:
    return User.objects.create_user(username=username, password=password, first_name=username.capitalize(),
                                    last_name="Test", organisation=organisation, role=role)


@pytest.fixture
def lead(orgs, password):
    return person("pim", "projectleider", orgs["coord"], password)


@pytest.fixture
def policy(orgs, password):
    return person("bea", "beleid", orgs["coord"], password)


@pytest.fixture
def far_region(db):
    return Region.objects.create(code="CG", name="Centraal Gelderland")


@pytest.fixture
def far_coordinator(far_region, password):
    organisation = Organisation.objects.create(code="REG-CG", name="Regio Centraal Gelderland", kind="other",
                                               region=far_region)
    return person("cor", "coordinator", organisation, password)
