"""Every rule of scripts.review.spec_diff, case by case: a base document, a head document, and exactly
the changes expected between them, as (rule, level, JSON pointer), in order.

Each document is written out as literal YAML through a few small builders: `api(paths)` for
a whole tiny API, `returns(schema)` for one that returns a schema (the response side),
`accepts(schema)` for one that takes it as a request body (the request side) and
`takes(parameters)` for one operation's parameters. The cases are grouped by what they
change: operations, parameters, request bodies, responses, schemas on the response side,
the same rules on the request side, and the document.
"""

from __future__ import annotations

import re
import textwrap
from dataclasses import dataclass
from typing import Any

import pytest
import yaml

from scripts.core.paths import ROOT
from scripts.review import rules as diff_rules
from scripts.review import spec_diff
from scripts.review.rules import Level

B, C, D = Level.BREAKING, Level.COMPATIBLE, Level.DOCS

# --- builders --------------------------------------------------------------------------------

DONE = '{"204": {description: Done.}}'  # `responses: DONE` in a builder's YAML stands for this


def api(paths: str, schemas: str = "", top: str = "") -> dict[str, Any]:
    """A tiny API: paths (and components.schemas) as block YAML; top: other top-level keys."""
    text = "openapi: 3.1.0\ninfo: {title: Things, version: 1.0.0}\n" + textwrap.dedent(top)
    paths = textwrap.dedent(paths).strip("\n") + "\n"
    text += "paths:\n" + textwrap.indent(paths, "  ").replace("responses: DONE", f"responses: {DONE}")
    if schemas:
        text += "components:\n  schemas:\n" + textwrap.indent(textwrap.dedent(schemas), "    ")
    loaded: dict[str, Any] = yaml.safe_load(text)
    return loaded


def returns(schema: str, schemas: str = "") -> dict[str, Any]:
    """GET /thing (getThing), whose 200 response is schema (flow YAML)."""
    return api(
        f"""
        /thing:
          get:
            operationId: getThing
            responses:
              "200": {{description: The thing., content: {{application/json: {{schema: {schema}}}}}}}
        """,
        schemas,
    )


def accepts(schema: str, schemas: str = "") -> dict[str, Any]:
    """PUT /thing (putThing), whose required request body is schema (flow YAML)."""
    return api(
        f"""
        /thing:
          put:
            operationId: putThing
            requestBody: {{required: true, content: {{application/json: {{schema: {schema}}}}}}}
            responses: DONE
        """,
        schemas,
    )


def takes(*parameters: str) -> dict[str, Any]:
    """GET /things/{thing} (getThing) with parameters (flow YAML each)."""
    return api(
        f"""
        /things/{{thing}}:
          get:
            operationId: getThing
            parameters: [{", ".join(parameters)}]
            responses: DONE
        """
    )


def with_body(request_body: str) -> dict[str, Any]:
    """PUT /thing (putThing) with request_body (flow YAML); `{}` for none."""
    body = f"\n    requestBody: {request_body}" if request_body != "{}" else ""
    return api(f"/thing:\n  put:\n    operationId: putThing{body}\n    responses: DONE\n")


def with_responses(responses: str) -> dict[str, Any]:
    """GET /thing (getThing) with responses (flow YAML)."""
    return api(f"/thing:\n  get:\n    operationId: getThing\n    responses: {responses}\n")


def with_top(top: str, paths: str = "{}") -> dict[str, Any]:
    """A document with top-level keys (servers, security, components...) as block YAML."""
    return api(paths, top=top)


THING = "{type: string}"
THING_PARAMETER = "{name: thing, in: path, required: true, schema: {type: string}}"
VERBOSE = "{name: verbose, in: query, schema: {type: boolean}}"
JSON_THING = "{content: {application/json: {schema: {type: string}}}}"

RESPONSE = "#/paths/~1thing/get/responses/200/content/application~1json/schema"
REQUEST = "#/paths/~1thing/put/requestBody/content/application~1json/schema"
GET = "#/paths/~1things~1{thing}/get"
SCHEMAS = "#/components/schemas"


@dataclass(frozen=True)
class Case:
    name: str
    base: dict[str, Any]
    head: dict[str, Any]
    expected: list[tuple[str, Level, str]]  # (rule, level, JSON pointer), in the order reported


# --- operations ------------------------------------------------------------------------------

