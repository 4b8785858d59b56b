"""`tandem national demo`: two regions compared over four quarters, through the real signed hand-over."""
import json

import pytest
from django.core.management import CommandError, call_command

from tandem.national.models import HandedLesson, Handover

pytestmark = pytest.mark.django_db


def test_the_demo_compares_two_regions_and_loads_once(settings, capsys):
    settings.TANDEM_NATIONAL = True
    call_command("national", "demo")
    assert "nora.landelijk" in capsys.readouterr().out
    assert set(Handover.objects.values_list("pilot__code", flat=True)) == {"CG", "GV"}
    assert Handover.objects.count() == 8 and all(h.monitor["disclosure"] == "cbs" for h in Handover.objects.all())
    texts = json.dumps(list(HandedLesson.objects.values_list("text", flat=True)))
    assert "Sanne" not in texts and "12 maart" not in texts
    call_command("national", "demo")
    assert Handover.objects.count() == 8


def test_the_demo_is_refused_where_there_are_households(settings, family):
    settings.TANDEM_NATIONAL = True
    with pytest.raises(CommandError, match="echte gegevens"):
        call_command("national", "demo")
    assert Handover.objects.count() == 0
