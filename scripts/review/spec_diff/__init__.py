"""Classify the differences between two versions of an OpenAPI document for SDK users.

`compare(spec_name, base, head)` takes two loaded documents and returns one `Change` per
difference: the operation it affects (or `document` for the spec as a whole), a rule id, its
level and a message naming the place as a JSON pointer. Nothing is written or fetched.

The rules, their levels on the response and the request side, and what each means are one
registry, `scripts.review.rules.RULES`; every change takes its level from there. The comparison
follows the document's structure, one module each:
  document.py    openapi version, servers, security schemes, named schemas, and every docs change
  operations.py  operations matched across versions; their parameters, request bodies, responses
                 and the security requirement in force (theirs, else the document's)
  schemas.py     two schemas on one side: types, nullability, formats, enums, fields, variants
  changes.py     Change, and the Scope that records changes under an operation
Local `$ref`s are followed (and `allOf` merged) before comparing, so a change inside a shared
component is reported under every operation that uses it, with the component's own pointer.

`info.version` itself is not a change: it is how a change is acknowledged (scripts.review.versioning).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from scripts.review.rules import RULES, Level
from scripts.review.spec_diff import document, operations
from scripts.review.spec_diff.changes import DOCUMENT, Change, Comparison

__all__ = ["DOCUMENT", "RULES", "Change", "Level", "by_operation", "compare"]


def compare(spec: str, base: dict[str, Any], head: dict[str, Any]) -> list[Change]:
    """Every difference between two versions of one spec, classified for SDK users."""
    comparison = Comparison(spec, base, head)
    document.compare_document(comparison)
    operations.compare_operations(comparison)
    document.compare_docs(comparison.scope(DOCUMENT), base, head, ())
    return comparison.changes


def by_operation(changes: Iterable[Change]) -> Iterator[tuple[str, list[Change]]]:
    """Changes grouped by operation, the document group first, in first-seen order."""
    groups: dict[str, list[Change]] = {DOCUMENT: []}
    for change in changes:
        groups.setdefault(change.operation, []).append(change)
    for name, members in groups.items():
        if members:
            yield name, members