GET_THING = """
    /thing:
      get: {operationId: getThing, responses: DONE}
"""
OPERATION_CASES = [
    Case(
        "operation removed",
        base=api("""
            /thing:
              get: {operationId: getThing, responses: DONE}
              put: {operationId: putThing, responses: DONE}
        """),
        head=api(GET_THING),
        expected=[("operation-removed", B, "#/paths/~1thing/put")],
    ),
    Case(
        "operation added",
        base=api(GET_THING),
        head=api("""
            /thing:
              get: {operationId: getThing, responses: DONE}
            /others:
              get: {operationId: listOthers, responses: DONE}
        """),
        expected=[("operation-added", C, "#/paths/~1others/get")],
    ),
    Case(
        "operationId changed",
        base=api(GET_THING),
        head=api("""
            /thing:
              get: {operationId: fetchThing, responses: DONE}
        """),
        expected=[("operation-id-changed", B, "#/paths/~1thing/get/operationId")],
    ),
    Case(
        "summary changed",
        base=api("""
            /thing:
              get: {operationId: getThing, summary: Get a thing, responses: DONE}
        """),
        head=api("""
            /thing:
              get: {operationId: getThing, summary: Fetch a thing, responses: DONE}
        """),
        expected=[("docs-changed", D, "#/paths/~1thing/get/summary")],
    ),
    Case(
        "path changed",
        base=takes(THING_PARAMETER),
        head=api(f"""
            /items/{{thing}}/detail:
              get: {{operationId: getThing, parameters: [{THING_PARAMETER}], responses: DONE}}
        """),
        expected=[("operation-moved", B, "#/paths/~1items~1{thing}~1detail/get")],
    ),
    Case(
        "method changed",
        base=api(GET_THING),
        head=api("""
            /thing:
              post: {operationId: getThing, responses: DONE}
        """),
        expected=[("operation-moved", B, "#/paths/~1thing/post")],
    ),
    Case(
        "first tag changed",
        base=api("""
            /thing:
              get: {operationId: getThing, tags: [things], responses: DONE}
        """),
        head=api("""
            /thing:
              get: {operationId: getThing, tags: [items], responses: DONE}
        """),
        expected=[("operation-tag-changed", B, "#/paths/~1thing/get/tags")],
    ),
    Case(
        "second tag added",
        base=api("""
            /thing:
              get: {operationId: getThing, tags: [things], responses: DONE}
        """),
        head=api("""
            /thing:
              get: {operationId: getThing, tags: [things, items], responses: DONE}
        """),
        expected=[("keyword-changed", C, "#/paths/~1thing/get/tags")],
    ),
    Case(
        "path parameter renamed",
        base=takes(THING_PARAMETER),
        head=api("""
            /things/{id}:
              get:
                operationId: getThing
                parameters: [{name: id, in: path, required: true, schema: {type: string}}]
                responses: DONE
        """),
        expected=[("path-parameter-renamed", B, "#/paths/~1things~1{id}/get/parameters/0")],
    ),
    Case(
        "path parameter described",
        base=takes(THING_PARAMETER),
        head=takes("{name: thing, in: path, required: true, schema: {type: string}, description: The thing's id.}"),
        expected=[("docs-changed", D, f"{GET}/parameters/0/description")],
    ),
    Case(
        "operation deprecated",
        base=api(GET_THING),
        head=api("""
            /thing:
              get: {operationId: getThing, deprecated: true, responses: DONE}
        """),
        expected=[("deprecated-changed", C, "#/paths/~1thing/get/deprecated")],
    ),
    Case(
        "operation security changed",
        base=api(GET_THING),
        head=api("""
            /thing:
              get: {operationId: getThing, security: [], responses: DONE}
        """),
        expected=[("security-changed", B, "#/paths/~1thing/get/security")],
    ),
]

# --- request parameters ----------------------------------------------------------------------

PARAMETER_CASES = [
    Case(
        "required parameter added",
        base=takes(THING_PARAMETER),
        head=takes(THING_PARAMETER, "{name: q, in: query, required: true, schema: {}}"),
        expected=[("parameter-added-required", B, f"{GET}/parameters/1")],
    ),
    Case(
        "optional parameter added",
        base=takes(THING_PARAMETER),
        head=takes(THING_PARAMETER, "{name: q, in: query, schema: {type: string}}"),
        expected=[("parameter-added-optional", C, f"{GET}/parameters/1")],
    ),
    Case(
        "parameter made required",
        base=takes(THING_PARAMETER, VERBOSE),
        head=takes(THING_PARAMETER, "{name: verbose, in: query, required: true, schema: {type: boolean}}"),
        expected=[("parameter-made-required", B, f"{GET}/parameters/1/required")],
    ),
    Case(
        "parameter made optional",
        base=takes(THING_PARAMETER, "{name: verbose, in: query, required: true, schema: {type: boolean}}"),
        head=takes(THING_PARAMETER, VERBOSE),
        expected=[("parameter-made-optional", C, f"{GET}/parameters/1/required")],
    ),
    Case(
        "parameter removed",
        base=takes(THING_PARAMETER, VERBOSE),
        head=takes(THING_PARAMETER),
        expected=[("parameter-removed", B, f"{GET}/parameters/1")],
    ),
    Case(
        "parameter deprecated",
        base=takes(THING_PARAMETER, VERBOSE),
        head=takes(THING_PARAMETER, "{name: verbose, in: query, deprecated: true, schema: {type: boolean}}"),
        expected=[("deprecated-changed", C, f"{GET}/parameters/1/deprecated")],
    ),
    Case(
        "parameter type changed",
        base=takes(THING_PARAMETER, VERBOSE),
        head=takes(THING_PARAMETER, "{name: verbose, in: query, schema: {type: string}}"),
        expected=[("type-changed", B, f"{GET}/parameters/1/schema/type")],
    ),
    Case(
        "parameter style added",
        base=takes(THING_PARAMETER, VERBOSE),
        head=takes(THING_PARAMETER, "{name: verbose, in: query, style: form, schema: {type: boolean}}"),
        expected=[("keyword-changed", C, f"{GET}/parameters/1/style")],
    ),
]

