"""Plumbing every tool shares over an OpenAPI document: its operations, and its local `$ref`s.

Both work on the plain data (dicts and lists) of a document, and never fail on a malformed
one: what is not an operation is skipped, and a `$ref` that does not resolve, or that leads
back to itself, is left where it stops. `specs.check` reports those with their place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from scripts.core.documents import Location

HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


@dataclass(frozen=True)
class Operation:
    path: str  # the path template, e.g. /v1/dreamina/accounts/{account}
    method: str  # lower case, as written in the document
    node: dict[str, Any]  # the operation object
    path_item: dict[str, Any]  # the path item holding it (shared parameters, servers)

    @property
    def location(self) -> Location:
        return ("paths", self.path, self.method)

    @property
    def operation_id(self) -> str | None:
        found = self.node.get("operationId")
        return found if isinstance(found, str) else None

    def path_parameters(self, raw_path: str) -> dict[str, str] | None:
        """The decoded path parameters of a raw request path, or None when it is not this operation's."""
        return path_parameters(self.path, raw_path)

    @property
    def key(self) -> str:
        """`GET /v2/account (getAccount)`: how reports name the operation."""
        return f"{self.method.upper()} {self.path} ({self.operation_id or 'no operationId'})"


def operations(document: Any) -> Iterator[Operation]:
    """Every operation of the document, in document order."""
    paths = document.get("paths") if isinstance(document, dict) else None
    for path, item in (paths if isinstance(paths, dict) else {}).items():
        if not isinstance(item, dict):
            continue
        for method, node in item.items():
            if method in HTTP_METHODS and isinstance(node, dict):
                yield Operation(str(path), method, node, item)


def is_local_ref(node: Any) -> bool:
    return isinstance(node, dict) and isinstance(node.get("$ref"), str) and node["$ref"].startswith("#")


def lookup(document: Any, ref: str) -> tuple[Any, Location] | None:
    """The node a local `$ref` ("#/a/b~1c/0") names, and its location; None when there is none."""
    target: Any = document
    location: Location = ()
    for raw in ref.removeprefix("#").split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(target, dict) and part in target:
            target, location = target[part], (*location, part)
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target, location = target[int(part)], (*location, int(part))
        else:
            return None
    return target, location


def _included_refs(node: Any) -> list[str]:
    """The `$ref`s a node is made of: its own, and those of its `allOf` members, inline ones too."""
    found, stack = [], [node]
    while stack:
        current = stack.pop()
        if is_local_ref(current):
            found.append(current["$ref"])
        if isinstance(current, dict) and isinstance(current.get("allOf"), list):
            stack.extend(reversed(current["allOf"]))
    return found


def ref_loop(document: Any, node: Any, loop_free: set[str] | None = None) -> list[str] | None:
    """The chain of `$ref`s by which node is made of itself (through `$ref` and `allOf`), or None.

    A schema may contain itself (a property or an item that refers back: a tree), but it
    cannot be itself: no tool can expand that. loop_free: refs already known to close no
    loop, shared across calls so that checking a whole document stays linear.
    """
    loop_free = set() if loop_free is None else loop_free
    path: list[str] = []
    pending: list[Iterator[str]] = [iter(_included_refs(node))]
    while pending:
        ref = next(pending[-1], None)
        if ref is None:
            pending.pop()
            if path:
                loop_free.add(path.pop())
            continue
        if ref in path:
            return [*path[path.index(ref) :], ref]
        found = None if ref in loop_free else lookup(document, ref)
        if found is None:
            continue
        path.append(ref)
        pending.append(iter(_included_refs(found[0])))
    return None


def _refs_within(node: Any) -> tuple[int, list[tuple[str, int]]]:
    """How deep node nests (its own levels), and each local `$ref` in it with its depth below node."""
    deepest, refs = 0, []
    stack: list[tuple[Any, int]] = [(node, 0)]
    while stack:
        current, depth = stack.pop()
        deepest = max(deepest, depth)
        if is_local_ref(current):
            refs.append((current["$ref"], depth))
        children = current.values() if isinstance(current, dict) else current if isinstance(current, list) else ()
        stack.extend((child, depth + 1) for child in children)
    return deepest, refs


def depth_through_refs(document: Any) -> dict[str, int]:
    """For each local `$ref` of the document: how deep its target nests once every `$ref` in it
    is followed too (a `$ref` back into a schema being followed counts as a leaf).

    This is how deep a tool that inlines or walks schemas recursively has to go. Iterative,
    each target read once: linear in the size of the document.
    """
    inside: dict[str, tuple[int, list[tuple[str, int]]]] = {}

    def targets(ref: str) -> tuple[int, list[tuple[str, int]]]:
        if ref not in inside:
            found = lookup(document, ref)
            inside[ref] = _refs_within(found[0]) if found else (0, [])
        return inside[ref]

    depth: dict[str, int] = {}
    following: set[str] = set()  # the refs on the current path: one met again is a leaf
    for start, _at in _refs_within(document)[1]:
        if start in depth:
            continue
        following.add(start)
        stack = [(start, iter(targets(start)[1]))]
        while stack:
            ref, children = stack[-1]
            child = next(children, None)
            if child is not None:
                if child[0] not in depth and child[0] not in following:
                    following.add(child[0])
                    stack.append((child[0], iter(targets(child[0])[1])))
                continue
            own, refs_inside = targets(ref)
            depth[ref] = max([own] + [at + depth.get(name, 0) for name, at in refs_inside])
            following.discard(ref)
            stack.pop()
    return depth


def follow(document: Any, node: Any, location: Location = ()) -> tuple[Any, Location]:
    """Follow local `$ref`s (chains too) to the node they name, and its location.

    A `$ref` that does not resolve, or that closes a loop, is returned as it is.
    """
    seen: set[str] = set()
    while is_local_ref(node) and node["$ref"] not in seen:
        seen.add(node["$ref"])
        found = lookup(document, node["$ref"])
        if found is None:
            break
        node, location = found
    return node, location


_JSON_KINDS: dict[str, type | tuple[type, ...]] = {
    "string": str,
    "object": dict,
    "array": list,
    "boolean": bool,
    "integer": int,
    "number": (int, float),
    "null": type(None),
}


def json_type_fits(value: Any, schema: dict[str, Any]) -> bool:
    """Whether a decoded JSON value has one of the schema's `type`s (any, when it names none):
    how a reader picks the `anyOf` variant a value is meant to be."""
    declared = schema.get("type")
    if declared is None:
        return True
    names = declared if isinstance(declared, list) else [declared]
    return any(isinstance(value, _JSON_KINDS[name]) for name in names if name in _JSON_KINDS)


def path_template_regex(template: str) -> re.Pattern[str]:
    """Match a raw (percent-encoded) request path against an OpenAPI path template."""
    pattern = re.sub(r"\\\{(\w+)\\\}", r"(?P<\1>[^/]+)", re.escape(template))
    return re.compile(pattern + r"\Z")


def path_parameters(template: str, raw_path: str) -> dict[str, str] | None:
    """The decoded path parameters of raw_path, or None when it does not fit the template."""
    match = path_template_regex(template).match(raw_path)
    if match is None:
        return None
    return {name: unquote(value) for name, value in match.groupdict().items()}
