"""The region's side: the document of an approved quarter (CBS rule applied, free text pseudonymised), the refusal
of a quarter that is not approved, and `tandem national keygen` / `export` on the command line."""
import json

import pytest
from django.core.management import CommandError, call_command

from national.conftest import QUARTER, approve
from tandem.audit.models import AuditEvent
from tandem.core.exceptions import RuleViolation
from tandem.monitor import services as monitor
from tandem.national import handover, signing

pytestmark = pytest.mark.django_db


def _counts(value):
    """Every number of a protected monitor (ints, apart from percentages and hours)."""
    if isinstance(value, dict):
        for key, item in value.items():
            if key not in ("pct_of_active", "C_pct", "E_pct_of_A", "F_measures_pct_of_active", "avg_hours_per_week",
                           "intensity"):
                yield from _counts(item)
    elif isinstance(value, list):
        pass  # texts
    elif isinstance(value, int) and not isinstance(value, bool):
        yield value


def test_the_document_carries_the_approved_figures_with_the_cbs_rule(document):
    monitor_part = document["monitor"]
    assert monitor_part["disclosure"] == "cbs"
    assert monitor_part["A"] == "geheim" and monitor_part["active"] == "geheim"  # one family: 1 is secret
    assert all(number % 5 == 0 for number in _counts(monitor_part))
    assert document["approved"] is True and document["region"] == {"code": "GV", "name": "Gooi en Vechtstreek"}


def test_free_text_leaves_the_region_without_names(document):
    text = json.dumps(document, ensure_ascii=False)
    for personal in ("Fatima", "Amrani", "Daan", "06-12345678", "3 maart", "Jolanda", "Verbeek"):
        assert personal not in text, personal
    lesson = document["lessons"][0]
    assert "[gezinslid]" in lesson["text"] and "[telefoonnummer]" in lesson["text"]
    assert "Veilig Thuis" in lesson["text"] and "netwerkberaad" in lesson["text"] and "Hilversum" in lesson["text"]
    assert lesson["themes"] == ["complexe scheidingen", "netwerk"] and lesson["site"] == "Toekomsttuin Hilversum"
    assert document["improvements"][0]["title"] == "Vaste tijd voor het netwerkberaad"


def test_the_regions_household_members_are_known_persons(document):
    """Fatima and Daan are members of a household of the region: they become "[gezinslid]", which does not say
    who (the same label for everyone)."""
    text = document["lessons"][0]["text"]
    assert text.count("[gezinslid]") >= 2 and "[gezinslid 1]" not in text


def test_experiences_are_pseudonymised_too(actors, site, other_site, family, programme_texts):
    monitor.experience_record(actor=actors["consulent"], site=site, quarter=QUARTER, question="I",
                              text="Moeder Fatima el Amrani zei dat Daan weer lacht.")
    monitor.experience_record(actor=actors["consulent"], site=site, quarter=QUARTER, question="J", answer=True,
                              reasons=["Petra de Boer begreep ons"])
    approve(actors, site, other_site)
    document = handover.handover_document(region="GV", quarter=QUARTER)
    experiences = json.dumps(document["monitor"]["experiences"], ensure_ascii=False)
    assert "Fatima" not in experiences and "Daan" not in experiences and "Petra" not in experiences
    assert "[persoon" in experiences


def test_a_quarter_that_is_not_approved_does_not_leave_the_region(actors, site, other_site, family):
    monitor.quarter_submit(actor=actors["consulent"], site=site, quarter=QUARTER)
    monitor.quarter_approve(actor=actors["coordinator"], site=site, quarter=QUARTER)  # Huizen not yet
    with pytest.raises(RuleViolation) as refused:
        handover.handover_document(region="GV", quarter=QUARTER)
    assert refused.value.code == "not_approved" and "Toekomsttuin Huizen" in refused.value.message


def test_a_reopened_quarter_is_no_longer_approved(actors, site, other_site, approved):
    monitor.quarter_reopen(actor=actors["coordinator"], site=site, quarter=QUARTER, reason="Correctie")
    with pytest.raises(RuleViolation, match="nog niet goedgekeurd"):
        handover.handover_document(region="GV", quarter=QUARTER)


def test_keygen_and_export_commands_write_a_signed_file(approved, tmp_path, capsys):
    call_command("national", "keygen", "--private-key", str(tmp_path / "gv.key"),
                 "--public-key", str(tmp_path / "gv.pub"))
    assert "Vingerafdruk" in capsys.readouterr().out
    call_command("national", "export", "--region", "GV", "--quarter", QUARTER, "--key", str(tmp_path / "gv.key"),
                 "--output", str(tmp_path / "gv.json"))
    envelope = signing.read((tmp_path / "gv.json").read_bytes())
    assert signing.verify(envelope, signing.load_public((tmp_path / "gv.pub").read_bytes()))
    assert envelope.document["quarter"] == QUARTER
    assert AuditEvent.objects.filter(action="national_handover_export").exists()


def test_export_of_an_unapproved_quarter_fails_with_a_dutch_message(family, keys, tmp_path):
    with pytest.raises(CommandError, match="nog niet goedgekeurd"):
        call_command("national", "export", "--region", "GV", "--quarter", QUARTER, "--key", str(keys["GV"][0]),
                     "--output", str(tmp_path / "out.json"))
    assert not (tmp_path / "out.json").exists()


def test_export_without_a_key_says_how(approved, tmp_path, settings):
    settings.TANDEM_SIGNING_KEY_FILE = ""
    with pytest.raises(CommandError, match="--key"):
        call_command("national", "export", "--region", "GV", "--quarter", QUARTER, "--output", str(tmp_path / "o"))


def test_reasons_that_read_the_same_without_names_are_counted_together():
    experiences = {"G": ["Jan belde."], "H": [], "I": [], "K": [],
                   "J": {"yes": 10, "no": "geheim",
                         "reasons": {"Jan hielp": 10, "Piet hielp": 5, "Kees hielp": "geheim",
                                     "herkenning en hoop": 10}}}
    out = handover._experiences(experiences, lambda text: "[persoon] " + text.split(" ", 1)[1])
    assert out["G"] == ["[persoon] belde."]
    assert out["J"]["reasons"] == {"[persoon] hielp": "geheim", "herkenning en hoop": 10}
    assert experiences["J"]["reasons"]["Jan hielp"] == 10  # the input is not changed
