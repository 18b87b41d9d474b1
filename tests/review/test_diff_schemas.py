"""Rules about schemas (scripts/review/spec_diff/schemas.py), on the side they are used on: what the SDK
reads (responses) and what callers send (parameters, request bodies). Each case: base document →
head document → changes."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.review import spec_diff
from tests.review.spec_cases import (
    REQUEST,
    RESPONSE,
    SCHEMAS,
    B,
    C,
    Case,
    D,
    accepts,
    check,
    returns,
)

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
        expected=[("constraint-tightened", C, f"{RESPONSE}/properties/size/minimum")],
    ),
    Case(
        "response field maxLength raised",
        base=returns("{type: object, properties: {label: {type: string, maxLength: 10}}}"),
        head=returns("{type: object, properties: {label: {type: string, maxLength: 20}}}"),
        expected=[("constraint-loosened", C, f"{RESPONSE}/properties/label/maxLength")],
    ),
    Case(
        "response field read-only",
        base=returns("{type: object, properties: {label: {type: string}}}"),
        head=returns("{type: object, properties: {label: {type: string, readOnly: true}}}"),
        expected=[("keyword-changed", C, f"{RESPONSE}/properties/label/readOnly")],
    ),
    Case(
        "response field widened from integer to number",
        base=returns("{type: object, properties: {size: {type: integer}}}"),
        head=returns("{type: object, properties: {size: {type: number}}}"),
        expected=[("type-widened", B, f"{RESPONSE}/properties/size/type")],
    ),
    Case(
        "response field narrowed from integer or string to integer",
        base=returns("{type: object, properties: {size: {type: [integer, string]}}}"),
        head=returns("{type: object, properties: {size: {type: integer}}}"),
        expected=[("type-narrowed", C, f"{RESPONSE}/properties/size/type")],
    ),
    Case(
        "response field default changed",
        base=returns("{type: object, properties: {size: {type: integer, default: 1}}}"),
        head=returns("{type: object, properties: {size: {type: integer, default: 2}}}"),
        expected=[("default-changed", C, f"{RESPONSE}/properties/size/default")],
    ),
    Case(
        "response enum value added to the second of two inline strings",
        base=returns("{anyOf: [{type: string, enum: [a, b]}, {type: string, enum: [c]}]}"),
        head=returns("{anyOf: [{type: string, enum: [a, b]}, {type: string, enum: [c, d]}]}"),
        expected=[("enum-value-added", C, f"{RESPONSE}/anyOf/1/enum")],
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
    Case(
        "request field maximum lowered",
        base=accepts("{type: object, properties: {count: {type: integer, maximum: 15}}}"),
        head=accepts("{type: object, properties: {count: {type: integer, maximum: 10}}}"),
        expected=[("constraint-tightened", B, f"{REQUEST}/properties/count/maximum")],
    ),
    Case(
        "request field pattern added",
        base=accepts("{type: object, properties: {code: {type: string}}}"),
        head=accepts("{type: object, properties: {code: {type: string, pattern: '^[A-Z]+$'}}}"),
        expected=[("constraint-tightened", B, f"{REQUEST}/properties/code/pattern")],
    ),
    Case(
        "request field pattern changed",
        base=accepts("{type: object, properties: {code: {type: string, pattern: '^[A-Z]+$'}}}"),
        head=accepts("{type: object, properties: {code: {type: string, pattern: '^[A-Z0-9]+$'}}}"),
        expected=[("constraint-tightened", B, f"{REQUEST}/properties/code/pattern")],
    ),
    Case(
        "request field pattern dropped",
        base=accepts("{type: object, properties: {code: {type: string, pattern: '^[A-Z]+$'}}}"),
        head=accepts("{type: object, properties: {code: {type: string}}}"),
        expected=[("constraint-loosened", C, f"{REQUEST}/properties/code/pattern")],
    ),
    Case(
        "request field minLength raised",
        base=accepts("{type: object, properties: {code: {type: string, minLength: 1}}}"),
        head=accepts("{type: object, properties: {code: {type: string, minLength: 3}}}"),
        expected=[("constraint-tightened", B, f"{REQUEST}/properties/code/minLength")],
    ),
    Case(
        "request field minimum lowered",
        base=accepts("{type: object, properties: {count: {type: integer, minimum: 1}}}"),
        head=accepts("{type: object, properties: {count: {type: integer, minimum: 0}}}"),
        expected=[("constraint-loosened", C, f"{REQUEST}/properties/count/minimum")],
    ),
    Case(
        "request field multipleOf made coarser",
        base=accepts("{type: object, properties: {count: {type: integer, multipleOf: 2}}}"),
        head=accepts("{type: object, properties: {count: {type: integer, multipleOf: 4}}}"),
        expected=[("constraint-tightened", B, f"{REQUEST}/properties/count/multipleOf")],
    ),
    Case(
        "request field multipleOf made finer",
        base=accepts("{type: object, properties: {count: {type: integer, multipleOf: 4}}}"),
        head=accepts("{type: object, properties: {count: {type: integer, multipleOf: 2}}}"),
        expected=[("constraint-loosened", C, f"{REQUEST}/properties/count/multipleOf")],
    ),
    Case(
        "request field exclusiveMaximum added",
        base=accepts("{type: object, properties: {count: {type: integer}}}"),
        head=accepts("{type: object, properties: {count: {type: integer, exclusiveMaximum: 10}}}"),
        expected=[("constraint-tightened", B, f"{REQUEST}/properties/count/exclusiveMaximum")],
    ),
    Case(
        "request field exclusiveMinimum made exclusive, OpenAPI 3.0 style",
        base=accepts("{type: object, properties: {count: {type: integer, minimum: 0, exclusiveMinimum: false}}}"),
        head=accepts("{type: object, properties: {count: {type: integer, minimum: 0, exclusiveMinimum: true}}}"),
        expected=[("constraint-tightened", B, f"{REQUEST}/properties/count/exclusiveMinimum")],
    ),
    Case(
        "request list maxItems lowered and uniqueItems added",
        base=accepts("{type: object, properties: {tags: {type: array, maxItems: 5, items: {type: string}}}}"),
        head=accepts(
            "{type: object, properties: {tags: {type: array, maxItems: 3, uniqueItems: true, items: {type: string}}}}"
        ),
        expected=[
            ("constraint-tightened", B, f"{REQUEST}/properties/tags/maxItems"),
            ("constraint-tightened", B, f"{REQUEST}/properties/tags/uniqueItems"),
        ],
    ),
    Case(
        "request field default changed",
        base=accepts("{type: object, properties: {count: {type: integer, default: 1}}}"),
        head=accepts("{type: object, properties: {count: {type: integer, default: 5}}}"),
        expected=[("default-changed", B, f"{REQUEST}/properties/count/default")],
    ),
    Case(
        "request field widened from integer to integer or string",
        base=accepts("{type: object, properties: {size: {type: integer}}}"),
        head=accepts("{type: object, properties: {size: {type: [integer, string]}}}"),
        expected=[("type-widened", C, f"{REQUEST}/properties/size/type")],
    ),
    Case(
        "request field widened from integer to number",
        base=accepts("{type: object, properties: {size: {type: integer}}}"),
        head=accepts("{type: object, properties: {size: {type: number}}}"),
        expected=[("type-widened", C, f"{REQUEST}/properties/size/type")],
    ),
    Case(
        "request field narrowed from integer or string to string",
        base=accepts("{type: object, properties: {size: {type: [integer, string]}}}"),
        head=accepts("{type: object, properties: {size: {type: string}}}"),
        expected=[("type-narrowed", B, f"{REQUEST}/properties/size/type")],
    ),
    Case(
        "request enum value removed from the first of two inline strings",
        base=accepts("{anyOf: [{type: string, enum: [a, b]}, {type: string, enum: [c, d]}]}"),
        head=accepts("{anyOf: [{type: string, enum: [a]}, {type: string, enum: [c, d]}]}"),
        expected=[("enum-value-removed", B, f"{REQUEST}/anyOf/0/enum")],
    ),
    Case(
        "request inline string member added beside another",
        base=accepts("{anyOf: [{type: string, enum: [a, b]}, {type: integer}]}"),
        head=accepts("{anyOf: [{type: string, enum: [a, b]}, {type: string, enum: [c, d]}, {type: integer}]}"),
        expected=[("variant-added", C, f"{REQUEST}/anyOf/1")],
    ),
    Case(
        "request members reordered",
        base=accepts(f'{{anyOf: [{{type: string}}, {{$ref: "{SCHEMAS}/Owner"}}]}}', OWNER),
        head=accepts(f'{{anyOf: [{{$ref: "{SCHEMAS}/Owner"}}, {{type: string}}]}}', OWNER),
        expected=[],
    ),
    Case(
        "request member referring to another component",
        base=accepts(f'{{anyOf: [{{$ref: "{SCHEMAS}/Owner"}}]}}', OWNER + KIND),
        head=accepts(f'{{anyOf: [{{$ref: "{SCHEMAS}/Kind"}}]}}', OWNER + KIND),
        expected=[
            ("variant-removed", B, f"{SCHEMAS}/Owner"),
            ("variant-added", C, f"{SCHEMAS}/Kind"),
        ],
    ),
]


CASES = RESPONSE_SCHEMA_CASES + REQUEST_SCHEMA_CASES


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.name)
def test_rule(case: Case) -> None:
    check(case)


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


def test_a_field_named_like_a_keyword_is_a_field() -> None:
    # `description` here is a field of the response, not the schema's description.
    base = returns("{type: object, properties: {description: {type: string}}}")
    head = returns("{type: object, properties: {description: {type: integer}}}")
    assert [c.rule for c in spec_diff.compare("things", base, head)] == ["type-changed"]


# --- unions, whatever their members: pairing by identity, then by shape --------------------------

MEMBER_POOL = [
    {"type": "string", "enum": ["a", "b"]},
    {"type": "string", "enum": ["c"]},
    {"type": "string"},
    {"type": "integer"},
    {"type": "integer", "minimum": 0},
    {"type": "boolean"},
    {"$ref": "#/components/schemas/Owner"},
    {"$ref": "#/components/schemas/Kind"},
]
members = st.lists(st.sampled_from(MEMBER_POOL), min_size=1, max_size=6, unique_by=json.dumps)


def _union(side: str, variants: list[dict[str, Any]]) -> dict[str, Any]:
    build = accepts if side == "request" else returns
    document = build("{type: string}", OWNER + KIND)
    where = document["paths"]["/thing"]["put" if side == "request" else "get"]
    if side == "request":
        where["requestBody"]["content"]["application/json"]["schema"] = {"anyOf": variants}
    else:
        where["responses"]["200"]["content"]["application/json"]["schema"] = {"anyOf": variants}
    return document


@settings(max_examples=60, deadline=None)
@given(variants=members, side=st.sampled_from(["request", "response"]), data=st.data())
def test_reordered_members_are_no_change_and_a_removed_one_is_named_by_its_place(
    variants: list[dict[str, Any]], side: str, data: st.DataObject
) -> None:
    shuffled = data.draw(st.permutations(variants))
    assert spec_diff.compare("things", _union(side, variants), _union(side, shuffled)) == []
    removed = data.draw(st.integers(0, len(variants) - 1))
    fewer = variants[:removed] + variants[removed + 1 :]
    changes = spec_diff.compare("things", _union(side, variants), _union(side, fewer))
    assert [(c.rule, c.pointer.rsplit("/", 2)[-2:]) for c in changes] == [
        ("variant-removed", ["anyOf", str(removed)])
        if "$ref" not in variants[removed]
        else ("variant-removed", ["schemas", variants[removed]["$ref"].rsplit("/", 1)[-1]])
    ]
