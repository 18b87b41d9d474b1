"""Load and check the OpenAPI documents in specs/.

Every problem is reported as `file:line:column: place: message`, so a broken spec points
at the line to fix. Checks, in order:
  1. the file is YAML, with no duplicate keys (PyYAML would silently keep the last one);
  2. every `$ref` is local and resolves (openapi-python-client drops a path item whose
     `$ref` points at another file without a word, so external refs are refused outright);
  3. the document is valid OpenAPI 3.1 (openapi-spec-validator).

Run as `python -m scripts.specs [SPEC ...]` to check specs from the command line.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
SPECS_DIR = ROOT / "specs"

Location = tuple[str | int, ...]


class SpecError(Exception):
    """One or more problems in a spec file, each naming its file, line and place."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


@dataclass(frozen=True)
class Spec:
    path: Path
    document: dict[str, Any]
    lines: dict[Location, tuple[int, int]]

    @property
    def name(self) -> str:
        return self.path.stem

    def where(self, location: Location) -> str:
        """`file:line:col: #/json/pointer` for a place in the document (nearest known parent)."""
        probe = tuple(location)
        while probe not in self.lines and probe:
            probe = probe[:-1]
        line, column = self.lines.get(probe, (1, 1))
        return f"{display(self.path)}:{line}:{column}: {json_pointer(location)}"

    def operations(self) -> Iterator[tuple[str, str, dict[str, Any]]]:
        return operations(self.document)


HTTP_METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def operations(document: dict[str, Any]) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(path, method, operation) for every operation, in document order."""
    for path, item in document.get("paths", {}).items():
        for method, operation in item.items():
            if method in HTTP_METHODS:
                yield path, method, operation


def json_pointer(location: Location) -> str:
    parts = (str(p).replace("~", "~0").replace("/", "~1") for p in location)
    return "#/" + "/".join(parts)


def display(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(ROOT))
    except ValueError:
        return str(path)


def _map_lines(node: yaml.Node, location: Location, lines: dict[Location, tuple[int, int]]) -> list[str]:
    """Record where each value starts; return duplicate-key problems found on the way."""
    problems: list[str] = []
    lines[location] = (node.start_mark.line + 1, node.start_mark.column + 1)
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                mark = key_node.start_mark
                problems.append(
                    f"{{file}}:{mark.line + 1}:{mark.column + 1}: {json_pointer((*location, key))}: "
                    f"duplicate key {key!r}"
                )
            seen.add(key)
            problems += _map_lines(value_node, (*location, key), lines)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            problems += _map_lines(item, (*location, index), lines)
    return problems


def _walk(value: Any, location: Location = ()) -> Iterator[tuple[Location, Any]]:
    yield location, value
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _walk(child, (*location, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _walk(child, (*location, index))


def _resolve_pointer(document: Any, pointer: str) -> bool:
    target = document
    for raw in pointer.lstrip("#").split("/")[1:]:
        part = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(target, dict) and part in target:
            target = target[part]
        elif isinstance(target, list) and part.isdigit() and int(part) < len(target):
            target = target[int(part)]
        else:
            return False
    return True


def _ref_problems(spec: Spec) -> list[str]:
    problems = []
    for location, value in _walk(spec.document):
        if not (isinstance(value, dict) and isinstance(value.get("$ref"), str)):
            continue
        ref = value["$ref"]
        place = spec.where((*location, "$ref"))
        if not ref.startswith("#"):
            problems.append(
                f"{place}: external $ref {ref!r} is not supported: openapi-python-client "
                "silently drops what it points at; move the target into this file"
            )
        elif not _resolve_pointer(spec.document, ref):
            problems.append(f"{place}: $ref {ref!r} does not resolve to anything in this file")
    return problems


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
        for location, value in _walk(document)
        if location[len(location) - len(path) :] == path and value == instance
    ]
    return path if path in candidates or not candidates else candidates[0]


def load(path: Path) -> Spec:
    """Parse a spec, keeping line numbers; raise SpecError naming file, line and place."""
    text = path.read_text(encoding="utf-8")
    shown = display(path)
    try:
        root = yaml.compose(text, Loader=yaml.CSafeLoader)
        document = yaml.load(text, Loader=yaml.CSafeLoader)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else shown
        raise SpecError([f"{where}: invalid YAML: {error.problem or error.context}"]) from None
    if not isinstance(document, dict) or root is None:
        raise SpecError([f"{shown}:1:1: #/: an OpenAPI document must be a YAML mapping"])
    lines: dict[Location, tuple[int, int]] = {}
    duplicates = [p.format(file=shown) for p in _map_lines(root, (), lines)]
    if duplicates:
        raise SpecError(duplicates)
    return Spec(path=path, document=document, lines=lines)


def check(path: Path) -> Spec:
    """Load a spec and run every check; raise SpecError listing all problems found."""
    spec = load(path)
    problems = _ref_problems(spec)
    if not problems:  # the validator chokes on dangling refs; report them alone first
        problems = _schema_problems(spec)
    if problems:
        raise SpecError(problems)
    return spec


def spec_paths() -> list[Path]:
    return sorted(SPECS_DIR.glob("*.yaml"))


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
