"""Classify the differences between two versions of an OpenAPI document for SDK users.

`compare(spec_name, base, head)` takes two loaded documents and returns one `Change` per
difference: the operation it affects (or `document` for the spec as a whole), a rule id, a
level and a message naming the place as a JSON pointer. Nothing is written or fetched.

Levels, and the `info.version` bump each one needs (see `required_bump`):
  breaking    code written against the previous SDK may fail at run time or under mypy: major
  compatible  the contract grew, or an SDK type got narrower, and callers keep working: minor
  docs        words only (descriptions, summaries, titles, examples): a patch bump, or none

A schema is compared on the side it is used on. Response bodies are what the SDK reads:
there a wider type breaks typed callers (`T` becoming `T | Unset` or `T | None`) and a
narrower one does not. Parameters and request bodies are what callers send: there a
narrower contract breaks them and a wider one does not. Local `$ref`s are followed (and
`allOf` merged) before comparing, so a change inside a shared component is reported under
every operation that uses it, with the component's own pointer.

Rules (id: level):
  Operations
    operation-removed            breaking    no operation with its operationId, nor its method and path
    operation-added              compatible  a new operation
    operation-id-changed         breaking    same method and path, new operationId: module and functions renamed
    operation-moved              breaking    same operationId, new path or method
    operation-tag-changed        breaking    new first tag: the generated module moves (PACKAGE.api.TAG)
    path-parameter-renamed       breaking    same path shape, new name: the function's argument is renamed
  Request parameters (request side)
    parameter-removed            breaking    callers passing it fail
    parameter-added-required     breaking    a new required argument
    parameter-added-optional     compatible
    parameter-made-required      breaking
    parameter-made-optional      compatible
  Request body (request side)
    request-body-added           breaking when required, compatible when optional
    request-body-removed         breaking
    request-body-made-required   breaking
    request-body-made-optional   compatible
  Responses (response side)
    response-status-removed      breaking    a documented status is gone: its parsed type disappears
    response-status-added        compatible
    response-body-removed        breaking    a status's media type (body) is gone
    response-body-added          compatible
    media-type-removed           breaking    a request body media type is gone
    media-type-added             compatible  a request body media type was added
  Schemas (the level depends on the side where it differs)
    field-removed                breaking    both sides
    field-added                  compatible  response side, or optional on the request side
    field-added-required         breaking    request side: a new required field
    field-made-optional          breaking    response side (T becomes T | Unset); compatible on the request side
    field-made-required          compatible  response side; breaking on the request side
    type-changed                 breaking    any change of `type` other than adding or removing "null"
    format-changed               breaking    `format` added, removed or changed (date-time becomes datetime)
    nullable-added               breaking    response side (T becomes T | None); compatible on the request side
    nullable-removed             compatible  response side; breaking on the request side
    enum-value-removed           breaking    both sides
    enum-value-added             compatible  both sides (an exhaustive `match` gains a case to handle)
    enum-added                   compatible  response side (the type narrows to a Literal); breaking on the request side
    enum-dropped                 breaking    response side (the Literal widens); compatible on the request side
    variant-added                breaking    response side (anyOf/oneOf: a new type to handle); compatible in requests
    variant-removed              compatible  response side; breaking on the request side
    additional-properties-removed breaking   both sides: `additional_properties` disappears, extra keys are refused
    additional-properties-added  compatible
    keyword-changed              compatible  any other schema, parameter or operation keyword (minimum, pattern,
                                             default, style...): the SDK enforces none of them; listed for review
    deprecated-changed           compatible  an operation, parameter or field marked or unmarked deprecated
  Document
    component-schema-removed     breaking    a named schema is gone or renamed: its generated model class is gone
    component-schema-added       compatible
    servers-changed              breaking    a server URL or variable changed, was added or removed
    security-changed             breaking    a security requirement or security scheme changed
    docs-changed                 docs        description, summary, title, externalDocs, example or examples
    openapi-version-changed      breaking    the `openapi` field changed: the generator reads the document differently

`info.version` itself is not a change: it is how a change is acknowledged (`check_version`).
"""

from __future__ import annotations

import enum
import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from scripts.specs import HTTP_METHODS, Location, json_pointer


class Level(enum.Enum):
    BREAKING = "breaking"
    COMPATIBLE = "compatible"
    DOCS = "docs"


