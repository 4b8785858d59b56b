"""`tandem portal_code MEMBER_ID`: make a one-time sign-in code for a household member (shown once)."""
import uuid

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from tandem.cases.models import Member
from tandem.core.exceptions import RuleViolation
from tandem.portal.services import CODE_MINUTES, portal_invite_create


class Command(BaseCommand):
    help = "Maak een eenmalige inlogcode voor het gezinsdossier (portaal) van een gezinslid."

    def add_arguments(self, parser):
        parser.add_argument("member_id", help="id (uuid) van het gezinslid")
        parser.add_argument("--minutes", type=int, default=CODE_MINUTES, help="geldig voor zoveel minuten")

    def handle(self, *args, member_id, minutes, **options):
        member = Member.objects.filter(pk=member_id).first() if _is_uuid(member_id) else None
        if member is None:
            raise CommandError("Geen gezinslid met dit id.")
        try:
            issued = portal_invite_create(actor=None, member=member, minutes=minutes)
        except RuleViolation as exc:
            raise CommandError(exc.message) from exc
        self.stdout.write(f"Inlognaam: {issued.login_name}\nInlogcode: {issued.code}\n"
                          f"Geldig tot: {timezone.localtime(issued.invite.expires_at):%d-%m-%Y %H:%M} (één keer te gebruiken)")


def _is_uuid(value: str) -> bool:
    try:
        uuid.UUID(str(value))
    except ValueError:
        return False
    return True
