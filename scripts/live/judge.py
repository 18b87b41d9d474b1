"""Judge one live answer three ways: conformance, the SDK, completeness.

- conformance: schemathesis' own checks (scripts/core/conformance.py): documented status, content
  type, body schema;
- the SDK: the generated client parses the answer without ResponseValidationError, sync (the
  live call itself went through it) and async (the same answer replayed to it through
  httpx.MockTransport, so the upstream is asked once);
- completeness: fields the schema's `properties` do not name, at any depth, in maps and arrays
  too (schemathesis cannot see these: the specs allow extra fields).

A finding's level follows the spec change that would describe the answer, as scripts/review/rules.py
levels it in responses: a compatible change (a new field, enum value or status: the spec is
incomplete, and the SDK reads the answer all the same) is a warning; a breaking one (a type
changed, a field turned null or went missing) is a failure, as is anything the SDK cannot read.
Findings name the place and describe what came by kind, never by value.
"""

from __future__ import annotations

import asyncio
import enum
import importlib
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from scripts.core import conformance, sdk_calls
from scripts.core.documents import Location, json_path
from scripts.core.openapi import follow, json_type_fits
from scripts.review import rules as diff_rules
from scripts.review.spec_diff.schemas import CONSTRAINT_KEYS


class Level(enum.Enum):
    FAILURE = "failure"
    WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    judge: str  # conformance, completeness, sdk, call (the status the call was made for), wire, recorder
    level: Level
    status: int | None  # None: no answer came
    path: str  # JSON path in the body; `$` for the whole answer
    expected: str
    actual: str
    change: str = ""  # the diff rule (scripts/review/rules.py) of the spec change that would describe the answer

    @property
    def text(self) -> str:
        return f"{self.path}: expected {self.expected}, got {self.actual}"


def _level_of(change: str) -> Level:
    if change and diff_rules.RULES[change].level(diff_rules.Side.RESPONSE) is not diff_rules.Level.BREAKING:
        return Level.WARNING
    return Level.FAILURE


def _change_for(violation: conformance.Violation) -> str:
    """The response-side rule of the spec change that would make the answer conform ("" if none)."""
    if violation.check == "status":
        return "response-status-added"
    if violation.check != "body" or not violation.keyword:
        return ""  # not JSON, or not served as JSON: no spec change makes the SDK read it
    if violation.keyword == "required":
        return "field-made-optional"
    if violation.keyword == "type":
        return "nullable-added" if violation.actual == "null" else "type-changed"
    return {
        "format": "format-changed",
        "enum": "enum-value-added",
        "additionalProperties": "additional-properties-added",
        "anyOf": "variant-added",
        "oneOf": "variant-added",
        # A value past a bound, off a pattern...: the spec change that describes it loosens the constraint.
    }.get(violation.keyword, "constraint-loosened" if violation.keyword in CONSTRAINT_KEYS else "keyword-changed")


def judge_conformance(answer: conformance.Answer) -> list[Finding]:
    findings = []
    for violation in conformance.violations(answer):
        change = _change_for(violation)
        level = _level_of(change)
        judge = "completeness" if level is Level.WARNING else "conformance"
        findings.append(
            Finding(judge, level, answer.status, violation.path, violation.expected, violation.actual, change)
        )
    return findings


def unnamed_fields(document: dict[str, Any], schema: Any, value: Any) -> Iterator[tuple[Location, Any]]:
    """Every field of value that its schema's `properties` do not name, where the schema gives
    no `additionalProperties` (which would say what extra fields hold), at any depth."""
    pending: list[tuple[Any, Any, Location]] = [(schema, value, ())]
    while pending:
        node, item, location = pending.pop()
        node = follow(document, node)[0]
        if not isinstance(node, dict):
            continue
        variants = node.get("anyOf") or node.get("oneOf")
        if isinstance(variants, list):
            options = [follow(document, variant)[0] for variant in variants]
            chosen = next((o for o in options if isinstance(o, dict) and json_type_fits(item, o)), None)
            if chosen is not None:
                pending.append((chosen, item, location))
            continue
        if isinstance(item, dict):
            named = node.get("properties")
            properties: dict[str, Any] = named if isinstance(named, dict) else {}
            extra = node.get("additionalProperties")
            for key, child in item.items():
                if key in properties:
                    pending.append((properties[key], child, (*location, key)))
                elif isinstance(extra, dict):  # a map: its values have this schema
                    pending.append((extra, child, (*location, key)))
                elif extra is None and properties:
                    yield (*location, key), child
        elif isinstance(item, list) and isinstance(node.get("items"), dict):
            pending.extend((node["items"], child, (*location, index)) for index, child in enumerate(item))