# --- request bodies --------------------------------------------------------------------------

BODY_CASES = [
    Case(
        "request body removed",
        base=with_body(f"{{required: true, content: {{application/json: {{schema: {THING}}}}}}}"),
        head=with_body("{}"),
        expected=[("request-body-removed", B, "#/paths/~1thing/put/requestBody")],
    ),
    Case(
        "required request body added",
        base=with_body("{}"),
        head=with_body(f"{{required: true, content: {{application/json: {{schema: {THING}}}}}}}"),
        expected=[("request-body-added-required", B, "#/paths/~1thing/put/requestBody")],
    ),
    Case(
        "optional request body added",
        base=with_body("{}"),
        head=with_body(JSON_THING),
        expected=[("request-body-added-optional", C, "#/paths/~1thing/put/requestBody")],
    ),
    Case(
        "request body made required",
        base=with_body(JSON_THING),
        head=with_body(f"{{required: true, content: {{application/json: {{schema: {THING}}}}}}}"),
        expected=[("request-body-made-required", B, "#/paths/~1thing/put/requestBody")],
    ),
    Case(
        "request body made optional",
        base=with_body(f"{{required: true, content: {{application/json: {{schema: {THING}}}}}}}"),
        head=with_body(JSON_THING),
        expected=[("request-body-made-optional", C, "#/paths/~1thing/put/requestBody")],
    ),
    Case(
        "request media type removed",
        base=with_body("{content: {application/json: {schema: {type: string}}, text/plain: {schema: {type: string}}}}"),
        head=with_body(JSON_THING),
        expected=[("media-type-removed", B, "#/paths/~1thing/put/requestBody/content/text~1plain")],
    ),
    Case(
        "request media type added",
        base=with_body(JSON_THING),
        head=with_body("{content: {application/json: {schema: {type: string}}, text/plain: {schema: {type: string}}}}"),
        expected=[("media-type-added", C, "#/paths/~1thing/put/requestBody/content/text~1plain")],
    ),
]

# --- responses -------------------------------------------------------------------------------

ERROR_SCHEMA = "Error: {type: object, required: [error], properties: {error: {type: string}}}\n"
RESPONSES = "#/paths/~1thing/get/responses"
RESPONSE_CASES = [
    Case(
        "status removed",
        base=with_responses('{"200": {description: OK.}, "404": {description: No such thing.}}'),
        head=with_responses('{"200": {description: OK.}}'),
        expected=[("response-status-removed", B, f"{RESPONSES}/404")],
    ),
    Case(
        "status added",
        base=with_responses('{"200": {description: OK.}}'),
        head=with_responses('{"200": {description: OK.}, "500": {description: Broken.}}'),
        expected=[("response-status-added", C, f"{RESPONSES}/500")],
    ),
    Case(
        "status body removed",
        base=with_responses(
            f'{{"404": {{description: No such thing., content: {{application/json: {{schema: {THING}}}}}}}}}'
        ),
        head=with_responses('{"404": {description: No such thing.}}'),
        expected=[("response-body-removed", B, f"{RESPONSES}/404/content/application~1json")],
    ),
    Case(
        "status body added",
        base=with_responses('{"204": {description: Done.}}'),
        head=with_responses(f'{{"204": {{description: Done., content: {{application/json: {{schema: {THING}}}}}}}}}'),
        expected=[("response-body-added", C, f"{RESPONSES}/204/content/application~1json")],
    ),
    Case(
        "response header added",
        base=with_responses('{"200": {description: OK.}}'),
        head=with_responses('{"200": {description: OK., headers: {X-Rate: {schema: {type: integer}}}}}'),
        expected=[("keyword-changed", C, f"{RESPONSES}/200/headers")],
    ),
    Case(
        "status body schema changed incompatibly",
        base=returns(f'{{$ref: "{SCHEMAS}/Error"}}', ERROR_SCHEMA),
        head=returns(f'{{type: array, items: {{$ref: "{SCHEMAS}/Error"}}}}', ERROR_SCHEMA),
        expected=[("type-changed", B, f"{RESPONSE}/type")],
    ),
    Case(
        "status body schema changed compatibly, inside a shared component",
        base=returns(f'{{$ref: "{SCHEMAS}/Error"}}', ERROR_SCHEMA),
        head=returns(
            f'{{$ref: "{SCHEMAS}/Error"}}',
            "Error: {type: object, required: [error], properties: {error: {type: string}, code: {type: integer}}}\n",
        ),
        expected=[("field-added", C, f"{SCHEMAS}/Error/properties/code")],
    ),
]

