"""Rules about the document as a whole (scripts/review/spec_diff/document.py): openapi, servers, security,
named schemas, docs. Each case: base document → head document → changes."""

from __future__ import annotations

import pytest

from tests.review.spec_cases import (
    RESPONSE,
    SCHEMAS,
    B,
    C,
    Case,
    D,
    api,
    check,
    returns,
    with_top,
)

# --- the document ----------------------------------------------------------------------------

SERVER = "servers: [{url: 'https://api.example.com', description: production}]\n"
TOKEN_SCHEME = "components: {securitySchemes: {token: {type: http, scheme: bearer, description: A bearer token.}}}\n"
USED = "security: [{token: []}]\n"
OAUTH = (
    "components: {securitySchemes: {oauth: {type: oauth2, flows: {authorizationCode: {"
    "authorizationUrl: 'https://auth.example.com/authorize', tokenUrl: 'https://auth.example.com/token', "
    "scopes: {read: Read things.}}}}}}\n"
)
GET_THING = """
    /thing:
      get: {operationId: getThing, responses: DONE}
"""
DOCUMENT_CASES = [
    Case(
        "component schema removed",
        base=api("{}", "Used: {type: string}\nUnused: {type: string}\n"),
        head=api("{}", "Used: {type: string}\n"),
        expected=[("component-schema-removed", B, f"{SCHEMAS}/Unused")],
    ),
    Case(
        "component schema added",
        base=api("{}", "Used: {type: string}\n"),
        head=api("{}", "Used: {type: string}\nSpare: {type: string}\n"),
        expected=[("component-schema-added", C, f"{SCHEMAS}/Spare")],
    ),
    Case(
        "security requirement removed, no operation",
        base=with_top("security: [{token: []}]\n"),
        head=with_top("security: []\n"),
        expected=[],  # judged per operation: with none, no call changes
    ),
    Case(
        "unused security scheme changed",
        base=with_top(TOKEN_SCHEME),
        head=with_top(TOKEN_SCHEME.replace("scheme: bearer", "scheme: basic")),
        expected=[("security-details-changed", C, "#/components/securitySchemes/token")],
    ),
    Case(
        "security scheme in use changed",
        base=with_top(TOKEN_SCHEME + USED, GET_THING),
        head=with_top(TOKEN_SCHEME.replace("scheme: bearer", "scheme: basic") + USED, GET_THING),
        expected=[("security-scheme-changed", B, "#/components/securitySchemes/token")],
    ),
    Case(
        "security scheme in use now an API key header",
        base=with_top(TOKEN_SCHEME + USED, GET_THING),
        head=with_top(
            TOKEN_SCHEME.replace("type: http, scheme: bearer", "type: apiKey, in: header, name: X-Key") + USED,
            GET_THING,
        ),
        expected=[("security-scheme-changed", B, "#/components/securitySchemes/token")],
    ),
    Case(
        "bearer scheme spelt Bearer",
        base=with_top(TOKEN_SCHEME + USED, GET_THING),
        head=with_top(TOKEN_SCHEME.replace("scheme: bearer", "scheme: Bearer") + USED, GET_THING),
        expected=[("security-details-changed", C, "#/components/securitySchemes/token")],
    ),
    Case(
        "OAuth URL changed",
        base=with_top(OAUTH + "security: [{oauth: [read]}]\n", GET_THING),
        head=with_top(
            OAUTH.replace("auth.example.com", "login.example.com") + "security: [{oauth: [read]}]\n", GET_THING
        ),
        expected=[("security-details-changed", C, "#/components/securitySchemes/oauth")],
    ),
    Case(
        "unused security scheme added",
        base=with_top(TOKEN_SCHEME + USED, GET_THING),
        head=with_top(
            TOKEN_SCHEME.replace("}}}", "}, key: {type: apiKey, in: header, name: X-Key}}}") + USED, GET_THING
        ),
        expected=[("security-scheme-added", C, "#/components/securitySchemes/key")],
    ),
    Case(
        "security scheme removed with its requirement",
        base=with_top(TOKEN_SCHEME + USED, GET_THING),
        head=with_top("", GET_THING),
        expected=[
            ("security-scheme-removed", C, "#/components/securitySchemes/token"),
            ("security-relaxed", C, "#/security"),
        ],
    ),
    Case(
        "security scheme described",
        base=with_top(TOKEN_SCHEME),
        head=with_top(TOKEN_SCHEME.replace("A bearer token.", "Your API token.")),
        expected=[("docs-changed", D, "#/components/securitySchemes/token/description")],
    ),
    Case(
        "server URL changed",
        base=with_top(SERVER),
        head=with_top(SERVER.replace("api.example.com", "v2.example.com")),
        expected=[("servers-changed", B, "#/servers")],
    ),
    Case(
        "server added",
        base=with_top(SERVER),
        head=with_top(SERVER.replace("}]", "}, {url: 'https://eu.example.com'}]")),
        expected=[("servers-changed", B, "#/servers")],
    ),
    Case(
        "server described",
        base=with_top(SERVER),
        head=with_top(SERVER.replace("production", "live")),
        expected=[("docs-changed", D, "#/servers/0/description")],
    ),
    Case(
        "openapi version changed",
        base=api("{}"),
        head={**api("{}"), "openapi": "3.1.1"},
        expected=[("openapi-version-changed", B, "#/openapi")],
    ),
    Case(
        "info described",
        base={**api("{}"), "info": {"title": "Things", "version": "1.0.0", "description": "A tiny API."}},
        head={**api("{}"), "info": {"title": "Things", "version": "1.0.0", "description": "A small API."}},
        expected=[("docs-changed", D, "#/info/description")],
    ),
    Case(
        "info.version alone",
        base=api("{}"),
        head={**api("{}"), "info": {"title": "Things", "version": "1.0.1"}},
        expected=[],
    ),
    Case(
        "examples changed",
        base=returns("{type: object, properties: {id: {type: integer}}}"),
        head=returns("{type: object, properties: {id: {type: integer}}, example: {id: 1}}"),
        expected=[("docs-changed", D, f"{RESPONSE}/example")],
    ),
]


@pytest.mark.parametrize("case", DOCUMENT_CASES, ids=lambda case: case.name)
def test_rule(case: Case) -> None:
    check(case)
