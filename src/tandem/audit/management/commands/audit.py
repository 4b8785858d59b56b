"""`tandem audit verify [--expect HASH]`: check that no entry of the access log was changed or removed.

Prints the anchor hash (the hash of the newest entry): write it down outside the system (a ticket, a paper
log, an e-mail to the security officer). `--expect` checks that an earlier written-down hash is still in the
chain, so that even replacing the whole log and its anchor is detected.
"""
from django.core.management.base import BaseCommand, CommandError

from tandem.audit.services import audit_hash_known, audit_head, audit_verify


class Command(BaseCommand):
    help = "Controleer het toegangslogboek (tandem audit verify)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify"])
        parser.add_argument("--expect", action="append", default=[],
                            help="een eerder genoteerde ankerhash die nog in het logboek moet staan")

    def handle(self, *args, **options):
        problems = audit_verify()
        problems += [f"Ankerhash {h} staat niet (meer) in het logboek." for h in options["expect"]
                     if not audit_hash_known(h)]
        if problems:
            for problem in problems:
                self.stderr.write(problem)
            raise CommandError(f"Het toegangslogboek is niet intact: {len(problems)} probleem/problemen.")
        head = audit_head()
        count = head.count if head else 0
        self.stdout.write(f"Het toegangslogboek is intact ({count} regels).")
        if head:
            self.stdout.write(f"Ankerhash (noteer deze buiten het systeem): {head.last_hash}")