# --- schemas on the response side: what the SDK reads -------------------------------------------

KIND = "Kind: {type: string, enum: [small, large]}\n"
OWNER = "Owner: {type: object, additionalProperties: false, properties: {name: {type: string}}}\n"
RESPONSE_SCHEMA_CASES = [
    Case(
        "response field removed",
        base=returns("{type: object, properties: {id: {type: integer}, label: {type: string}}}"),
        head=returns("{type: object, properties: {id: {type: integer}}}"),
        expected=[("field-removed", B, f"{RESPONSE}/properties/label")],
    ),
    Case(
        "response field added",
        base=returns("{type: object, properties: {id: {type: integer}}}"),
        head=returns("{type: object, properties: {id: {type: integer}, colour: {type: string}}}"),
        expected=[("field-added", C, f"{RESPONSE}/properties/colour")],
    ),
    Case(
        "response field dropped from required",
        base=returns("{type: object, required: [id, kind], properties: {id: {type: integer}, kind: {type: string}}}"),
        head=returns("{type: object, required: [kind], properties: {id: {type: integer}, kind: {type: string}}}"),
        expected=[("field-made-optional", B, f"{RESPONSE}/required")],
    ),
    Case(
        "response field made required",
        base=returns("{type: object, required: [id], properties: {id: {type: integer}, size: {type: number}}}"),
        head=returns("{type: object, required: [id, size], properties: {id: {type: integer}, size: {type: number}}}"),
        expected=[("field-made-required", C, f"{RESPONSE}/required")],
    ),
    Case(
        "response field type changed",
        base=returns("{type: object, properties: {size: {type: number}}}"),
        head=returns("{type: object, properties: {size: {type: string}}}"),
        expected=[("type-changed", B, f"{RESPONSE}/properties/size/type")],
    ),
    Case(
        "response field array item type changed",
        base=returns("{type: object, properties: {labels: {type: array, items: {type: string}}}}"),
        head=returns("{type: object, properties: {labels: {type: array, items: {type: integer}}}}"),
        expected=[("type-changed", B, f"{RESPONSE}/properties/labels/items/type")],
    ),
    Case(
        "response field format changed",
        base=returns("{type: object, properties: {when: {type: string, format: date-time}}}"),
        head=returns("{type: object, properties: {when: {type: string, format: date}}}"),
        expected=[("format-changed", B, f"{RESPONSE}/properties/when/format")],
    ),
    Case(
        "response field constraint added",
        base=returns("{type: object, properties: {size: {type: number}}}"),
        head=returns("{type: object, properties: {size: {type: number, minimum: 0}}}"),
        expected=[("keyword-changed", C, f"{RESPONSE}/properties/size/minimum")],
    ),
    Case(
        "response field made nullable",
        base=returns("{type: object, properties: {size: {type: number}}}"),
        head=returns("{type: object, properties: {size: {type: [number, 'null']}}}"),
        expected=[("nullable-added", B, f"{RESPONSE}/properties/size")],
    ),
    Case(
        "response field no longer nullable",
        base=returns("{type: object, properties: {size: {type: [number, 'null']}}}"),
        head=returns("{type: object, properties: {size: {type: number}}}"),
        expected=[("nullable-removed", C, f"{RESPONSE}/properties/size")],
    ),
    Case(
        "response field nullable through anyOf",
        base=returns("{type: object, properties: {size: {type: number}}}"),
        head=returns("{type: object, properties: {size: {anyOf: [{type: number}, {type: 'null'}]}}}"),
        expected=[("nullable-added", B, f"{RESPONSE}/properties/size/anyOf/0")],  # the schema made nullable
    ),
    Case(
        "response enum value removed, in a shared component",
        base=returns(f'{{$ref: "{SCHEMAS}/Kind"}}', KIND),
        head=returns(f'{{$ref: "{SCHEMAS}/Kind"}}', "Kind: {type: string, enum: [small]}\n"),
        expected=[("enum-value-removed", B, f"{SCHEMAS}/Kind/enum")],
    ),
    Case(
        "response enum value added",
        base=returns(f'{{$ref: "{SCHEMAS}/Kind"}}', KIND),
        head=returns(f'{{$ref: "{SCHEMAS}/Kind"}}', "Kind: {type: string, enum: [small, large, huge]}\n"),
        expected=[("enum-value-added", C, f"{SCHEMAS}/Kind/enum")],
    ),
    Case(
        "response enum dropped",
        base=returns(f'{{$ref: "{SCHEMAS}/Kind"}}', KIND),
        head=returns(f'{{$ref: "{SCHEMAS}/Kind"}}', "Kind: {type: string}\n"),
        expected=[("enum-dropped", B, f"{SCHEMAS}/Kind/enum")],
    ),
    Case(
        "response enum added",
        base=returns("{type: object, properties: {label: {type: string}}}"),
        head=returns("{type: object, properties: {label: {type: string, enum: [x]}}}"),
        expected=[("enum-added", C, f"{RESPONSE}/properties/label/enum")],
    ),
    Case(
        "response variant added",
        base=returns(f'{{anyOf: [{{type: string}}, {{$ref: "{SCHEMAS}/Owner"}}]}}', OWNER),
        head=returns(f'{{anyOf: [{{type: string}}, {{$ref: "{SCHEMAS}/Owner"}}, {{type: integer}}]}}', OWNER),
        expected=[("variant-added", B, f"{RESPONSE}/anyOf/2")],
    ),
    Case(
        "response variant removed",
        base=returns(f'{{anyOf: [{{type: string}}, {{$ref: "{SCHEMAS}/Owner"}}]}}', OWNER),
        head=returns(f'{{anyOf: [{{$ref: "{SCHEMAS}/Owner"}}]}}', OWNER),
        expected=[("variant-removed", C, f"{RESPONSE}/anyOf/0")],
    ),
    Case(
        "response field removed inside a variant",
        base=returns(f'{{anyOf: [{{type: string}}, {{$ref: "{SCHEMAS}/Owner"}}]}}', OWNER),
        head=returns(
            f'{{anyOf: [{{type: string}}, {{$ref: "{SCHEMAS}/Owner"}}]}}',
            "Owner: {type: object, additionalProperties: false, properties: {}}\n",
        ),
        expected=[("field-removed", B, f"{SCHEMAS}/Owner/properties/name")],
    ),
    Case(
        "additional properties no longer allowed",
        base=returns("{type: object, additionalProperties: {type: string}}"),
        head=returns("{type: object, additionalProperties: false}"),
        expected=[("additional-properties-removed", B, f"{RESPONSE}/additionalProperties")],
    ),
    Case(
        "additional properties now allowed",
        base=returns("{type: object, additionalProperties: false, properties: {name: {type: string}}}"),
        head=returns("{type: object, properties: {name: {type: string}}}"),
        expected=[("additional-properties-added", C, f"{RESPONSE}/additionalProperties")],
    ),
    Case(
        "additional properties' type changed",
        base=returns("{type: object, additionalProperties: {type: string}}"),
        head=returns("{type: object, additionalProperties: {type: integer}}"),
        expected=[("type-changed", B, f"{RESPONSE}/additionalProperties/type")],
    ),
    Case(
        "response field deprecated",
        base=returns("{type: object, properties: {label: {type: string}}}"),
        head=returns("{type: object, properties: {label: {type: string, deprecated: true}}}"),
        expected=[("deprecated-changed", C, f"{RESPONSE}/properties/label/deprecated")],
    ),
    Case(
        "response field described",
        base=returns("{type: object, properties: {id: {type: integer}}}"),
        head=returns("{type: object, properties: {id: {type: integer, description: The thing's id.}}}"),
        expected=[("docs-changed", D, f"{RESPONSE}/properties/id/description")],
    ),
]

