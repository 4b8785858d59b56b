"""The demo region Gooi en Vechtstreek: invented households and people to try Tandem out locally.

Everything here is fictional. `tandem demo` builds an exchange document (`generator.build_document`), imports
it through `tandem.exchange.importer.import_document` (the same code path as a real import, so the same legal
guardrails), adds triage decisions and journal notes through the services, and gives the demo users one
shared, documented password. It is for local trials only, never for a database with real families.
"""
