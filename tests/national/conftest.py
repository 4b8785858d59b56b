"""A region that approved a quarter (Gooi en Vechtstreek, the shared actors of tests/conftest.py), its key pair,
and a national installation in the same database (TANDEM_NATIONAL on) that knows the region as a pilot.

Both sides run the same code against one database here; in use they are separate installations. The tests take
care that the national side only reads what the file carries."""
import datetime as dt

import pytest

from tandem.monitor import services as monitor
from tandem.national import handover, services, signing
from tandem.organisations.models import Organisation, User
from tandem.programme import services as programme

QUARTER = "2025-Q1"
LESSON = ("Op 3 maart belde Fatima el Amrani (06-12345678) met Veilig Thuis; haar zoon Daan (8) voelde zich "
          "daarna veiliger. Het netwerkberaad in Hilversum werkte goed.")


def approve(actors, site, other_site):
    """Submit and approve the quarter for both sites of the region: then the region's figures are final."""
    monitor.quarter_submit(actor=actors["consulent"], site=site, quarter=QUARTER)
    monitor.quarter_submit(actor=actors["other_site"], site=other_site, quarter=QUARTER)
    monitor.quarter_approve(actor=actors["coordinator"], site=site, quarter=QUARTER)
    monitor.quarter_approve(actor=actors["coordinator"], site=other_site, quarter=QUARTER)


@pytest.fixture
def programme_texts(actors, region, site):
    programme.lesson_create(actor=actors["coordinator"], region=region, quarter=QUARTER, aspect="content",
                            text=LESSON, themes="complexe scheidingen, netwerk", site=site)
    programme.improvement_create(actor=actors["coordinator"], region=region, quarter=QUARTER,
                                 title="Vaste tijd voor het netwerkberaad", owner="Jolanda Verbeek",
                                 description="Voorstel van Jolanda Verbeek, teamleider.")


@pytest.fixture
def approved(actors, site, other_site, family, programme_texts):
    approve(actors, site, other_site)
    return QUARTER


@pytest.fixture
def keys(tmp_path):
    """Key pairs of the region (GV) and of another region (AA), as `tandem national keygen` makes them."""
    made = {}
    for code in ("GV", "AA"):
        signing.generate(tmp_path / f"{code}.key", tmp_path / f"{code}.pub")
        made[code] = (tmp_path / f"{code}.key", tmp_path / f"{code}.pub")
    return made


@pytest.fixture
def national(settings, db, keys):
    """The national side: the pilots of seed 004 plus the demo region GV, each with its registered public key."""
    settings.TANDEM_NATIONAL = True
    services.pilots_load()
    services.pilot_create(code="GV", name="Toekomsttuinen Gooi en Vechtstreek", region_name="Gooi en Vechtstreek")
    for code, (_, public) in keys.items():
        services.pilot_key_register(pilot=code, public_pem=public.read_bytes())
    return settings


@pytest.fixture
def document(approved):
    return handover.handover_document(region="GV", quarter=approved)


@pytest.fixture
def signed(document, keys):
    return signing.sign(document, signing.load_private(keys["GV"][0]))


@pytest.fixture
def team_member(db):
    organisation = Organisation.objects.create(code="LP", name="Landelijk programmateam", kind="other")
    return User.objects.create_user(username="lotte", password="x", first_name="Lotte", last_name="Landelijk",
                                    organisation=organisation, role="landelijk")


def sign_with(document: dict, key_path) -> bytes:
    return signing.sign(document, signing.load_private(key_path))


def later(moment: str, minutes: int = 5) -> str:
    return (dt.datetime.fromisoformat(moment) + dt.timedelta(minutes=minutes)).isoformat()
