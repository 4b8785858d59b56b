"""Tandem: the team-model dossier for the Toekomstscenario kind- en gezinsbescherming."""
