"""The spec diff rules, as data: each rule's id, its level on each side, and what it means.

A schema is judged by the side it is used on. Responses are what the SDK reads: there a
wider type breaks typed callers (`T` becoming `T | Unset` or `T | None`) and a narrower one
does not. Parameters and request bodies are what callers send: there a narrower contract
breaks them and a wider one does not. A rule that is not about a side has one level on both.

Levels, and the `info.version` bump each needs (scripts/review/versioning.py):
  breaking    code written against the previous SDK may fail at run time or under mypy: major
  compatible  the contract grew, or an SDK type got narrower, and callers keep working: minor
  docs        words only (descriptions, summaries, titles, examples): a patch bump, or none

The judgement calls:
  - The SDK checks no value constraint; the server does. A tightened one (a lower `maximum` or
    `maxLength`, a new `pattern`...) refuses calls that passed: breaking on the request side.
    In a response it only narrows what arrives: compatible.
  - A `default` is baked into the generated signature (`limit: int | Unset = 10`) and sent
    when the caller leaves the argument out. Changing it changes, silently, what an unchanged
    call sends after an upgrade; griffe reports the changed default as a breakage too. So it
    is breaking on the request side; in a response the SDK does not fill defaults: compatible.
  - A wider request type (`integer` to `integer | string` or `number`) still takes every
    argument that type-checked before: compatible. mypy accepts an int where a float is due.
  - Security is judged per operation, on the requirement in force (the operation's own, else
    the document's): the SDK sends its token whatever the spec says, so only a requirement
    callers may not meet, or a used scheme that reads the credential elsewhere, breaks calls.

The rules (`python -m scripts.review.rules` prints this table; a test keeps it in step with RULES):

  rule                               response    request     summary
  Operations
    operation-removed              breaking    breaking    no operation with its operationId, method and path
    operation-added                compatible  compatible  a new operation
    operation-id-changed           breaking    breaking    new operationId: the module and functions are renamed
    operation-moved                breaking    breaking    same operationId, new path or method
    operation-tag-changed          breaking    breaking    new first tag: the module moves (PACKAGE.api.TAG)
    path-parameter-renamed         -           breaking    same path shape, new name: the argument is renamed
  Request parameters
    parameter-removed              -           breaking    callers passing it fail
    parameter-added-required       -           breaking    a new required argument
    parameter-added-optional       -           compatible  a new optional argument
    parameter-made-required        -           breaking    callers leaving it out fail
    parameter-made-optional        -           compatible  callers may leave it out
  Request body
    request-body-added-required    -           breaking    a new required request body
    request-body-added-optional    -           compatible  a new optional request body
    request-body-removed           -           breaking    callers sending one fail
    request-body-made-required     -           breaking    callers leaving it out fail
    request-body-made-optional     -           compatible  callers may leave it out
    media-type-removed             -           breaking    a request body media type is gone
    media-type-added               -           compatible  a request body media type was added
  Responses
    response-status-removed        breaking    -           a documented status is gone: its parsed type disappears
    response-status-added          compatible  -           a new documented status
    response-body-removed          breaking    -           a status's media type (its body) is gone
    response-body-added            compatible  -           a status gained a media type (a body)
  Schemas
    field-removed                  breaking    breaking    a field is gone
    field-added                    compatible  compatible  a new field (on the request side: an optional one)
    field-added-required           -           breaking    a new required request field
    field-made-optional            breaking    compatible  dropped from `required` (T becomes T | Unset)
    field-made-required            compatible  breaking    added to `required`
    type-widened                   breaking    compatible  more types (T to T or U, int to float): every old value fits
    type-narrowed                  compatible  breaking    fewer types (T or U to T, float to int)
    type-changed                   breaking    breaking    any other change of `type` (adding or removing "null" aside)
    format-changed                 breaking    breaking    `format` added, removed or changed
    nullable-added                 breaking    compatible  now nullable (T becomes T | None)
    nullable-removed               compatible  breaking    no longer nullable
    enum-value-removed             breaking    breaking    an enum value is gone
    enum-value-added               compatible  compatible  an exhaustive `match` gains a case to handle
    enum-added                     compatible  breaking    values restricted to an enum (narrows to a Literal)
    enum-dropped                   breaking    compatible  values no longer restricted (the Literal widens)
    variant-added                  breaking    compatible  anyOf/oneOf gained a variant: a new type to handle
    variant-removed                compatible  breaking    anyOf/oneOf lost a variant
    additional-properties-removed  breaking    breaking    extra keys refused: `additional_properties` is gone
    additional-properties-added    compatible  compatible  extra keys are now allowed
    constraint-tightened           compatible  breaking    lower maximum, higher minLength, new pattern...: fewer values
    constraint-loosened            compatible  compatible  a bound, pattern or multipleOf relaxed or dropped
    default-changed                compatible  breaking    `default` changed: the SDK sends its own default
    keyword-changed                compatible  compatible  another keyword (style, explode, readOnly...)
    deprecated-changed             compatible  compatible  an operation, parameter or field (un)marked deprecated
  Document
    component-schema-removed       breaking    breaking    a named schema gone or renamed: its model class is gone
    component-schema-added         compatible  compatible  a new named schema
    servers-changed                breaking    breaking    a server URL or variable changed, added or removed
    security-tightened             breaking    breaking    an operation needs a credential or scope callers may lack
    security-relaxed               compatible  compatible  an operation needs fewer credentials: every call still passes
    security-scheme-changed        breaking    breaking    a used scheme takes its credential elsewhere (type, in, name)
    security-details-changed       compatible  compatible  OAuth URLs, scopes, bearerFormat; or a scheme no one uses
    security-scheme-added          compatible  compatible  a new scheme (requirements are judged on their own)
    security-scheme-removed        compatible  compatible  a scheme dropped (requirements are judged on their own)
    docs-changed                   docs        docs        description, summary, title, externalDocs, example(s)
    openapi-version-changed        breaking    breaking    `openapi` changed: the generator reads it differently

`info.version` itself is not a change: it is how a change is acknowledged.
"""