# --- the same rules on the request side: what callers send --------------------------------------

REQUEST_SCHEMA_CASES = [
    Case(
        "request field removed",
        base=accepts("{type: object, properties: {name: {type: string}, note: {type: string}}}"),
        head=accepts("{type: object, properties: {name: {type: string}}}"),
        expected=[("field-removed", B, f"{REQUEST}/properties/note")],
    ),
    Case(
        "required request field added",
        base=accepts("{type: object, required: [name], properties: {name: {type: string}}}"),
        head=accepts("{type: object, required: [name, id], properties: {name: {type: string}, id: {type: string}}}"),
        expected=[("field-added-required", B, f"{REQUEST}/properties/id")],
    ),
    Case(
        "optional request field added",
        base=accepts("{type: object, required: [name], properties: {name: {type: string}}}"),
        head=accepts("{type: object, required: [name], properties: {name: {type: string}, id: {type: string}}}"),
        expected=[("field-added", C, f"{REQUEST}/properties/id")],
    ),
    Case(
        "request field made required",
        base=accepts("{type: object, required: [name], properties: {name: {type: string}, note: {type: string}}}"),
        head=accepts(
            "{type: object, required: [name, note], properties: {name: {type: string}, note: {type: string}}}"
        ),
        expected=[("field-made-required", B, f"{REQUEST}/required")],
    ),
    Case(
        "request field made optional",
        base=accepts("{type: object, required: [name], properties: {name: {type: string}}}"),
        head=accepts("{type: object, required: [], properties: {name: {type: string}}}"),
        expected=[("field-made-optional", C, f"{REQUEST}/required")],
    ),
    Case(
        "request field no longer nullable",
        base=accepts("{type: object, properties: {note: {type: [string, 'null']}}}"),
        head=accepts("{type: object, properties: {note: {type: string}}}"),
        expected=[("nullable-removed", B, f"{REQUEST}/properties/note")],
    ),
    Case(
        "request field made nullable",
        base=accepts("{type: object, properties: {note: {type: string}}}"),
        head=accepts("{type: object, properties: {note: {type: [string, 'null']}}}"),
        expected=[("nullable-added", C, f"{REQUEST}/properties/note")],
    ),
    Case(
        "request enum added",
        base=accepts("{type: object, properties: {note: {type: string}}}"),
        head=accepts("{type: object, properties: {note: {type: string, enum: [a]}}}"),
        expected=[("enum-added", B, f"{REQUEST}/properties/note/enum")],
    ),
    Case(
        "request enum dropped",
        base=accepts("{type: object, properties: {colour: {type: string, enum: [red, blue]}}}"),
        head=accepts("{type: object, properties: {colour: {type: string}}}"),
        expected=[("enum-dropped", C, f"{REQUEST}/properties/colour/enum")],
    ),
    Case(
        "request enum value removed",
        base=accepts("{type: object, properties: {colour: {type: string, enum: [red, blue]}}}"),
        head=accepts("{type: object, properties: {colour: {type: string, enum: [red]}}}"),
        expected=[("enum-value-removed", B, f"{REQUEST}/properties/colour/enum")],
    ),
    Case(
        "request enum value added",
        base=accepts("{type: object, properties: {colour: {type: string, enum: [red, blue]}}}"),
        head=accepts("{type: object, properties: {colour: {type: string, enum: [red, blue, green]}}}"),
        expected=[("enum-value-added", C, f"{REQUEST}/properties/colour/enum")],
    ),
    Case(
        "request variant removed",
        base=accepts("{type: object, properties: {size: {anyOf: [{type: integer}, {type: string}]}}}"),
        head=accepts("{type: object, properties: {size: {anyOf: [{type: integer}]}}}"),
        expected=[("variant-removed", B, f"{REQUEST}/properties/size/anyOf/1")],
    ),
    Case(
        "request variant added",
        base=accepts("{type: object, properties: {size: {anyOf: [{type: integer}, {type: string}]}}}"),
        head=accepts("{type: object, properties: {size: {anyOf: [{type: integer}, {type: string}, {type: boolean}]}}}"),
        expected=[("variant-added", C, f"{REQUEST}/properties/size/anyOf/2")],
    ),
]

