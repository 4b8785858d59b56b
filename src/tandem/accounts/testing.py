"""For tests only: a Django test client whose `force_login` and `login` also pass the second factor (TOTP).

The suite's `client` fixture (tests/conftest.py) is one of these, so view tests need not type codes; the two
factors themselves are tested through the real pages in tests/accounts."""
from django.test import Client

from tandem.accounts.verification import VERIFIED_KEY


class TwoFactorClient(Client):
    def force_login(self, user, backend=None):
        super().force_login(user, backend)
        self._mark_verified(user.pk)

    def login(self, **credentials):
        signed_in = super().login(**credentials)
        if signed_in:
            self._mark_verified(int(self.session["_auth_user_id"]))
        return signed_in

    def _mark_verified(self, user_pk):
        session = self.session
        session[VERIFIED_KEY] = user_pk
        session.save()
