"""Two versions of a schema, compared on the side it is used on (scripts.review.rules.Side).

`$ref`s are followed and `allOf` members merged first, as openapi-python-client merges them
into one model; `anyOf: [X, {type: "null"}]` is X made nullable (the generator writes
`X | None`), so X is compared. A changed type stops the descent: its fields, items and
variants are not the old ones changed.
"""

from __future__ import annotations

from typing import Any

from scripts.core import openapi
from scripts.core.documents import Location
from scripts.review.rules import Side
from scripts.review.spec_diff.changes import Scope, key, other_keywords, show

# Schema keywords compared by a rule of their own; every other differing keyword is `keyword-changed`.
SCHEMA_KEYS = frozenset(
    {
        "$ref",
        "type",
        "nullable",
        "format",
        "enum",
        "properties",
        "required",
        "items",
        "additionalProperties",
        "anyOf",
        "oneOf",
        "allOf",
        "deprecated",
    }
)
Located = tuple[Any, Location]


def compare_schema(
    scope: Scope, base: Any, head: Any, base_location: Location, head_location: Location, side: Side
) -> None:
    base, base_location = openapi.follow(scope.base, base, base_location)
    head, head_location = openapi.follow(scope.head, head, head_location)
    visit = (base_location, head_location, side)
    if visit in scope.schemas_seen:  # recursive schemas, and a shared schema reached twice
        return
    scope.schemas_seen.add(visit)
    base = _merge_all_of(scope.base, base if isinstance(base, dict) else {})
    head = _merge_all_of(scope.head, head if isinstance(head, dict) else {})
    base_types, head_types = _types(scope.base, base), _types(scope.head, head)
    base, base_location = _unwrap_nullable(scope.base, base, base_location)
    head, here = _unwrap_nullable(scope.head, head, head_location)
    base_types |= _types(scope.base, base)
    head_types |= _types(scope.head, head)

    if base_types - {"null"} != head_types - {"null"}:
        before, after = _show_types(base_types - {"null"}), _show_types(head_types - {"null"})
        scope.add("type-changed", (*here, "type"), f"type {before} → {after}", side)
        return
    if "null" in head_types and "null" not in base_types:
        scope.add("nullable-added", here, "now nullable (T becomes T | None)", side)
    elif "null" in base_types and "null" not in head_types:
        scope.add("nullable-removed", here, "no longer nullable", side)
    if base.get("format") != head.get("format"):
        scope.add(
            "format-changed", (*here, "format"), f"format {show(base.get('format'))} → {show(head.get('format'))}", side
        )
    _compare_enum(scope, base, head, here, side)
    _compare_properties(scope, base, head, base_location, here, side)
    if "items" in base or "items" in head:
        compare_schema(scope, base.get("items"), head.get("items"), (*base_location, "items"), (*here, "items"), side)
    _compare_additional_properties(scope, base, head, base_location, here, side)
    _compare_variants(scope, base, head, base_location, here, side)
    if bool(base.get("deprecated")) != bool(head.get("deprecated")):
        state = "deprecated" if head.get("deprecated") else "no longer deprecated"
        scope.add("deprecated-changed", (*here, "deprecated"), state, side)
    other_keywords(scope, base, head, here, SCHEMA_KEYS, "schema")


def _compare_enum(scope: Scope, base: dict[str, Any], head: dict[str, Any], here: Location, side: Side) -> None:
    if "enum" not in base and "enum" not in head:
        return
    where = (*here, "enum")
    if "enum" not in base:
        scope.add("enum-added", where, f"values restricted to {show(head['enum'])}", side)
        return
    if "enum" not in head:
        scope.add("enum-dropped", where, f"values no longer restricted to {show(base['enum'])}", side)
        return
    old_values = {key(v): v for v in base["enum"] or []}
    new_values = {key(v): v for v in head["enum"] or []}
    for removed in sorted(old_values.keys() - new_values.keys()):
        scope.add("enum-value-removed", where, f"enum value `{removed}` removed", side)
    for added in sorted(new_values.keys() - old_values.keys()):
        scope.add("enum-value-added", where, f"enum value `{added}` added", side)


def _compare_properties(
    scope: Scope, base: dict[str, Any], head: dict[str, Any], base_location: Location, here: Location, side: Side
) -> None:
    old_fields, new_fields = _fields(base, base_location), _fields(head, here)
    old_required, new_required = set(base.get("required") or []), set(head.get("required") or [])
    for name in sorted(old_fields.keys() - new_fields.keys()):
        scope.add("field-removed", old_fields[name][1], f"{side.value} field `{name}` removed", side)
    for name in sorted(new_fields.keys() - old_fields.keys()):
        if side is Side.REQUEST and name in new_required:
            scope.add("field-added-required", new_fields[name][1], f"required request field `{name}` added", side)
        else:
            optional = "" if name in new_required else "optional "
            scope.add("field-added", new_fields[name][1], f"{optional}{side.value} field `{name}` added", side)
    for name in sorted(old_fields.keys() & new_fields.keys()):
        if name in old_required and name not in new_required:
            consequence = " (T becomes T | Unset)" if side is Side.RESPONSE else ""
            message = f"{side.value} field `{name}` dropped from required{consequence}"
            scope.add("field-made-optional", (*here, "required"), message, side)
        elif name in new_required and name not in old_required:
            scope.add("field-made-required", (*here, "required"), f"{side.value} field `{name}` made required", side)
        (old_node, old_location), (new_node, new_location) = old_fields[name], new_fields[name]
        compare_schema(scope, old_node, new_node, old_location, new_location, side)


