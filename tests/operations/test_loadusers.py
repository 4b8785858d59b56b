"""`tandem loadtest-data`: the load test's people and families, only on top of the demo, through the services."""
import pytest
from django.core.management import call_command

from tandem.accounts.models import AuthenticatorDevice
from tandem.cases.models import Household, Trajectory
from tandem.demo.loader import DemoRefused
from tandem.demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET
from tandem.operations.loadusers import make_load_users
from tandem.organisations.models import User

SMALL = {"consultants": 2, "partners": 1, "coordinators": 1, "families": 2}


def trajectories_of(manifest) -> dict:
    return {person: {f["trajectory"] for f in families}
            for group in ("consultants", "partners") for person, families in manifest[group].items()}


@pytest.mark.django_db
def test_load_users_sign_in_with_the_demo_secrets_and_run_again_adds_nothing(capsys):
    call_command("demo")
    capsys.readouterr()
    manifest = make_load_users(**SMALL)
    assert sorted(manifest["consultants"]) == ["load-consultant-001", "load-consultant-002"]
    assert all(len(families) == 2 for families in manifest["consultants"].values())
    assert len(manifest["partners"]["load-partner-001"]) == 4
    user = User.objects.get(username="load-partner-001")
    assert user.check_password(DEMO_PASSWORD)
    device = AuthenticatorDevice.objects.get(user=user, confirmed=True)
    assert device.bin_key == AuthenticatorDevice(key=AuthenticatorDevice.key_from_base32(DEMO_TOTP_SECRET)).bin_key
    assert device.verify_token(device.code_at())
    families = {f["trajectory"] for fs in manifest["consultants"].values() for f in fs}
    assert Trajectory.objects.filter(pk__in=families, team__professional=user).count() == 4
    households, trajectories = Household.objects.count(), Trajectory.objects.count()
    again = make_load_users(**SMALL)
    assert trajectories_of(again) == trajectories_of(manifest)
    assert (Household.objects.count(), Trajectory.objects.count()) == (households, trajectories)


@pytest.mark.django_db
def test_load_users_are_refused_without_the_demo():
    with pytest.raises(DemoRefused):
        make_load_users(**SMALL)
    assert not User.objects.filter(username__startswith="load-").exists()
