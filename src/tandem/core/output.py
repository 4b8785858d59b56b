"""Where a command's report goes: text to standard output or a file; Word, Excel and PDF only to a file."""
from pathlib import Path

from django.core.management.base import CommandError

BINARY_FORMATS = ("docx", "xlsx", "pdf")


def require_output_for_binary(format: str, output: str | None) -> None:
    if format in BINARY_FORMATS and not output:
        raise CommandError(f"Voor --format {format} is --output BESTAND verplicht, "
                           f"bijvoorbeeld --output rapport.{format}.")


def deliver(command, content: str | bytes, output: str | None, what: str) -> None:
    """Print `content`, or write it to `output` and say so on standard error (a Dutch error when that fails)."""
    if output is None:
        command.stdout.write(content)
        return
    try:
        if isinstance(content, bytes):
            Path(output).write_bytes(content)
        else:
            Path(output).write_text(content + "\n", encoding="utf-8")
    except OSError as error:
        raise CommandError(f"Kan niet schrijven naar '{output}': {error.strerror or error}.") from error
    command.stderr.write(f"{what} geschreven naar {output}.")
