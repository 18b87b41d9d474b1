"""The live run's judges on literal answers: each finding's level is the level of the spec change it
calls for (scripts/review/rules.py, response side), and completeness finds unnamed fields at any depth."""

from __future__ import annotations

import json
from typing import Any

import pytest

from scripts.core import sdk_calls
from scripts.core.conformance import Answer
from scripts.live.judge import Level, judge_completeness, judge_conformance, unnamed_fields

DREAMINA = next(op for op in sdk_calls.operations("useapi") if op.operation_id == "getDreaminaAccount")
ACCOUNT = next(op for op in sdk_calls.operations("useapi") if op.operation_id == "getAccount")


def _dreamina(**changes: Any) -> dict[str, Any]:
    body: dict[str, Any] = {
        "account": "US:jane@example.com",
        "email": "jane@example.com",
        "region": "US",
        "maxJobs": 10,
        "sessionExpires": "2026-04-24T12:00:00.000Z",
        "credits": {"total": 1, "vip": 0, "gift": 1, "purchase": 0, "dailyClaimed": True},
    }
    body.update(changes)
    return body


def _answer(body: Any, status: int = 200, operation_id: str = "getDreaminaAccount") -> Answer:
    path = "/v1/dreamina/accounts/US%3Ajane%40example.com" if operation_id == "getDreaminaAccount" else "/v2/account"
    return Answer("useapi", operation_id, "GET", path, {}, status, "application/json", json.dumps(body).encode())


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (_dreamina(maxJobs=60), ("completeness", Level.WARNING, "$.maxJobs", "constraint-loosened", "an integer")),
        (_dreamina(maxJobs="10"), ("conformance", Level.FAILURE, "$.maxJobs", "type-changed", "a numeric string")),
        (_dreamina(maxJobs=None), ("conformance", Level.FAILURE, "$.maxJobs", "nullable-added", "null")),
        (
            _dreamina(sessionExpires="soon"),
            ("conformance", Level.FAILURE, "$.sessionExpires", "format-changed", "a string (4 characters)"),
        ),
        (
            {k: v for k, v in _dreamina().items() if k != "region"},
            ("conformance", Level.FAILURE, "$.region", "field-made-optional", "missing"),
        ),
    ],
    ids=["past-maximum", "type", "null", "format", "missing"],
)
def test_the_level_is_the_level_of_the_spec_change(body: dict[str, Any], expected: tuple[Any, ...]) -> None:
    (finding,) = judge_conformance(_answer(body))
    assert (finding.judge, finding.level, finding.path, finding.change, finding.actual) == expected


def test_an_undocumented_status_is_a_warning_naming_the_documented_ones() -> None:
    (finding,) = judge_conformance(_answer({"error": "x"}, status=596))
    assert (finding.judge, finding.level, finding.change) == ("completeness", Level.WARNING, "response-status-added")
    assert (finding.expected, finding.actual) == ("a documented status (200, 401, 404)", "596")


def test_unnamed_fields_are_found_in_nested_objects_maps_and_arrays() -> None:
    document = {
        "components": {
            "schemas": {
                "Item": {"type": "object", "properties": {"name": {"type": "string"}}},
                "Free": {"type": "object", "additionalProperties": True},
            }
        }
    }
    schema = {
        "type": "object",
        "properties": {
            "items": {"type": "array", "items": {"$ref": "#/components/schemas/Item"}},
            "byName": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Item"}},
            "either": {"anyOf": [{"type": "string"}, {"$ref": "#/components/schemas/Item"}]},
            "free": {"$ref": "#/components/schemas/Free"},
        },
    }
    body = {
        "items": [{"name": "a"}, {"name": "b", "extra": 1}],
        "byName": {"x y": {"name": "c", "more": [1]}},
        "either": {"name": "d", "beside": None},
        "free": {"anything": "goes"},
        "top": True,
    }
    found = sorted((location, value) for location, value in unnamed_fields(document, schema, body))
    assert found == [
        (("byName", "x y", "more"), [1]),
        (("either", "beside"), None),
        (("items", 1, "extra"), 1),
        (("top",), True),
    ]


def test_completeness_reports_each_unnamed_field_by_path_and_kind() -> None:
    body = {"accounts": {"Midjourney API": {"total": 1, "queued": 2}}, "plan": "pro", "id": 1}
    findings = judge_completeness(_answer(body, operation_id="getAccount"), ACCOUNT)
    assert [(f.path, f.actual, f.change, f.level) for f in findings] == [
        ('$.accounts["Midjourney API"].queued', "an integer", "field-added", Level.WARNING),
        ("$.plan", "a string (3 characters)", "field-added", Level.WARNING),
    ]
    assert judge_completeness(_answer({"error": "x"}, status=596), DREAMINA) == []  # no schema: status only
