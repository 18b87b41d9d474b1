"""Operations matched across the two versions, and what each one takes and returns.

An operation in the base is matched in the head by its operationId, else by its method and
path, else by its method and path shape (`/a/{x}` and `/a/{y}`); what stays unmatched was
removed or added. Matched pairs are compared under their head key, `GET /path (operationId)`.
"""

from __future__ import annotations

import re
from typing import Any

from scripts.core import openapi
from scripts.core.documents import Location
from scripts.review.rules import Side
from scripts.review.spec_diff.changes import Comparison, Scope, other_keywords, show
from scripts.review.spec_diff.document import compare_security, compare_servers
from scripts.review.spec_diff.schemas import compare_schema

OPERATION_KEYS = frozenset(
    {"operationId", "tags", "parameters", "requestBody", "responses", "security", "servers", "deprecated"}
)
PARAMETER_KEYS = frozenset({"name", "in", "required", "schema", "content", "deprecated"})
Located = tuple[Any, Location]


def _path_shape(path: str) -> str:
    return re.sub(r"\{[^}]*\}", "{}", path)


def compare_operations(comparison: Comparison) -> None:
    base_ops, head_ops = list(openapi.operations(comparison.base)), list(openapi.operations(comparison.head))
    head_by_id = {op.operation_id: op for op in head_ops if op.operation_id}
    head_by_place = {(op.method, op.path): op for op in head_ops}
    head_by_shape = {(op.method, _path_shape(op.path)): op for op in head_ops}
    matched: set[int] = set()
    for old in base_ops:
        new = (
            (head_by_id.get(old.operation_id) if old.operation_id else None)
            or head_by_place.get((old.method, old.path))
            or head_by_shape.get((old.method, _path_shape(old.path)))
        )
        if new is None or id(new) in matched:
            comparison.scope(old.key).add("operation-removed", old.location, f"operation {old.key} removed")
            continue
        matched.add(id(new))
        _compare_operation(comparison.scope(new.key), old, new)
    for new in head_ops:
        if id(new) not in matched:
            comparison.scope(new.key).add("operation-added", new.location, f"operation {new.key} added")


def _compare_operation(scope: Scope, old: openapi.Operation, new: openapi.Operation) -> None:
    where = new.location
    if old.operation_id != new.operation_id:
        scope.add(
            "operation-id-changed",
            (*where, "operationId"),
            f"operationId `{old.operation_id}` → `{new.operation_id}`: the generated module and functions are renamed",
        )
    same_shape = old.method == new.method and _path_shape(old.path) == _path_shape(new.path)
    if old.method != new.method or (old.path != new.path and not same_shape):
        scope.add(
            "operation-moved",
            where,
            f"operation moved from {old.method.upper()} {old.path} to {new.method.upper()} {new.path}",
        )
    _compare_tags(scope, old, new)
    _compare_parameters(scope, old, new, same_shape)
    _compare_request_body(scope, old, new)
    _compare_responses(scope, old, new)
    if "servers" in old.node or "servers" in new.node:
        compare_servers(scope, old.node.get("servers"), new.node.get("servers"), (*where, "servers"))
    # The requirement in force: the operation's own, else the document's.
    old_security = old.node["security"] if "security" in old.node else scope.base.get("security")
    new_security = new.node["security"] if "security" in new.node else scope.head.get("security")
    security_where = (*where, "security") if "security" in new.node else ("security",)
    compare_security(scope, old_security, new_security, security_where)
    if "servers" in old.path_item or "servers" in new.path_item:
        compare_servers(
            scope, old.path_item.get("servers"), new.path_item.get("servers"), ("paths", new.path, "servers")
        )
    if bool(old.node.get("deprecated")) != bool(new.node.get("deprecated")):
        state = "deprecated" if new.node.get("deprecated") else "no longer deprecated"
        scope.add("deprecated-changed", (*where, "deprecated"), f"operation {state}")
    other_keywords(scope, old.node, new.node, where, OPERATION_KEYS, "operation")


def _compare_tags(scope: Scope, old: openapi.Operation, new: openapi.Operation) -> None:
    old_tags, new_tags = old.node.get("tags"), new.node.get("tags")
    old_tag, new_tag = (old_tags or ["default"])[0], (new_tags or ["default"])[0]
    if old_tag != new_tag:
        scope.add(
            "operation-tag-changed",
            (*new.location, "tags"),
            f"first tag `{old_tag}` → `{new_tag}`: the generated module moves to api.{new_tag}",
        )
    elif old_tags != new_tags:
        scope.add(
            "keyword-changed",
            (*new.location, "tags"),
            f"tags {show(old_tags)} → {show(new_tags)} (same first tag: same module)",
        )


# --- parameters ----------------------------------------------------------------------------


def _parameters(document: dict[str, Any], op: openapi.Operation) -> dict[tuple[str, str], Located]:
    """(in, name) -> (parameter, location); operation parameters override path-item ones."""
    found: dict[tuple[str, str], Located] = {}
    sources = (
        (op.path_item.get("parameters") or [], ("paths", op.path, "parameters")),
        (op.node.get("parameters") or [], (*op.location, "parameters")),
    )
    for parameters, base_location in sources:
        for index, raw in enumerate(parameters):
            node, location = openapi.follow(document, raw, (*base_location, index))
            if isinstance(node, dict):
                found[(str(node.get("in")), str(node.get("name")))] = (node, location)
    return found