RULES: dict[str, str] = {
    "operation-removed": "breaking",
    "operation-added": "compatible",
    "operation-id-changed": "breaking",
    "operation-moved": "breaking",
    "operation-tag-changed": "breaking",
    "path-parameter-renamed": "breaking",
    "parameter-removed": "breaking",
    "parameter-added-required": "breaking",
    "parameter-added-optional": "compatible",
    "parameter-made-required": "breaking",
    "parameter-made-optional": "compatible",
    "request-body-added": "breaking when required, compatible when optional",
    "request-body-removed": "breaking",
    "request-body-made-required": "breaking",
    "request-body-made-optional": "compatible",
    "response-status-removed": "breaking",
    "response-status-added": "compatible",
    "response-body-removed": "breaking",
    "response-body-added": "compatible",
    "media-type-removed": "breaking",
    "media-type-added": "compatible",
    "field-removed": "breaking",
    "field-added": "compatible",
    "field-added-required": "breaking (request side)",
    "field-made-optional": "breaking in responses, compatible in requests",
    "field-made-required": "compatible in responses, breaking in requests",
    "type-changed": "breaking",
    "format-changed": "breaking",
    "nullable-added": "breaking in responses, compatible in requests",
    "nullable-removed": "compatible in responses, breaking in requests",
    "enum-value-removed": "breaking",
    "enum-value-added": "compatible",
    "enum-added": "compatible in responses, breaking in requests",
    "enum-dropped": "breaking in responses, compatible in requests",
    "variant-added": "breaking in responses, compatible in requests",
    "variant-removed": "compatible in responses, breaking in requests",
    "additional-properties-removed": "breaking",
    "additional-properties-added": "compatible",
    "keyword-changed": "compatible",
    "deprecated-changed": "compatible",
    "component-schema-removed": "breaking",
    "component-schema-added": "compatible",
    "servers-changed": "breaking",
    "security-changed": "breaking",
    "docs-changed": "docs",
    "openapi-version-changed": "breaking",
}

DOCUMENT = "document"
DOCS_KEYS = frozenset({"description", "summary", "title", "externalDocs", "example", "examples"})
# Keys whose mapping holds names (of paths, fields, statuses...), not keywords.
NAME_MAPS = frozenset(
    {
        "paths",
        "properties",
        "patternProperties",
        "schemas",
        "responses",
        "content",
        "securitySchemes",
        "parameters",
        "requestBodies",
        "headers",
        "links",
        "callbacks",
        "variables",
        "webhooks",
        "pathItems",
        "mapping",
        "encoding",
        "$defs",
        "scopes",
    }
)
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
OPERATION_KEYS = frozenset(
    {"operationId", "tags", "parameters", "requestBody", "responses", "security", "servers", "deprecated"}
)
PARAMETER_KEYS = frozenset({"name", "in", "required", "schema", "content", "deprecated"})


class Side(enum.Enum):
    """Where a schema is used: what the SDK reads, or what callers send."""

    RESPONSE = "response"
    REQUEST = "request"


@dataclass(frozen=True)
class Change:
    spec: str
    operation: str  # `GET /v2/account (getAccount)`, or `document` for the spec as a whole
    rule: str
    level: Level
    pointer: str  # where it is in the head document (in the base document when it was removed)
    message: str

    @property
    def breaking(self) -> bool:
        return self.level is Level.BREAKING


def operation_key(method: str, path: str, operation: dict[str, Any]) -> str:
    return f"{method.upper()} {path} ({operation.get('operationId', 'no operationId')})"


def _path_shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def _path_parameter_names(path: str) -> list[str]:
    return re.findall(r"\{([^}]*)\}", path)


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _show(value: Any) -> str:
    return "(none)" if value is None else f"`{_key(value)}`"


@dataclass
class _Operation:
    path: str
    method: str
    node: dict[str, Any]
    location: Location
    path_item: dict[str, Any]

    @property
    def key(self) -> str:
        return operation_key(self.method, self.path, self.node)


def _operations(document: dict[str, Any]) -> list[_Operation]:
    found = []
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method, node in item.items():
            if method in HTTP_METHODS and isinstance(node, dict):
                found.append(_Operation(path, method, node, ("paths", path, method), item))
    return found


