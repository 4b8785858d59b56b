"""The trajectory's version as ETag, `If-Match` on every change, and `Idempotency-Key` for a repeated POST."""
import hashlib
import json

from django.core.serializers.json import DjangoJSONEncoder
from django.db import IntegrityError, transaction
from rest_framework import status
from rest_framework.response import Response

from tandem.api.errors import body
from tandem.api.models import IdempotentAnswer

IDEMPOTENCY_HEADER = "Idempotency-Key"


def etag(trajectory) -> str:
    return f'"{trajectory.pk}-{trajectory.version}"'


def with_etag(response: Response, trajectory) -> Response:
    response["ETag"] = etag(trajectory)
    return response


class PreconditionFailed(Exception):
    """Answered by errors.exception_handler with its response (428 or 412)."""

    def __init__(self, response: Response):
        super().__init__(response.data["code"])
        self.precondition_response = response


def expected_version(request, trajectory) -> int:
    """The version the client saw, from `If-Match`: 428 without it, 412 when it is not the current one."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionFailed(Response(body(
            "if_match_required", "Stuur bij een wijziging de header If-Match met de ETag van het traject zoals u het "
            "het laatst las."), status=status.HTTP_428_PRECONDITION_REQUIRED))
    tags = [t.strip().removeprefix("W/") for t in header.split(",")]
    if etag(trajectory) not in tags:
        raise PreconditionFailed(Response(body(
            "stale_version", "Iemand anders heeft dit traject intussen gewijzigd (de ETag klopt niet meer). Lees het "
            "traject opnieuw en stuur uw wijziging dan nog een keer."), status=status.HTTP_412_PRECONDITION_FAILED))
    return trajectory.version


def _request_hash(request) -> str:
    text = json.dumps([request.method, request.path, request.data], sort_keys=True, default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _plain(data):
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


def _replay(answer: IdempotentAnswer) -> Response:
    response = Response(answer.body, status=answer.status)
    response["Idempotent-Replayed"] = "true"
    if answer.etag:
        response["ETag"] = answer.etag
    return response


def _stored(client, key: str, digest: str) -> Response | None:
    answer = IdempotentAnswer.objects.filter(client=client, key=key).first()
    if answer is None:
        return None
    if answer.request_hash != digest:
        return Response(body("idempotency_key_reused", "Deze Idempotency-Key is al gebruikt voor een ander verzoek. "
                             "Gebruik voor elk nieuw verzoek een nieuwe sleutel.", IDEMPOTENCY_HEADER),
                        status=status.HTTP_422_UNPROCESSABLE_ENTITY)
    return _replay(answer)


def idempotent(request, make_response) -> Response:
    """Run `make_response` once per Idempotency-Key of this client: the same POST again gets the same answer and
    changes nothing. Everything runs in one transaction. Only a success is kept (a refused change changed nothing,
    so it may simply be sent again)."""
    key = request.headers.get(IDEMPOTENCY_HEADER, "").strip()
    if not key:
        with transaction.atomic():  # the change and its lines in the access log, all or nothing
            return make_response()
    if len(key) > 100:
        return Response(body("idempotency_key_invalid", "Een Idempotency-Key is hoogstens 100 tekens.",
                             IDEMPOTENCY_HEADER), status=400)
    client, digest = request.auth, _request_hash(request)
    replay = _stored(client, key, digest)
    if replay is not None:
        return replay
    try:
        with transaction.atomic():
            response = make_response()
            if 200 <= response.status_code < 300:
                IdempotentAnswer.objects.create(client=client, key=key, request_hash=digest,
                                                status=response.status_code, body=_plain(response.data),
                                                etag=response.get("ETag", ""))
    except IntegrityError:  # the same key at the same moment: the other one won, and its change stands
        replay = _stored(client, key, digest)
        if replay is None:
            raise
        return replay
    return response
