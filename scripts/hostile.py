"""Broken and hostile inputs that every entry point must turn into one located line.

Each input is a spec or a recording of this project with one thing made wrong, as a person
or a tool might make it: an alias bomb, runaway nesting, a `$ref` loop, a wrong encoding, a
bad version or status. `make lint`, `make generate`, `make check-generated`, `make diff`,
`make mock` and the smoke run must each answer it with `file:line:col: #/pointer: message`
and a non-zero exit, quickly, without a traceback.

Used by tests/test_hostile_inputs.py (each input through each entry point) and by
`make bench-hostile` (how long each takes, run as the real commands).
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from scripts.project import RECORDINGS_DIR, ROOT, SPECS_DIR

SPEC = SPECS_DIR / "imaginepro.yaml"  # the smaller spec; the hostile copy takes its place
RECORDING = RECORDINGS_DIR / "imaginepro" / "getAccountInfo" / "200-page-example.yaml"


@dataclass(frozen=True)
class Hostile:
    name: str
    file: Path  # the project file the hostile copy replaces
    build: Callable[[str], bytes]  # the hostile bytes, from that file's text
    expected: str  # regex of the one line expected after `file:`, e.g. r"\d+:\d+: #/x: ..."


def _replace(old: str, new: str, count: int = 1) -> Callable[[str], bytes]:
    def build(text: str) -> bytes:
        if old not in text:
            raise ValueError(f"{old!r} is no longer in the file: update scripts/hostile.py")
        return text.replace(old, new, count).encode()

    return build


def _version(new: str) -> Callable[[str], bytes]:
    """Replace info.version, whatever the spec's current version is."""

    def build(text: str) -> bytes:
        changed, found = re.subn(r"(?m)^  version: \S+$", lambda _: f"  version: {new}", text, count=1)
        if not found:
            raise ValueError("info.version is no longer where scripts/hostile.py looks for it")
        return changed.encode()

    return build


def _after_first_line(extra: str) -> Callable[[str], bytes]:
    return lambda text: text.replace("\n", "\n" + extra, 1).encode()


