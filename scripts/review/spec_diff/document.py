"""The document as a whole: `openapi`, servers, security, named schemas, and every docs change."""

from __future__ import annotations

from typing import Any

from scripts.core import openapi
from scripts.core.documents import Location
from scripts.review.spec_diff.changes import DOCS_KEYS, DOCUMENT, Comparison, Scope, key, show, strip_docs

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


def compare_document(comparison: Comparison) -> None:
    scope, base, head = comparison.scope(DOCUMENT), comparison.base, comparison.head
    if base.get("openapi") != head.get("openapi"):
        scope.add(
            "openapi-version-changed",
            ("openapi",),
            f"`openapi` {show(base.get('openapi'))} → {show(head.get('openapi'))}",
        )
    compare_servers(scope, base.get("servers"), head.get("servers"), ("servers",))
    compare_security(scope, base.get("security"), head.get("security"), ("security",))
    _security_schemes(scope)
    _component_schemas(scope)


def compare_servers(scope: Scope, base: Any, head: Any, location: Location) -> None:
    def urls(servers: Any) -> list[tuple[Any, Any]]:
        return [(s.get("url"), strip_docs(s.get("variables"))) for s in (servers or []) if isinstance(s, dict)]

    if urls(base) != urls(head):
        before = ", ".join(str(u) for u, _ in urls(base)) or "(none)"
        after = ", ".join(str(u) for u, _ in urls(head)) or "(none)"
        scope.add("servers-changed", location, f"servers {before} → {after}")


def compare_security(scope: Scope, base: Any, head: Any, location: Location) -> None:
    if key(base) != key(head):
        scope.add("security-changed", location, f"security {show(base)} → {show(head)}")


def _components(document: dict[str, Any], kind: str) -> dict[str, Any]:
    return (document.get("components") or {}).get(kind) or {}


def _security_schemes(scope: Scope) -> None:
    base, head = _components(scope.base, "securitySchemes"), _components(scope.head, "securitySchemes")
    for name in sorted(set(base) | set(head)):
        if key(strip_docs(base.get(name))) != key(strip_docs(head.get(name))):
            what = "removed" if name not in head else "added" if name not in base else "changed"
            scope.add("security-changed", ("components", "securitySchemes", name), f"security scheme `{name}` {what}")


def _component_schemas(scope: Scope) -> None:
    base, head = _components(scope.base, "schemas"), _components(scope.head, "schemas")
    for name in sorted(set(base) - set(head)):
        scope.add(
            "component-schema-removed",
            ("components", "schemas", name),
            f"schema `{name}` removed or renamed: its generated model class is gone",
        )
    for name in sorted(set(head) - set(base)):
        scope.add("component-schema-added", ("components", "schemas", name), f"schema `{name}` added")


def compare_docs(scope: Scope, base: Any, head: Any, location: Location) -> None:
    """Report every changed description, summary, title, externalDocs and example."""
    if not (isinstance(base, dict) and isinstance(head, dict)):
        if isinstance(base, list) and isinstance(head, list):
            # Parameters pair up by (in, name) and servers by url, so an insertion shifts nothing.
            old_items = {_list_key(item, i): item for i, item in enumerate(base)}
            for index, item in enumerate(head):
                item_key = _list_key(item, index)
                if item_key in old_items:
                    compare_docs(scope, old_items[item_key], item, (*location, index))
        return
    names_only = bool(location) and location[-1] in NAME_MAPS and not _is_field_name(location)
    keys = head.keys() & base.keys() if names_only else head.keys() | base.keys()
    for name in sorted(keys, key=str):
        child = (*location, name)
        # info (but its version) and the tag list only describe: all of it is docs.
        is_docs = name in DOCS_KEYS or location == ("info",) or child == ("tags",)
        if names_only or not is_docs:
            compare_docs(scope, base.get(name), head.get(name), child)
        elif child != ("info", "version") and key(base.get(name)) != key(head.get(name)):
            scope.comparison.scope(_group_of(scope.head, child)).add("docs-changed", child, f"`{name}` changed")


def _group_of(head: dict[str, Any], location: Location) -> str:
    """The operation a place belongs to, or the document."""
    if len(location) >= 3 and location[0] == "paths" and location[2] in openapi.HTTP_METHODS:
        item = (head.get("paths") or {}).get(location[1], {})
        return openapi.Operation(str(location[1]), str(location[2]), item.get(location[2], {}), item).key
    return DOCUMENT


def _list_key(item: Any, index: int) -> Any:
    if isinstance(item, dict) and "name" in item:
        return ("parameter", item.get("in"), item["name"])
    if isinstance(item, dict) and "url" in item:
        return ("server", item["url"])
    return index


def _is_field_name(location: Location) -> bool:
    """True where a NAME_MAPS key is itself a field name (a schema property called `content`)."""
    return len(location) >= 2 and location[-2] in ("properties", "patternProperties")
