"""The organisations and professionals of the demo region (names of people are invented)."""

DEMO_PASSWORD = "tandem-demo"
# The one TOTP secret (base32) of every demo user: public, like the password. `tandem totp-code USERNAME` prints
# the current code only for users with this secret; put it in an authenticator app to sign in from a phone.
DEMO_TOTP_SECRET = "TANDEMDEMOGEHEIMTANDEMDEMOGEHEIM"

REGION = {"code": "GV", "name": "Gooi en Vechtstreek", "programme_start": "2024-06-01"}

SITES = [
    {"code": "HLV", "name": "Toekomsttuin Hilversum", "municipality": "Hilversum"},
    {"code": "GMR", "name": "Toekomsttuin Gooise Meren", "municipality": "Gooise Meren"},
    {"code": "HZN", "name": "Toekomsttuin Huizen", "municipality": "Huizen"},
]

ORGANISATIONS = [
    {"code": "GEM-HLV", "name": "Gemeente Hilversum, lokaal team", "kind": "local_team", "site": "HLV"},
    {"code": "GEM-GMR", "name": "Gemeente Gooise Meren, lokaal team", "kind": "local_team", "site": "GMR"},
    {"code": "GEM-HZN", "name": "Gemeente Huizen, lokaal team", "kind": "local_team", "site": "HZN"},
    {"code": "VT-GV", "name": "Veilig Thuis Gooi en Vechtstreek", "kind": "veilig_thuis"},
    {"code": "RVDK", "name": "Raad voor de Kinderbescherming", "kind": "rvdk"},
    {"code": "DJGB", "name": "De Jeugd- en Gezinsbeschermers", "kind": "gi"},
    {"code": "WSS", "name": "William Schrikker Stichting", "kind": "gi"},
    {"code": "LDH", "name": "Leger des Heils Jeugdbescherming & Reclassering", "kind": "gi"},
    {"code": "ZVH-GV", "name": "Zorg- en Veiligheidshuis Gooi en Vechtstreek", "kind": "zvh"},
    {"code": "SK", "name": "Samenkracht!", "kind": "experience_experts"},
    {"code": "RN", "name": "Reclassering Nederland", "kind": "adult_care"},
    {"code": "GGZ-GV", "name": "GGZ-team volwassenen Gooi en Vechtstreek", "kind": "adult_care"},
    {"code": "REG-GV", "name": "Regio Gooi en Vechtstreek, programmabureau", "kind": "other"},
]


def _pro(ref: str, name: str, organisation: str, role: str) -> dict:
    return {"ref": ref, "name": name, "organisation": organisation, "role": role}


# The ref is also the login name.
PROFESSIONALS = [
    _pro("sanne.bakker", "Sanne Bakker", "GEM-HLV", "consulent"),
    _pro("joost.vermeulen", "Joost Vermeulen", "GEM-HLV", "consulent"),
    _pro("lotte.dekker", "Lotte Dekker", "GEM-GMR", "consulent"),
    _pro("mehmet.yildiz", "Mehmet Yildiz", "GEM-GMR", "consulent"),
    _pro("iris.vandam", "Iris van Dam", "GEM-HZN", "consulent"),
    _pro("pieter.kok", "Pieter Kok", "GEM-HZN", "consulent"),
    _pro("marieke.degroot", "Marieke de Groot", "GEM-HLV", "gedragswetenschapper"),
    _pro("anja.willems", "Anja Willems", "GEM-HLV", "teamleider"),
    _pro("thomas.brouwer", "Thomas Brouwer", "VT-GV", "gedragswetenschapper"),
    _pro("ruud.meijer", "Ruud Meijer", "VT-GV", "beschermpartner"),
    _pro("inge.hoekstra", "Inge Hoekstra", "VT-GV", "beschermpartner"),
    _pro("femke.jansen", "Femke Jansen", "RVDK", "beschermpartner"),
    _pro("ahmed.benali", "Ahmed Benali", "RVDK", "beschermpartner"),
    _pro("esther.visser", "Esther Visser", "DJGB", "beschermpartner"),
    _pro("bram.smits", "Bram Smits", "DJGB", "beschermpartner"),
    _pro("yvonne.mulder", "Yvonne Mulder", "WSS", "beschermpartner"),
    _pro("wouter.degraaf", "Wouter de Graaf", "WSS", "beschermpartner"),
    _pro("kees.dijkstra", "Kees Dijkstra", "LDH", "beschermpartner"),
    _pro("sevda.arslan", "Sevda Arslan", "LDH", "beschermpartner"),
    _pro("anouk.peters", "Anouk Peters", "ZVH-GV", "beschermpartner"),
    _pro("rob.hendriks", "Rob Hendriks", "RN", "beschermpartner"),
    _pro("nadia.elidrissi", "Nadia El Idrissi", "GGZ-GV", "beschermpartner"),
    _pro("petra.koster", "Petra Koster", "SK", "ervaringsdeskundige"),
    _pro("dirk.vos", "Dirk Vos", "SK", "ervaringsdeskundige"),
    _pro("marieke.smit", "Marieke Smit", "SK", "poolcoordinator"),
    _pro("wendy.bos", "Wendy Bos", "REG-GV", "coordinator"),
    _pro("hans.timmer", "Hans Timmer", "REG-GV", "projectleider"),
    _pro("linda.vos", "Linda Vos", "REG-GV", "beleid"),
    _pro("beheer", "Beheerder Tandem", "REG-GV", "beheerder"),
]

CONSULENTS = {site["code"]: [p["ref"] for p in PROFESSIONALS if p["organisation"] == f"GEM-{site['code']}"
                             and p["role"] == "consulent"] for site in SITES}

# Who works with a family, and a colleague who handles coercion instead (separation of functions).
VT_WORKER, VT_HANDLER = "ruud.meijer", "inge.hoekstra"
RVDK_WORKER = "femke.jansen"
GI_WORKERS = {"DJGB": ("esther.visser", "bram.smits"), "WSS": ("yvonne.mulder", "wouter.degraaf"),
              "LDH": ("kees.dijkstra", "sevda.arslan")}
EXPERTS = ["petra.koster", "dirk.vos"]
