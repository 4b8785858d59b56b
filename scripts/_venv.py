"""Shared by scripts/start and scripts/test: make .venv/ and install the project into it (stdlib only)."""
import os
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")


def run(*args, env=None, check=True):
    print("+", " ".join(str(a) for a in args), flush=True)
    return subprocess.run([str(a) for a in args], cwd=ROOT, env=env, check=check)


def ensure_venv(extras: str = "") -> None:
    """Create .venv/ when missing and (re)install the project when pyproject.toml changed."""
    if sys.version_info < (3, 11):
        sys.exit("Tandem heeft Python 3.11 of nieuwer nodig.")
    if not (BIN / "python").exists():
        venv.EnvBuilder(with_pip=True).create(VENV)
    stamp = VENV / f".installed{extras}"
    wanted = (ROOT / "pyproject.toml").read_text()
    if not stamp.exists() or stamp.read_text() != wanted:
        run(BIN / "python", "-m", "pip", "install", "--quiet", "--upgrade", "pip")
        run(BIN / "python", "-m", "pip", "install", "--quiet", "-e", f".{extras}")
        stamp.write_text(wanted)


def tandem_env(**extra) -> dict:
    env = dict(os.environ, TANDEM_DEV="1", **extra)
    env["PATH"] = f"{BIN}{os.pathsep}{env.get('PATH', '')}"
    return env
