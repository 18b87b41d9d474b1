"""The base every stage stands on: where things are, safe YAML with locations, the OpenAPI walker, spec
checks, recordings, schemathesis conformance, the secret scan, and the SDK names and calls the tools share.
Imports nothing from the other stages."""
