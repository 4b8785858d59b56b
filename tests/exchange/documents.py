"""Exchange documents for the tests: the shared scenario, and a small document to break on purpose."""
import copy
import json
from pathlib import Path


def repo_root() -> Path:
    here = Path(__file__).resolve()
    return next(parent for parent in here.parents if (parent / "pyproject.toml").exists())


# In the workspace and in CI the shared directory sits beside the repository.
SCENARIO = repo_root().parent / "shared" / "spec" / "examples" / "gooi-en-vechtstreek" / "scenario.json"


def scenario() -> dict:
    return json.loads(SCENARIO.read_text(encoding="utf-8"))


SMALL = {
    "format": "tandem-exchange",
    "version": 1,
    "region": {"code": "GV", "name": "Gooi en Vechtstreek", "programme_start": "2024-06-01"},
    "sites": [{"code": "HLV", "name": "Toekomsttuin Hilversum", "municipality": "Hilversum"}],
    "organisations": [
        {"code": "GEM-HLV", "name": "Gemeente Hilversum, lokaal team", "kind": "local_team", "site": "HLV"},
        {"code": "VT-GV", "name": "Veilig Thuis Gooi en Vechtstreek", "kind": "veilig_thuis"},
        {"code": "RVDK", "name": "Raad voor de Kinderbescherming", "kind": "rvdk"},
        {"code": "SK", "name": "Samenkracht!", "kind": "experience_experts"},
    ],
    "professionals": [
        {"ref": "p1", "name": "Sanne Bakker", "organisation": "GEM-HLV", "role": "consulent"},
        {"ref": "p2", "name": "Ruud Meijer", "organisation": "VT-GV", "role": "beschermpartner"},
        {"ref": "p3", "name": "Inge Hoekstra", "organisation": "VT-GV", "role": "beschermpartner"},
        {"ref": "p9", "name": "Petra Koster", "organisation": "SK", "role": "ervaringsdeskundige"},
    ],
    "households": [{
        "ref": "h1",
        "site": "HLV",
        "members": [
            {"ref": "m1", "given_names": "Daan", "prefix": "de", "family_name": "Vries", "birth_date": "2016-05-02",
             "bsn": None},
            {"ref": "m2", "given_names": "Fatima", "family_name": "el Amrani", "birth_date": "1988-11-30",
             "bsn": "111222333"},
        ],
        "trajectories": [{
            "ref": "t1",
            "registered_on": "2025-01-14",
            "measure_considered_at_registration": True,
            "closed_on": None,
            "lead": [{"from": "2025-01-14", "professional": "p1"}],
            "team": [{"professional": "p2", "joined_on": "2025-01-20", "left_on": None}],
            "involvements": [
                {"form": "green", "organisation": "VT-GV", "start": "2025-01-20", "end": None,
                 "time": [{"on": "2025-01-21", "hours": 2.0}]},
                {"form": "consult", "organisation": "RVDK", "start": "2025-01-15", "end": "2025-01-15",
                 "anonymous": True},
                {"form": "orange", "organisation": "VT-GV", "start": "2025-02-01", "end": "2025-03-01"},
            ],
            "consents": [{"organisation": "VT-GV", "given_by": "m2", "given_on": "2025-01-18",
                          "withdrawn_on": None, "purpose": "begeleiding en analyse"}],
            "reports": [{"on": "2025-02-01", "organisation": "VT-GV"}],
            "measures": [{"type": "ots", "on": "2025-02-10", "initiated_from_site": True, "subject": "m1",
                          "handled_by": "p3"},
                         {"type": "muhp", "on": "2025-02-20", "initiated_from_site": True, "subject": "m1"}],
            "expert_contacts": [{"on": "2025-01-22", "expert": "p9"}],
        }],
    }],
    "experiences": [
        {"site": "HLV", "quarter": "2025-Q1", "question": "G", "text": "Eén vast gezicht helpt."},
        {"site": "HLV", "quarter": "2025-Q1", "question": "J", "answer": True, "reasons": ["brugfunctie"]},
    ],
}


def small() -> dict:
    return copy.deepcopy(SMALL)


def trajectory(document: dict, household: int = 0, index: int = 0) -> dict:
    return document["households"][household]["trajectories"][index]
