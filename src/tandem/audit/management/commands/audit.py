"""`tandem audit verify [--anchor FILE] [--expect HASH]` and `tandem audit anchor [--output FILE] [--syslog]`.

verify: checks every entry of the access log with the key (TANDEM_AUDIT_KEY) and, given an anchor file (or
TANDEM_AUDIT_ANCHOR_FILE), against its newest line, so that an emptied, shortened or rebuilt log is named.
anchor: appends one line (time, count, last sequence number and hash, HMAC) to a file outside the database,
and/or sends it to syslog; run it from cron, e.g. every hour. Exit status 1 with a Dutch message on any problem.
"""
import os
import socket

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from tandem.audit.verification import audit_anchor_line, audit_check, audit_hash_known, newest_anchor

SHOWN = 50


class Command(BaseCommand):
    help = "Controleer het toegangslogboek (verify) of schrijf een anker buiten de database (anchor)."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["verify", "anchor"])
        parser.add_argument("--anchor", metavar="BESTAND",
                            help="verify: vergelijk met de nieuwste regel van dit ankerbestand")
        parser.add_argument("--output", metavar="BESTAND", help="anchor: voeg het anker toe aan dit bestand")
        parser.add_argument("--syslog", nargs="?", const="/dev/log", metavar="ADRES",
                            help="anchor: stuur het anker naar syslog (standaard /dev/log; of host:poort voor UDP)")
        parser.add_argument("--expect", action="append", default=[],
                            help="verify: een eerder genoteerde hash die nog in het logboek moet staan")

    def handle(self, *args, action, **options):
        if action == "anchor":
            return self.write_anchor(options["output"] or settings.TANDEM_AUDIT_ANCHOR_FILE, options["syslog"])
        return self.verify(options["anchor"] or settings.TANDEM_AUDIT_ANCHOR_FILE, options["expect"])

    def anchor_from(self, path: str):
        try:
            return newest_anchor(path)
        except ValueError as error:
            raise CommandError(str(error), returncode=1) from error

    def verify(self, path: str, expected: list[str]):
        anchor = self.anchor_from(path) if path else None
        check = audit_check(anchor=anchor)
        problems = check.problems + [f"Hash {h} staat niet (meer) in het logboek." for h in expected
                                     if not audit_hash_known(h)]
        if problems:
            for problem in problems[:SHOWN]:
                self.stderr.write(problem)
            if len(problems) > SHOWN:
                self.stderr.write(f"… en nog {len(problems) - SHOWN} problemen.")
            raise CommandError(f"Het toegangslogboek is niet intact: {len(problems)} probleem/problemen.",
                               returncode=1)
        self.stdout.write(f"Het toegangslogboek is intact ({check.count} regels, laatste volgnummer {check.seq}).")
        self.stdout.write(f"Laatste hash: {check.hash}")
        if anchor is not None:
            self.stdout.write(f"Het anker van {anchor.time} ({anchor.count} regels) klopt.")
        else:
            self.stdout.write("Let op: zonder extern anker (--anchor of TANDEM_AUDIT_ANCHOR_FILE) is niet te zien of "
                              "de nieuwste regels zijn verwijderd. Schrijf regelmatig een anker met `tandem audit "
                              "anchor`.")

    def write_anchor(self, path: str, syslog: str | None):
        if not path and not syslog:
            raise CommandError("Geef --output BESTAND of --syslog (of zet TANDEM_AUDIT_ANCHOR_FILE).", returncode=1)
        earlier = self.anchor_from(path) if path and os.path.exists(path) and os.path.getsize(path) else None
        check = audit_check(anchor=earlier)
        if check.problems:
            for problem in check.problems[:SHOWN]:
                self.stderr.write(problem)
            raise CommandError("Het toegangslogboek is niet intact; er is geen anker geschreven.", returncode=1)
        line = audit_anchor_line(check)
        if path:
            self.append(path, line)
        if syslog:
            self.send(syslog, line)
        self.stdout.write(line)

    def append(self, path: str, line: str) -> None:
        try:
            with open(path, "a", encoding="utf-8") as handle:
                handle.write(line + "\n")
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            raise CommandError(f"Kan het anker niet schrijven naar {path}: {error.strerror}.", returncode=1) from error

    def send(self, address: str, line: str) -> None:
        """One syslog datagram (facility auth, level info): to host:port over UDP, or to a local socket."""
        message = f"<38>tandem-audit-anchor: {line}".encode()
        host, _, port = address.rpartition(":")
        try:
            if host and port.isdigit():
                with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as sock:
                    sock.sendto(message, (host, int(port)))
            else:
                with socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as sock:
                    sock.connect(address)
                    sock.send(message)
        except OSError as error:
            raise CommandError(f"Kan het anker niet naar syslog ({address}) sturen: {error.strerror or error}.",
                               returncode=1) from error
