"""Assertions that tie a parsed SDK value to the recorded JSON and the spec's schema."""

from __future__ import annotations

import datetime as dt
import importlib
from typing import Any
from uuid import UUID

from scripts.core.openapi import follow, json_type_fits
from scripts.core.recordings import Recording
from scripts.core.sdk_calls import Operation, package_name, python_name


def assert_parsed(operation: Operation, recording: Recording, parsed: Any) -> None:
    """Assert that the SDK's parsed value is the recording's answer: a JSON body as its typed model
    (a named schema's class) holding every recorded value, written back by to_dict(); any other
    body as the recorded bytes (a download's File) or text."""
    if not recording.is_json:
        held = parsed.payload.read() if hasattr(parsed, "payload") else str(parsed).encode()
        assert held == recording.content, f"{recording.name}: the SDK gives other content"
        return
    schema = operation.response_schema(recording.status)
    document = operation.spec.document
    if "$ref" in schema:
        model_class = schema_class(recording.spec_name, schema)
        assert isinstance(parsed, model_class), f"parsed as {type(parsed).__name__}"
    assert_matches(parsed, recording.body, schema, document, "$")
    assert normalized(parsed.to_dict(), schema, document) == normalized(recording.body, schema, document)


def schema_class(spec_name: str, schema: dict[str, Any]) -> type:
    """The generated model class for a `$ref: #/components/schemas/Name` schema."""
    name = schema["$ref"].rsplit("/", 1)[-1]
    models = importlib.import_module(f"{package_name(spec_name)}.models")
    return getattr(models, name)  # type: ignore[no-any-return]


def parse_instant(text: str) -> dt.datetime:
    instant = dt.datetime.fromisoformat(text)
    assert instant.tzinfo is not None, f"timestamp {text!r} has no offset"
    return instant


def assert_matches(value: Any, body: Any, schema: dict[str, Any], document: dict[str, Any], where: str) -> None:
    """Assert that a parsed SDK value holds exactly the recorded JSON value, with the spec's types."""
    from attrs import has

    schema = follow(document, schema)[0]
    if "anyOf" in schema:
        options = [follow(document, s)[0] for s in schema["anyOf"]]
        chosen = next(s for s in options if json_type_fits(body, s))
        assert_matches(value, body, chosen, document, where)
        return
    types = schema.get("type")
    types = types if isinstance(types, list) else [types]
    if body is None:
        assert "null" in types and value is None, f"{where}: expected None, got {value!r}"
    elif "object" in types:
        assert has(type(value)), f"{where}: expected a model object, got {type(value).__name__}"
        properties = schema.get("properties", {})
        for key, sub_schema in properties.items():
            attribute = getattr(value, python_name(key))
            if key in body:
                assert_matches(attribute, body[key], sub_schema, document, f"{where}.{key}")
            else:
                assert type(attribute).__name__ == "Unset", f"{where}.{key}: absent, but SDK gives {attribute!r}"
        extra = {k: v for k, v in body.items() if k not in properties}
        assert set(value.additional_properties) == set(extra), f"{where}: additional keys differ"
        extra_schema = schema.get("additionalProperties")
        for key, item in extra.items():
            held = value.additional_properties[key]
            if isinstance(extra_schema, dict):
                assert_matches(held, item, extra_schema, document, f"{where}.{key}")
            else:
                assert held == item, f"{where}.{key}: {held!r} != {item!r}"
    elif "array" in types:
        assert isinstance(value, list) and len(value) == len(body), f"{where}: list differs: {value!r}"
        for index, (held, item) in enumerate(zip(value, body, strict=True)):
            assert_matches(held, item, schema["items"], document, f"{where}[{index}]")
    elif schema.get("format") == "date-time":
        assert isinstance(value, dt.datetime), f"{where}: expected datetime, got {value!r}"
        assert value == parse_instant(body), f"{where}: {value!r} is not the instant {body!r}"
    elif schema.get("format") == "uuid":
        assert isinstance(value, UUID) and value == UUID(body), f"{where}: {value!r} != UUID {body!r}"
    else:
        python_types = {"string": (str,), "integer": (int,), "number": (float,), "boolean": (bool,)}
        expected = python_types[next(t for t in types if t != "null")]
        assert isinstance(value, expected) and (isinstance(value, bool) == isinstance(body, bool)), (
            f"{where}: {value!r} is not a {types}"
        )
        # A number field holds the float nearest the JSON number: past 2**53 an integer rounds.
        wanted = float(body) if expected == (float,) else body
        assert value == wanted, f"{where}: SDK gives {value!r}, recording has {body!r}"


def normalized(body: Any, schema: dict[str, Any], document: dict[str, Any]) -> Any:
    """The JSON value with timestamps as instants, so `...Z` and `...+00:00` compare equal."""
    schema = follow(document, schema)[0]
    if "anyOf" in schema:
        options = [follow(document, s)[0] for s in schema["anyOf"]]
        chosen = next(s for s in options if json_type_fits(body, s))
        return normalized(body, chosen, document)
    if isinstance(body, dict):
        properties = schema.get("properties", {})
        extra = schema.get("additionalProperties")
        return {
            k: normalized(v, properties.get(k, extra if isinstance(extra, dict) else {}), document)
            for k, v in body.items()
        }
    if isinstance(body, list):
        return [normalized(v, schema.get("items", {}), document) for v in body]
    if isinstance(body, str) and schema.get("format") == "date-time":
        return parse_instant(body)
    types = schema.get("type")
    if (
        isinstance(body, int)
        and not isinstance(body, bool)
        and "number" in (types if isinstance(types, list) else [types])
    ):
        return float(body)  # a number field holds a float, and writes it back as one
    return body
