"""Every character field of the dossier, the safety plan and the portal refuses a NUL character and text longer
than the field holds, however the row is saved (core/models.py: TextChecked), with a Dutch message naming the
field; nothing is stored."""
import datetime as dt

import pytest
from django.apps import apps

from tandem.cases import services
from tandem.core.exceptions import RuleViolation
from tandem.core.models import TextChecked
from tandem.core.text import FREE_TEXT_MAX


def test_every_model_of_the_dossier_checks_its_texts():
    for app in ("cases", "safetyplan", "portal"):
        for model in apps.get_app_config(app).get_models():
            assert issubclass(model, TextChecked), model


@pytest.mark.parametrize("text, code", [("Huisbezoek\x00 afgelegd", "text_nul"),
                                        ("a" * (FREE_TEXT_MAX + 1), "text_too_long")])
def test_a_journal_entry_with_a_nul_or_a_book_is_refused(actors, family, text, code):
    before = family.journal.count()
    with pytest.raises(RuleViolation) as info:
        services.journal_entry_add(actor=actors["consulent"], trajectory=family, kind="contact_note",
                                   nature="fact", source="huisbezoek", text=text)
    assert (info.value.code, info.value.field) == (code, "text")
    assert family.journal.count() == before


def test_the_close_form_refuses_a_nul_at_its_field(client, actors, family):
    from django.urls import reverse
    client.force_login(actors["consulent"])
    data = {"expected_version": family.version, "closed_on": dt.date(2025, 6, 1).isoformat(),
            "end_evaluation": "Rustig\x00", "exit_participants": "Anna", "confirmed": "on"}
    html = client.post(reverse("workspace:trajectory_close", args=[family.pk]), data).content.decode()
    assert "Eindevaluatie: Null-tekens zijn niet toegestaan." in html  # the form's own check, at its field
    family.refresh_from_db()
    assert family.closed_on is None