def judge_completeness(answer: conformance.Answer, operation: sdk_calls.Operation) -> list[Finding]:
    response = operation.node.get("responses", {}).get(str(answer.status))
    schema = ((response or {}).get("content") or {}).get("application/json", {}).get("schema")
    if schema is None:
        return []
    try:
        body = json.loads(answer.body)
    except (ValueError, RecursionError):
        return []  # conformance reports it
    found = sorted(unnamed_fields(operation.spec.document, schema, body), key=lambda f: [str(s) for s in f[0]])
    return [
        Finding(
            "completeness",
            Level.WARNING,
            answer.status,
            json_path(location),
            "no such field (the schema does not name it)",
            conformance.value_kind(value),
            "field-added",
        )
        for location, value in found
    ]


@dataclass(frozen=True)
class SdkOutcome:
    """What an SDK call made of an answer: a parsed model (or nothing, for an undocumented status),
    or a ResponseValidationError at a place."""

    parsed: str  # the parsed type's name, "nothing" for an undocumented status; "" when it raised
    error_path: str = ""
    error_reason: str = ""

    @property
    def shown(self) -> str:
        if self.parsed:
            return f"parsed {self.parsed}"
        return f"ResponseValidationError at {self.error_path}: {self.error_reason}"


def _without_values(reason: str) -> str:
    """The SDK's reason with quoted values left out (a date-time parser quotes what it could not parse)."""
    return re.sub(r"'[^']*'|\"[^\"]*\"", "'…'", reason)


def outcome_of(call: Callable[[], Any], validation_error: type[Exception]) -> SdkOutcome:
    try:
        response = call()
    except validation_error as error:
        return SdkOutcome("", str(getattr(error, "path", "$")), _without_values(str(getattr(error, "reason", ""))))
    return SdkOutcome("nothing" if response.parsed is None else type(response.parsed).__name__)


def replayed_async(operation: sdk_calls.Operation, client: Any, arguments: dict[str, Any]) -> Any:
    """operation's asyncio_detailed, called through client (whose transport replays the answer)."""
    module = operation.module()

    async def call() -> Any:
        async with client:
            return await module.asyncio_detailed(client=client, **arguments)

    return asyncio.run(call())


def replay_transport(answer: conformance.Answer) -> httpx.MockTransport:
    """Answers every request with the captured answer, as it came (status, content type, body)."""
    headers = {"content-type": answer.content_type} if answer.content_type else {}
    return httpx.MockTransport(lambda request: httpx.Response(answer.status, headers=headers, content=answer.body))


def judge_sdk(
    live: SdkOutcome,
    operation: sdk_calls.Operation,
    answer: conformance.Answer,
    build_client: Callable[..., Any],
    arguments: dict[str, Any],
) -> list[Finding]:
    """The live (sync) outcome against the same answer replayed to the async client."""
    errors = importlib.import_module(f"{sdk_calls.package_name(operation.spec.name)}.errors")
    client = build_client(retry=None, httpx_args={"transport": replay_transport(answer)})
    replayed = outcome_of(lambda: replayed_async(operation, client, arguments), errors.ResponseValidationError)
    modes = [("sync and async", live)] if live == replayed else [("sync", live), ("async", replayed)]
    findings = [
        Finding(
            "sdk",
            Level.FAILURE,
            answer.status,
            outcome.error_path,
            f"an answer the SDK reads ({mode})",
            f"ResponseValidationError: {outcome.error_reason}",
        )
        for mode, outcome in modes
        if not outcome.parsed
    ]
    if live.parsed and replayed.parsed and live != replayed:
        findings.append(
            Finding(
                "sdk",
                Level.FAILURE,
                answer.status,
                "$",
                "the same result sync and async",
                f"sync {live.shown}, async {replayed.shown}",
            )
        )
    return findings
