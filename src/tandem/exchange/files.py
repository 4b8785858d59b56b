"""Reading an import file safely, before anything is parsed (issue 11; docs/security.md, "Safe imports").

Every refusal is an `ImportFailed` with a Dutch message naming the file, so `tandem import` ends with exit status 1
and no traceback. Limits come from settings (TANDEM_IMPORT_MAX_*):
- size: the file is not read past `TANDEM_IMPORT_MAX_BYTES`;
- text: UTF-8 with or without BOM only; UTF-16/32 (by BOM or NUL bytes) and other encodings such as Latin-1 are
  refused with the place of the first wrong byte;
- JSON: nesting deeper than `TANDEM_IMPORT_MAX_DEPTH` is refused before the parser sees it (the parser would
  overflow Python's stack), more than `TANDEM_IMPORT_MAX_ROWS` households too;
- XLSX: the zip's members are checked before openpyxl opens it: unpacked size (`TANDEM_IMPORT_MAX_UNPACKED`), ratio
  per member (`TANDEM_IMPORT_MAX_RATIO`, the zip bomb), and no DTD or entity declaration in any XML part (billion
  laughs, XXE); openpyxl then parses with defusedxml, which refuses those too.
"""
import json
import re
import sys
import zipfile
from pathlib import Path

from django.conf import settings

from tandem.exchange.importer import ImportFailed

MiB = 1024 * 1024
BOMS = {b"\xff\xfe\x00\x00": "UTF-32", b"\x00\x00\xfe\xff": "UTF-32", b"\xff\xfe": "UTF-16", b"\xfe\xff": "UTF-16"}
UTF8_BOM = b"\xef\xbb\xbf"
STRINGS = re.compile(r'"(?:[^"\\]|\\.)*"', re.DOTALL)
NOT_BRACKETS = re.compile(r"[^\[\]{}]+")
DECLARATIONS = (b"<!DOCTYPE", b"<!ENTITY")
RATIO_FROM = MiB  # members smaller than this may be as compressible as they like
MAX_MEMBERS = 10_000
CHUNK = 64 * 1024


def refuse(name: str, message: str) -> ImportFailed:
    return ImportFailed([(name, message)])


def _size_text(limit: int) -> str:
    return f"{limit / MiB:.0f} MB" if limit >= MiB else f"{limit} bytes"