def _alias_bomb() -> str:
    """Nine levels of nine aliases: 9**9 (387 million) strings once expanded, 1 KB as written."""
    lines = ["x-bomb:", "  a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for previous, name in zip("abcdefgh", "bcdefghi", strict=True):
        lines.append(f"  {name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    return "\n".join(lines) + "\n"


def _schema(name: str, body: str) -> Callable[[str], bytes]:
    """Add a component schema, and make the 401 response use it so that it is reachable."""

    def build(text: str) -> bytes:
        text = _replace("  schemas:\n", f"  schemas:\n    {name}:\n{body}")(text).decode()
        return _replace('$ref: "#/components/schemas/ApiError"', f'$ref: "#/components/schemas/{name}"')(text)

    return build


def _ref_chain(length: int) -> str:
    """The body of schema S0, then S1 ... S{length}: each an object whose one field is the next."""
    links = [
        f'      type: object\n      properties: {{next: {{$ref: "#/components/schemas/S{i + 1}"}}}}\n    S{i + 1}:\n'
        for i in range(length)
    ]
    return "".join(links) + "      type: string\n"


def _encoded(encoding: str, old: str = "", new: str = "") -> Callable[[str], bytes]:
    return lambda text: text.replace(old, new, 1).encode(encoding, errors="replace") if old else text.encode(encoding)


SCHEMA_ME = r"#/components/schemas/Me"
SPEC_INPUTS = [
    Hostile(
        "alias bomb", SPEC, _after_first_line(_alias_bomb()), r"4:\d+: #/x-bomb/b/0: YAML alias \*a is not allowed"
    ),
    Hostile("recursive alias", SPEC, _after_first_line("x-loop: &r [1, *r]\n"), r"2:\d+: #/x-loop/1: YAML alias \*r"),
    Hostile(
        "5,000 levels deep",
        SPEC,
        _after_first_line("x-deep: " + "[" * 5000 + "]" * 5000 + "\n"),
        r"2:\d+: #/x-deep(/0){63}: nested deeper than 64 levels",
    ),
    Hostile(
        "a schema that is its own $ref",
        SPEC,
        _schema("Me", f'      $ref: "{SCHEMA_ME}"\n'),
        rf"\d+:\d+: {SCHEMA_ME}/\$ref: \$ref '{SCHEMA_ME}' leads back to itself through \$ref and allOf: "
        rf"{SCHEMA_ME} → {SCHEMA_ME}",
    ),
    Hostile(
        "two schemas that are each other",
        SPEC,
        _schema("Me", '      $ref: "#/components/schemas/You"\n    You:\n      $ref: "#/components/schemas/Me"\n'),
        r"\d+:\d+: #/components/schemas/Me/\$ref: \$ref '#/components/schemas/You' leads back to itself",
    ),
    Hostile(
        "a schema that is its own allOf member",
        SPEC,
        _schema("Me", f'      allOf:\n        - $ref: "{SCHEMA_ME}"\n'),
        rf"\d+:\d+: {SCHEMA_ME}/allOf/0/\$ref: \$ref '{SCHEMA_ME}' leads back to itself",
    ),
    Hostile(
        "a chain of 600 $refs",  # make diff used to recurse out of stack (400 links did not); the validator at 1,500
        SPEC,
        _schema("S0", _ref_chain(600)),
        r"\d+:\d+: #/paths/.*/\$ref: \$ref '#/components/schemas/S0' nests the document 1209 levels deep once "
        r"\$refs are followed; at most 64",
    ),
    Hostile(
        "Latin-1 byte",
        SPEC,
        _encoded("latin-1", "The ImaginePro subscription", "The ImaginéPro subscription"),
        r"\d+:\d+: #/: not UTF-8 \(byte 0xe9\); save the file as UTF-8",
    ),
    Hostile("UTF-16", SPEC, _encoded("utf-16"), r"1:1: #/: the file is UTF-16; save it as UTF-8"),
    Hostile(
        "control character",
        SPEC,
        _replace("The ImaginePro subscription", "The Imagine\x01Pro subscription"),
        r"\d+:\d+: #/: control character U\+0001 is not allowed in YAML",
    ),
    Hostile(
        "no paths",
        SPEC,
        lambda text: re.sub(r"(?ms)^paths:\n.*?(?=^components:)", "", text).encode(),
        r"1:1: #/paths: `paths` is missing",
    ),
    Hostile(
        "info.version banana",
        SPEC,
        _version("banana"),
        r"\d+:\d+: #/info/version: info.version 'banana' is not MAJOR.MINOR.PATCH",
    ),
    Hostile(
        "info.version with a quote",
        SPEC,
        _version("'2.0.0\"'"),
        r"\d+:\d+: #/info/version: info.version '2.0.0\"' is not MAJOR.MINOR.PATCH",
    ),
    Hostile(
        "info.version with a newline",
        SPEC,
        _version('"2.0.0\\n| x |"'),
        r"\d+:\d+: #/info/version: info.version '2.0.0\\n\| x \|' is not MAJOR.MINOR.PATCH",
    ),
    Hostile(
        "duplicate operationId",
        SPEC,
        _replace(
            "\ncomponents:\n",
            "  /again:\n    get:\n      operationId: getAccountInfo\n"
            "      responses:\n        '204':\n          description: Nothing.\n\ncomponents:\n",
        ),
        r"\d+:\d+: #/paths/~1again/get/operationId: operationId 'getAccountInfo' is already used at "
        r"#/paths/~1api~1v1~1subscription~1account-info/get/operationId",
    ),
]

RECORDING_INPUTS = [
    Hostile(
        "recording with a Latin-1 byte",
        RECORDING,
        _encoded("latin-1", '"type": "STARTER"', '"type": "STARTÉR"'),
        r"\d+:\d+: #/: not UTF-8 \(byte 0xc9\); save the file as UTF-8",
    ),
    Hostile(
        "recording with a control character",
        RECORDING,
        _replace('"type": "STARTER"', '"type": "START\x07ER"'),
        r"\d+:\d+: #/: control character U\+0007 is not allowed in YAML",
    ),
    Hostile(
        "recording with an alias",
        RECORDING,
        _replace("  authorized: true", "  authorized: &yes true\n  again: *yes"),
        r"\d+:\d+: #/request/again: YAML alias \*yes is not allowed",
    ),
    Hostile(
        "status: true",
        RECORDING,
        _replace("  status: 200", "  status: true"),
        r"\d+:\d+: #/response/status: field 'response.status' must be int, got True",
    ),
    Hostile(
        "status: 99999",
        RECORDING,
        _replace("  status: 200", "  status: 99999"),
        r"\d+:\d+: #/response/status: field 'response.status' must be an HTTP status from 100 to 599, got 99999",
    ),
    Hostile(
        "recording without a status",
        RECORDING,
        _replace("  status: 200\n", ""),
        r"\d+:\d+: #/response/status: missing field 'response.status'",
    ),
]


def sandbox(into: Path) -> Path:
    """A copy of what the make targets read (no environment): specs, scripts, recordings, Makefile."""
    ignore = shutil.ignore_patterns("__pycache__", ".build", ".venv", "node_modules")
    for folder in ("specs", "scripts", "changelogs", "tests/recordings"):
        shutil.copytree(ROOT / folder, into / folder, ignore=ignore)
    for file in ("Makefile", ".gitignore", ".redocly/redocly.yaml"):
        (into / file).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / file, into / file)
    return into


def plant(hostile: Hostile, root: Path) -> Path:
    """Write the hostile copy in place of its file under root; return its path."""
    target = root / hostile.file.relative_to(ROOT)
    target.write_bytes(hostile.build(hostile.file.read_text(encoding="utf-8")))
    return target
