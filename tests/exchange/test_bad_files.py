"""Bad files (issue 11): every one is refused with a Dutch message, exit status 1, no traceback, nothing stored.

The files of the issue run through the real console command in a child process (its own SQLite database, with
one household already imported so that the spreadsheet's site exists); the XLSX bomb's peak memory is that
process's ru_maxrss. Smaller limits and text checks run through `call_command`.
"""
import io
import json
import os
import sqlite3
import subprocess
import sys
import time
import zipfile

import pytest
from django.core.management import CommandError, call_command

from tandem.cases.models import Household
from tandem.exchange import files

from .documents import repo_root, small

MB = 1024 * 1024
SHEET = ('<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">'
         '<c r="A1" t="inlineStr"><is><t>{}</t></is></c></row></sheetData></worksheet>')
BILLION_LAUGHS = ('<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY lol "lol">'
                  + "".join(f'<!ENTITY lol{i} "{("&lol" + (str(i - 1) if i > 1 else "") + ";") * 10}">'
                            for i in range(1, 10))
                  + "]>" + SHEET.format("&lol9;"))
XXE = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>' + SHEET.format("&xxe;")


def sheet_bytes() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.active.append(["kenmerk_gezin", "datum_aanmelding", "maatregel_overwogen", "regiehouder",
                        "lid1_voornamen", "lid1_achternaam"])
    book.active.append(["g1", "2025-01-14", "nee", "p1", "Daan", "Vries"])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def replaced(path, part: str, content: bytes | None = None, *, writer=None):
    """A copy of a real workbook with one part replaced (by `content`, or streamed by `writer(handle)`)."""
    with zipfile.ZipFile(io.BytesIO(sheet_bytes())) as source, \
            zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as target:
        names = source.namelist()
        for name in names:
            if name == part:
                continue
            target.writestr(name, source.read(name))
        if writer is not None:
            with target.open(part, "w", force_zip64=True) as handle:
                writer(handle)
        else:
            target.writestr(part, content)
    return path


def bomb_writer(megabytes: int):
    row = b'<row><c t="inlineStr"><is><t>x</t></is></c></row>' * 2000

    def write(handle):
        handle.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/'
                     b'2006/main"><sheetData>')
        for _ in range(megabytes * MB // len(row)):
            handle.write(row)
        handle.write(b"</sheetData></worksheet>")

    return write


@pytest.fixture(scope="module")
def bad(tmp_path_factory):
    folder = tmp_path_factory.mktemp("bad")
    made = {
        "json-1000-deep.json": ("[" * 1000 + "]" * 1000).encode(),
        "json-100000-deep.json": ('{"a":' * 100_000 + "1" + "}" * 100_000).encode(),
        "latin-1.json": json.dumps(small(), ensure_ascii=False).replace("Daan", "Zoë").encode("latin-1"),
        "utf-16.json": json.dumps(small(), ensure_ascii=False).encode("utf-16"),
    }
    paths = {}
    for name, data in made.items():
        (folder / name).write_bytes(data)
        paths[name] = folder / name
    paths["entities.xlsx"] = replaced(folder / "entities.xlsx", "xl/worksheets/sheet1.xml", BILLION_LAUGHS.encode())
    paths["xxe.xlsx"] = replaced(folder / "xxe.xlsx", "xl/worksheets/sheet1.xml", XXE.encode())
    paths["bomb.xlsx"] = replaced(folder / "bomb.xlsx", "xl/worksheets/sheet1.xml", writer=bomb_writer(400))
    return paths


@pytest.fixture(scope="module")
def cli(tmp_path_factory):
    """`python -m tandem` with its own migrated SQLite database holding one imported household."""
    folder = tmp_path_factory.mktemp("cli")
    database = folder / "cli.sqlite3"
    env = {**os.environ, "TANDEM_DEV": "1", "TANDEM_DATA_DIR": str(folder), "DATABASE_URL": f"sqlite:///{database}"}
    document = folder / "small.json"
    document.write_text(json.dumps(small()), encoding="utf-8")
    for args in (["migrate", "-v0"], ["import", str(document)]):
        subprocess.run([sys.executable, "-m", "tandem", *args], env=env, check=True, cwd=repo_root(),
                       capture_output=True)

    def run(*args):
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "tandem", *args], env=env, cwd=repo_root(),
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        out, err = process.stdout.read().decode(), process.stderr.read().decode()
        process.stdout.close()
        process.stderr.close()
        with sqlite3.connect(database) as db:
            households = db.execute("SELECT count(*) FROM cases_household").fetchone()[0]
        return os.waitstatus_to_exitcode(status), out, err, households, usage.ru_maxrss * 1024, seconds

    return run


EXPECTED = {
    "json-1000-deep.json": "dieper genest dan 20 niveaus",
    "json-100000-deep.json": "dieper genest dan 20 niveaus",
    "latin-1.json": "is geen UTF-8 (regel 1: byte 0xeb; misschien Latin-1",
    "utf-16.json": "opgeslagen als UTF-16",
    "entities.xlsx": "bevat een DTD of entiteiten",
    "xxe.xlsx": "bevat een DTD of entiteiten",
    "bomb.xlsx": "(TANDEM_IMPORT_MAX_UNPACKED); het wordt niet geopend (zipbom?)",
}


