"""The national side takes in a region's signed hand-over, and refuses — with a Dutch message and nothing stored —
a file that is unsigned, altered, signed with an unknown key or another region's key, about an unapproved quarter,
or the same approval a second time. A corrected re-approval replaces the earlier import and says so."""
import json

import pytest
from django.core.management import CommandError, call_command

from national.conftest import QUARTER, approve, later, sign_with
from tandem.audit.models import AuditEvent
from tandem.core.exceptions import NotPermitted, RuleViolation
from tandem.monitor import services as monitor
from tandem.national import handover, services, signing
from tandem.national.models import HandedLesson, Handover

pytestmark = pytest.mark.django_db


def _nothing_stored():
    assert Handover.objects.count() == 0 and HandedLesson.objects.count() == 0


def _refused(data: bytes, code: str) -> str:
    stored = Handover.objects.count(), HandedLesson.objects.count()
    with pytest.raises(RuleViolation) as refused:
        services.handover_import(data=data)
    assert refused.value.code == code, refused.value.message
    assert (Handover.objects.count(), HandedLesson.objects.count()) == stored  # nothing stored
    return refused.value.message


def test_a_regions_signed_document_imports(national, signed):
    result = services.handover_import(data=signed)
    handover_row = Handover.objects.get()
    assert result.handover == handover_row and result.replaced is None
    assert handover_row.pilot.code == "GV" and handover_row.quarter == QUARTER
    assert handover_row.monitor["disclosure"] == "cbs" and handover_row.document.encode() == signed
    kinds = sorted(HandedLesson.objects.values_list("kind", flat=True))
    assert kinds == ["improvement", "lesson"]
    assert "Ingelezen: Gooi en Vechtstreek, kwartaal 2025-Q1" in result.message
    assert AuditEvent.objects.filter(action="national_handover_import").count() == 1


def test_one_altered_byte_is_refused(national, signed):
    position = signed.index(b'"text": "') + len(b'"text": "') + 2  # inside the lesson's text
    altered = bytearray(signed)
    altered[position] = ord("X") if altered[position] != ord("X") else ord("Y")
    message = _refused(bytes(altered), "altered")
    assert "veranderd" in message
    _nothing_stored()


def test_an_altered_figure_is_refused(national, signed):
    parsed = json.loads(signed)
    parsed["document"]["monitor"]["F_measures_sum"] = 40
    _refused(signing.canonical(parsed), "altered")
    _nothing_stored()


def test_an_unsigned_document_is_refused(national, document):
    message = _refused(signing.canonical({"document": document}), "unsigned")
    assert "niet ondertekend" in message
    _nothing_stored()


def test_an_unknown_key_is_refused(national, document, tmp_path):
    signing.generate(tmp_path / "x.key", tmp_path / "x.pub")
    message = _refused(sign_with(document, tmp_path / "x.key"), "unknown_key")
    assert "niet kent" in message
    _nothing_stored()


def test_another_regions_key_is_refused(national, document, keys):
    """Signed by Amsterdam-Amstelland's key, about Gooi en Vechtstreek."""
    message = _refused(sign_with(document, keys["AA"][0]), "other_region_key")
    assert "sleutel van regio AA" in message
    _nothing_stored()


def test_another_regions_signature_under_this_regions_key_name_is_refused(national, document, keys):
    """Signed by Amsterdam-Amstelland, but the file names Gooi en Vechtstreek's key."""
    parsed = json.loads(sign_with(document, keys["AA"][0]))
    parsed["signature"]["key"] = signing.fingerprint(signing.load_private(keys["GV"][0]).public_key())
    message = _refused(signing.canonical(parsed), "other_region_key")
    assert "Amsterdam-Amstelland" in message
    _nothing_stored()


def test_an_unapproved_quarter_is_refused_even_when_signed(national, document, keys):
    """The region's export never writes one; a document that says so is refused all the same."""
    message = _refused(sign_with({**document, "approved": False}, keys["GV"][0]), "not_approved")
    assert "niet goedgekeurd" in message
    _nothing_stored()