@dataclass
class _Comparer:
    spec: str
    base: dict[str, Any]
    head: dict[str, Any]
    changes: list[Change] = field(default_factory=list)
    group: str = DOCUMENT
    _seen: set[tuple[str, Location, Location, Side]] = field(default_factory=set)

    # --- recording ---------------------------------------------------------------------

    def add(self, rule: str, level: Level, location: Location, message: str) -> None:
        assert rule in RULES, rule
        change = Change(self.spec, self.group, rule, level, json_pointer(location), message)
        if change not in self.changes:  # a shared schema reached twice in one operation counts once
            self.changes.append(change)

    def by_side(self, side: Side, response: Level, request: Level) -> Level:
        return response if side is Side.RESPONSE else request

    # --- $ref ----------------------------------------------------------------------------

    @staticmethod
    def resolve(document: dict[str, Any], node: Any, location: Location) -> tuple[Any, Location]:
        """Follow local $refs (chains too) to the node they name, and its location."""
        hops = 0
        while isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#/"):
            hops += 1
            if hops > 50:
                break
            parts: list[str | int] = [p.replace("~1", "/").replace("~0", "~") for p in node["$ref"][2:].split("/")]
            target: Any = document
            for part in parts:
                target = target.get(part) if isinstance(target, dict) else None
            if target is None:
                break
            node, location = target, tuple(parts)
        return node, location

    # --- document ------------------------------------------------------------------------

    def run(self) -> list[Change]:
        if self.base.get("openapi") != self.head.get("openapi"):
            self.add(
                "openapi-version-changed",
                Level.BREAKING,
                ("openapi",),
                f"`openapi` {_show(self.base.get('openapi'))} → {_show(self.head.get('openapi'))}",
            )
        self.servers(self.base.get("servers"), self.head.get("servers"), ("servers",))
        self.security(self.base.get("security"), self.head.get("security"), ("security",))
        self.security_schemes()
        self.component_schemas()
        self.operations()
        self.docs(self.base, self.head, ())
        return self.changes

    def servers(self, base: Any, head: Any, location: Location) -> None:
        def urls(servers: Any) -> list[tuple[Any, Any]]:
            return [(s.get("url"), _strip_docs(s.get("variables"))) for s in (servers or []) if isinstance(s, dict)]

        if urls(base) != urls(head):
            before = ", ".join(str(u) for u, _ in urls(base)) or "(none)"
            after = ", ".join(str(u) for u, _ in urls(head)) or "(none)"
            self.add("servers-changed", Level.BREAKING, location, f"servers {before} → {after}")

    def security(self, base: Any, head: Any, location: Location) -> None:
        if _key(base) != _key(head):
            self.add("security-changed", Level.BREAKING, location, f"security {_show(base)} → {_show(head)}")

    def security_schemes(self) -> None:
        base = (self.base.get("components") or {}).get("securitySchemes") or {}
        head = (self.head.get("components") or {}).get("securitySchemes") or {}
        for name in sorted(set(base) | set(head)):
            if _key(_strip_docs(base.get(name))) != _key(_strip_docs(head.get(name))):
                what = "removed" if name not in head else "added" if name not in base else "changed"
                self.add(
                    "security-changed",
                    Level.BREAKING,
                    ("components", "securitySchemes", name),
                    f"security scheme `{name}` {what}",
                )

    def component_schemas(self) -> None:
        base = (self.base.get("components") or {}).get("schemas") or {}
        head = (self.head.get("components") or {}).get("schemas") or {}
        for name in sorted(set(base) - set(head)):
            self.add(
                "component-schema-removed",
                Level.BREAKING,
                ("components", "schemas", name),
                f"schema `{name}` removed or renamed: its generated model class is gone",
            )
        for name in sorted(set(head) - set(base)):
            self.add(
                "component-schema-added",
                Level.COMPATIBLE,
                ("components", "schemas", name),
                f"schema `{name}` added",
            )

    def docs(self, base: Any, head: Any, location: Location) -> None:
        """Report every changed description, summary, title, externalDocs and example."""
        if not (isinstance(base, dict) and isinstance(head, dict)):
            if isinstance(base, list) and isinstance(head, list):
                # Parameters pair up by (in, name) and servers by url, so an insertion shifts nothing.
                old_items = {_list_key(item, i): item for i, item in enumerate(base)}
                for index, item in enumerate(head):
                    key = _list_key(item, index)
                    if key in old_items:
                        self.docs(old_items[key], item, (*location, index))
            return
        names_only = bool(location) and location[-1] in NAME_MAPS and not _is_schema_keyword_position(location)
        keys = head.keys() & base.keys() if names_only else head.keys() | base.keys()
        for key in sorted(keys, key=str):
            child = (*location, key)
            # info (but its version) and the tag list only describe: all of it is docs.
            is_docs = key in DOCS_KEYS or location == ("info",) or child == ("tags",)
            if names_only or not is_docs:
                self.docs(base.get(key), head.get(key), child)
            elif child != ("info", "version") and _key(base.get(key)) != _key(head.get(key)):
                self.group = self.group_of(child)
                self.add("docs-changed", Level.DOCS, child, f"`{key}` changed")
                self.group = DOCUMENT

    def group_of(self, location: Location) -> str:
        if len(location) >= 3 and location[0] == "paths" and location[2] in HTTP_METHODS:
            node = (self.head.get("paths") or {}).get(location[1], {}).get(location[2], {})
            return operation_key(str(location[2]), str(location[1]), node)
        return DOCUMENT

    # --- operations ----------------------------------------------------------------------

    def operations(self) -> None:
        base_ops, head_ops = _operations(self.base), _operations(self.head)
        head_by_id = {op.node["operationId"]: op for op in head_ops if op.node.get("operationId")}
        head_by_place = {(op.method, op.path): op for op in head_ops}
        head_by_shape = {(op.method, _path_shape(op.path)): op for op in head_ops}
        matched: set[int] = set()
        for old in base_ops:
            operation_id = old.node.get("operationId")
            new = (
                (head_by_id.get(operation_id) if operation_id else None)
                or head_by_place.get((old.method, old.path))
                or head_by_shape.get((old.method, _path_shape(old.path)))
            )
            if new is None or id(new) in matched:
                self.group = old.key
                self.add("operation-removed", Level.BREAKING, old.location, f"operation {old.key} removed")
                continue
            matched.add(id(new))
            self.group = new.key
            self.operation(old, new)
        for new in head_ops:
            if id(new) not in matched:
                self.group = new.key
                self.add("operation-added", Level.COMPATIBLE, new.location, f"operation {new.key} added")
        self.group = DOCUMENT

    def operation(self, old: _Operation, new: _Operation) -> None:
        where = new.location
        old_id, new_id = old.node.get("operationId"), new.node.get("operationId")
        if old_id != new_id:
            self.add(
                "operation-id-changed",
                Level.BREAKING,
                (*where, "operationId"),
                f"operationId `{old_id}` → `{new_id}`: the generated module and functions are renamed",
            )
        same_shape = old.method == new.method and _path_shape(old.path) == _path_shape(new.path)
        if old.method != new.method or (old.path != new.path and not same_shape):
            self.add(
                "operation-moved",
                Level.BREAKING,
                where,
                f"operation moved from {old.method.upper()} {old.path} to {new.method.upper()} {new.path}",
            )
        old_tag = (old.node.get("tags") or ["default"])[0]
        new_tag = (new.node.get("tags") or ["default"])[0]
        if old_tag != new_tag:
            self.add(
                "operation-tag-changed",
                Level.BREAKING,
                (*where, "tags"),
                f"first tag `{old_tag}` → `{new_tag}`: the generated module moves to api.{new_tag}",
            )
        elif old.node.get("tags") != new.node.get("tags"):
            self.add(
                "keyword-changed",
                Level.COMPATIBLE,
                (*where, "tags"),
                f"tags {_show(old.node.get('tags'))} → {_show(new.node.get('tags'))} (same first tag: same module)",
            )
        self.parameters(old, new, same_shape)
        self.request_body(old, new)
        self.responses(old, new)
        for key in ("servers", "security"):
            if key in old.node or key in new.node:
                compare = self.servers if key == "servers" else self.security
                compare(old.node.get(key), new.node.get(key), (*where, key))
        if "servers" in old.path_item or "servers" in new.path_item:
            self.servers(old.path_item.get("servers"), new.path_item.get("servers"), ("paths", new.path, "servers"))
        if bool(old.node.get("deprecated")) != bool(new.node.get("deprecated")):
            state = "deprecated" if new.node.get("deprecated") else "no longer deprecated"
            self.add("deprecated-changed", Level.COMPATIBLE, (*where, "deprecated"), f"operation {state}")
        self.other_keywords(old.node, new.node, where, OPERATION_KEYS, "operation")

    def other_keywords(
        self, base: dict[str, Any], head: dict[str, Any], location: Location, handled: frozenset[str], what: str
    ) -> None:
        for key in sorted(set(base) | set(head)):
            if key in handled or key in DOCS_KEYS:
                continue
            if _key(base.get(key)) != _key(head.get(key)):
                self.add(
                    "keyword-changed",
                    Level.COMPATIBLE,
                    (*location, key),
                    f"{what} keyword `{key}` {_show(base.get(key))} → {_show(head.get(key))}",
                )

    # --- parameters ----------------------------------------------------------------------

    def _parameters(self, document: dict[str, Any], op: _Operation) -> dict[tuple[str, str], tuple[Any, Location]]:
        """(in, name) -> (parameter, location); operation parameters override path-item ones."""
        found: dict[tuple[str, str], tuple[Any, Location]] = {}
        sources = (
            (op.path_item.get("parameters") or [], ("paths", op.path, "parameters")),
            (op.node.get("parameters") or [], (*op.location, "parameters")),
        )
        for parameters, base_location in sources:
            for index, raw in enumerate(parameters):
                node, location = self.resolve(document, raw, (*base_location, index))
                if isinstance(node, dict):
                    found[(str(node.get("in")), str(node.get("name")))] = (node, location)
        return found

    def parameters(self, old: _Operation, new: _Operation, same_shape: bool) -> None:
        before, after = self._parameters(self.base, old), self._parameters(self.head, new)
        pairs: list[tuple[tuple[Any, Location], tuple[Any, Location]]] = []
        if same_shape:
            for old_name, new_name in zip(
                _path_parameter_names(old.path), _path_parameter_names(new.path), strict=False
            ):
                if old_name != new_name and ("path", old_name) in before and ("path", new_name) in after:
                    old_param, new_param = before.pop(("path", old_name)), after.pop(("path", new_name))
                    self.add(
                        "path-parameter-renamed",
                        Level.BREAKING,
                        new_param[1],
                        f"path parameter `{old_name}` renamed `{new_name}`: the function's argument is renamed",
                    )
                    pairs.append((old_param, new_param))
        for key in sorted(before.keys() - after.keys()):
            self.add("parameter-removed", Level.BREAKING, before[key][1], f"{key[0]} parameter `{key[1]}` removed")
        for key in sorted(after.keys() - before.keys()):
            node, location = after[key]
            if node.get("required"):
                self.add(
                    "parameter-added-required",
                    Level.BREAKING,
                    location,
                    f"required {key[0]} parameter `{key[1]}` added",
                )
            else:
                self.add(
                    "parameter-added-optional",
                    Level.COMPATIBLE,
                    location,
                    f"optional {key[0]} parameter `{key[1]}` added",
                )
        pairs += [(before[key], after[key]) for key in sorted(before.keys() & after.keys())]
        for (old_node, _old_location), (new_node, new_location) in pairs:
            self.parameter(old_node, new_node, new_location)

    def parameter(self, old: dict[str, Any], new: dict[str, Any], location: Location) -> None:
        name = f"{new.get('in')} parameter `{new.get('name')}`"
        if bool(old.get("required")) != bool(new.get("required")):
            if new.get("required"):
                self.add("parameter-made-required", Level.BREAKING, (*location, "required"), f"{name} made required")
            else:
                self.add("parameter-made-optional", Level.COMPATIBLE, (*location, "required"), f"{name} made optional")
        if bool(old.get("deprecated")) != bool(new.get("deprecated")):
            state = "deprecated" if new.get("deprecated") else "no longer deprecated"
            self.add("deprecated-changed", Level.COMPATIBLE, (*location, "deprecated"), f"{name} {state}")
        self.schema(
            _parameter_schema(old), _parameter_schema(new), (*location, "schema"), (*location, "schema"), Side.REQUEST
        )
        self.other_keywords(old, new, location, PARAMETER_KEYS, "parameter")

    # --- bodies --------------------------------------------------------------------------

    def request_body(self, old: _Operation, new: _Operation) -> None:
        where = (*new.location, "requestBody")
        before, _ = self.resolve(self.base, old.node.get("requestBody"), (*old.location, "requestBody"))
        after, after_location = self.resolve(self.head, new.node.get("requestBody"), where)
        if before is None and after is None:
            return
        if after is None:
            self.add("request-body-removed", Level.BREAKING, (*old.location, "requestBody"), "request body removed")
            return
        if before is None:
            required = bool(after.get("required"))
            level = Level.BREAKING if required else Level.COMPATIBLE
            self.add(
                "request-body-added",
                level,
                after_location,
                f"{'required' if required else 'optional'} request body added",
            )
            return
        if bool(before.get("required")) != bool(after.get("required")):
            if after.get("required"):
                self.add("request-body-made-required", Level.BREAKING, after_location, "request body made required")
            else:
                self.add("request-body-made-optional", Level.COMPATIBLE, after_location, "request body made optional")
        self.content(before, after, (*old.location, "requestBody"), after_location, Side.REQUEST, "request body")
        self.other_keywords(before, after, after_location, frozenset({"content", "required"}), "request body")

    def content(
        self,
        before: dict[str, Any],
        after: dict[str, Any],
        before_location: Location,
        after_location: Location,
        side: Side,
        what: str,
    ) -> None:
        old_content, new_content = before.get("content") or {}, after.get("content") or {}
        removed_rule, added_rule = (
            ("response-body-removed", "response-body-added")
            if side is Side.RESPONSE
            else ("media-type-removed", "media-type-added")
        )
        for media in sorted(old_content.keys() - new_content.keys()):
            self.add(removed_rule, Level.BREAKING, (*before_location, "content", media), f"{what} `{media}` removed")
        for media in sorted(new_content.keys() - old_content.keys()):
            self.add(added_rule, Level.COMPATIBLE, (*after_location, "content", media), f"{what} `{media}` added")
        for media in sorted(old_content.keys() & new_content.keys()):
            self.schema(
                (old_content[media] or {}).get("schema"),
                (new_content[media] or {}).get("schema"),
                (*before_location, "content", media, "schema"),
                (*after_location, "content", media, "schema"),
                side,
            )

    def responses(self, old: _Operation, new: _Operation) -> None:
        # Statuses may be written unquoted (200) or quoted ("200").
        before = {str(status): value for status, value in (old.node.get("responses") or {}).items()}
        after = {str(status): value for status, value in (new.node.get("responses") or {}).items()}
        old_where, new_where = (*old.location, "responses"), (*new.location, "responses")
        for status in sorted(before.keys() - after.keys()):
            self.add(
                "response-status-removed",
                Level.BREAKING,
                (*old_where, status),
                f"status {status} removed: its parsed type is gone from the SDK's return type",
            )
        for status in sorted(after.keys() - before.keys()):
            self.add("response-status-added", Level.COMPATIBLE, (*new_where, status), f"status {status} added")
        for status in sorted(before.keys() & after.keys()):
            old_response, old_location = self.resolve(self.base, before[status], (*old_where, status))
            new_response, new_location = self.resolve(self.head, after[status], (*new_where, status))
            if isinstance(old_response, dict) and isinstance(new_response, dict):
                self.content(old_response, new_response, old_location, new_location, Side.RESPONSE, f"{status} body")
                # Headers and links: the generated SDK reads neither, but the reviewer should see them.
                self.other_keywords(old_response, new_response, new_location, frozenset({"content"}), "response")

    # --- schemas -------------------------------------------------------------------------

    def schema(self, base: Any, head: Any, base_location: Location, head_location: Location, side: Side) -> None:
        base, base_location = self.resolve(self.base, base, base_location)
        head, head_location = self.resolve(self.head, head, head_location)
        visit = (self.group, base_location, head_location, side)
        if visit in self._seen:  # recursive schemas, and a shared schema reached twice
            return
        self._seen.add(visit)
        base = _merge_all_of(self.base, base if isinstance(base, dict) else {}, self.resolve)
        head = _merge_all_of(self.head, head if isinstance(head, dict) else {}, self.resolve)
        base_types, head_types = _types(self.base, base, self.resolve), _types(self.head, head, self.resolve)
        # `anyOf: [X, {type: "null"}]` is X made nullable (the generator writes `X | None`): compare X.
        base, base_location = _unwrap_nullable(self.base, base, base_location, self.resolve)
        head, head_location = _unwrap_nullable(self.head, head, head_location, self.resolve)
        base_types |= _types(self.base, base, self.resolve)
        head_types |= _types(self.head, head, self.resolve)
        here = head_location

        if base_types - {"null"} != head_types - {"null"}:
            self.add(
                "type-changed",
                Level.BREAKING,
                (*here, "type"),
                f"type {_show_types(base_types - {'null'})} → {_show_types(head_types - {'null'})}",
            )
            return  # a different type: its fields, items and variants are not the old ones changed
        if "null" in head_types and "null" not in base_types:
            level = self.by_side(side, Level.BREAKING, Level.COMPATIBLE)
            self.add("nullable-added", level, here, "now nullable (T becomes T | None)")
        elif "null" in base_types and "null" not in head_types:
            level = self.by_side(side, Level.COMPATIBLE, Level.BREAKING)
            self.add("nullable-removed", level, here, "no longer nullable")
        if base.get("format") != head.get("format"):
            self.add(
                "format-changed",
                Level.BREAKING,
                (*here, "format"),
                f"format {_show(base.get('format'))} → {_show(head.get('format'))}",
            )
        self.enum(base, head, here, side)
        self.properties(base, head, base_location, here, side)
        if "items" in base or "items" in head:
            self.schema(base.get("items"), head.get("items"), (*base_location, "items"), (*here, "items"), side)
        self.additional_properties(base, head, base_location, here, side)
        self.variants(base, head, base_location, here, side)
        if bool(base.get("deprecated")) != bool(head.get("deprecated")):
            state = "deprecated" if head.get("deprecated") else "no longer deprecated"
            self.add("deprecated-changed", Level.COMPATIBLE, (*here, "deprecated"), state)
        self.other_keywords(base, head, here, SCHEMA_KEYS, "schema")

    def enum(self, base: dict[str, Any], head: dict[str, Any], here: Location, side: Side) -> None:
        if "enum" not in base and "enum" not in head:
            return
        where = (*here, "enum")
        if "enum" not in base:
            level = self.by_side(side, Level.COMPATIBLE, Level.BREAKING)
            self.add("enum-added", level, where, f"values restricted to {_show(head['enum'])}")
            return
        if "enum" not in head:
            level = self.by_side(side, Level.BREAKING, Level.COMPATIBLE)
            self.add("enum-dropped", level, where, f"values no longer restricted to {_show(base['enum'])}")
            return
        old_values = {_key(v): v for v in base["enum"] or []}
        new_values = {_key(v): v for v in head["enum"] or []}
        for removed in sorted(old_values.keys() - new_values.keys()):
            self.add("enum-value-removed", Level.BREAKING, where, f"enum value `{removed}` removed")
        for added in sorted(new_values.keys() - old_values.keys()):
            self.add("enum-value-added", Level.COMPATIBLE, where, f"enum value `{added}` added")

    def properties(
        self, base: dict[str, Any], head: dict[str, Any], base_location: Location, here: Location, side: Side
    ) -> None:
        old_fields, new_fields = _fields(base, base_location), _fields(head, here)
        old_required, new_required = set(base.get("required") or []), set(head.get("required") or [])
        for name in sorted(old_fields.keys() - new_fields.keys()):
            self.add("field-removed", Level.BREAKING, old_fields[name][1], f"{side.value} field `{name}` removed")
        for name in sorted(new_fields.keys() - old_fields.keys()):
            if side is Side.REQUEST and name in new_required:
                self.add(
                    "field-added-required",
                    Level.BREAKING,
                    new_fields[name][1],
                    f"required request field `{name}` added",
                )
            else:
                optional = "" if name in new_required else "optional "
                self.add(
                    "field-added", Level.COMPATIBLE, new_fields[name][1], f"{optional}{side.value} field `{name}` added"
                )
        for name in sorted(old_fields.keys() & new_fields.keys()):
            if name in old_required and name not in new_required:
                level = self.by_side(side, Level.BREAKING, Level.COMPATIBLE)
                consequence = " (T becomes T | Unset)" if side is Side.RESPONSE else ""
                self.add(
                    "field-made-optional",
                    level,
                    (*here, "required"),
                    f"{side.value} field `{name}` dropped from required{consequence}",
                )
            elif name in new_required and name not in old_required:
                level = self.by_side(side, Level.COMPATIBLE, Level.BREAKING)
                self.add(
                    "field-made-required", level, (*here, "required"), f"{side.value} field `{name}` made required"
                )
            (old_node, old_location), (new_node, new_location) = old_fields[name], new_fields[name]
            self.schema(old_node, new_node, old_location, new_location, side)

    def additional_properties(
        self, base: dict[str, Any], head: dict[str, Any], base_location: Location, here: Location, side: Side
    ) -> None:
        if not (_is_object(base) and _is_object(head)):
            return
        old, new = base.get("additionalProperties", True), head.get("additionalProperties", True)
        where = (*here, "additionalProperties")
        if old is not False and new is False:
            self.add("additional-properties-removed", Level.BREAKING, where, "additional properties no longer allowed")
        elif old is False and new is not False:
            self.add("additional-properties-added", Level.COMPATIBLE, where, "additional properties now allowed")
        elif isinstance(old, dict) or isinstance(new, dict):
            self.schema(
                old if isinstance(old, dict) else {},
                new if isinstance(new, dict) else {},
                (*base_location, "additionalProperties"),
                where,
                side,
            )

    def variants(
        self, base: dict[str, Any], head: dict[str, Any], base_location: Location, here: Location, side: Side
    ) -> None:
        old, new = (
            _variants(self.base, base, base_location, self.resolve),
            _variants(self.head, head, here, self.resolve),
        )
        if not old and not new:
            return
        for name in sorted(old.keys() - new.keys()):
            level = self.by_side(side, Level.COMPATIBLE, Level.BREAKING)
            self.add("variant-removed", level, old[name][1], f"variant {name} removed")
        for name in sorted(new.keys() - old.keys()):
            level = self.by_side(side, Level.BREAKING, Level.COMPATIBLE)
            self.add("variant-added", level, new[name][1], f"variant {name} added")
        for name in sorted(old.keys() & new.keys()):
            self.schema(old[name][0], new[name][0], old[name][1], new[name][1], side)


