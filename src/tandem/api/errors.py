"""One error shape for every refusal: `{"code": ..., "message": ..., "field": ..., "errors": [...]}`. The code is
English and stable (the rule's code for a refusal by a guardrail or the rights), the message plain Dutch."""
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.http import Http404
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from tandem.core.exceptions import NotPermitted, RuleViolation, StaleEdit

NOT_FOUND = "Niet gevonden. Of het bestaat niet, of uw organisatie mag het niet zien."

DRF_CODES = {
    exceptions.NotAuthenticated: ("not_authenticated", "Stuur de header 'Authorization: Bearer <sleutel>'."),
    exceptions.MethodNotAllowed: ("method_not_allowed", "Deze methode kan hier niet."),
    exceptions.NotAcceptable: ("not_acceptable", "Tandem antwoordt alleen in JSON."),
    exceptions.UnsupportedMediaType: ("unsupported_media_type", "Stuur de gegevens als JSON."),
    exceptions.ParseError: ("parse_error", "De JSON kan niet worden gelezen."),
}


def body(code: str, message: str, field: str | None = None, errors: list | None = None) -> dict:
    return {"code": code, "message": message, "field": field, "errors": errors or []}


def rule_status(exc: RuleViolation) -> int:
    if isinstance(exc, StaleEdit):
        return status.HTTP_412_PRECONDITION_FAILED
    if isinstance(exc, NotPermitted):
        return status.HTTP_403_FORBIDDEN
    return status.HTTP_422_UNPROCESSABLE_ENTITY


def _flatten(detail, prefix: str = "") -> list[dict]:
    if isinstance(detail, dict):
        return [e for key, value in detail.items()
                for e in _flatten(value, f"{prefix}.{key}" if prefix else str(key))]
    if isinstance(detail, list):
        return [e for item in detail for e in _flatten(item, prefix)]
    return [{"field": prefix or None, "message": str(detail)}]


def _api_exception(exc: exceptions.APIException) -> Response:
    if isinstance(exc, exceptions.ValidationError):
        errors = [{**e, "field": None if e["field"] == "non_field_errors" else e["field"]}
                  for e in _flatten(exc.detail)]
        first = errors[0] if errors else {"field": None}
        return Response(body("invalid", "De invoer klopt niet: " + "; ".join(
            f"{e['field']}: {e['message']}" if e["field"] else e["message"] for e in errors), first["field"], errors),
            status=400)
    if isinstance(exc, exceptions.Throttled):
        response = Response(body("rate_limited", f"Te veel verzoeken. Probeer het over {exc.wait or 60} seconden "
                                                 "opnieuw."), status=429)
        response["Retry-After"] = str(int(exc.wait or 60))
        return response
    known = next((v for k, v in DRF_CODES.items() if isinstance(exc, k)), None)
    if known:
        return Response(body(*known), status=exc.status_code)
    if isinstance(exc, exceptions.NotFound):
        return Response(body("not_found", NOT_FOUND), status=404)
    code = exc.get_codes() if isinstance(exc.get_codes(), str) else "error"
    return Response(body(code, str(exc.detail)), status=exc.status_code)


def exception_handler(exc, context):
    """DRF's handler, in Tandem's shape; RuleViolation (and NotPermitted, StaleEdit) from the services too."""
    if getattr(exc, "precondition_response", None) is not None:  # http.PreconditionFailed: 428 or 412
        return exc.precondition_response
    if isinstance(exc, RuleViolation):
        return Response(body(exc.code, exc.message, exc.field), status=rule_status(exc))
    if isinstance(exc, Http404):
        return Response(body("not_found", NOT_FOUND), status=404)
    if isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    if isinstance(exc, exceptions.APIException):
        response = _api_exception(exc)
        for header in ("WWW-Authenticate",):
            original = drf_handler(exc, context)
            if original is not None and header in original:
                response[header] = original[header]
        if isinstance(exc, exceptions.PermissionDenied) and exc.detail == exceptions.PermissionDenied.default_detail:
            response.data = body("forbidden", "U mag dit niet met deze sleutel.")
        return response
    return None


@csrf_exempt
def json_404(request, exception=None):
    """A 404 under /api/ that the URL resolver gives (no view): the same shape."""
    from django.http import JsonResponse

    return JsonResponse(body("not_found", NOT_FOUND), status=404)
