"""A generated file (Word, Excel, PDF) as a download."""
from django.http import HttpResponse

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def attachment(content: bytes, filename: str) -> HttpResponse:
    """`filename` is built from codes and quarters only (never a name): it shows in the browser's downloads."""
    response = HttpResponse(content, content_type=CONTENT_TYPES[filename.rsplit(".", 1)[-1]])
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