Resolver = Any  # _Comparer.resolve: (document, node, location) -> (node, location)


def _list_key(item: Any, index: int) -> Any:
    if isinstance(item, dict) and "name" in item:
        return ("parameter", item.get("in"), item["name"])
    if isinstance(item, dict) and "url" in item:
        return ("server", item["url"])
    return index


def _is_schema_keyword_position(location: Location) -> bool:
    """True where a NAME_MAPS key is itself a field name (a schema property called `content`)."""
    return len(location) >= 2 and location[-2] in ("properties", "patternProperties")


def _strip_docs(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_docs(v) for k, v in value.items() if k not in DOCS_KEYS}
    if isinstance(value, list):
        return [_strip_docs(v) for v in value]
    return value


def _parameter_schema(parameter: dict[str, Any]) -> Any:
    if "schema" in parameter:
        return parameter["schema"]
    for media in (parameter.get("content") or {}).values():
        return (media or {}).get("schema")
    return None


def _merge_all_of(document: dict[str, Any], schema: dict[str, Any], resolve: Resolver) -> dict[str, Any]:
    """One schema with allOf's members folded in, as openapi-python-client merges them into one model."""
    if "allOf" not in schema:
        return schema
    merged = {k: v for k, v in schema.items() if k != "allOf"}
    for member in schema["allOf"] or []:
        node, _ = resolve(document, member, ())
        node = _merge_all_of(document, node if isinstance(node, dict) else {}, resolve)
        merged.setdefault("properties", {})
        merged["properties"] = {**node.get("properties", {}), **merged["properties"]}
        merged["required"] = sorted(set(merged.get("required", [])) | set(node.get("required", [])))
        for key, value in node.items():
            merged.setdefault(key, value)
    return merged


