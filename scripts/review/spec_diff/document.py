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
    # `security` itself is judged per operation, where it is in force (scripts.spec_diff.operations).
    _security_schemes(scope)
    _component_schemas(scope)


def compare_servers(scope: Scope, base: Any, head: Any, location: Location) -> None:
    def urls(servers: Any) -> list[tuple[Any, Any]]:
        return [(s.get("url"), strip_docs(s.get("variables"))) for s in (servers or []) if isinstance(s, dict)]

    if urls(base) != urls(head):
        before = ", ".join(str(u) for u, _ in urls(base)) or "(none)"
        after = ", ".join(str(u) for u, _ in urls(head)) or "(none)"
        scope.add("servers-changed", location, f"servers {before} → {after}")


Requirements = list[dict[str, frozenset[str]]]  # alternatives, each scheme name → scopes


def _requirements(security: Any) -> Requirements:
    """The alternatives a call may meet; none listed means none needed (one empty alternative)."""
    found = [
        {str(name): frozenset(map(str, scopes or [])) for name, scopes in alternative.items()}
        for alternative in (security if isinstance(security, list) else [])
        if isinstance(alternative, dict)
    ]
    return found or [{}]


def _meets(alternative: dict[str, frozenset[str]], needed: dict[str, frozenset[str]]) -> bool:
    """Whether a caller holding alternative's credentials meets needed."""
    return all(name in alternative and scopes <= alternative[name] for name, scopes in needed.items())


def compare_security(scope: Scope, base: Any, head: Any, location: Location) -> None:
    """The requirement in force for an operation: tightened when a caller meeting an old
    alternative meets no new one; relaxed when every such caller still gets through."""
    if key(_requirements(base)) == key(_requirements(head)):
        return
    old, new = _requirements(base), _requirements(head)
    shut_out = [a for a in old if not any(_meets(a, needed) for needed in new)]
    if shut_out:
        shown = " or ".join(_show_requirement(a) for a in shut_out)
        scope.add("security-tightened", location, f"security {show(base)} → {show(head)}: callers with {shown} fail")
    else:
        scope.add("security-relaxed", location, f"security {show(base)} → {show(head)}: every caller still passes")


def _show_requirement(alternative: dict[str, frozenset[str]]) -> str:
    if not alternative:
        return "no credentials"
    return " + ".join(f"`{name}`" + (f" ({', '.join(sorted(s))})" if s else "") for name, s in alternative.items())


def used_schemes(document: dict[str, Any]) -> set[str]:
    """Every security scheme a requirement names, the document's or an operation's."""
    used = {name for alternative in _requirements(document.get("security")) for name in alternative}
    for operation in openapi.operations(document):
        used |= {name for alternative in _requirements(operation.node.get("security")) for name in alternative}
    return used


def _components(document: dict[str, Any], kind: str) -> dict[str, Any]:
    return (document.get("components") or {}).get(kind) or {}


# How a scheme's credential is sent: change one and callers send it where the server does not look.
CREDENTIAL_KEYS = ("type", "scheme", "in", "name")


def _security_schemes(scope: Scope) -> None:
    base, head = _components(scope.base, "securitySchemes"), _components(scope.head, "securitySchemes")
    used = used_schemes(scope.base) & used_schemes(scope.head)
    for name in sorted(set(base) | set(head)):
        where = ("components", "securitySchemes", name)
        if name not in head:
            scope.add("security-scheme-removed", where, f"security scheme `{name}` removed")
        elif name not in base:
            scope.add("security-scheme-added", where, f"security scheme `{name}` added")
        elif key(strip_docs(base[name])) != key(strip_docs(head[name])):
            old, new = (
                base[name] if isinstance(base[name], dict) else {},
                head[name] if isinstance(head[name], dict) else {},
            )
            credential = [k for k in CREDENTIAL_KEYS if str(old.get(k)).lower() != str(new.get(k)).lower()]
            if credential and name in used:
                changed = ", ".join(f"`{k}` {show(old.get(k))} → {show(new.get(k))}" for k in credential)
                scope.add("security-scheme-changed", where, f"security scheme `{name}`: {changed}")
            else:
                why = "no operation uses it" if credential else "how the credential is sent is the same"
                scope.add("security-details-changed", where, f"security scheme `{name}` changed: {why}")


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
