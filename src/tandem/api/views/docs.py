"""The OpenAPI document and its documentation as a plain HTML page rendered on the server: no script, no CDN."""
from django.shortcuts import render
from django.views.decorators.http import require_GET
from drf_spectacular.generators import SchemaGenerator

METHODS = ("get", "post", "put", "patch", "delete")


def _operations(schema: dict) -> list[dict]:
    rows = []
    for path, item in schema.get("paths", {}).items():
        for method in METHODS:
            operation = item.get(method)
            if not operation:
                continue
            rows.append({"method": method.upper(), "path": path, "summary": operation.get("summary", ""),
                         "id": operation.get("operationId", ""),
                         "parameters": [p for p in operation.get("parameters", [])],
                         "request": _ref(operation.get("requestBody", {})),
                         "responses": [(code, r.get("description", "")) for code, r in
                                       operation.get("responses", {}).items()]})
    return rows


def _ref(body: dict) -> str:
    schema = body.get("content", {}).get("application/json", {}).get("schema", {})
    return schema.get("$ref", "").rsplit("/", 1)[-1]


def _components(schema: dict) -> list[dict]:
    out = []
    for name, component in sorted(schema.get("components", {}).get("schemas", {}).items()):
        fields = [{"name": field, "type": spec.get("type") or spec.get("$ref", "").rsplit("/", 1)[-1]
                   or ", ".join(str(e) for e in spec.get("enum", [])),
                   "description": spec.get("description", ""),
                   "required": field in component.get("required", [])}
                  for field, spec in component.get("properties", {}).items()]
        out.append({"name": name, "fields": fields, "enum": component.get("enum")})
    return out


@require_GET
def api_docs(request):
    schema = SchemaGenerator().get_schema(request=None, public=True)
    return render(request, "api/docs.html", {"info": schema["info"], "operations": _operations(schema),
                                             "components": _components(schema)})