def _unwrap_nullable(
    document: dict[str, Any], schema: dict[str, Any], location: Location, resolve: Resolver
) -> tuple[dict[str, Any], Location]:
    """The one non-null member of `anyOf`/`oneOf: [X, {type: "null"}]`, else the schema itself."""
    if "type" in schema or "properties" in schema:
        return schema, location
    for keyword in ("anyOf", "oneOf"):
        members = schema.get(keyword) or []
        resolved = [resolve(document, member, (*location, keyword, i)) for i, member in enumerate(members)]
        real = [(n, loc) for n, loc in resolved if not (isinstance(n, dict) and n.get("type") == "null")]
        if len(real) == 1 and len(real) < len(members):
            node, node_location = real[0]
            node = _merge_all_of(document, node if isinstance(node, dict) else {}, resolve)
            return node, node_location
    return schema, location


def _types(document: dict[str, Any], schema: dict[str, Any], resolve: Resolver) -> set[str]:
    declared = schema.get("type")
    types = set() if declared is None else {declared} if isinstance(declared, str) else set(declared)
    if schema.get("nullable") is True:  # OpenAPI 3.0 spelling
        types.add("null")
    if not declared and ("properties" in schema or "additionalProperties" in schema):
        types.add("object")
    for keyword in ("anyOf", "oneOf"):
        for variant in schema.get(keyword) or []:
            node, _ = resolve(document, variant, ())
            if isinstance(node, dict) and node.get("type") == "null":
                types.add("null")
    return types


