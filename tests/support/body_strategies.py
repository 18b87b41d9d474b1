"""Hypothesis strategies for response bodies: valid per a spec schema, and broken in one place.

Written for the schema keywords the specs use (type lists, properties, required,
additionalProperties, items, enum, anyOf, $ref, minimum/maximum, pattern, date-time and uuid
formats); `unsupported()` reports any other keyword so a spec change cannot go untested.
hypothesis-jsonschema 0.23.1 would do this, but it fails on the pinned Hypothesis 6.170
(it calls a removed internal, `many.more()`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from hypothesis import strategies as st

from scripts.core.documents import json_path
from scripts.core.openapi import follow

KNOWN_KEYWORDS = {
    "type", "properties", "required", "additionalProperties", "items", "enum", "anyOf", "$ref",
    "minimum", "maximum", "pattern", "format", "description", "example", "examples", "title",
}  # fmt: skip
FORMATS = {"date-time", "uuid"}

OFFSETS = [dt.UTC, dt.timezone(dt.timedelta(hours=5, minutes=30)), dt.timezone(dt.timedelta(hours=-8))]
JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False, allow_infinity=False) | st.text()
ANY_JSON = st.recursive(
    JSON_SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
    max_leaves=6,
)
JSON_TYPES: dict[str, tuple[type, ...]] = {
    "null": (type(None),),
    "boolean": (bool,),
    "integer": (int,),
    "number": (int, float),
    "string": (str,),
    "array": (list,),
    "object": (dict,),
}
# One value of each JSON type, to break a field with.
WRONG_TYPE_POOL: list[Any] = [None, True, 7, 2.5, "text", [1], {"k": "v"}]


def unsupported(schema: Any, document: dict[str, Any], where: str = "#") -> list[str]:
    """Schema keywords (with their place) that these strategies do not understand."""
    found: list[str] = []
    if isinstance(schema, dict):
        for key, value in schema.items():
            if key not in KNOWN_KEYWORDS:
                found.append(f"{where}/{key}")
            if key == "format" and value not in FORMATS:
                found.append(f"{where}/format: {value}")
            if key == "properties":
                for name, sub in value.items():
                    found += unsupported(sub, document, f"{where}/properties/{name}")
            elif key in ("items", "additionalProperties"):
                found += unsupported(value, document, f"{where}/{key}")
            elif key == "anyOf":
                for index, sub in enumerate(value):
                    found += unsupported(sub, document, f"{where}/anyOf/{index}")
            elif key == "$ref":
                found += unsupported(follow(document, schema)[0], document, value)
    return found


def valid_bodies(schema: dict[str, Any], document: dict[str, Any]) -> st.SearchStrategy[Any]:
    schema = follow(document, schema)[0]
    if "anyOf" in schema:
        return st.one_of([valid_bodies(option, document) for option in schema["anyOf"]])
    if "enum" in schema:
        return st.sampled_from(schema["enum"])
    types = schema.get("type")
    if types is None:
        return ANY_JSON
    return st.one_of([_typed(kind, schema, document) for kind in (types if isinstance(types, list) else [types])])


def _typed(kind: str, schema: dict[str, Any], document: dict[str, Any]) -> st.SearchStrategy[Any]:
    low, high = schema.get("minimum"), schema.get("maximum")
    if kind == "null":
        return st.none()
    if kind == "boolean":
        return st.booleans()
    if kind == "integer":
        return st.integers(low, high)
    if kind == "number":
        return st.integers(low, high) | st.floats(low, high, allow_nan=False, allow_infinity=False)
    if kind == "string":
        if schema.get("format") == "date-time":
            instants = st.datetimes(timezones=st.sampled_from(OFFSETS))
            return instants.map(lambda instant: instant.isoformat().replace("+00:00", "Z"))
        if schema.get("format") == "uuid":
            return st.uuids().map(str)
        if "pattern" in schema:
            return st.from_regex(schema["pattern"], fullmatch=True)
        return st.text()
    if kind == "array":
        return st.lists(valid_bodies(schema.get("items", {}), document), max_size=4)
    if kind == "object":
        return _objects(schema, document)
    raise ValueError(f"unknown JSON type {kind!r}")


def _objects(schema: dict[str, Any], document: dict[str, Any]) -> st.SearchStrategy[dict[str, Any]]:
    properties: dict[str, Any] = schema.get("properties", {})
    required = set(schema.get("required", []))
    declared = st.fixed_dictionaries(
        {name: valid_bodies(sub, document) for name, sub in properties.items() if name in required},
        optional={name: valid_bodies(sub, document) for name, sub in properties.items() if name not in required},
    )
    extra_schema = schema.get("additionalProperties", True)
    if extra_schema is False:
        return declared
    # Fields the spec does not name: what upstream adds without notice.
    extra_values = ANY_JSON if extra_schema is True else valid_bodies(extra_schema, document)
    extra_keys = st.text(min_size=1, max_size=12).filter(lambda key: key not in properties)
    extras = st.dictionaries(extra_keys, extra_values, max_size=3)
    return st.tuples(declared, extras).map(lambda pair: {**pair[1], **pair[0]})


def fits(value: Any, schema: dict[str, Any], document: dict[str, Any]) -> bool:
    """Whether value has a JSON type the schema allows (enum members, ranges and patterns aside)."""
    schema = follow(document, schema)[0]
    if "anyOf" in schema:
        return any(fits(value, option, document) for option in schema["anyOf"])
    types = schema.get("type")
    if types is None:
        return True
    kinds = tuple(k for t in (types if isinstance(types, list) else [types]) for k in JSON_TYPES[t])
    return isinstance(value, kinds) and (type(value) is not bool or bool in kinds)


@dataclass(frozen=True)
class Breakage:
    """One way to break a valid body, and the JSON path the SDK must then report."""

    kind: str  # drop, retype, bad-format, not-json, wrong-content-type
    location: tuple[str | int, ...] = ()
    schema: dict[str, Any] | None = None

    @property
    def expected_path(self) -> str:
        return json_path(self.location)


def breakages(body: Any, schema: dict[str, Any], document: dict[str, Any]) -> list[Breakage]:
    found = [Breakage("not-json"), Breakage("wrong-content-type"), Breakage("retype", (), schema)]
    found += list(_walk(body, schema, document, ()))
    return found


def _walk(body: Any, schema: dict[str, Any], document: dict[str, Any], at: tuple[str | int, ...]) -> Iterator[Breakage]:
    schema = follow(document, schema)[0]
    if "anyOf" in schema:
        options = [follow(document, option)[0] for option in schema["anyOf"]]
        matching = [option for option in options if fits(body, option, document)]
        if len(matching) == 1:
            yield from _walk(body, matching[0], document, at)
        return
    if isinstance(body, str) and schema.get("format") in FORMATS:
        yield Breakage("bad-format", at, schema)
    if isinstance(body, dict) and "object" in _types(schema):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties", True)
        for key, value in body.items():
            if key in schema.get("required", []):
                yield Breakage("drop", (*at, key))
            sub = properties.get(key, extra if isinstance(extra, dict) else None)
            if sub is not None:
                yield Breakage("retype", (*at, key), sub)
                yield from _walk(value, sub, document, (*at, key))
    if isinstance(body, list) and "items" in schema:
        for index, item in enumerate(body):
            yield Breakage("retype", (*at, index), schema["items"])
            yield from _walk(item, schema["items"], document, (*at, index))


def _types(schema: dict[str, Any]) -> list[str]:
    types = schema.get("type", [])
    return types if isinstance(types, list) else [types]


def replaced(body: Any, location: tuple[str | int, ...], value: Any) -> Any:
    if not location:
        return value
    copy = json.loads(json.dumps(body))
    target = copy
    for step in location[:-1]:
        target = target[step]
    target[location[-1]] = value
    return copy


def dropped(body: Any, location: tuple[str | int, ...]) -> Any:
    copy = json.loads(json.dumps(body))
    target = copy
    for step in location[:-1]:
        target = target[step]
    del target[location[-1]]
    return copy
