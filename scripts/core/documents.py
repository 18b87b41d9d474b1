"""Read YAML files that may be hostile, and name places in what they hold.

`read()` is the one way the tooling reads a spec or a recording. Whatever the file holds, it
returns the data with the line and column of every value, or raises `DocumentError` with one
`file:line:column: #/json/pointer: message` line per problem, quickly and in bounded memory:
  - the bytes must be UTF-8 (a UTF-16 file or a stray Latin-1 byte is named at its line);
  - no control characters (YAML forbids them; PyYAML's own error names no file);
  - no duplicate keys (PyYAML would silently keep the last one);
  - no aliases (`*name`): they are refused outright rather than expanded under a cap. A
    spec reuses through `$ref`, which every OpenAPI tool understands and which keeps the
    document a tree; no spec or recording needs an alias; and an alias is what makes a
    small file expand to gigabytes (nine levels of nine aliases) or into itself (`&r [*r]`).
    Refusing them keeps every later walk linear in the size of the file;
  - at most MAX_DEPTH levels of nesting, so that no walk over the data (ours, the
    validator's, the generator's) can run out of stack.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.core.paths import display

Location = tuple[str | int, ...]
MAX_DEPTH = 64  # the specs nest about 15 levels deep
# What YAML 1.1 refuses in a stream (PyYAML's Reader.NON_PRINTABLE), tab and newlines aside.
_NON_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


class DocumentError(Exception):
    """One or more problems in a file, each on one line naming its file, line and place."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        super().__init__("\n".join(self.problems))


def json_pointer(location: Location) -> str:
    """`#/paths/~1v2~1account/get` for ("paths", "/v2/account", "get")."""
    parts = (str(p).replace("~", "~0").replace("/", "~1") for p in location)
    return "#/" + "/".join(parts)


def json_path(location: Location) -> str:
    """`$.credits.total`, `$.accounts["MiniMax API"]`, `$.models[1]`: how the SDK names a value."""
    path = "$"
    for step in location:
        if isinstance(step, int):
            path += f"[{step}]"
        elif step.isidentifier():
            path += f".{step}"
        else:
            path += f"[{json.dumps(step)}]"
    return path


@dataclass(frozen=True)
class Document:
    path: Path
    data: Any
    lines: dict[Location, tuple[int, int]]
    shown: str  # the file name used in messages

    def where(self, location: Location) -> str:
        """`file:line:col: #/json/pointer` for a place in the data (line of its nearest known parent)."""
        probe = tuple(location)
        while probe not in self.lines and probe:
            probe = probe[:-1]
        line, column = self.lines.get(probe, (1, 1))
        return f"{self.shown}:{line}:{column}: {json_pointer(location)}"