def _show_types(types: set[str]) -> str:
    return " | ".join(sorted(types)) if types else "(any)"


def _is_object(schema: dict[str, Any]) -> bool:
    return "object" in _types({}, schema, lambda _d, n, loc: (n, loc)) and not schema.get("anyOf")


def _fields(schema: dict[str, Any], location: Location) -> dict[str, tuple[Any, Location]]:
    return {name: (node, (*location, "properties", name)) for name, node in (schema.get("properties") or {}).items()}


def _variants(
    document: dict[str, Any], schema: dict[str, Any], location: Location, resolve: Resolver
) -> dict[str, tuple[Any, Location]]:
    """anyOf/oneOf members by identity: the component they name, else their type. `null` is nullability."""
    found: dict[str, tuple[Any, Location]] = {}
    for keyword in ("anyOf", "oneOf"):
        for index, raw in enumerate(schema.get(keyword) or []):
            node, node_location = resolve(document, raw, (*location, keyword, index))
            if not isinstance(node, dict) or node.get("type") == "null":
                continue
            if isinstance(raw, dict) and "$ref" in raw:
                name = f"`{raw['$ref'].rsplit('/', 1)[-1]}`"
            else:
                name = f"`{_show_types(_types(document, node, resolve))}`"
            found[name] = (node, node_location)
    return found


