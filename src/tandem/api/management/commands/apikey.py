"""`tandem apikey create --organisation CODE --name NAME [--scope read|write] [--role koppeling|coordinator]
[--days N]` prints only the key, once; `tandem apikey revoke PREFIX`; `tandem apikey list`."""
from django.core.management.base import BaseCommand, CommandError

from tandem.api import services
from tandem.api.models import ApiClient
from tandem.core.exceptions import RuleViolation
from tandem.organisations.models import Organisation


class Command(BaseCommand):
    help = "API-clients: maken (toont de sleutel één keer), intrekken, tonen."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="what", required=True)
        create = sub.add_parser("create")
        create.add_argument("--organisation", required=True)
        create.add_argument("--name", required=True)
        create.add_argument("--scope", default="read", choices=["read", "write"])
        create.add_argument("--role", default="koppeling", choices=["koppeling", "coordinator"])
        create.add_argument("--days", type=int, default=365)
        revoke = sub.add_parser("revoke")
        revoke.add_argument("prefix", help="Het begin van de sleutel: tdm_<dit deel>_…")
        sub.add_parser("list")

    def handle(self, *args, **options):
        try:
            getattr(self, f"_{options['what']}")(options)
        except RuleViolation as exc:
            raise CommandError(exc.message) from exc

    def _create(self, options):
        organisation = Organisation.objects.filter(code=options["organisation"]).first()
        if organisation is None:
            raise CommandError(f"Er is geen organisatie met de code {options['organisation']}.")
        _, key = services.api_client_create(actor=None, organisation=organisation, name=options["name"],
                                            scope=options["scope"], role=options["role"], days=options["days"])
        self.stdout.write(key)

    def _revoke(self, options):
        prefix = options["prefix"].removeprefix("tdm_").split("_")[0]
        client = ApiClient.objects.filter(prefix=prefix).first()
        if client is None:
            raise CommandError("Er is geen API-client met dit begin van de sleutel.")
        services.api_client_revoke(actor=None, client=client)
        self.stdout.write(f"Ingetrokken: {client}")

    def _list(self, options):
        for client in ApiClient.objects.select_related("organisation"):
            state = "ingetrokken" if client.revoked_at else f"geldig tot {client.expires_at:%Y-%m-%d}"
            self.stdout.write("\t".join((f"tdm_{client.prefix}", client.organisation.code, client.name, client.scope,
                                         state)))
