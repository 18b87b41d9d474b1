"""Rules about operations (scripts/review/spec_diff/operations.py): operations matched across versions, their
parameters, request bodies and responses. Each case: base document → head document → changes."""

from __future__ import annotations

import pytest

from scripts.review import spec_diff
from tests.review.spec_cases import (
    GET,
    JSON_THING,
    RESPONSE,
    SCHEMAS,
    THING,
    THING_PARAMETER,
    VERBOSE,
    B,
    C,
    Case,
    D,
    api,
    check,
    returns,
    takes,
    with_body,
    with_responses,
    with_top,
)

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
        "operation security emptied where none was in force",
        base=api(GET_THING),
        head=api("""
            /thing:
              get: {operationId: getThing, security: [], responses: DONE}
        """),
        expected=[],
    ),
    Case(
        "operation needs a token now",
        base=api(GET_THING),
        head=api("""
            /thing:
              get: {operationId: getThing, security: [{token: []}], responses: DONE}
        """),
        expected=[("security-tightened", B, "#/paths/~1thing/get/security")],
    ),
    Case(
        "operation needs another scope",
        base=api("""
            /thing:
              get: {operationId: getThing, security: [{oauth: [read]}], responses: DONE}
        """),
        head=api("""
            /thing:
              get: {operationId: getThing, security: [{oauth: [read, write]}], responses: DONE}
        """),
        expected=[("security-tightened", B, "#/paths/~1thing/get/security")],
    ),
    Case(
        "operation accepts another credential too",
        base=api("""
            /thing:
              get: {operationId: getThing, security: [{token: []}], responses: DONE}
        """),
        head=api("""
            /thing:
              get: {operationId: getThing, security: [{token: []}, {key: []}], responses: DONE}
        """),
        expected=[("security-relaxed", C, "#/paths/~1thing/get/security")],
    ),
    Case(
        "global security requirement removed",
        base=with_top("security: [{token: []}]\n", GET_THING),
        head=with_top("security: []\n", GET_THING),
        expected=[("security-relaxed", C, "#/security")],
    ),
    Case(
        "global security added where the operation sets its own",
        base=api("""
            /thing:
              get: {operationId: getThing, security: [], responses: DONE}
        """),
        head=with_top(
            "security: [{token: []}]\n",
            """
            /thing:
              get: {operationId: getThing, security: [], responses: DONE}
            """,
        ),
        expected=[],
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


LIMIT = "{name: limit, in: query, schema: {type: integer, default: 20, maximum: 100}}"
NAME = "{name: name, in: query, schema: {type: string, maxLength: 15}}"
LIMITS = "#/paths/~1things~1{thing}/get/parameters/1/schema"
NEW_PARAMETER_CASES = [
    Case(
        "query parameter maxLength lowered",
        base=takes(THING_PARAMETER, NAME),
        head=takes(THING_PARAMETER, NAME.replace("15", "10")),
        expected=[("constraint-tightened", B, f"{LIMITS}/maxLength")],
    ),
    Case(
        "query parameter maximum raised",
        base=takes(THING_PARAMETER, LIMIT),
        head=takes(THING_PARAMETER, LIMIT.replace("100", "500")),
        expected=[("constraint-loosened", C, f"{LIMITS}/maximum")],
    ),
    Case(
        "parameter default changed",
        base=takes(THING_PARAMETER, LIMIT),
        head=takes(THING_PARAMETER, LIMIT.replace("20", "50")),
        expected=[("default-changed", B, f"{LIMITS}/default")],
    ),
    Case(
        "parameter widened from integer to number",
        base=takes(THING_PARAMETER, LIMIT),
        head=takes(THING_PARAMETER, LIMIT.replace("integer", "number")),
        expected=[("type-widened", C, f"{LIMITS}/type")],
    ),
    Case(
        "parameter widened from integer to integer or string",
        base=takes(THING_PARAMETER, LIMIT),
        head=takes(THING_PARAMETER, LIMIT.replace("integer", "[integer, string]")),
        expected=[("type-widened", C, f"{LIMITS}/type")],
    ),
    Case(
        "parameter narrowed from number to integer",
        base=takes(THING_PARAMETER, LIMIT.replace("integer", "number")),
        head=takes(THING_PARAMETER, LIMIT),
        expected=[("type-narrowed", B, f"{LIMITS}/type")],
    ),
]

CASES = OPERATION_CASES + PARAMETER_CASES + BODY_CASES + RESPONSE_CASES + NEW_PARAMETER_CASES


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_rule(case: Case) -> None:
    check(case)


def test_unquoted_status_codes_compare_like_quoted_ones() -> None:
    quoted = with_responses('{"200": {description: OK.}}')
    unquoted = with_responses("{200: {description: OK.}}")
    assert spec_diff.compare("things", quoted, unquoted) == []


def test_docs_of_parameters_pair_by_name_not_position() -> None:
    described = "{name: verbose, in: query, schema: {type: boolean}, description: Say more.}"
    base = takes(THING_PARAMETER, described)
    head = takes("{name: q, in: query, schema: {type: string}}", THING_PARAMETER, described)
    assert [c.rule for c in spec_diff.compare("things", base, head)] == ["parameter-added-optional"]