def compare(spec: str, base: dict[str, Any], head: dict[str, Any]) -> list[Change]:
    """Every difference between two versions of one spec, classified for SDK users."""
    return _Comparer(spec, base, head).run()


def by_operation(changes: Iterable[Change]) -> Iterator[tuple[str, list[Change]]]:
    """Changes grouped by operation, the document group first, in first-seen order."""
    groups: dict[str, list[Change]] = {DOCUMENT: []}
    for change in changes:
        groups.setdefault(change.operation, []).append(change)
    for name, members in groups.items():
        if members:
            yield name, members


# --- acknowledgement: info.version ------------------------------------------------------


class Bump(enum.IntEnum):
    NONE = 0
    PATCH = 1
    MINOR = 2
    MAJOR = 3


def parse_version(text: Any) -> tuple[int, int, int]:
    match = re.fullmatch(r"(\d+)\.(\d+)\.(\d+)", str(text))
    if not match:
        raise ValueError(f"info.version {text!r} is not MAJOR.MINOR.PATCH")
    major, minor, patch = (int(part) for part in match.groups())
    return major, minor, patch


def required_bump(changes: Iterable[Change]) -> Bump:
    levels = {change.level for change in changes}
    if Level.BREAKING in levels:
        return Bump.MAJOR
    if Level.COMPATIBLE in levels:
        return Bump.MINOR
    return Bump.NONE  # docs alone: a patch bump is welcome, not required


