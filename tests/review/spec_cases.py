"""What the spec diff tests share: a few builders that write tiny OpenAPI documents as literal
YAML, and `Case`, one rule case written as base document → head document → the changes expected.

`api(paths)` builds a whole tiny API, `returns(schema)` one that returns a schema (the response
side), `accepts(schema)` one that takes it as a request body (the request side), `takes(parameters)`
one operation's parameters. `check(case)` compares the two documents and asserts the changes,
as (rule, level, JSON pointer), in the order reported.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass
from typing import Any

import yaml

from scripts.review import spec_diff
from scripts.review.rules import Level

B, C, D = Level.BREAKING, Level.COMPATIBLE, Level.DOCS

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


def check(case: Case) -> None:
    changes = spec_diff.compare("things", case.base, case.head)
    assert [(c.rule, c.level, c.pointer) for c in changes] == case.expected, [c.message for c in changes]
