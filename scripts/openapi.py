"""Plumbing every tool shares over an OpenAPI document: its operations, and its local `$ref`s.

Both work on the plain data (dicts and lists) of a document, and never fail on a malformed
one: what is not an operation is skipped, and a `$ref` that does not resolve, or that leads
back to itself, is left where it stops. `specs.check` reports those with their place.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from scripts.documents import Location

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


def ref_loop(document: Any, node: Any) -> list[str] | None:
    """The chain of `$ref`s that leads from node back into itself, or None."""
    chain: list[str] = []
    while is_local_ref(node):
        ref = node["$ref"]
        if ref in chain:
            return [*chain[chain.index(ref) :], ref]
        chain.append(ref)
        found = lookup(document, ref)
        if found is None:
            return None
        node = found[0]
    return None


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