def actual_bump(base_version: Any, head_version: Any) -> Bump:
    """How far info.version moved; ValueError when it is not semver or went backwards."""
    old, new = parse_version(base_version), parse_version(head_version)
    if new < old:
        raise ValueError(f"info.version went backwards: {base_version} → {head_version}")
    if new[0] > old[0]:
        return Bump.MAJOR
    if new[1] > old[1]:
        return Bump.MINOR
    if new[2] > old[2]:
        return Bump.PATCH
    return Bump.NONE


def next_version(version: Any, bump: Bump) -> str:
    major, minor, patch = parse_version(version)
    if bump is Bump.MAJOR:
        return f"{major + 1}.0.0"
    if bump is Bump.MINOR:
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def check_version(base_version: Any, head_version: Any, changes: Iterable[Change]) -> str | None:
    """None when info.version acknowledges the changes, else what is missing."""
    needed = required_bump(changes)
    try:
        done = actual_bump(base_version, head_version)
    except ValueError as error:
        return str(error)
    if done >= needed:
        return None
    reason = "breaking changes need" if needed is Bump.MAJOR else "compatible additions need"
    return (
        f"{reason} a {needed.name.lower()} bump: info.version is {head_version}, "
        f"set it to {next_version(base_version, needed)} (or higher)"
    )
