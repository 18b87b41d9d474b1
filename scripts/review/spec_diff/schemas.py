"""Two versions of a schema, compared on the side it is used on (scripts.review.rules.Side).

`$ref`s are followed and `allOf` members merged first, as openapi-python-client merges them
into one model; `anyOf: [X, {type: "null"}]` is X made nullable (the generator writes
`X | None`), so X is compared. A changed type stops the descent: its fields, items and
variants are not the old ones changed; a widened or narrowed one (`integer` → `number`) does not.

anyOf/oneOf members pair by identity first (a `$ref` by its target, an inline member by its
whole schema), then the inline members left pair by position among those of the same type;
what is left was added or removed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scripts.core import openapi
from scripts.core.documents import Location
from scripts.review.rules import Side
from scripts.review.spec_diff.changes import Scope, key, other_keywords, show, strip_docs

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
        "default",
    }
)
# Value constraints: the SDK checks none of them, the server does (scripts.diff_rules).
UPPER_BOUNDS = ("maximum", "exclusiveMaximum", "maxLength", "maxItems", "maxProperties")
LOWER_BOUNDS = ("minimum", "exclusiveMinimum", "minLength", "minItems", "minProperties")
CONSTRAINT_KEYS = frozenset({*UPPER_BOUNDS, *LOWER_BOUNDS, "pattern", "multipleOf", "uniqueItems"})
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

    old_types, new_types = base_types - {"null"}, head_types - {"null"}
    if old_types != new_types:
        before, after = _show_types(old_types), _show_types(new_types)
        if old_types and new_types and _covers(new_types, old_types):
            scope.add("type-widened", (*here, "type"), f"type {before} → {after}: every old value still fits", side)
        elif old_types and new_types and _covers(old_types, new_types):
            scope.add("type-narrowed", (*here, "type"), f"type {before} → {after}: fewer values fit", side)
        else:
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
    _compare_constraints(scope, base, head, here, side)
    if key(base.get("default")) != key(head.get("default")):
        message = f"default {show(base.get('default'))} → {show(head.get('default'))}"
        if side is Side.REQUEST:
            message += ": a call that leaves it out sends the new default"
        scope.add("default-changed", (*here, "default"), message, side)
    _compare_properties(scope, base, head, base_location, here, side)
    if "items" in base or "items" in head:
        compare_schema(scope, base.get("items"), head.get("items"), (*base_location, "items"), (*here, "items"), side)
    _compare_additional_properties(scope, base, head, base_location, here, side)
    _compare_variants(scope, base, head, base_location, here, side)
    if bool(base.get("deprecated")) != bool(head.get("deprecated")):
        state = "deprecated" if head.get("deprecated") else "no longer deprecated"
        scope.add("deprecated-changed", (*here, "deprecated"), state, side)
    other_keywords(scope, base, head, here, SCHEMA_KEYS | CONSTRAINT_KEYS, "schema")


def _covers(wide: set[str], narrow: set[str]) -> bool:
    """True when every value of the types in narrow is one of wide's (an integer is a number)."""
    return wide != narrow and all(t in wide or (t == "integer" and "number" in wide) for t in narrow)


def _compare_constraints(scope: Scope, base: dict[str, Any], head: dict[str, Any], here: Location, side: Side) -> None:
    """constraint-tightened or -loosened for each value constraint that changed."""
    for name in sorted(CONSTRAINT_KEYS):
        old, new = base.get(name), head.get(name)
        if key(old) == key(new):
            continue
        tightened = _tightened(name, old, new)
        rule = "constraint-tightened" if tightened else "constraint-loosened"
        consequence = ""
        if side is Side.REQUEST:
            consequence = ": calls that passed may be refused" if tightened else ": every call that passed still does"
        scope.add(rule, (*here, name), f"`{name}` {show(old)} → {show(new)}{consequence}", side)


def _tightened(name: str, old: Any, new: Any) -> bool:
    """Whether a changed constraint lets fewer values through; anything unclear counts as tighter."""
    if new is None or new is False:
        return False  # dropped: nothing is refused that passed
    if old is None or old is False or name == "pattern":
        return True  # added, or a pattern changed: no telling that it accepts every old value
    if isinstance(old, bool) or isinstance(new, bool):  # OpenAPI 3.0's exclusiveMaximum: true
        return bool(new) and not bool(old)
    if not (isinstance(old, int | float) and isinstance(new, int | float)):
        return True
    if name == "multipleOf":
        return not (old and (old / new).is_integer())  # a divisor of the old multiple accepts all of them
    if name in UPPER_BOUNDS:
        return new < old
    return new > old


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
    pairs: list[tuple[Variant, Variant]] = []
    for match in (_same_member, _same_shape):  # identity first, so a moved member is not paired by shape
        for before in list(old):
            after = next((candidate for candidate in new if match(before, candidate)), None)
            if after is not None:
                pairs.append((before, after))
                old.remove(before)
                new.remove(after)
    for variant in old:
        scope.add("variant-removed", variant.location, f"variant {variant.name} removed", side)
    for variant in new:
        scope.add("variant-added", variant.location, f"variant {variant.name} added", side)
    for before, after in pairs:
        compare_schema(scope, before.node, after.node, before.location, after.location, side)


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


@dataclass(frozen=True)
class Variant:
    """One anyOf/oneOf member: the component it names (`ref`), else its own schema."""

    index: int
    ref: str | None
    node: Any
    location: Location
    types: frozenset[str]

    @property
    def name(self) -> str:
        shown = self.ref.rsplit("/", 1)[-1] if self.ref else _show_types(set(self.types))
        return f"{self.index} (`{shown}`)"


def _same_member(old: Variant, new: Variant) -> bool:
    if old.ref or new.ref:
        return old.ref == new.ref
    return key(strip_docs(old.node)) == key(strip_docs(new.node))


def _same_shape(old: Variant, new: Variant) -> bool:
    """Two inline members of the same type: the same member, changed."""
    return old.ref is None and new.ref is None and old.types == new.types


def _variants(document: dict[str, Any], schema: dict[str, Any], location: Location) -> list[Variant]:
    """anyOf/oneOf members in order; `null` is nullability, not a member."""
    found: list[Variant] = []
    for keyword in ("anyOf", "oneOf"):
        for index, raw in enumerate(schema.get(keyword) or []):
            node, node_location = openapi.follow(document, raw, (*location, keyword, index))
            if not isinstance(node, dict) or node.get("type") == "null":
                continue
            ref = raw["$ref"] if isinstance(raw, dict) and isinstance(raw.get("$ref"), str) else None
            found.append(Variant(index, ref, node, node_location, frozenset(_types(document, node))))
    return found