def _position(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def _decode(raw: bytes, shown: str) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")) or (len(raw) > 1 and b"\x00" in raw[:2]):
        raise DocumentError([f"{shown}:1:1: #/: the file is UTF-16; save it as UTF-8"])
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _position(raw[: error.start].decode("utf-8", "replace"), error.start)
        byte = raw[error.start : error.start + 1].hex()
        raise DocumentError(
            [f"{shown}:{line}:{column}: #/: not UTF-8 (byte 0x{byte}); save the file as UTF-8"]
        ) from None
    text = text.removeprefix("\ufeff")
    bad = _NON_PRINTABLE.search(text)
    if bad:
        line, column = _position(text, bad.start())
        raise DocumentError(
            [f"{shown}:{line}:{column}: #/: control character U+{ord(bad.group()):04X} is not allowed in YAML"]
        )
    return text


def _located(shown: str, mark: Any, location: Location, message: str) -> str:
    return f"{shown}:{mark.line + 1}:{mark.column + 1}: {json_pointer(location)}: {message}"


def _check_events(text: str, shown: str) -> None:
    """Refuse aliases and runaway nesting from the event stream, before anything is built."""
    # One frame per open collection: [is a mapping, current key or index, waiting for a key].
    frames: list[list[Any]] = []
    try:
        for event in yaml.parse(text, Loader=yaml.CSafeLoader):
            if frames and frames[-1][0] and frames[-1][2]:  # this event is a mapping's key
                frames[-1][1:] = [getattr(event, "value", "?"), False]
                if isinstance(event, yaml.ScalarEvent):
                    continue
            location = tuple(frame[1] for frame in frames)
            if isinstance(event, yaml.AliasEvent):
                message = f"YAML alias *{event.anchor} is not allowed: write the value out (a spec reuses through $ref)"
                raise DocumentError([_located(shown, event.start_mark, location, message)])
            if isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                if len(frames) >= MAX_DEPTH:
                    message = f"nested deeper than {MAX_DEPTH} levels"
                    raise DocumentError([_located(shown, event.start_mark, location, message)])
                is_mapping = isinstance(event, yaml.MappingStartEvent)
                frames.append([is_mapping, None if is_mapping else 0, is_mapping])
                continue
            if isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                frames.pop()
            elif not isinstance(event, yaml.ScalarEvent):
                continue  # stream and document events
            if frames:  # a value is complete: a mapping waits for its next key, a sequence moves on
                if frames[-1][0]:
                    frames[-1][2] = True
                else:
                    frames[-1][1] += 1
    except yaml.MarkedYAMLError:
        return  # composing reports it, with its place


def _map_lines(root: yaml.Node, shown: str) -> tuple[dict[Location, tuple[int, int]], list[str]]:
    """Where each value starts, and the duplicate keys found; iterative, as nodes form a tree here."""
    lines: dict[Location, tuple[int, int]] = {}
    duplicates: list[tuple[Any, Location]] = []  # (the key's mark, its location)
    stack: list[tuple[yaml.Node, Location]] = [(root, ())]
    while stack:
        node, location = stack.pop()
        lines[location] = (node.start_mark.line + 1, node.start_mark.column + 1)
        if isinstance(node, yaml.MappingNode):
            seen: set[str] = set()
            for key_node, value_node in node.value:
                key = key_node.value
                if key in seen:
                    duplicates.append((key_node.start_mark, (*location, key)))
                seen.add(key)
                stack.append((value_node, (*location, key)))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend((item, (*location, index)) for index, item in enumerate(node.value))
    duplicates.sort(key=lambda found: found[0].index)  # in file order
    return lines, [_located(shown, mark, where, f"duplicate key {where[-1]!r}") for mark, where in duplicates]


def read(path: Path, raw: bytes | None = None, shown: str | None = None) -> Document:
    """Parse a YAML file (or raw, its bytes from elsewhere, e.g. git) into a located Document."""
    shown = shown or display(path)
    try:
        raw = path.read_bytes() if raw is None else raw
    except OSError as error:
        raise DocumentError([f"{shown}: cannot be read: {error.strerror}"]) from None
    text = _decode(raw, shown)
    _check_events(text, shown)
    try:
        loader = yaml.CSafeLoader(text)
        try:
            root = loader.get_single_node()
            data = loader.construct_document(root) if root is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        where = f"{shown}:{mark.line + 1}:{mark.column + 1}" if mark else f"{shown}:1:1"
        raise DocumentError([f"{where}: #/: invalid YAML: {error.problem or error.context}"]) from None
    except yaml.YAMLError as error:  # a reader or emitter error without a mark
        raise DocumentError([f"{shown}:1:1: #/: invalid YAML: {error}"]) from None
    lines: dict[Location, tuple[int, int]] = {}
    if root is not None:
        lines, duplicates = _map_lines(root, shown)
        if duplicates:
            raise DocumentError(duplicates)
    return Document(path, data, lines, shown)


def walk(value: Any, location: Location = ()) -> Iterator[tuple[Location, Any]]:
    """Every (location, value) below value, itself first, depth first in document order."""
    stack: list[tuple[Location, Any]] = [(location, value)]
    while stack:
        here, node = stack.pop()
        yield here, node
        if isinstance(node, dict):
            stack.extend(reversed([((*here, key), child) for key, child in node.items()]))
        elif isinstance(node, list):
            stack.extend(reversed([((*here, index), child) for index, child in enumerate(node)]))