# --- the document ----------------------------------------------------------------------------

SERVER = "servers: [{url: 'https://api.example.com', description: production}]\n"
TOKEN_SCHEME = "components: {securitySchemes: {token: {type: http, scheme: bearer, description: A bearer token.}}}\n"
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
        "security requirement removed",
        base=with_top("security: [{token: []}]\n"),
        head=with_top("security: []\n"),
        expected=[("security-changed", B, "#/security")],
    ),
    Case(
        "security scheme changed",
        base=with_top(TOKEN_SCHEME),
        head=with_top(TOKEN_SCHEME.replace("scheme: bearer", "scheme: basic")),
        expected=[("security-changed", B, "#/components/securitySchemes/token")],
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

CASES = (
    OPERATION_CASES
    + PARAMETER_CASES
    + BODY_CASES
    + RESPONSE_CASES
    + RESPONSE_SCHEMA_CASES
    + REQUEST_SCHEMA_CASES
    + DOCUMENT_CASES
)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_rule(case: Case) -> None:
    changes = spec_diff.compare("things", case.base, case.head)
    assert [(c.rule, c.level, c.pointer) for c in changes] == case.expected, [c.message for c in changes]


# --- the registry, its docs, and the cases ------------------------------------------------------


def test_every_rule_has_a_case() -> None:
    assert {rule for case in CASES for rule, _level, _pointer in case.expected} == set(spec_diff.RULES)


def test_each_rule_with_two_levels_is_tested_at_both() -> None:
    levels: dict[str, set[Level]] = {}
    for case in CASES:
        for rule, level, _pointer in case.expected:
            levels.setdefault(rule, set()).add(level)
    for registered in spec_diff.RULES.values():
        sides = {registered.response, registered.request} - {None}
        assert levels[registered.id] == sides, registered.id


def test_the_docstring_table_is_the_registry() -> None:
    assert diff_rules.__doc__ is not None
    assert diff_rules.text_table() in diff_rules.__doc__, "run `python -m scripts.review.rules` and paste its table"


def test_contributing_lists_the_rules_from_the_registry() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert diff_rules.markdown_table() in contributing, "run `python -m scripts.review.rules --markdown`"


def test_a_rule_reported_on_a_side_it_has_no_level_for_is_refused() -> None:
    with pytest.raises(ValueError, match=r"rule response-status-added has no level for side Side\.REQUEST"):
        spec_diff.RULES["response-status-added"].level(diff_rules.Side.REQUEST)
    with pytest.raises(ValueError, match="rule nullable-added has no level for side None"):
        spec_diff.RULES["nullable-added"].level()


# --- how changes are grouped and followed -----------------------------------------------------

THING_SCHEMAS = """\
Thing: {type: object, required: [id], properties: {id: {type: integer}, label: {type: string}}}
Error: {type: object, required: [error], properties: {error: {type: string}}}
"""


def _two_operations(schemas: str, error_statuses: str = '"404"') -> dict[str, Any]:
    """GET /thing returns Thing (404: Error); PUT /thing answers Error on error_statuses."""
    error = f'{{description: Error., content: {{application/json: {{schema: {{$ref: "{SCHEMAS}/Error"}}}}}}}}'
    thing = f'{{description: OK., content: {{application/json: {{schema: {{$ref: "{SCHEMAS}/Thing"}}}}}}}}'
    put_errors = ", ".join(f"{status}: {error}" for status in error_statuses.split())
    return api(
        f"""
        /thing:
          get: {{operationId: getThing, responses: {{"200": {thing}, "404": {error}}}}}
          put: {{operationId: putThing, responses: {{{put_errors}}}}}
        """,
        schemas,
    )


def test_identical_documents_have_no_changes() -> None:
    assert spec_diff.compare("things", _two_operations(THING_SCHEMAS), _two_operations(THING_SCHEMAS)) == []


def test_change_names_its_spec_operation_pointer_and_message() -> None:
    head = THING_SCHEMAS.replace(", label: {type: string}", "")
    (change,) = spec_diff.compare("things", _two_operations(THING_SCHEMAS), _two_operations(head))
    assert change.spec == "things"
    assert change.operation == "GET /thing (getThing)"
    assert change.pointer == "#/components/schemas/Thing/properties/label"
    assert change.message == "response field `label` removed"
    assert change.breaking


def test_a_shared_schema_change_is_reported_under_each_operation_once() -> None:
    base = _two_operations(THING_SCHEMAS, '"400" "409"')
    head = _two_operations(THING_SCHEMAS.replace("required: [error]", "required: []"), '"400" "409"')
    changes = spec_diff.compare("things", base, head)
    assert [(c.operation, c.rule) for c in changes] == [
        ("GET /thing (getThing)", "field-made-optional"),
        ("PUT /thing (putThing)", "field-made-optional"),
    ]


def test_recursive_schemas_terminate() -> None:
    owner = 'Owner: {type: object, properties: {name: {type: string}, boss: {$ref: "#/components/schemas/Owner"}}}\n'
    changes = spec_diff.compare(
        "things",
        returns(f'{{$ref: "{SCHEMAS}/Owner"}}', owner),
        returns(f'{{$ref: "{SCHEMAS}/Owner"}}', owner.replace("name: {type: string}", "name: {type: integer}")),
    )
    assert [(c.rule, c.pointer) for c in changes] == [
        ("type-changed", "#/components/schemas/Owner/properties/name/type")
    ]


def test_all_of_members_are_merged() -> None:
    thing = f'Thing: {{allOf: [{{$ref: "{SCHEMAS}/Owner"}}, {{type: object}}]}}\n'
    base = returns(f'{{$ref: "{SCHEMAS}/Thing"}}', thing + OWNER)
    head = returns(f'{{$ref: "{SCHEMAS}/Thing"}}', thing + OWNER.replace("name: {type: string}", ""))
    assert [c.rule for c in spec_diff.compare("things", base, head)] == ["field-removed"]


def test_loops_of_refs_and_all_of_terminate() -> None:
    """specs.check refuses them; a base read from history is compared all the same, and ends."""
    loops = (
        f'Me: {{allOf: [{{$ref: "{SCHEMAS}/Me"}}]}}\nYou: {{$ref: "{SCHEMAS}/Them"}}\nThem: {{$ref: "{SCHEMAS}/You"}}\n'
    )
    base = returns(f'{{anyOf: [{{$ref: "{SCHEMAS}/Me"}}, {{$ref: "{SCHEMAS}/You"}}]}}', loops)
    head = returns(f'{{anyOf: [{{$ref: "{SCHEMAS}/Me"}}]}}', loops)
    assert [c.rule for c in spec_diff.compare("things", base, head)] == ["variant-removed"]


def test_unquoted_status_codes_compare_like_quoted_ones() -> None:
    quoted = with_responses('{"200": {description: OK.}}')
    unquoted = with_responses("{200: {description: OK.}}")
    assert spec_diff.compare("things", quoted, unquoted) == []


def test_a_field_named_like_a_keyword_is_a_field() -> None:
    # `description` here is a field of the response, not the schema's description.
    base = returns("{type: object, properties: {description: {type: string}}}")
    head = returns("{type: object, properties: {description: {type: integer}}}")
    assert [c.rule for c in spec_diff.compare("things", base, head)] == ["type-changed"]


def test_docs_of_parameters_pair_by_name_not_position() -> None:
    described = "{name: verbose, in: query, schema: {type: boolean}, description: Say more.}"
    base = takes(THING_PARAMETER, described)
    head = takes("{name: q, in: query, schema: {type: string}}", THING_PARAMETER, described)
    assert [c.rule for c in spec_diff.compare("things", base, head)] == ["parameter-added-optional"]


# --- no rule loses cases -------------------------------------------------------------------

# How many cases expected each (rule, level) when the rule tests were rewritten from one table
# of edits into literal base and head documents: a rule may gain cases, never lose one.
CASES_PER_RULE_BEFORE_THE_REWRITE: dict[str, dict[str, int]] = {
    "additional-properties-added": {"compatible": 1},
    "additional-properties-removed": {"breaking": 1},
    "component-schema-added": {"compatible": 1},
    "component-schema-removed": {"breaking": 1},
    "deprecated-changed": {"compatible": 3},
    "docs-changed": {"docs": 7},
    "enum-added": {"compatible": 1, "breaking": 1},
    "enum-dropped": {"breaking": 1, "compatible": 1},
    "enum-value-added": {"compatible": 2},
    "enum-value-removed": {"breaking": 2},
    "field-added": {"compatible": 3},
    "field-added-required": {"breaking": 1},
    "field-made-optional": {"breaking": 1, "compatible": 1},
    "field-made-required": {"compatible": 1, "breaking": 1},
    "field-removed": {"breaking": 3},
    "format-changed": {"breaking": 1},
    "keyword-changed": {"compatible": 4},
    "media-type-added": {"compatible": 1},
    "media-type-removed": {"breaking": 1},
    "nullable-added": {"breaking": 2, "compatible": 1},
    "nullable-removed": {"compatible": 1, "breaking": 1},
    "openapi-version-changed": {"breaking": 1},
    "operation-added": {"compatible": 1},
    "operation-id-changed": {"breaking": 1},
    "operation-moved": {"breaking": 2},
    "operation-removed": {"breaking": 1},
    "operation-tag-changed": {"breaking": 1},
    "parameter-added-optional": {"compatible": 1},
    "parameter-added-required": {"breaking": 1},
    "parameter-made-optional": {"compatible": 1},
    "parameter-made-required": {"breaking": 1},
    "parameter-removed": {"breaking": 1},
    "path-parameter-renamed": {"breaking": 1},
    "request-body-added": {"breaking": 1, "compatible": 1},
    "request-body-made-optional": {"compatible": 1},
    "request-body-made-required": {"breaking": 1},
    "request-body-removed": {"breaking": 1},
    "response-body-added": {"compatible": 1},
    "response-body-removed": {"breaking": 1},
    "response-status-added": {"compatible": 1},
    "response-status-removed": {"breaking": 1},
    "security-changed": {"breaking": 3},
    "servers-changed": {"breaking": 2},
    "type-changed": {"breaking": 5},
    "variant-added": {"breaking": 1, "compatible": 1},
    "variant-removed": {"compatible": 1, "breaking": 1},
}
CASES_BEFORE_THE_REWRITE = 82
# request-body-added had a level that depended on whether the body is required, not on a side:
# it is now two rules, like parameter-added-required and parameter-added-optional.
RENAMED = {"request-body-added-required": "request-body-added", "request-body-added-optional": "request-body-added"}


def _cases_per_rule() -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for case in CASES:
        for rule, level, _pointer in case.expected:
            per_level = counts.setdefault(RENAMED.get(rule, rule), {})
            per_level[level.value] = per_level.get(level.value, 0) + 1
    return counts


def test_no_rule_has_fewer_cases_than_before_the_rewrite() -> None:
    counts = _cases_per_rule()
    assert len(CASES) >= CASES_BEFORE_THE_REWRITE
    for rule, before in CASES_PER_RULE_BEFORE_THE_REWRITE.items():
        for level, count in before.items():
            assert counts.get(rule, {}).get(level, 0) >= count, (rule, level, counts.get(rule))


def test_case_names_are_unique() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    assert all(re.fullmatch(r"[\w .,'$-]+", name) for name in names)
