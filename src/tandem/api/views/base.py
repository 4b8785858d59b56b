"""What every endpoint shares: paging, query filters, the error responses in the schema, and the write pattern
(If-Match, one service call, the ETag of the trajectory after it, an Idempotency-Key)."""
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, inline_serializer
from rest_framework import serializers, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.response import Response

from tandem.api import http
from tandem.api.selectors import log_write, trajectory_for
from tandem.api.serializers import Error
from tandem.cases.models import Trajectory


class Paging(PageNumberPagination):
    page_size = 25
    page_size_query_param = "page_size"
    max_page_size = 100
    invalid_page_message = "Deze pagina bestaat niet."


def page_of(request, view, rows, serializer_class, context: dict | None = None) -> Response:
    paging = Paging()
    page = paging.paginate_queryset(rows, request, view=view)
    response = paging.get_paginated_response(serializer_class(page, many=True, context=context or {}).data)
    response.rows = page  # the objects on this page, for the access log
    return response


def filters(request, serializer_class) -> dict:
    """The query parameters, checked (a wrong value is a 400 in the error shape)."""
    serializer = serializer_class(data=request.query_params)
    serializer.is_valid(raise_exception=True)
    return serializer.validated_data


ERRORS = {
    400: OpenApiResponse(Error, "De invoer klopt niet."),
    401: OpenApiResponse(Error, "Geen, een verkeerde, een ingetrokken of een verlopen sleutel."),
    403: OpenApiResponse(Error, "Niet toegestaan (de rechten van docs/rights.md, of een sleutel die alleen leest)."),
    404: OpenApiResponse(Error, "Niet gevonden, of niet voor uw organisatie."),
    429: OpenApiResponse(Error, "Te veel verzoeken; zie Retry-After."),
}
WRITE_ERRORS = {
    **ERRORS,
    412: OpenApiResponse(Error, "If-Match is niet de huidige versie van het traject."),
    422: OpenApiResponse(Error, "Geweigerd door een regel (code en uitleg van de regel)."),
    428: OpenApiResponse(Error, "If-Match ontbreekt."),
}
IF_MATCH = OpenApiParameter("If-Match", str, OpenApiParameter.HEADER, required=True,
                            description="De ETag van het traject zoals u het het laatst las.")
IDEMPOTENCY = OpenApiParameter("Idempotency-Key", str, OpenApiParameter.HEADER, required=False,
                               description="Een eigen sleutel per wijziging: hetzelfde verzoek nog eens verandert "
                                           "niets en geeft hetzelfde antwoord.")
TRAJECTORY_ID = OpenApiParameter("trajectory_id", OpenApiTypes.UUID, OpenApiParameter.PATH,
                                 description="Id van het traject.")


def paged(serializer_class):
    """The schema of one page: count, next, previous and the results."""
    name = serializer_class.__name__.removesuffix("Out")
    return inline_serializer(name=f"{name}Page", fields={
        "count": serializers.IntegerField(), "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True), "results": serializer_class(many=True)})


def read_responses(serializer) -> dict:
    return {200: serializer, **ERRORS}


def write_responses(serializer) -> dict:
    return {201: serializer, **WRITE_ERRORS}


def change(request, trajectory_id, *, input_class, what: str, do, output_class):
    """The write pattern: the trajectory as the client may see it, If-Match, the input, one service call
    (`do(trajectory, access, data, expected_version)` returns the new object), the access log, 201 with the new
    ETag. Repeated with the same Idempotency-Key, it answers the first answer again."""

    def make() -> Response:
        trajectory, access = trajectory_for(request.user, trajectory_id)
        expected = http.expected_version(request, trajectory)
        serializer = input_class(data=request.data)
        serializer.is_valid(raise_exception=True)
        obj = do(trajectory, access, serializer.validated_data, expected)
        log_write(request, what, trajectory, obj if hasattr(obj, "pk") else None)
        fresh = Trajectory.objects.get(pk=trajectory.pk)
        return http.with_etag(Response(output_class(obj).data, status=status.HTTP_201_CREATED), fresh)

    return http.idempotent(request, make)
