"""A generator upgrade cannot silently drop an upstream fix inside a template we copied.

scripts/build/generator/upstream-templates.toml records, for each template we override, the
upstream file it was made from and that file's SHA-256 under the pinned generator. When the
installed generator's file differs, the test names it and says how to carry our edits over.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import tomllib
from pathlib import Path
from typing import Any

import openapi_python_client
import pytest

from scripts.build.generate import TEMPLATE_DIR

MANIFEST = TEMPLATE_DIR.parent / "upstream-templates.toml"
UPSTREAM_DIR = Path(openapi_python_client.__file__).parent / "templates"


def _manifest() -> dict[str, Any]:
    with MANIFEST.open("rb") as file:
        return tomllib.load(file)


def drifted(manifest: dict[str, Any], upstream_dir: Path, installed_version: str) -> list[str]:
    """One message per upstream template that is not the one our override was made from."""
    problems = []
    if installed_version != manifest["version"]:
        problems.append(
            f"openapi-python-client is {installed_version}, the templates were checked against "
            f"{manifest['version']}: follow CONTRIBUTING.md, 'Upgrading openapi-python-client', "
            f"then set `version` in {MANIFEST.name}"
        )
    for entry in manifest["template"]:
        if entry["how"] == "own":
            continue
        upstream = upstream_dir / entry["upstream"]
        found = hashlib.sha256(upstream.read_bytes()).hexdigest() if upstream.exists() else "(file gone)"
        if found == entry["sha256"]:
            continue
        action = {
            "copy": f"apply upstream's change to our copy, keeping our edits (listed in its header: {entry['what']})",
            "rewrite": f"read upstream's change and adopt what applies to our own version ({entry['what']})",
            "macro": f"carry upstream's change into the copied macro ({entry['what']})",
        }[entry["how"]]
        problems.append(
            f"templates/{entry['upstream']} changed upstream since {manifest['version']} "
            f"(sha256 {entry['sha256'][:12]}…, now {found[:12]}…): scripts/build/generator/templates/{entry['ours']} "
            f"was made from the old one; diff the two upstream versions, {action}, "
            f"then record the new sha256 in {MANIFEST.name}"
        )
    return problems


def test_every_overridden_template_is_in_the_manifest() -> None:
    ours = {path.relative_to(TEMPLATE_DIR).as_posix() for path in TEMPLATE_DIR.rglob("*.jinja")}
    listed = {entry["ours"] for entry in _manifest()["template"]}
    assert ours == listed, f"add or remove entries in {MANIFEST.name}: {sorted(ours ^ listed)}"
    for entry in _manifest()["template"]:
        assert entry["how"] in ("copy", "rewrite", "macro", "own"), entry
        assert ("upstream" in entry) == (entry["how"] != "own"), entry


def test_the_installed_generator_templates_are_the_ones_ours_were_made_from() -> None:
    installed = importlib.metadata.version("openapi-python-client")
    assert drifted(_manifest(), UPSTREAM_DIR, installed) == []


def test_the_copied_macro_is_still_imported_from_upstream_beside_it() -> None:
    # endpoint_module.py.jinja defines its own parse_response and imports the other macros.
    ours = (TEMPLATE_DIR / "endpoint_module.py.jinja").read_text(encoding="utf-8")
    upstream = (UPSTREAM_DIR / "endpoint_macros.py.jinja").read_text(encoding="utf-8")
    assert "{% macro parse_response(" in ours
    assert '{% from "endpoint_macros.py.jinja" import' in ours
    assert "macro parse_response(" in upstream


def test_a_changed_upstream_template_is_named_with_what_to_do(tmp_path: Path) -> None:
    upstream = tmp_path / "templates"
    upstream.mkdir()
    for entry in _manifest()["template"]:
        if entry["how"] == "own":
            continue
        (upstream / entry["upstream"]).parent.mkdir(exist_ok=True)
        (upstream / entry["upstream"]).write_bytes((UPSTREAM_DIR / entry["upstream"]).read_bytes())
    with (upstream / "model.py.jinja").open("a", encoding="utf-8") as file:
        file.write("{# an upstream fix #}\n")
    (upstream / "endpoint_macros.py.jinja").unlink()

    problems = drifted(_manifest(), upstream, "0.30.0")

    assert len(problems) == 3
    assert problems[0].startswith("openapi-python-client is 0.30.0, the templates were checked against 0.29.1")
    assert problems[1].startswith("templates/endpoint_macros.py.jinja changed upstream since 0.29.1")
    assert "now (file gone)" in problems[1] and "carry upstream's change into the copied macro" in problems[1]
    assert problems[2].startswith("templates/model.py.jinja changed upstream since 0.29.1 (sha256 fd1c79680d51…")
    assert "scripts/build/generator/templates/model.py.jinja was made from the old one" in problems[2]
    assert "keeping our edits" in problems[2]


@pytest.mark.parametrize("entry", _manifest()["template"], ids=lambda e: f"{e['ours']}<-{e.get('upstream', 'own')}")
def test_each_difference_from_upstream_is_one_line_saying_why(entry: dict[str, Any]) -> None:
    assert entry["why"], f"{MANIFEST.name}: {entry['ours']} lists no `why`"
    for line in entry["why"]:
        assert "\n" not in line and 20 <= len(line) <= 150, f"{MANIFEST.name}, {entry['ours']}: {line!r}"
    # The template points here instead of keeping a second list that would drift from this one.
    header = (TEMPLATE_DIR / entry["ours"]).read_text(encoding="utf-8").split("-#}", 1)[0]
    assert header.count("\n") == 0 and MANIFEST.name in header, entry["ours"]
    opening = "{#- Not an upstream template" if entry["how"] == "own" else f"{{#- Overrides upstream {entry['ours']}"
    assert header.startswith(opening), entry["ours"]