def _compare_additional_properties(
    scope: Scope, base: dict[str, Any], head: dict[str, Any], base_location: Location, here: Location, side: Side
) -> None:
    if not (_is_object(base) and _is_object(head)):
        return
    old, new = base.get("additionalProperties", True), head.get("additionalProperties", True)
    where = (*here, "additionalProperties")
    if old is not False and new is False:
        scope.add("additional-properties-removed", where, "additional properties no longer allowed", side)
    elif old is False and new is not False:
        scope.add("additional-properties-added", where, "additional properties now allowed", side)
    elif isinstance(old, dict) or isinstance(new, dict):
        old_schema, new_schema = (old if isinstance(old, dict) else {}), (new if isinstance(new, dict) else {})
        compare_schema(scope, old_schema, new_schema, (*base_location, "additionalProperties"), where, side)


def _compare_variants(
    scope: Scope, base: dict[str, Any], head: dict[str, Any], base_location: Location, here: Location, side: Side
) -> None:
    old, new = _variants(scope.base, base, base_location), _variants(scope.head, head, here)
    for name in sorted(old.keys() - new.keys()):
        scope.add("variant-removed", old[name][1], f"variant {name} removed", side)
    for name in sorted(new.keys() - old.keys()):
        scope.add("variant-added", new[name][1], f"variant {name} added", side)
    for name in sorted(old.keys() & new.keys()):
        compare_schema(scope, old[name][0], new[name][0], old[name][1], new[name][1], side)


# --- reading a schema ----------------------------------------------------------------------


def _merge_all_of(
    document: dict[str, Any], schema: dict[str, Any], merging: frozenset[int] = frozenset()
) -> dict[str, Any]:
    """One schema with allOf's members folded in, as openapi-python-client merges them into one model.

    merging: the schemas being merged further up, so that an allOf that includes itself stops.
    """
    if "allOf" not in schema or id(schema) in merging:
        return schema
    merging |= {id(schema)}
    merged = {k: v for k, v in schema.items() if k != "allOf"}
    for member in schema["allOf"] or []:
        node, _ = openapi.follow(document, member)
        node = _merge_all_of(document, node if isinstance(node, dict) else {}, merging)
        merged.setdefault("properties", {})
        merged["properties"] = {**node.get("properties", {}), **merged["properties"]}
        merged["required"] = sorted(set(merged.get("required", [])) | set(node.get("required", [])))
        for name, value in node.items():
            merged.setdefault(name, value)
    return merged


def _unwrap_nullable(document: dict[str, Any], schema: dict[str, Any], location: Location) -> Located:
    """The one non-null member of `anyOf`/`oneOf: [X, {type: "null"}]`, else the schema itself."""
    if "type" in schema or "properties" in schema:
        return schema, location
    for keyword in ("anyOf", "oneOf"):
        members = schema.get(keyword) or []
        resolved = [openapi.follow(document, member, (*location, keyword, i)) for i, member in enumerate(members)]
        real = [(n, loc) for n, loc in resolved if not (isinstance(n, dict) and n.get("type") == "null")]
        if len(real) == 1 and len(real) < len(members):
            node, node_location = real[0]
            return _merge_all_of(document, node if isinstance(node, dict) else {}), node_location
    return schema, location


def _types(document: dict[str, Any], schema: dict[str, Any]) -> set[str]:
    declared = schema.get("type")
    types = set() if declared is None else {declared} if isinstance(declared, str) else set(declared)
    if schema.get("nullable") is True:  # OpenAPI 3.0 spelling
        types.add("null")
    if not declared and ("properties" in schema or "additionalProperties" in schema):
        types.add("object")
    for keyword in ("anyOf", "oneOf"):
        for variant in schema.get(keyword) or []:
            node, _ = openapi.follow(document, variant)
            if isinstance(node, dict) and node.get("type") == "null":
                types.add("null")
    return types


def _show_types(types: set[str]) -> str:
    return " | ".join(sorted(types)) if types else "(any)"


def _is_object(schema: dict[str, Any]) -> bool:
    return "object" in _types({}, schema) and not schema.get("anyOf")


def _fields(schema: dict[str, Any], location: Location) -> dict[str, Located]:
    return {name: (node, (*location, "properties", name)) for name, node in (schema.get("properties") or {}).items()}


def _variants(document: dict[str, Any], schema: dict[str, Any], location: Location) -> dict[str, Located]:
    """anyOf/oneOf members by identity: the component they name, else their type. `null` is nullability."""
    found: dict[str, Located] = {}
    for keyword in ("anyOf", "oneOf"):
        for index, raw in enumerate(schema.get(keyword) or []):
            node, node_location = openapi.follow(document, raw, (*location, keyword, index))
            if not isinstance(node, dict) or node.get("type") == "null":
                continue
            if isinstance(raw, dict) and "$ref" in raw:
                name = f"`{raw['$ref'].rsplit('/', 1)[-1]}`"
            else:
                name = f"`{_show_types(_types(document, node))}`"
            found[name] = (node, node_location)
    return found
