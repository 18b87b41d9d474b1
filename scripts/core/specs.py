"""Load and check the OpenAPI documents in specs/.

Every problem is reported as `file:line:column: #/json/pointer: message`, so a broken spec
points at the line to fix. Checks, in order:
  1. the file is safe, well-formed YAML (scripts.core.documents: UTF-8, no control characters, no
     duplicate keys, no aliases, bounded nesting) holding a mapping;
  2. the document's own structure: `paths` is there, `info.version` is MAJOR.MINOR.PATCH
     (it becomes the package version), every operation has an operationId and no two share
     one, every `$ref` is local, resolves and does not lead back to itself
     (openapi-python-client drops a path item whose `$ref` points at another file without
     a word, so external refs are refused outright);
  3. the document is valid OpenAPI 3.1 (openapi-spec-validator).

Run as `python -m scripts.core.specs [SPEC ...]` to check specs from the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from scripts.core import documents, openapi, paths, semver
from scripts.core.documents import Location
from scripts.core.paths import display

__all__ = ["Spec", "SpecError", "check", "load", "spec_paths"]


class SpecError(documents.DocumentError):
    """One or more problems in a spec file, each naming its file, line and place."""


@dataclass(frozen=True)
class Spec:
    path: Path
    document: dict[str, Any]
    located: documents.Document

    @property
    def name(self) -> str:
        return self.path.stem

    def where(self, location: Location) -> str:
        """`file:line:col: #/json/pointer` for a place in the document (nearest known parent)."""
        return self.located.where(location)

    def operations(self) -> Iterator[openapi.Operation]:
        return openapi.operations(self.document)


def load(path: Path, raw: bytes | None = None, shown: str | None = None) -> Spec:
    """Parse a spec (raw: its bytes from elsewhere), keeping places; raise SpecError naming them."""
    try:
        located = documents.read(path, raw, shown)
    except documents.DocumentError as error:
        raise SpecError(error.problems) from None
    if not isinstance(located.data, dict):
        raise SpecError([f"{located.shown}:1:1: #/: an OpenAPI document must be a YAML mapping"])
    return Spec(path=path, document=located.data, located=located)


def _structure_problems(spec: Spec) -> list[str]:
    problems = []
    paths = spec.document.get("paths")
    if not isinstance(paths, dict):
        what = "is missing" if paths is None else "must be a mapping"
        problems.append(f"{spec.where(('paths',))}: `paths` {what}: openapi-python-client needs it")
    version = (spec.document.get("info") or {}).get("version") if isinstance(spec.document.get("info"), dict) else None
    try:
        semver.parse_version(version)
    except ValueError:
        problems.append(
            f"{spec.where(('info', 'version'))}: info.version {version!r} is not MAJOR.MINOR.PATCH "
            "(e.g. 1.4.2): it becomes the package version, and make diff judges bumps by it"
        )
    first_seen: dict[str, Location] = {}
    for operation in spec.operations():
        operation_id = operation.node.get("operationId")
        if not isinstance(operation_id, str) or not operation_id:
            problems.append(f"{spec.where(operation.location)}: operation has no operationId")
        elif operation_id in first_seen:
            first = documents.json_pointer(first_seen[operation_id])
            problems.append(
                f"{spec.where((*operation.location, 'operationId'))}: operationId {operation_id!r} is already "
                f"used at {first}: each names a generated module"
            )
        else:
            first_seen[operation_id] = (*operation.location, "operationId")
    return problems + _unsupported_problems(spec) + _ref_problems(spec) + _depth_problems(spec)


def _unsupported_problems(spec: Spec) -> list[str]:
    """What openapi-python-client accepts without a word but sends wrongly: a deepObject query
    parameter goes out form style (`a=1`, not `filter[a]=1`)."""
    problems = []
    for operation in spec.operations():
        for owner, location in ((operation.path_item, ("paths", operation.path)), (operation.node, operation.location)):
            parameters = owner.get("parameters")
            for index, parameter in enumerate(parameters if isinstance(parameters, list) else []):
                if isinstance(parameter, dict) and parameter.get("style") == "deepObject":
                    problems.append(
                        f"{spec.where((*location, 'parameters', index, 'style'))}: style deepObject is not supported: "
                        "openapi-python-client would send the parameter form style (a=1, not name[a]=1)"
                    )
    return sorted(set(problems))


def _ref_problems(spec: Spec) -> list[str]:
    problems = []
    loops_seen: set[frozenset[str]] = set()
    loop_free: set[str] = set()
    for location, value in documents.walk(spec.document):
        if not (isinstance(value, dict) and isinstance(value.get("$ref"), str)):
            continue
        ref = value["$ref"]
        place = spec.where((*location, "$ref"))
        if not ref.startswith("#"):
            problems.append(
                f"{place}: external $ref {ref!r} is not supported: openapi-python-client "
                "silently drops what it points at; move the target into this file"
            )
        elif openapi.lookup(spec.document, ref) is None:
            problems.append(f"{place}: $ref {ref!r} does not resolve to anything in this file")
        else:
            loop = openapi.ref_loop(spec.document, value, loop_free)
            # One line per loop, at its first $ref inside the loop (not at each $ref leading into it).
            if loop and frozenset(loop) not in loops_seen and _inside(spec.document, location, loop):
                loops_seen.add(frozenset(loop))
                problems.append(
                    f"{place}: $ref {ref!r} leads back to itself through $ref and allOf: {' → '.join(loop)}"
                )
    return problems


def _depth_problems(spec: Spec) -> list[str]:
    """The first `$ref` past which the document nests deeper than documents.MAX_DEPTH levels.

    A chain of $refs nests as deep as the schemas it names, inlined: every tool that walks
    the schemas (the validator, the generator, make diff) recurses that deep.
    """
    depth = openapi.depth_through_refs(spec.document)
    for location, value in documents.walk(spec.document):
        if openapi.is_local_ref(value) and len(location) + depth.get(value["$ref"], 0) > documents.MAX_DEPTH:
            total = len(location) + depth[value["$ref"]]
            return [
                f"{spec.where((*location, '$ref'))}: $ref {value['$ref']!r} nests the document {total} levels deep "
                f"once $refs are followed; at most {documents.MAX_DEPTH}"
            ]
    return []


def _inside(document: Any, location: Location, refs: list[str]) -> bool:
    targets = [found[1] for found in (openapi.lookup(document, ref) for ref in refs) if found]
    return any(location[: len(target)] == target for target in targets)


def _schema_problems(spec: Spec) -> list[str]:
    from openapi_spec_validator import OpenAPIV31SpecValidator  # slow import: only when needed

    validator = OpenAPIV31SpecValidator(spec.document, base_uri=spec.path.resolve().as_uri())
    problems = []
    for error in validator.iter_errors():
        location = _locate(spec.document, tuple(error.absolute_path), error.instance)
        message = str(error.message).splitlines()[0]
        problems.append(f"{spec.where(location)}: {message}")
    return problems


def _locate(document: Any, path: Location, instance: Any) -> Location:
    """Where in the document an error lies.

    openapi-spec-validator checks each schema object on its own, so an error's path can be
    relative to that schema object: find the place that ends with that path and holds the
    offending value.
    """
    candidates = [
        location
        for location, value in documents.walk(document)
        if location[len(location) - len(path) :] == path and value == instance
    ]
    return path if path in candidates or not candidates else candidates[0]


def check(path: Path, validate: bool = True, raw: bytes | None = None, shown: str | None = None) -> Spec:
    """Load a spec and run every check (validate=False: all but openapi-spec-validator's).

    raw, shown: the spec's bytes and name when it comes from elsewhere (a git commit).
    Raises SpecError listing every problem found.
    """
    spec = load(path, raw, shown)
    problems = _structure_problems(spec)
    if not problems and validate:  # the validator chokes on dangling and looping refs: those come alone
        problems = _schema_problems(spec)
    if problems:
        raise SpecError(problems)
    return spec


def spec_paths() -> list[Path]:
    return sorted(paths.SPECS_DIR.glob("*.yaml"))


def main(argv: Sequence[str]) -> int:
    paths = [Path(a) for a in argv] or spec_paths()
    failed = False
    for path in paths:
        try:
            spec = check(path)
        except SpecError as error:
            failed = True
            print(error, file=sys.stderr)
        else:
            print(f"{display(path)}: valid OpenAPI {spec.document['openapi']}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