def test_the_same_document_a_second_time_is_refused(national, signed):
    services.handover_import(data=signed)
    message = _refused(signed, "already_imported")
    assert "al eerder ingelezen" in message
    assert Handover.objects.count() == 1


def test_the_same_approval_exported_again_is_refused(national, signed, keys):
    services.handover_import(data=signed)
    again = handover.handover_document(region="GV", quarter=QUARTER)
    again["created_at"] = later(again["created_at"])  # a new export of the same approval
    message = _refused(sign_with(again, keys["GV"][0]), "already_imported")
    assert "al ingelezen" in message and "dezelfde goedkeuring" in message


def test_a_corrected_reapproval_replaces_the_earlier_one_and_says_so(national, signed, keys, actors, site,
                                                                     other_site, region):
    first = services.handover_import(data=signed).handover
    monitor.quarter_reopen(actor=actors["coordinator"], site=site, quarter=QUARTER, reason="Aanmelding vergeten")
    monitor.quarter_submit(actor=actors["consulent"], site=site, quarter=QUARTER)
    monitor.quarter_approve(actor=actors["coordinator"], site=site, quarter=QUARTER)
    corrected = sign_with(handover.handover_document(region="GV", quarter=QUARTER), keys["GV"][0])
    result = services.handover_import(data=corrected)
    assert result.replaced == first
    assert "gecorrigeerde goedkeuring" in result.message and "vervangt de eerder ingelezen versie" in result.message
    first.refresh_from_db()
    assert first.superseded_by == result.handover
    assert list(Handover.objects.filter(superseded_by__isnull=True)) == [result.handover]
    # the earlier file once more: it was already read in
    _refused(signed, "already_imported")


def test_an_older_approval_does_not_replace_a_newer_one(national, document, keys):
    newer = {**document, "approved_at": later(document["approved_at"], 60)}
    services.handover_import(data=sign_with(newer, keys["GV"][0]))
    message = _refused(sign_with(document, keys["GV"][0]), "older_approval")
    assert "latere goedkeuring" in message


def test_an_installation_that_is_not_national_refuses(settings, signed):
    settings.TANDEM_NATIONAL = False
    with pytest.raises(RuleViolation) as refused:
        services.handover_import(data=signed)
    assert refused.value.code == "not_national"
    _nothing_stored()


def test_only_the_national_team_imports(national, signed, actors):
    with pytest.raises(NotPermitted):
        services.handover_import(actor=actors["coordinator"], data=signed)
    _nothing_stored()


def test_a_key_belongs_to_one_region(national, keys):
    with pytest.raises(RuleViolation) as refused:
        services.pilot_key_register(pilot="FV", public_pem=keys["GV"][1].read_bytes())
    assert refused.value.code == "key_known"


def test_import_command_reads_a_file_and_refuses_with_a_dutch_message(national, signed, tmp_path, capsys):
    path = tmp_path / "gv.json"
    path.write_bytes(signed)
    call_command("national", "import", str(path))
    assert "Ingelezen" in capsys.readouterr().out
    with pytest.raises(CommandError, match="al eerder ingelezen"):
        call_command("national", "import", str(path))
    with pytest.raises(CommandError, match="niet lezen"):
        call_command("national", "import", str(tmp_path / "bestaat-niet.json"))


def test_load_pilots_and_register_key_commands(settings, db, keys, capsys):
    settings.TANDEM_NATIONAL = True
    call_command("national", "load-pilots")
    assert "11 proeftuinen en 6 thema's geladen" in capsys.readouterr().out
    call_command("national", "register-key", "--region", "AA", "--public-key", str(keys["AA"][1]))
    assert "Amsterdam-Amstelland" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Onbekende proeftuin"):
        call_command("national", "register-key", "--region", "XX", "--public-key", str(keys["GV"][1]))
