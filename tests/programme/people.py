"""The people of the programme's tests, beside the shared actors (tests/conftest.py): the region's project lead, a
policy officer of the region, and a coordinator of another region. Fixtures: imported by the conftest files of
tests/programme and tests/budget."""
import pytest

from tandem.organisations.models import Organisation, Region

from conftest import make_user


@pytest.fixture
def lead(orgs):
    return make_user("pim", "Pim", "Leider", orgs["coord"], "projectleider")


@pytest.fixture
def policy(orgs):
    return make_user("bea", "Bea", "Beleid", orgs["coord"], "beleid")


@pytest.fixture
def far_region(db):
    return Region.objects.create(code="CG", name="Centraal Gelderland")


@pytest.fixture
def far_coordinator(far_region):
    organisation = Organisation.objects.create(code="REG-CG", name="Regio Centraal Gelderland", kind="other",
                                               region=far_region)
    return make_user("cor", "Cor", "Gelder", organisation, "coordinator")
