"""Each SDK package's version is its spec's info.version, and its changelog says so."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from scripts.build import generate
from scripts.core import semver, specs
from scripts.core.paths import ROOT
from scripts.core.targets import Target, targets
from scripts.review import changelog, report, spec_diff

TARGETS = targets()


def _info_version(target: Target) -> str:
    return str(specs.load(target.spec_path).document["info"]["version"])


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_package_version_is_the_spec_info_version(target: Target) -> None:
    with (target.output_dir / "pyproject.toml").open("rb") as file:
        assert tomllib.load(file)["project"]["version"] == _info_version(target)
    semver.parse_version(_info_version(target))  # MAJOR.MINOR.PATCH, so bumps can be judged


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_uv_lock_records_the_same_version(target: Target) -> None:
    with (ROOT / "uv.lock").open("rb") as file:
        packages = {p["name"]: p for p in tomllib.load(file)["package"]}
    assert packages[target.project_name]["version"] == _info_version(target)


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_changelog_ships_in_the_package_and_leads_with_the_version(target: Target) -> None:
    source = target.changelog
    assert (target.output_dir / "CHANGELOG.md").read_bytes() == source.read_bytes()
    newest = next(line for line in source.read_text(encoding="utf-8").splitlines() if line.startswith("## "))
    assert newest.split()[1] == _info_version(target)


def test_the_package_version_is_written_from_the_spec_whatever_the_generator_wrote(tmp_path: Path) -> None:
    target = TARGETS[0]
    spec = specs.load(target.spec_path)
    project = tmp_path / target.project_name
    project.mkdir()
    (project / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "0.9.0"\ndescription = "d"\n')
    generate.write_project_files(target, spec, project)
    with (project / "pyproject.toml").open("rb") as file:
        assert tomllib.load(file)["project"]["version"] == _info_version(target)


def _report(state_versions: tuple[str | None, str], changes: list[spec_diff.Change]) -> report.SpecReport:
    return report.SpecReport("things", state_versions[0], state_versions[1], changes)


def test_changelog_entry_lists_changes_by_level(tmp_path: Path) -> None:
    import datetime

    changes = [
        spec_diff.Change(
            "things", "GET /a (getA)", "field-removed", spec_diff.Level.BREAKING, "#/x", "field `x` removed"
        ),
        spec_diff.Change(
            "things", "GET /a (getA)", "docs-changed", spec_diff.Level.DOCS, "#/y", "`description` changed"
        ),
    ]
    text = changelog.entry(_report(("1.0.0", "2.0.0"), changes), datetime.date(2026, 1, 2))
    assert text == (
        "## 2.0.0 (2026-01-02)\n\n"
        "### Breaking\n\n- `GET /a (getA)`: field `x` removed (`#/x`)\n\n"
        "### Documentation\n\n- `GET /a (getA)`: `description` changed (`#/y`)\n"  # one blank line between blocks
    )
    path = tmp_path / "things.md"
    path.write_text("# Changelog\n\nPreamble.\n\n## 1.0.0\n\nFirst version.\n")
    assert changelog.add_entry(path, "Changelog", text, "2.0.0")
    assert not changelog.add_entry(path, "Changelog", text, "2.0.0")
    assert path.read_text() == f"# Changelog\n\nPreamble.\n\n{text}\n## 1.0.0\n\nFirst version.\n"
