"""Security checks for scripts/test (stdlib only): bandit (high-severity findings fail) and pip-audit (known
vulnerabilities in the installed packages fail). pip-audit asks PyPI's advisory service; when PyPI cannot be
reached it says so clearly and does not fail the run: only found vulnerabilities do."""
import json
import subprocess
import urllib.request

from _venv import BIN, ROOT

NETWORK_SIGNS = ("ConnectionError", "Max retries", "NameResolution", "Temporary failure in name resolution",
                 "timed out", "Connection refused", "Network is unreachable", "ProxyError")


def run_bandit() -> int:
    print("\n=== bandit (alleen ernstige bevindingen) ===", flush=True)
    result = subprocess.run([str(BIN / "bandit"), "-r", "src", "-lll", "-q"], cwd=ROOT, check=False)
    return result.returncode


ADVISORY_PROBE = "https://pypi.org/pypi/pip/json"  # the JSON API that carries PyPI's vulnerability data


def pypi_reachable() -> bool:
    """Whether PyPI's JSON API answers (a mirror or proxy that serves only packages is not enough)."""
    try:
        urllib.request.urlopen(ADVISORY_PROBE, timeout=10).close()  # nosec B310: fixed https URL
        return True
    except OSError:  # includes HTTPError (e.g. 404 from a proxy) and URLError
        return False


def _skipped(stdout: str) -> list[str]:
    try:
        report = json.loads(stdout or "{}")
    except json.JSONDecodeError:
        return []
    return [d["name"] for d in report.get("dependencies", []) if d.get("skip_reason")]


def _vulnerabilities(stdout: str) -> list[str]:
    try:
        report = json.loads(stdout or "{}")
    except json.JSONDecodeError:
        return []
    return [f"{d['name']} {d['version']}: {v['id']} (opgelost in {', '.join(v.get('fix_versions') or ['-'])})"
            for d in report.get("dependencies", []) for v in d.get("vulns", [])]


def run_pip_audit() -> int:
    print("\n=== pip-audit (bekende kwetsbaarheden in geïnstalleerde pakketten) ===", flush=True)
    if not pypi_reachable():
        print(f"pip-audit OVERGESLAGEN: PyPI's kwetsbaarhedendienst ({ADVISORY_PROBE}) is niet bereikbaar.")
        return 0
    result = subprocess.run([str(BIN / "pip-audit"), "--skip-editable", "--progress-spinner", "off", "-f", "json"],
                            cwd=ROOT, capture_output=True, text=True, check=False)
    found = _vulnerabilities(result.stdout)
    for line in found:
        print("KWETSBAAR:", line)
    if found:
        return 1
    if result.returncode != 0:
        if any(sign in result.stderr for sign in NETWORK_SIGNS):
            print("pip-audit OVERGESLAGEN: de kwetsbaarhedendatabase is niet bereikbaar.\n" + result.stderr[-500:])
            return 0
        print(result.stderr)
        return result.returncode
    skipped = _skipped(result.stdout)
    if skipped:
        print(f"pip-audit: LET OP, {len(skipped)} pakket(ten) niet gecontroleerd: PyPI's kwetsbaarhedendienst kende ze "
              f"niet of was niet bereikbaar (proxy/mirror?): {', '.join(skipped)}")
    print("pip-audit: geen bekende kwetsbaarheden gevonden in wat gecontroleerd kon worden.")
    return 0


def security_checks() -> int:
    return run_bandit() or run_pip_audit()
