"""Helpers shared by the portal tests."""
from django.urls import reverse

from tandem.portal.services import portal_invite_create

WITHHELD_TEXT = "Melding van de buurvrouw over geschreeuw; naam van de melder niet delen."
WITHHELD_REASON = "Dit beschermt iemand anders die iets heeft verteld."


def portal_login(client, member):
    issued = portal_invite_create(actor=None, member=member)
    response = client.post(reverse("portal:login"), {"login_name": issued.login_name, "code": issued.code})
    assert response.status_code == 302, response.content.decode()[:2000]
    return response