@pytest.mark.parametrize("name", list(EXPECTED))
def test_each_bad_file_gets_a_dutch_message_exit_1_no_traceback_nothing_stored(bad, cli, name):
    args = ["import", str(bad[name])] + (["--site", "HLV"] if name.endswith(".xlsx") else [])
    code, out, err, households, peak, seconds = cli(*args)
    print(f"{name}: exit {code}, {seconds:.2f} s, piekgeheugen {peak / MB:.0f} MB")  # docs/security.md
    assert code == 1
    assert "Het bestand is niet geïmporteerd; er is niets gewijzigd" in err and EXPECTED[name] in err
    assert "Traceback" not in err + out
    assert households == 1  # the household imported before; nothing more


def test_the_bomb_is_refused_within_500_mb(bad, cli):
    size = bad["bomb.xlsx"].stat().st_size
    code, _, err, _, peak, seconds = cli("import", str(bad["bomb.xlsx"]), "--site", "HLV")
    print(f"zipbom van {size / 1024:.0f} KB (400 MB uitgepakt): {seconds:.2f} s, piek {peak / MB:.0f} MB")
    assert code == 1 and size < 2 * MB
    assert peak < 500 * MB


# ------------------------------------------------------------------------- the limits and checks, in-process

pytestmark = pytest.mark.django_db


def write(tmp_path, name: str, data) -> str:
    path = tmp_path / name
    path.write_bytes(data if isinstance(data, bytes) else json.dumps(data).encode())
    return str(path)


def refused(path: str, *args) -> str:
    with pytest.raises(CommandError) as failed:
        call_command("import", path, *args)
    assert failed.value.returncode == 1
    assert Household.objects.count() == 0
    return str(failed.value)


def test_utf8_with_a_bom_is_read(tmp_path):
    call_command("import", write(tmp_path, "bom.json", b"\xef\xbb\xbf" + json.dumps(small()).encode()))
    assert Household.objects.count() == 1


def test_utf16_without_a_bom_is_refused(tmp_path):
    data = json.dumps(small()).encode("utf-16-le")
    assert "bevat NUL-tekens" in refused(write(tmp_path, "utf16le.json", data))


def test_a_file_over_the_size_limit_is_not_read(tmp_path, settings):
    settings.TANDEM_IMPORT_MAX_BYTES = 1000
    assert "groter dan 1000 bytes (TANDEM_IMPORT_MAX_BYTES)" in refused(write(tmp_path, "groot.json", small()))


def test_more_households_than_the_limit_are_refused(tmp_path, settings):
    settings.TANDEM_IMPORT_MAX_ROWS = 0
    assert "meer dan 0 gezinnen (TANDEM_IMPORT_MAX_ROWS)" in refused(write(tmp_path, "veel.json", small()))


def test_a_nul_character_in_a_name_is_refused_on_every_database(tmp_path):
    document = small()
    document["households"][0]["members"][0]["given_names"] = "Da\u0000an"
    message = refused(write(tmp_path, "nul.json", document))
    assert "households[0].members[0].given_names: De tekst bevat een onzichtbaar nulteken (NUL)" in message


def test_endless_free_text_is_refused(tmp_path):
    document = small()
    document["experiences"] = [{"site": "HLV", "quarter": "2025-Q1", "question": "G", "text": "x" * 100_000}]
    assert "experiences[0].text: De tekst is te lang: 100.000 tekens" in refused(write(tmp_path, "lang.json",
                                                                                        document))


def test_a_birth_date_before_1900_is_refused(tmp_path):
    document = small()
    document["households"][0]["members"][0]["birth_date"] = "0001-01-01"
    assert "households[0].members[0].birth_date: De geboortedatum (01-01-0001) ligt vóór 1900" in refused(
        write(tmp_path, "oud.json", document))


def test_a_compressed_part_over_the_ratio_is_refused_before_parsing(tmp_path, site):
    path = replaced(tmp_path / "ratio.xlsx", "xl/worksheets/sheet1.xml", writer=bomb_writer(20))
    assert "keer samengeperst, meer dan 100 keer (TANDEM_IMPORT_MAX_RATIO)" in refused(str(path), "--site", "HLV")


def test_json_depth_counts_brackets_outside_strings_only():
    assert files.json_depth('{"a": [1, {"b": "[[[[{{{{"}]}') == 3
    assert files.json_depth("[" * 100_000 + "]" * 100_000) == 100_000


@pytest.mark.parametrize("content", [BILLION_LAUGHS, XXE])
def test_defusedxml_refuses_entities_even_past_the_zip_check(tmp_path, site, monkeypatch, content):
    """Second line: with the declaration scan switched off, openpyxl's parser (defusedxml) still refuses."""
    monkeypatch.setattr(files, "_check_declarations", lambda *args: None)
    path = replaced(tmp_path / "dtd.xlsx", "xl/worksheets/sheet1.xml", content.encode())
    assert "Het XLSX-bestand bevat een DTD of entiteiten en wordt niet geopend." in refused(str(path), "--site",
                                                                                          "HLV")


def test_the_bomb_check_reads_only_the_zip_directory(bad):
    import tracemalloc

    tracemalloc.start()
    start = time.perf_counter()
    with pytest.raises(files.ImportFailed) as failed:
        files.check_xlsx(str(bad["bomb.xlsx"]))
    seconds, peak = time.perf_counter() - start, tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "zipbom" in failed.value.problems[0][1]
    print(f"check_xlsx: {seconds * 1000:.1f} ms, piek {peak / 1024:.0f} KB")
    assert peak < MB
