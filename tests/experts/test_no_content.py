"""Counted, never described: no model, form, import or export has a field for what happened in an expert's
contact or session (seed 000: "hun inzet wordt geteld, niet beschreven")."""
import json
from pathlib import Path

import pytest
from django import forms as django_forms
from django.db import models

from tandem.cases.forms import ExpertContactForm

from tandem.cases.models import ExpertContact
from tandem.experts import forms
from tandem.experts.models import Contact, Session

ALLOWED = {
    Contact: {"id", "expert", "trajectory", "site", "profile", "on", "kind", "number", "minutes", "dossier_contact",
              "recorded_at", "voices"},
    Session: {"id", "organisation", "kind", "held_on", "attendees", "recorded_by"},
    ExpertContact: {"id", "trajectory", "on", "expert", "+"},
}


@pytest.mark.parametrize("model", list(ALLOWED))
def test_the_models_hold_no_text(model):
    names = {f.name for f in model._meta.get_fields()}
    assert names <= ALLOWED[model], names - ALLOWED[model]
    assert not [f for f in model._meta.concrete_fields if isinstance(f, (models.TextField, models.JSONField))]
    free_chars = [f.name for f in model._meta.concrete_fields if isinstance(f, models.CharField) and not f.choices]
    assert free_chars == []


@pytest.mark.parametrize("form", [forms.ContactForm, forms.SessionForm, ExpertContactForm])
def test_the_forms_ask_no_text(form):
    texts = [n for n, f in form.base_fields.items() if isinstance(f, django_forms.CharField)]
    assert texts == []


def test_the_check_sees_a_text_field():
    class WithNotes(forms.ContactForm):
        notes = django_forms.CharField()

    assert [n for n, f in WithNotes.base_fields.items() if isinstance(f, django_forms.CharField)] == ["notes"]


def test_the_exchange_format_has_no_content_for_expert_contacts():
    schema = json.loads((Path(__import__("tandem.exchange", fromlist=["x"]).__file__).parent / "schema.json")
                        .read_text())

    def find(node):
        if isinstance(node, dict):
            if "expert_contacts" in node.get("properties", {}):
                return node["properties"]["expert_contacts"]
            for value in node.values():
                found = find(value)
                if found is not None:
                    return found
        elif isinstance(node, list):
            for value in node:
                found = find(value)
                if found is not None:
                    return found
        return None

    contacts = find(schema)
    assert contacts is not None
    text = json.dumps(contacts)
    items = contacts["items"]
    if "$ref" in items:
        ref = items["$ref"].split("/")[-1]
        items = schema.get("$defs", schema.get("definitions", {}))[ref]
        text = json.dumps(items)
    assert set(items["properties"]) <= {"on", "expert", "kind", "number", "minutes"}, text
