"""A real SMTP server on localhost (aiosmtpd), started by the test that needs it: e-mail goes through Django's
SMTP backend over a socket, not through a mock."""
import email
import email.policy
import socket

from aiosmtpd.controller import Controller


class Inbox:
    """Keeps every message the server received, parsed."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        message = email.message_from_bytes(envelope.original_content, policy=email.policy.default)
        self.messages.append({"to": envelope.rcpt_tos, "from": envelope.mail_from, "subject": message["subject"],
                              "body": message.get_body(("plain",)).get_content(), "raw": envelope.original_content})
        return "250 OK"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_smtp():
    inbox, port = Inbox(), free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    return controller, inbox, port
