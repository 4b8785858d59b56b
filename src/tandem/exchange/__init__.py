"""The exchange format (../shared/spec/exchange.md): `import_document` reads it, `export_document` writes it.

A plain package, not a Django app: it has no models of its own. `schema.json` is the JSON Schema of the format.
"""
