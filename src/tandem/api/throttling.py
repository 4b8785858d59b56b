"""Rate limit per client: requests per minute, counted with an atomic UPDATE in the database so that every server
process shares one count (the local-memory cache would give each process its own)."""
import time

from django.db import IntegrityError, transaction
from django.db.models import F
from rest_framework.throttling import BaseThrottle

from tandem.api.models import ApiClient, RateWindow


def count_request(client: ApiClient, minute: int) -> int:
    """Add one to this minute's count and return it."""
    with transaction.atomic():
        updated = RateWindow.objects.filter(client=client, minute=minute).update(count=F("count") + 1)
        if not updated:
            try:
                with transaction.atomic():
                    RateWindow.objects.create(client=client, minute=minute, count=1)
                RateWindow.objects.filter(client=client, minute__lt=minute - 5).delete()
            except IntegrityError:  # another process created it first
                RateWindow.objects.filter(client=client, minute=minute).update(count=F("count") + 1)
        return RateWindow.objects.filter(client=client, minute=minute).values_list("count", flat=True).get()


class ClientRateThrottle(BaseThrottle):
    def allow_request(self, request, view) -> bool:
        client = request.auth
        if not isinstance(client, ApiClient):
            return True
        now = time.time()
        self.wait_seconds = 60 - int(now) % 60
        return count_request(client, int(now // 60)) <= client.rate_per_minute

    def wait(self):
        return self.wait_seconds
