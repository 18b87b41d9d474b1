"""Every rule of scripts.spec_diff on small spec fixtures: a breaking case and a compatible one each.

Each case edits a copy of FIXTURE (the head, and sometimes the base) and asserts the exact
list of (rule, level) the comparison reports, in order: nothing more, nothing less.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from typing import Any

import pytest

from scripts import diff_rules, spec_diff, versioning
from scripts.spec_diff import Level

B, C, D = Level.BREAKING, Level.COMPATIBLE, Level.DOCS


def _json(schema_ref: str) -> dict[str, Any]:
    return {"application/json": {"schema": {"$ref": f"#/components/schemas/{schema_ref}"}}}


FIXTURE: dict[str, Any] = {
    "openapi": "3.1.0",
    "info": {"title": "Things", "version": "1.0.0", "description": "A tiny API."},
    "servers": [{"url": "https://api.example.com", "description": "production"}],
    "security": [{"token": []}],
    "paths": {
        "/things/{thing}": {
            "get": {
                "operationId": "getThing",
                "tags": ["things"],
                "summary": "Get a thing",
                "parameters": [
                    {"name": "thing", "in": "path", "required": True, "schema": {"type": "string"}},
                    {"name": "verbose", "in": "query", "required": False, "schema": {"type": "boolean"}},
                ],
                "responses": {
                    "200": {"description": "The thing.", "content": _json("Thing")},
                    "404": {"description": "No such thing.", "content": _json("Error")},
                },
            },
            "put": {
                "operationId": "putThing",
                "tags": ["things"],
                "parameters": [{"name": "thing", "in": "path", "required": True, "schema": {"type": "string"}}],
                "requestBody": {"required": True, "content": _json("NewThing")},
                "responses": {"204": {"description": "Stored."}},
            },
        }
    },
    "components": {
        "securitySchemes": {"token": {"type": "http", "scheme": "bearer", "description": "A bearer token."}},
        "schemas": {
            "Thing": {
                "type": "object",
                "required": ["id", "kind"],
                "properties": {
                    "id": {"type": "integer", "description": "The id."},
                    "kind": {"$ref": "#/components/schemas/Kind"},
                    "size": {"type": "number"},
                    "when": {"type": "string", "format": "date-time"},
                    "labels": {"type": "array", "items": {"type": "string"}},
                    "owner": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Owner"}]},
                    "extra": {"type": "object", "additionalProperties": {"type": "string"}},
                    "label": {"type": "string"},
                },
            },
            "Kind": {"type": "string", "enum": ["small", "large"]},
            "Owner": {"type": "object", "additionalProperties": False, "properties": {"name": {"type": "string"}}},
            "Error": {"type": "object", "required": ["error"], "properties": {"error": {"type": "string"}}},
            "NewThing": {
                "type": "object",
                "required": ["name"],
                "properties": {
                    "name": {"type": "string"},
                    "note": {"type": "string"},
                    "colour": {"type": "string", "enum": ["red", "blue"]},
                    "size": {"anyOf": [{"type": "integer"}, {"type": "string"}]},
                },
            },
            "Unused": {"type": "string"},
        },
    },
}

Edit = Callable[[dict[str, Any]], None]
GET = ("paths", "/things/{thing}", "get")
PUT = ("paths", "/things/{thing}", "put")


def at(document: dict[str, Any], *path: str | int) -> Any:
    node: Any = document
    for part in path:
        node = node[part]
    return node


def schema(document: dict[str, Any], name: str) -> dict[str, Any]:
    found: dict[str, Any] = document["components"]["schemas"][name]
    return found


def prop(document: dict[str, Any], name: str, field: str) -> dict[str, Any]:
    found: dict[str, Any] = schema(document, name)["properties"][field]
    return found


def _set(target: Callable[[dict[str, Any]], dict[str, Any]], key: str, value: Any) -> Edit:
    return lambda d: target(d).__setitem__(key, value)


def _both(*edits: Edit) -> Edit:
    def run(document: dict[str, Any]) -> None:
        for edit in edits:
            edit(document)

    return run


def _move_get_to(path: str, parameter: str | None = None) -> Edit:
    def run(d: dict[str, Any]) -> None:
        item = d["paths"]["/things/{thing}"]
        d["paths"][path] = {"get": item.pop("get")}
        if parameter:
            d["paths"][path]["get"]["parameters"][0]["name"] = parameter

    return run


def _no_op(_document: dict[str, Any]) -> None:
    return None


GET_OP = "GET /things/{thing} (getThing)"
PUT_OP = "PUT /things/{thing} (putThing)"

# (case id, edit of the head, edit of the base, the exact [(rule, level)] expected)
CASES: list[tuple[str, Edit, Edit, list[tuple[str, Level]]]] = [
    # operations
    ("operation removed", lambda d: at(d, *GET[:2]).pop("get"), _no_op, [("operation-removed", B)]),
    (
        "operation added",
        lambda d: d["paths"].__setitem__(
            "/others", {"get": {"operationId": "listOthers", "responses": {"204": {"description": "None."}}}}
        ),
        _no_op,
        [("operation-added", C)],
    ),
    (
        "operationId changed",
        _set(lambda d: at(d, *GET), "operationId", "fetchThing"),
        _no_op,
        [("operation-id-changed", B)],
    ),
    ("summary changed", _set(lambda d: at(d, *GET), "summary", "Fetch a thing"), _no_op, [("docs-changed", D)]),
    ("path changed", _move_get_to("/items/{thing}/detail"), _no_op, [("operation-moved", B)]),
    (
        "method changed",
        lambda d: at(d, *GET[:2]).__setitem__("post", at(d, *GET[:2]).pop("get")),
        _no_op,
        [("operation-moved", B)],
    ),
    ("first tag changed", _set(lambda d: at(d, *GET), "tags", ["items"]), _no_op, [("operation-tag-changed", B)]),
    ("second tag added", _set(lambda d: at(d, *GET), "tags", ["things", "items"]), _no_op, [("keyword-changed", C)]),
    ("path parameter renamed", _move_get_to("/things/{id}", "id"), _no_op, [("path-parameter-renamed", B)]),
    (
        "path parameter described",
        _set(lambda d: at(d, *GET, "parameters", 0), "description", "The thing's id."),
        _no_op,
        [("docs-changed", D)],
    ),
    # request parameters
    (
        "required parameter added",
        lambda d: at(d, *GET, "parameters").append({"name": "q", "in": "query", "required": True, "schema": {}}),
        _no_op,
        [("parameter-added-required", B)],
    ),
    (
        "optional parameter added",
        lambda d: at(d, *GET, "parameters").append({"name": "q", "in": "query", "schema": {"type": "string"}}),
        _no_op,
        [("parameter-added-optional", C)],
    ),
    (
        "parameter made required",
        _set(lambda d: at(d, *GET, "parameters", 1), "required", True),
        _no_op,
        [("parameter-made-required", B)],
    ),
    (
        "parameter made optional",
        _no_op,
        _set(lambda d: at(d, *GET, "parameters", 1), "required", True),
        [("parameter-made-optional", C)],
    ),
    ("parameter removed", lambda d: at(d, *GET, "parameters").pop(1), _no_op, [("parameter-removed", B)]),
    (
        "parameter deprecated",
        _set(lambda d: at(d, *GET, "parameters", 1), "deprecated", True),
        _no_op,
        [("deprecated-changed", C)],
    ),
    (
        "parameter type changed",
        _set(lambda d: at(d, *GET, "parameters", 1), "schema", {"type": "string"}),
        _no_op,
        [("type-changed", B)],
    ),
    (
        "parameter constraint added",
        _set(lambda d: at(d, *GET, "parameters", 1), "style", "form"),
        _no_op,
        [("keyword-changed", C)],
    ),
    # request bodies
    ("request body removed", lambda d: at(d, *PUT).pop("requestBody"), _no_op, [("request-body-removed", B)]),
    (
        "required request body added",
        _set(lambda d: at(d, *GET), "requestBody", {"required": True, "content": _json("NewThing")}),
        _no_op,
        [("request-body-added-required", B)],
    ),
    (
        "optional request body added",
        _set(lambda d: at(d, *GET), "requestBody", {"content": _json("NewThing")}),
        _no_op,
        [("request-body-added-optional", C)],
    ),
    (
        "request body made required",
        _no_op,
        _set(lambda d: at(d, *PUT, "requestBody"), "required", False),
        [("request-body-made-required", B)],
    ),
    (
        "request body made optional",
        _set(lambda d: at(d, *PUT, "requestBody"), "required", False),
        _no_op,
        [("request-body-made-optional", C)],
    ),
    (
        "request media type removed",
        _no_op,
        lambda d: at(d, *PUT, "requestBody", "content").__setitem__("text/plain", {"schema": {"type": "string"}}),
        [("media-type-removed", B)],
    ),
    (
        "request media type added",
        lambda d: at(d, *PUT, "requestBody", "content").__setitem__("text/plain", {"schema": {"type": "string"}}),
        _no_op,
        [("media-type-added", C)],
    ),
    # responses
    ("status removed", lambda d: at(d, *GET, "responses").pop("404"), _no_op, [("response-status-removed", B)]),
    (
        "status added",
        lambda d: at(d, *GET, "responses").__setitem__("500", {"description": "Broken."}),
        _no_op,
        [("response-status-added", C)],
    ),
    (
        "status body removed",
        lambda d: at(d, *GET, "responses", "404").pop("content"),
        _no_op,
        [("response-body-removed", B)],
    ),
    (
        "status body added",
        lambda d: at(d, *PUT, "responses", "204").__setitem__("content", _json("Error")),
        _no_op,
        [("response-body-added", C)],
    ),
    (
        "response header added",
        _set(lambda d: at(d, *GET, "responses", "200"), "headers", {"X-Rate": {"schema": {"type": "integer"}}}),
        _no_op,
        [("keyword-changed", C)],
    ),
    (
        "status body schema changed incompatibly",
        _set(
            lambda d: at(d, *GET, "responses", "200", "content", "application/json"),
            "schema",
            {"type": "array", "items": {"$ref": "#/components/schemas/Thing"}},
        ),
        _no_op,
        [("type-changed", B)],
    ),
    (
        "status body schema changed compatibly",
        lambda d: schema(d, "Error")["properties"].__setitem__("code", {"type": "integer"}),
        _no_op,
        [("field-added", C)],
    ),
    # response schemas
    ("response field removed", lambda d: schema(d, "Thing")["properties"].pop("label"), _no_op, [("field-removed", B)]),
    (
        "response field added",
        lambda d: schema(d, "Thing")["properties"].__setitem__("colour", {"type": "string"}),
        _no_op,
        [("field-added", C)],
    ),
    (
        "response field dropped from required",
        _set(lambda d: schema(d, "Thing"), "required", ["kind"]),
        _no_op,
        [("field-made-optional", B)],
    ),
    (
        "response field made required",
        _set(lambda d: schema(d, "Thing"), "required", ["id", "kind", "size"]),
        _no_op,
        [("field-made-required", C)],
    ),
    (
        "response field type changed",
        _set(lambda d: prop(d, "Thing", "size"), "type", "string"),
        _no_op,
        [("type-changed", B)],
    ),
    (
        "response field array item type changed",
        _set(lambda d: prop(d, "Thing", "labels"), "items", {"type": "integer"}),
        _no_op,
        [("type-changed", B)],
    ),
    (
        "response field format changed",
        _set(lambda d: prop(d, "Thing", "when"), "format", "date"),
        _no_op,
        [("format-changed", B)],
    ),
    (
        "response field constraint added",
        _set(lambda d: prop(d, "Thing", "size"), "minimum", 0),
        _no_op,
        [("keyword-changed", C)],
    ),
    (
        "response field made nullable",
        _set(lambda d: prop(d, "Thing", "size"), "type", ["number", "null"]),
        _no_op,
        [("nullable-added", B)],
    ),
    (
        "response field no longer nullable",
        _no_op,
        _set(lambda d: prop(d, "Thing", "size"), "type", ["number", "null"]),
        [("nullable-removed", C)],
    ),
    (
        "response field nullable through anyOf",
        _set(lambda d: schema(d, "Thing")["properties"], "size", {"anyOf": [{"type": "number"}, {"type": "null"}]}),
        _no_op,
        [("nullable-added", B)],
    ),
    (
        "response enum value removed",
        _set(lambda d: schema(d, "Kind"), "enum", ["small"]),
        _no_op,
        [("enum-value-removed", B)],
    ),
    (
        "response enum value added",
        _set(lambda d: schema(d, "Kind"), "enum", ["small", "large", "huge"]),
        _no_op,
        [("enum-value-added", C)],
    ),
    ("response enum dropped", lambda d: schema(d, "Kind").pop("enum"), _no_op, [("enum-dropped", B)]),
    ("response enum added", _set(lambda d: prop(d, "Thing", "label"), "enum", ["x"]), _no_op, [("enum-added", C)]),
    (
        "response variant added",
        lambda d: prop(d, "Thing", "owner")["anyOf"].append({"type": "integer"}),
        _no_op,
        [("variant-added", B)],
    ),
    ("response variant removed", lambda d: prop(d, "Thing", "owner")["anyOf"].pop(0), _no_op, [("variant-removed", C)]),
    (
        "response field removed inside a variant",
        lambda d: schema(d, "Owner")["properties"].pop("name"),
        _no_op,
        [("field-removed", B)],
    ),
    (
        "additional properties no longer allowed",
        _set(lambda d: prop(d, "Thing", "extra"), "additionalProperties", False),
        _no_op,
        [("additional-properties-removed", B)],
    ),
    (
        "additional properties now allowed",
        lambda d: schema(d, "Owner").pop("additionalProperties"),
        _no_op,
        [("additional-properties-added", C)],
    ),
    (
        "additional properties' type changed",
        _set(lambda d: prop(d, "Thing", "extra"), "additionalProperties", {"type": "integer"}),
        _no_op,
        [("type-changed", B)],
    ),
    (
        "response field deprecated",
        _set(lambda d: prop(d, "Thing", "label"), "deprecated", True),
        _no_op,
        [("deprecated-changed", C)],
    ),
    (
        "response field described",
        _set(lambda d: prop(d, "Thing", "id"), "description", "The thing's id."),
        _no_op,
        [("docs-changed", D)],
    ),
    # request schemas: the other side of the same rules
    (
        "request field removed",
        lambda d: schema(d, "NewThing")["properties"].pop("note"),
        _no_op,
        [("field-removed", B)],
    ),
    (
        "required request field added",
        _both(
            lambda d: schema(d, "NewThing")["properties"].__setitem__("id", {"type": "string"}),
            lambda d: schema(d, "NewThing")["required"].append("id"),
        ),
        _no_op,
        [("field-added-required", B)],
    ),
    (
        "optional request field added",
        lambda d: schema(d, "NewThing")["properties"].__setitem__("id", {"type": "string"}),
        _no_op,
        [("field-added", C)],
    ),
    (
        "request field made required",
        _set(lambda d: schema(d, "NewThing"), "required", ["name", "note"]),
        _no_op,
        [("field-made-required", B)],
    ),
    (
        "request field made optional",
        _set(lambda d: schema(d, "NewThing"), "required", []),
        _no_op,
        [("field-made-optional", C)],
    ),
    (
        "request field no longer nullable",
        _no_op,
        _set(lambda d: prop(d, "NewThing", "note"), "type", ["string", "null"]),
        [("nullable-removed", B)],
    ),
    (
        "request field made nullable",
        _set(lambda d: prop(d, "NewThing", "note"), "type", ["string", "null"]),
        _no_op,
        [("nullable-added", C)],
    ),
    ("request enum added", _set(lambda d: prop(d, "NewThing", "note"), "enum", ["a"]), _no_op, [("enum-added", B)]),
    ("request enum dropped", lambda d: prop(d, "NewThing", "colour").pop("enum"), _no_op, [("enum-dropped", C)]),
    (
        "request enum value removed",
        _set(lambda d: prop(d, "NewThing", "colour"), "enum", ["red"]),
        _no_op,
        [("enum-value-removed", B)],
    ),
    (
        "request enum value added",
        _set(lambda d: prop(d, "NewThing", "colour"), "enum", ["red", "blue", "green"]),
        _no_op,
        [("enum-value-added", C)],
    ),
    (
        "request variant removed",
        lambda d: prop(d, "NewThing", "size")["anyOf"].pop(1),
        _no_op,
        [("variant-removed", B)],
    ),
    (
        "request variant added",
        lambda d: prop(d, "NewThing", "size")["anyOf"].append({"type": "boolean"}),
        _no_op,
        [("variant-added", C)],
    ),
    # components, security, servers, document
    (
        "component schema removed",
        lambda d: d["components"]["schemas"].pop("Unused"),
        _no_op,
        [("component-schema-removed", B)],
    ),
    (
        "component schema added",
        lambda d: d["components"]["schemas"].__setitem__("Spare", {"type": "string"}),
        _no_op,
        [("component-schema-added", C)],
    ),
    ("security requirement removed", _set(lambda d: d, "security", []), _no_op, [("security-changed", B)]),
    (
        "security scheme changed",
        _set(lambda d: d["components"]["securitySchemes"]["token"], "scheme", "basic"),
        _no_op,
        [("security-changed", B)],
    ),
    (
        "security scheme described",
        _set(lambda d: d["components"]["securitySchemes"]["token"], "description", "Your API token."),
        _no_op,
        [("docs-changed", D)],
    ),
    ("operation security changed", _set(lambda d: at(d, *GET), "security", []), _no_op, [("security-changed", B)]),
    (
        "server URL changed",
        _set(lambda d: d["servers"][0], "url", "https://v2.example.com"),
        _no_op,
        [("servers-changed", B)],
    ),
    (
        "server added",
        lambda d: d["servers"].append({"url": "https://eu.example.com"}),
        _no_op,
        [("servers-changed", B)],
    ),
    ("server described", _set(lambda d: d["servers"][0], "description", "live"), _no_op, [("docs-changed", D)]),
    ("openapi version changed", _set(lambda d: d, "openapi", "3.1.1"), _no_op, [("openapi-version-changed", B)]),
    ("info described", _set(lambda d: d["info"], "description", "A small API."), _no_op, [("docs-changed", D)]),
    ("info.version alone", _set(lambda d: d["info"], "version", "1.0.1"), _no_op, []),
    ("operation deprecated", _set(lambda d: at(d, *GET), "deprecated", True), _no_op, [("deprecated-changed", C)]),
    (
        "examples changed",
        _set(lambda d: at(d, *GET, "responses", "200", "content", "application/json"), "example", {"id": 1}),
        _no_op,
        [("docs-changed", D)],
    ),
]


def _compare(edit_head: Edit, edit_base: Edit = _no_op) -> list[spec_diff.Change]:
    """Base: the fixture with edit_base applied; head: the fixture with edit_head applied."""
    base, head = copy.deepcopy(FIXTURE), copy.deepcopy(FIXTURE)
    edit_base(base)
    edit_head(head)
    return spec_diff.compare("things", base, head)


@pytest.mark.parametrize(("edit_head", "edit_base", "expected"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_rule_classification(edit_head: Edit, edit_base: Edit, expected: list[tuple[str, Level]]) -> None:
    changes = _compare(edit_head, edit_base)
    assert [(c.rule, c.level) for c in changes] == expected, [c.message for c in changes]


def test_every_rule_has_a_case_and_is_documented() -> None:
    covered = {rule for case in CASES for rule, _level in case[3]}
    assert covered == set(spec_diff.RULES)
    assert diff_rules.__doc__ is not None
    for rule in spec_diff.RULES:
        assert f"    {rule} " in diff_rules.__doc__, f"{rule} missing from the module docstring"


def test_each_rule_with_two_levels_is_tested_at_both() -> None:
    levels: dict[str, set[Level]] = {}
    for case in CASES:
        for rule, level in case[3]:
            levels.setdefault(rule, set()).add(level)
    for registered in spec_diff.RULES.values():
        if registered.response and registered.request and registered.response != registered.request:
            assert levels[registered.id] == {B, C}, registered


def test_identical_documents_have_no_changes() -> None:
    assert spec_diff.compare("things", FIXTURE, copy.deepcopy(FIXTURE)) == []


def test_change_names_its_operation_and_json_pointer() -> None:
    (change,) = _compare(lambda d: schema(d, "Thing")["properties"].pop("label"))
    assert change.spec == "things"
    assert change.operation == GET_OP
    assert change.pointer == "#/components/schemas/Thing/properties/label"
    assert change.message == "response field `label` removed"
    assert change.breaking


def test_a_shared_schema_change_is_reported_under_each_operation_once() -> None:
    def edit(d: dict[str, Any]) -> None:
        at(d, *PUT, "responses")["400"] = {"description": "Bad.", "content": _json("Error")}
        at(d, *PUT, "responses")["409"] = {"description": "Clash.", "content": _json("Error")}

    def head(d: dict[str, Any]) -> None:
        edit(d)
        schema(d, "Error")["required"] = []

    changes = _compare(head, edit)
    assert [(c.operation, c.rule) for c in changes] == [
        (GET_OP, "field-made-optional"),
        (PUT_OP, "field-made-optional"),
    ]


def test_recursive_schemas_terminate() -> None:
    def edit(d: dict[str, Any]) -> None:
        schema(d, "Owner")["properties"]["boss"] = {"$ref": "#/components/schemas/Owner"}

    def head(d: dict[str, Any]) -> None:
        edit(d)
        schema(d, "Owner")["properties"]["name"]["type"] = "integer"

    changes = _compare(head, edit)
    assert [(c.rule, c.pointer) for c in changes] == [
        ("type-changed", "#/components/schemas/Owner/properties/name/type")
    ]


def test_all_of_members_are_merged() -> None:
    def edit(d: dict[str, Any]) -> None:
        d["components"]["schemas"]["Thing"] = {"allOf": [{"$ref": "#/components/schemas/Owner"}, {"type": "object"}]}

    def head(d: dict[str, Any]) -> None:
        edit(d)
        schema(d, "Owner")["properties"].pop("name")

    assert [c.rule for c in _compare(head, edit)] == ["field-removed"]


def test_unquoted_status_codes_compare_like_quoted_ones() -> None:
    def edit(d: dict[str, Any]) -> None:
        responses = at(d, *GET, "responses")
        responses[200] = responses.pop("200")

    assert spec_diff.compare("things", FIXTURE, _edited(edit)) == []


def _edited(edit: Edit) -> dict[str, Any]:
    document = copy.deepcopy(FIXTURE)
    edit(document)
    return document


def test_a_field_named_like_a_keyword_is_a_field() -> None:
    # `description` here is a field of the response, not the schema's description.
    def edit(d: dict[str, Any]) -> None:
        schema(d, "Thing")["properties"]["description"] = {"type": "string"}

    def head(d: dict[str, Any]) -> None:
        edit(d)
        schema(d, "Thing")["properties"]["description"]["type"] = "integer"

    assert [c.rule for c in _compare(head, edit)] == ["type-changed"]


def test_docs_of_parameters_pair_by_name_not_position() -> None:
    def head(d: dict[str, Any]) -> None:
        at(d, *GET, "parameters").insert(0, {"name": "q", "in": "query", "schema": {"type": "string"}})

    def base(d: dict[str, Any]) -> None:
        at(d, *GET, "parameters", 1)["description"] = "Say more."

    def head_with_same_docs(d: dict[str, Any]) -> None:
        head(d)
        at(d, *GET, "parameters", 2)["description"] = "Say more."

    assert [c.rule for c in _compare(head_with_same_docs, base)] == ["parameter-added-optional"]


# --- acknowledgement by info.version ------------------------------------------------------


def _change(level: Level) -> spec_diff.Change:
    return spec_diff.Change("things", GET_OP, "x", level, "#/", "x")


@pytest.mark.parametrize(
    ("levels", "base", "head", "missing"),
    [
        ([B], "1.0.0", "1.0.0", "breaking changes need a major bump: info.version is 1.0.0, set it to 2.0.0"),
        ([B, C], "1.2.3", "1.3.0", "breaking changes need a major bump: info.version is 1.3.0, set it to 2.0.0"),
        ([B], "1.2.3", "2.0.0", None),
        ([C], "1.2.3", "1.2.4", "compatible additions need a minor bump: info.version is 1.2.4, set it to 1.3.0"),
        ([C, D], "1.2.3", "1.3.0", None),
        ([C], "1.2.3", "2.0.0", None),
        ([D], "1.2.3", "1.2.3", None),
        ([D], "1.2.3", "1.2.4", None),
        ([], "1.2.3", "1.2.3", None),
        ([], "1.2.3", "1.2.2", "info.version went backwards: 1.2.3 → 1.2.2"),
        ([D], "1.2.3", "1.3", "info.version '1.3' is not MAJOR.MINOR.PATCH"),
    ],
)
def test_version_acknowledges_changes(levels: list[Level], base: str, head: str, missing: str | None) -> None:
    problem = versioning.check_version(base, head, [_change(level) for level in levels])
    if missing is None:
        assert problem is None
    else:
        assert problem is not None and problem.startswith(missing)


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
        for rule, level in case[3]:
            rule = RENAMED.get(rule, rule)
            per_level = counts.setdefault(rule, {})
            per_level[level.value] = per_level.get(level.value, 0) + 1
    return counts


def test_no_rule_has_fewer_cases_than_before_the_rewrite() -> None:
    counts = _cases_per_rule()
    assert len(CASES) >= CASES_BEFORE_THE_REWRITE
    for rule, before in CASES_PER_RULE_BEFORE_THE_REWRITE.items():
        for level, count in before.items():
            assert counts.get(rule, {}).get(level, 0) >= count, (rule, level, counts.get(rule))