def _compare_parameters(scope: Scope, old: openapi.Operation, new: openapi.Operation, same_shape: bool) -> None:
    before, after = _parameters(scope.base, old), _parameters(scope.head, new)
    pairs: list[tuple[Located, Located]] = []
    if same_shape:  # /a/{x} → /a/{y}: the same parameter renamed
        for old_name, new_name in zip(_names_in(old.path), _names_in(new.path), strict=False):
            if old_name != new_name and ("path", old_name) in before and ("path", new_name) in after:
                old_param, new_param = before.pop(("path", old_name)), after.pop(("path", new_name))
                scope.add(
                    "path-parameter-renamed",
                    new_param[1],
                    f"path parameter `{old_name}` renamed `{new_name}`: the function's argument is renamed",
                )
                pairs.append((old_param, new_param))
    for name in sorted(before.keys() - after.keys()):
        scope.add("parameter-removed", before[name][1], f"{name[0]} parameter `{name[1]}` removed")
    for name in sorted(after.keys() - before.keys()):
        node, location = after[name]
        required = "required" if node.get("required") else "optional"
        scope.add(f"parameter-added-{required}", location, f"{required} {name[0]} parameter `{name[1]}` added")
    pairs += [(before[name], after[name]) for name in sorted(before.keys() & after.keys())]
    for (old_node, _old_location), (new_node, new_location) in pairs:
        _compare_parameter(scope, old_node, new_node, new_location)


def _names_in(path: str) -> list[str]:
    return re.findall(r"\{([^}]*)\}", path)


def _parameter_schema(parameter: dict[str, Any]) -> Any:
    if "schema" in parameter:
        return parameter["schema"]
    for media in (parameter.get("content") or {}).values():
        return (media or {}).get("schema")
    return None


def _compare_parameter(scope: Scope, old: dict[str, Any], new: dict[str, Any], location: Location) -> None:
    name = f"{new.get('in')} parameter `{new.get('name')}`"
    if bool(old.get("required")) != bool(new.get("required")):
        made = "required" if new.get("required") else "optional"
        scope.add(f"parameter-made-{made}", (*location, "required"), f"{name} made {made}")
    if bool(old.get("deprecated")) != bool(new.get("deprecated")):
        state = "deprecated" if new.get("deprecated") else "no longer deprecated"
        scope.add("deprecated-changed", (*location, "deprecated"), f"{name} {state}")
    schema_location = (*location, "schema")
    compare_schema(
        scope, _parameter_schema(old), _parameter_schema(new), schema_location, schema_location, Side.REQUEST
    )
    other_keywords(scope, old, new, location, PARAMETER_KEYS, "parameter")


# --- bodies --------------------------------------------------------------------------------


def _compare_request_body(scope: Scope, old: openapi.Operation, new: openapi.Operation) -> None:
    old_location = (*old.location, "requestBody")
    before, _ = openapi.follow(scope.base, old.node.get("requestBody"), old_location)
    after, after_location = openapi.follow(scope.head, new.node.get("requestBody"), (*new.location, "requestBody"))
    if before is None and after is None:
        return
    if after is None:
        scope.add("request-body-removed", old_location, "request body removed")
        return
    if before is None:
        required = "required" if after.get("required") else "optional"
        scope.add(f"request-body-added-{required}", after_location, f"{required} request body added")
        return
    if bool(before.get("required")) != bool(after.get("required")):
        made = "required" if after.get("required") else "optional"
        scope.add(f"request-body-made-{made}", after_location, f"request body made {made}")
    _compare_content(scope, before, after, old_location, after_location, Side.REQUEST, "request body")
    other_keywords(scope, before, after, after_location, frozenset({"content", "required"}), "request body")


def _compare_content(
    scope: Scope,
    before: dict[str, Any],
    after: dict[str, Any],
    before_location: Location,
    after_location: Location,
    side: Side,
    what: str,
) -> None:
    old_content, new_content = before.get("content") or {}, after.get("content") or {}
    removed, added = (
        ("response-body-removed", "response-body-added")
        if side is Side.RESPONSE
        else ("media-type-removed", "media-type-added")
    )
    for media in sorted(old_content.keys() - new_content.keys()):
        scope.add(removed, (*before_location, "content", media), f"{what} `{media}` removed")
    for media in sorted(new_content.keys() - old_content.keys()):
        scope.add(added, (*after_location, "content", media), f"{what} `{media}` added")
    for media in sorted(old_content.keys() & new_content.keys()):
        compare_schema(
            scope,
            (old_content[media] or {}).get("schema"),
            (new_content[media] or {}).get("schema"),
            (*before_location, "content", media, "schema"),
            (*after_location, "content", media, "schema"),
            side,
        )


def _compare_responses(scope: Scope, old: openapi.Operation, new: openapi.Operation) -> None:
    # Statuses may be written unquoted (200) or quoted ("200").
    before = {str(status): value for status, value in (old.node.get("responses") or {}).items()}
    after = {str(status): value for status, value in (new.node.get("responses") or {}).items()}
    old_where, new_where = (*old.location, "responses"), (*new.location, "responses")
    for status in sorted(before.keys() - after.keys()):
        scope.add(
            "response-status-removed",
            (*old_where, status),
            f"status {status} removed: its parsed type is gone from the SDK's return type",
        )
    for status in sorted(after.keys() - before.keys()):
        scope.add("response-status-added", (*new_where, status), f"status {status} added")
    for status in sorted(before.keys() & after.keys()):
        old_response, old_location = openapi.follow(scope.base, before[status], (*old_where, status))
        new_response, new_location = openapi.follow(scope.head, after[status], (*new_where, status))
        if isinstance(old_response, dict) and isinstance(new_response, dict):
            _compare_content(
                scope, old_response, new_response, old_location, new_location, Side.RESPONSE, f"{status} body"
            )
            # Headers and links: the generated SDK reads neither, but the reviewer should see them.
            other_keywords(scope, old_response, new_response, new_location, frozenset({"content"}), "response")