from __future__ import annotations

import enum
import sys
from dataclasses import dataclass


class Level(enum.Enum):
    BREAKING = "breaking"
    COMPATIBLE = "compatible"
    DOCS = "docs"


class Side(enum.Enum):
    """Where a schema is used: what the SDK reads, or what callers send."""

    RESPONSE = "response"
    REQUEST = "request"


B, C, D = Level.BREAKING, Level.COMPATIBLE, Level.DOCS


@dataclass(frozen=True)
class Rule:
    id: str
    section: str
    response: Level | None  # its level in what the SDK reads; None: never reported there
    request: Level | None  # its level in what callers send; None: never reported there
    summary: str

    def level(self, side: Side | None = None) -> Level:
        """The level on side; a rule with one level (or one side) needs no side."""
        if side is not None:
            level = self.response if side is Side.RESPONSE else self.request
        else:
            levels = {self.response, self.request} - {None}
            level = levels.pop() if len(levels) == 1 else None
        if level is None:
            raise ValueError(f"rule {self.id} has no level for side {side}")
        return level


_TABLE: list[tuple[str, list[tuple[str, Level | None, Level | None, str]]]] = [
    ("Operations", [
        ("operation-removed", B, B, "no operation with its operationId, method and path"),
        ("operation-added", C, C, "a new operation"),
        ("operation-id-changed", B, B, "new operationId: the module and functions are renamed"),
        ("operation-moved", B, B, "same operationId, new path or method"),
        ("operation-tag-changed", B, B, "new first tag: the module moves (PACKAGE.api.TAG)"),
        ("path-parameter-renamed", None, B, "same path shape, new name: the argument is renamed"),
    ]),
    ("Request parameters", [
        ("parameter-removed", None, B, "callers passing it fail"),
        ("parameter-added-required", None, B, "a new required argument"),
        ("parameter-added-optional", None, C, "a new optional argument"),
        ("parameter-made-required", None, B, "callers leaving it out fail"),
        ("parameter-made-optional", None, C, "callers may leave it out"),
    ]),
    ("Request body", [
        ("request-body-added-required", None, B, "a new required request body"),
        ("request-body-added-optional", None, C, "a new optional request body"),
        ("request-body-removed", None, B, "callers sending one fail"),
        ("request-body-made-required", None, B, "callers leaving it out fail"),
        ("request-body-made-optional", None, C, "callers may leave it out"),
        ("media-type-removed", None, B, "a request body media type is gone"),
        ("media-type-added", None, C, "a request body media type was added"),
    ]),
    ("Responses", [
        ("response-status-removed", B, None, "a documented status is gone: its parsed type disappears"),
        ("response-status-added", C, None, "a new documented status"),
        ("response-body-removed", B, None, "a status's media type (its body) is gone"),
        ("response-body-added", C, None, "a status gained a media type (a body)"),
    ]),
    ("Schemas", [
        ("field-removed", B, B, "a field is gone"),
        ("field-added", C, C, "a new field (on the request side: an optional one)"),
        ("field-added-required", None, B, "a new required request field"),
        ("field-made-optional", B, C, "dropped from `required` (T becomes T | Unset)"),
        ("field-made-required", C, B, "added to `required`"),
        ("type-widened", B, C, "more types (T to T or U, int to float): every old value fits"),
        ("type-narrowed", C, B, "fewer types (T or U to T, float to int)"),
        ("type-changed", B, B, 'any other change of `type` (adding or removing "null" aside)'),
        ("format-changed", B, B, "`format` added, removed or changed"),
        ("nullable-added", B, C, "now nullable (T becomes T | None)"),
        ("nullable-removed", C, B, "no longer nullable"),
        ("enum-value-removed", B, B, "an enum value is gone"),
        ("enum-value-added", C, C, "an exhaustive `match` gains a case to handle"),
        ("enum-added", C, B, "values restricted to an enum (narrows to a Literal)"),
        ("enum-dropped", B, C, "values no longer restricted (the Literal widens)"),
        ("variant-added", B, C, "anyOf/oneOf gained a variant: a new type to handle"),
        ("variant-removed", C, B, "anyOf/oneOf lost a variant"),
        ("additional-properties-removed", B, B, "extra keys refused: `additional_properties` is gone"),
        ("additional-properties-added", C, C, "extra keys are now allowed"),
        ("constraint-tightened", C, B, "lower maximum, higher minLength, new pattern...: fewer values"),
        ("constraint-loosened", C, C, "a bound, pattern or multipleOf relaxed or dropped"),
        ("default-changed", C, B, "`default` changed: the SDK sends its own default"),
        ("keyword-changed", C, C, "another keyword (style, explode, readOnly...)"),
        ("deprecated-changed", C, C, "an operation, parameter or field (un)marked deprecated"),
    ]),
    ("Document", [
        ("component-schema-removed", B, B, "a named schema gone or renamed: its model class is gone"),
        ("component-schema-added", C, C, "a new named schema"),
        ("servers-changed", B, B, "a server URL or variable changed, added or removed"),
        ("security-tightened", B, B, "an operation needs a credential or scope callers may lack"),
        ("security-relaxed", C, C, "an operation needs fewer credentials: every call still passes"),
        ("security-scheme-changed", B, B, "a used scheme takes its credential elsewhere (type, in, name)"),
        ("security-details-changed", C, C, "OAuth URLs, scopes, bearerFormat; or a scheme no one uses"),
        ("security-scheme-added", C, C, "a new scheme (requirements are judged on their own)"),
        ("security-scheme-removed", C, C, "a scheme dropped (requirements are judged on their own)"),
        ("docs-changed", D, D, "description, summary, title, externalDocs, example(s)"),
        ("openapi-version-changed", B, B, "`openapi` changed: the generator reads it differently"),
    ]),
]  # fmt: skip

RULES: dict[str, Rule] = {
    rule_id: Rule(rule_id, section, response, request, summary)
    for section, rows in _TABLE
    for rule_id, response, request, summary in rows
}


def _shown(level: Level | None) -> str:
    return "-" if level is None else level.value


def text_table() -> str:
    """The rules as the plain-text table in this module's docstring."""
    lines = [f"  {'rule':<35}{'response':<12}{'request':<12}summary"]
    for section, _rows in _TABLE:
        lines.append(f"  {section}")
        for rule in (r for r in RULES.values() if r.section == section):
            lines.append(
                f"    {rule.id:<30} {_shown(rule.response):<11} {_shown(rule.request):<11} {rule.summary}".rstrip()
            )
    return "\n".join(lines)


def markdown_table() -> str:
    """The rules as a Markdown table, for CONTRIBUTING.md."""
    lines = ["| rule | in responses | in requests | what it means |", "|---|---|---|---|"]
    for rule in RULES.values():
        lines.append(f"| `{rule.id}` | {_shown(rule.response)} | {_shown(rule.request)} | {rule.summary} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table() if "--markdown" in sys.argv[1:] else text_table())