def read_bytes(path: str) -> bytes:
    """The file's bytes (`-`: standard input), refused beyond TANDEM_IMPORT_MAX_BYTES without reading on."""
    limit, name = settings.TANDEM_IMPORT_MAX_BYTES, _name(path)
    try:
        if path == "-":
            data = sys.stdin.buffer.read(limit + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(limit + 1)
    except OSError as error:
        raise refuse(name, f"Het bestand kan niet worden gelezen: {error.strerror}.") from error
    if len(data) > limit:
        raise refuse(name, f"Het bestand is groter dan {_size_text(limit)} (TANDEM_IMPORT_MAX_BYTES). Splits het "
                           "op of vraag de beheerder de grens te verhogen.")
    return data


def _name(path: str) -> str:
    return "(standaardinvoer)" if path == "-" else Path(path).name


def decode_utf8(data: bytes, name: str) -> str:
    """UTF-8, with or without BOM; anything else is refused with a Dutch message."""
    for bom, encoding in BOMS.items():
        if data.startswith(bom):
            raise refuse(name, f"Het bestand is opgeslagen als {encoding}. Tandem leest alleen UTF-8: sla het "
                               "opnieuw op als 'UTF-8'.")
    if b"\x00" in data:
        raise refuse(name, "Het bestand bevat NUL-tekens (bijvoorbeeld UTF-16 zonder BOM, of geen tekstbestand). "
                           "Tandem leest alleen UTF-8: sla het opnieuw op als 'UTF-8'.")
    try:
        return data.removeprefix(UTF8_BOM).decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise refuse(name, f"Het bestand is geen UTF-8 (regel {line}: byte {data[error.start]:#04x}; misschien "
                           "Latin-1 of Windows-1252). Sla het opnieuw op als 'UTF-8'.") from error


def json_depth(text: str) -> int:
    """The deepest nesting of arrays and objects, strings left out; without recursion, in linear time."""
    brackets = NOT_BRACKETS.sub("", STRINGS.sub('""', text))
    depth = deepest = 0
    for char in brackets:
        if char in "[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


def read_json(path: str):
    """An exchange document from a file, after the checks above."""
    name = _name(path)
    text = decode_utf8(read_bytes(path), name)
    limit = settings.TANDEM_IMPORT_MAX_DEPTH
    if json_depth(text) > limit:
        raise refuse(name, f"De JSON is dieper genest dan {limit} niveaus (TANDEM_IMPORT_MAX_DEPTH); een "
                           "uitwisselbestand heeft er hoogstens tien nodig.")
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        raise refuse(name, f"Het bestand is geen geldige JSON (regel {error.lineno}, kolom {error.colno}).") from error
    households = data.get("households") if isinstance(data, dict) else None
    if isinstance(households, list):
        check_rows(len(households), name, "gezinnen")
    return data


def check_rows(count: int, name: str, what: str) -> None:
    limit = settings.TANDEM_IMPORT_MAX_ROWS
    if count > limit:
        raise refuse(name, f"Het bestand heeft meer dan {limit} {what} (TANDEM_IMPORT_MAX_ROWS). Splits het op.")


# --------------------------------------------------------------------------------------------------- XLSX

def check_xlsx(path: str) -> None:
    """The zip checks, before openpyxl opens the file."""
    name = _name(path)
    read_size = Path(path).stat().st_size if Path(path).exists() else 0
    if read_size > settings.TANDEM_IMPORT_MAX_BYTES:
        raise refuse(name, f"Het bestand is groter dan {_size_text(settings.TANDEM_IMPORT_MAX_BYTES)} "
                           "(TANDEM_IMPORT_MAX_BYTES).")
    try:
        with zipfile.ZipFile(path) as archive:
            members = archive.infolist()
            _check_sizes(members, name)
            for member in members:
                if member.filename.endswith((".xml", ".rels", ".vml")):
                    _check_declarations(archive, member, name)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError) as error:
        raise refuse(name, "Het bestand is geen leesbaar XLSX-bestand (beschadigd of geen Excel-bestand).") from error


def _check_sizes(members: list, name: str) -> None:
    if len(members) > MAX_MEMBERS:
        raise refuse(name, "Het XLSX-bestand bestaat uit te veel onderdelen; het wordt niet geopend.")
    unpacked, limit = sum(m.file_size for m in members), settings.TANDEM_IMPORT_MAX_UNPACKED
    if unpacked > limit:
        raise refuse(name, f"Uitgepakt is het XLSX-bestand {unpacked / MiB:.0f} MB, meer dan "
                           f"{_size_text(limit)} (TANDEM_IMPORT_MAX_UNPACKED); het wordt niet geopend (zipbom?).")
    ratio = settings.TANDEM_IMPORT_MAX_RATIO
    for member in members:
        if member.file_size > RATIO_FROM and member.file_size > ratio * max(member.compress_size, 1):
            raise refuse(name, f"Onderdeel {member.filename} is {member.file_size // max(member.compress_size, 1)} "
                               f"keer samengeperst, meer dan {ratio} keer (TANDEM_IMPORT_MAX_RATIO); het bestand "
                               "wordt niet geopend (zipbom?).")


def _check_declarations(archive: zipfile.ZipFile, member: zipfile.ZipInfo, name: str) -> None:
    """No DTD or entity declaration anywhere in the part (read in chunks, the declared size as the bound)."""
    tail = b""
    with archive.open(member) as part:
        while chunk := part.read(CHUNK):
            window = tail + chunk
            if any(mark in window for mark in DECLARATIONS):
                raise refuse(name, f"Onderdeel {member.filename} bevat een DTD of entiteiten (<!DOCTYPE/<!ENTITY>). "
                                   "Excel maakt die niet; zo'n bestand kan de computer overbelasten of bestanden "
                                   "uitlezen (XXE) en wordt niet geopend.")
            tail = window[-16:]
