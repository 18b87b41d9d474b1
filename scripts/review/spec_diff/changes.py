"""What a comparison reports, and where: `Change`, and the `Scope` that records changes."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from scripts.core.documents import Location, json_pointer
from scripts.review.rules import RULES, Level, Side

DOCUMENT = "document"
DOCS_KEYS = frozenset({"description", "summary", "title", "externalDocs", "example", "examples"})


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


@dataclass
class Comparison:
    """The two versions of a spec being compared, and the changes found so far."""

    spec: str
    base: dict[str, Any]
    head: dict[str, Any]
    changes: list[Change] = field(default_factory=list)

    def scope(self, group: str) -> Scope:
        return Scope(self, group)


@dataclass
class Scope:
    """Records changes under one group: an operation's key, or `document`."""

    comparison: Comparison
    group: str
    # (base location, head location, side) of the schemas compared so far: a recursive schema,
    # or a shared one reached twice, is compared once.
    schemas_seen: set[tuple[Location, Location, Side]] = field(default_factory=set)

    @property
    def base(self) -> dict[str, Any]:
        return self.comparison.base

    @property
    def head(self) -> dict[str, Any]:
        return self.comparison.head

    def add(self, rule: str, location: Location, message: str, side: Side | None = None) -> None:
        """Record a change of rule at location; its level is the registry's for side."""
        level = RULES[rule].level(side)
        change = Change(self.comparison.spec, self.group, rule, level, json_pointer(location), message)
        if change not in self.comparison.changes:  # a shared schema reached twice in one operation counts once
            self.comparison.changes.append(change)


def key(value: Any) -> str:
    """A canonical text of a JSON value, to compare and sort by."""
    return json.dumps(value, sort_keys=True, default=str)


def show(value: Any) -> str:
    return "(none)" if value is None else f"`{key(value)}`"


def strip_docs(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: strip_docs(v) for k, v in value.items() if k not in DOCS_KEYS}
    if isinstance(value, list):
        return [strip_docs(v) for v in value]
    return value


def other_keywords(
    scope: Scope, base: dict[str, Any], head: dict[str, Any], location: Location, handled: frozenset[str], what: str
) -> None:
    """`keyword-changed` for every differing keyword that no rule of its own covers."""
    for name in sorted(set(base) | set(head)):
        if name in handled or name in DOCS_KEYS:
            continue
        if key(base.get(name)) != key(head.get(name)):
            scope.add(
                "keyword-changed",
                (*location, name),
                f"{what} keyword `{name}` {show(base.get(name))} → {show(head.get(name))}",
            )
