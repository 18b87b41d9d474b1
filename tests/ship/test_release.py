"""python -m scripts.ship.release: a tag is released only at the version its spec, its generated
pyproject.toml and its changelog all say; the notes are that changelog entry; the files are that
package's wheel and sdist alone; and the Python list is package.toml's."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.build import package_metadata
from scripts.core import paths, specs
from scripts.core.paths import ROOT
from scripts.core.targets import Target, targets
from scripts.review import changelog
from scripts.ship import release

CHANGELOG = """# Changelog: things

Preamble that is no entry.

## 1.2.0 (2026-03-04)

### Added and compatible

- `GET /a (getA)`: field `b` added (`#/b`)

## 1.1.0 (2026-01-02)

No contract changes.

## 1.0.0

First version.
"""


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    spec = tmp_path / "things.yaml"
    spec.write_text("openapi: 3.1.0\ninfo:\n  title: Things\n  version: 1.2.0\npaths: {}\n", encoding="utf-8")
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text('[project]\nname = "things-client"\nversion = "1.2.0"\n', encoding="utf-8")
    log = tmp_path / "things.md"
    log.write_text(CHANGELOG, encoding="utf-8")
    return {"spec": spec, "pyproject": pyproject, "changelog": log}


def _problems(version: str, files: dict[str, Path]) -> list[str]:
    return release.release_problems(version, files["spec"], files["pyproject"], files["changelog"])


# --- the tag ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "project", "version"),
    [
        ("useapi-client-v3.1.0", "useapi-client", "3.1.0"),
        ("imaginepro-client-v10.0.12", "imaginepro-client", "10.0.12"),
        ("a-v-client-v0.1.0", "a-v-client", "0.1.0"),  # the last -v splits
    ],
)
def test_a_tag_is_the_project_and_the_version(text: str, project: str, version: str) -> None:
    assert release.parse_tag(text) == release.Tag(project, version)


@pytest.mark.parametrize(
    "text",
    ["useapi-client-3.1.0", "useapi-client-v3.1", "useapi-client-v3.1.0-rc1", "useapi-client-v03.1.0", "v3.1.0", ""],
)
def test_a_tag_of_another_shape_is_refused_in_one_line(text: str) -> None:
    with pytest.raises(release.ReleaseError) as error:
        release.parse_tag(text)
    assert str(error.value) == (f"tag {text!r} is not <project>-v<MAJOR.MINOR.PATCH>, e.g. {release.TAG_EXAMPLE}")


def test_a_tag_naming_no_generated_package_lists_the_ones_there_are() -> None:
    with pytest.raises(release.ReleaseError) as error:
        release.target(release.parse_tag("useapi-v3.0.0"))  # the spec's name, not the project's
    known = ", ".join(sorted(t.project_name for t in targets()))
    assert str(error.value) == f"tag 'useapi-v3.0.0': useapi is not a generated package (generated/: {known})"


# --- verify on literal files -----------------------------------------------------------------


def test_a_version_every_file_agrees_on_is_releasable(files: dict[str, Path]) -> None:
    assert _problems("1.2.0", files) == []


def test_each_file_that_disagrees_is_named_on_its_own_line(files: dict[str, Path]) -> None:
    assert _problems("1.3.0", files) == [
        f"{files['spec']}:4:12: #/info/version: info.version is 1.2.0, the tag says 1.3.0",
        f"{files['pyproject']}: project.version is 1.2.0, the tag says 1.3.0",
        f"{files['changelog']}: no entry for 1.3.0 (a `## 1.3.0 (date)` heading; make changelog)",
    ]


def test_an_older_version_with_an_entry_is_still_not_the_current_one(files: dict[str, Path]) -> None:
    problems = _problems("1.1.0", files)
    assert [problem.split(":")[0] for problem in problems] == [str(files["spec"]), str(files["pyproject"])]


def test_a_generated_package_left_behind_its_spec_is_named(files: dict[str, Path]) -> None:
    files["pyproject"].write_text('[project]\nname = "things-client"\nversion = "1.1.0"\n', encoding="utf-8")
    assert _problems("1.2.0", files) == [f"{files['pyproject']}: project.version is 1.1.0, the tag says 1.2.0"]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (None, "missing (make generate writes it)"),
        ("[project\n", "not valid TOML: "),
        ('[project]\nname = "things-client"\n', "no project.version"),
        ('name = "things-client"\n', "no project.version"),
    ],
)
def test_a_pyproject_without_a_version_is_named(files: dict[str, Path], text: str | None, problem: str) -> None:
    if text is None:
        files["pyproject"].unlink()
    else:
        files["pyproject"].write_text(text, encoding="utf-8")
    (line,) = _problems("1.2.0", files)
    assert line.startswith(f"{files['pyproject']}: {problem}")
    assert "\n" not in line


def test_a_spec_without_a_version_or_broken_is_named(files: dict[str, Path]) -> None:
    files["spec"].write_text("openapi: 3.1.0\ninfo:\n  title: Things\npaths: {}\n", encoding="utf-8")
    assert _problems("1.2.0", files) == [f"{files['spec']}:3:3: #/info/version: no info.version"]
    files["spec"].write_text("openapi: 3.1.0\ninfo: [\n", encoding="utf-8")
    (problem,) = _problems("1.2.0", files)
    assert problem.startswith(f"{files['spec']}:")


def test_a_missing_or_empty_changelog_entry_is_named(files: dict[str, Path]) -> None:
    files["changelog"].write_text("# Changelog\n\n## 1.2.0 (2026-03-04)\n\n\n## 1.1.0\n\nOld.\n", encoding="utf-8")
    assert _problems("1.2.0", files) == [f"{files['changelog']}: the entry for 1.2.0 is empty"]
    files["changelog"].unlink()
    assert _problems("1.2.0", files) == [f"{files['changelog']}: missing"]


def test_a_changelog_listing_versions_never_released_is_refused(files: dict[str, Path]) -> None:
    """1.1.0 was never released (the release before 1.2.0 is 1.0.0): a phantom from an under-bump."""
    assert release.phantom_problems("1.2.0", "1.0.0", files["changelog"]) == [
        f"{paths.display(files['changelog'])}: lists 1.1.0, which was never released (the release before 1.2.0 "
        "is 1.0.0): fold its entry into 1.2.0's (make changelog does)"
    ]
    assert release.phantom_problems("1.2.0", "1.1.0", files["changelog"]) == []
    assert release.phantom_problems("1.1.0", "1.0.0", files["changelog"]) == [
        f"{paths.display(files['changelog'])}: lists 1.2.0, which was never released (the release before 1.1.0 "
        "is 1.0.0): fold its entry into 1.1.0's (make changelog does)"
    ]


def test_the_previous_release_is_the_newest_tag_below_else_the_version_before_in_history() -> None:
    found = targets()[0]
    version = str(specs.load(found.spec_path).document["info"]["version"])
    previous = release.previous_release(found.project_name, found.name, version)
    assert previous is not None
    assert previous != version
    assert release.phantom_problems(version, previous, found.changelog) == []  # the real changelog has none


# --- the changelog entry ---------------------------------------------------------------------


def test_the_notes_are_the_entry_under_its_heading_up_to_the_next() -> None:
    assert changelog.entry_body(CHANGELOG, "1.2.0") == (
        "### Added and compatible\n\n- `GET /a (getA)`: field `b` added (`#/b`)"
    )
    assert changelog.entry_body(CHANGELOG, "1.1.0") == "No contract changes."
    assert changelog.entry_body(CHANGELOG, "1.0.0") == "First version."  # no date, the last entry
    assert changelog.entry_body(CHANGELOG, "1.0") is None  # a version is matched whole
    assert changelog.entry_body(CHANGELOG, "2.0.0") is None


def test_notes_prints_the_current_entry_of_a_real_changelog(capsys: pytest.CaptureFixture[str]) -> None:
    found = targets()[0]
    version = str(specs.load(found.spec_path).document["info"]["version"])
    assert release.main(["notes", f"{found.project_name}-v{version}"]) == 0
    expected = changelog.entry_body(found.changelog.read_text(encoding="utf-8"), version)
    assert expected
    assert capsys.readouterr().out == expected + "\n"


# --- verify on this repository ---------------------------------------------------------------


@pytest.mark.parametrize("found", targets(), ids=lambda t: t.name)
def test_each_package_is_releasable_at_its_current_version(found: Target) -> None:
    version = str(specs.load(found.spec_path).document["info"]["version"])
    assert release.verify(f"{found.project_name}-v{version}") == []


def test_verify_of_a_version_not_yet_bumped_names_the_spec_the_package_and_the_changelog(
    capsys: pytest.CaptureFixture[str],
) -> None:
    found = targets()[0]
    major = int(str(specs.load(found.spec_path).document["info"]["version"]).split(".")[0])
    assert release.main(["verify", f"{found.project_name}-v{major + 1}.0.0"]) == 1
    lines = capsys.readouterr().err.splitlines()
    assert [line.split(":")[0] for line in lines] == [
        f"specs/{found.name}.yaml",
        f"generated/{found.project_name}/pyproject.toml",
        f"changelogs/{found.name}.md",
    ]


# --- the tag's files -------------------------------------------------------------------------


def test_the_files_are_the_tags_wheel_and_sdist_alone(tmp_path: Path) -> None:
    for name in (
        "useapi_client-3.1.0-py3-none-any.whl",
        "useapi_client-3.1.0.tar.gz",
        "useapi_client-3.0.0-py3-none-any.whl",  # another version
        "useapi_client-3.0.0.tar.gz",
        "imaginepro_client-3.1.0-py3-none-any.whl",  # another project
        "imaginepro_client-3.1.0.tar.gz",
    ):
        (tmp_path / name).write_bytes(b"")
    assert release.package_files(release.Tag("useapi-client", "3.1.0"), tmp_path) == [
        tmp_path / "useapi_client-3.1.0-py3-none-any.whl",
        tmp_path / "useapi_client-3.1.0.tar.gz",
    ]


def test_a_missing_or_doubled_file_is_named(tmp_path: Path) -> None:
    tag = release.Tag("useapi-client", "3.1.0")
    with pytest.raises(release.ReleaseError) as error:
        release.package_files(tag, tmp_path)
    assert str(error.value).splitlines() == [
        f"{tmp_path}/: no useapi_client-3.1.0-*.whl (make dist builds it)",
        f"{tmp_path}/useapi_client-3.1.0.tar.gz: missing (make dist builds it)",
    ]
    for name in ("useapi_client-3.1.0-py3-none-any.whl", "useapi_client-3.1.0-py311-none-any.whl"):
        (tmp_path / name).write_bytes(b"")
    (tmp_path / "useapi_client-3.1.0.tar.gz").write_bytes(b"")
    with pytest.raises(release.ReleaseError) as error:
        release.package_files(tag, tmp_path)
    assert str(error.value) == (
        f"{tmp_path}/: more than one useapi_client-3.1.0 wheel: "
        "useapi_client-3.1.0-py3-none-any.whl, useapi_client-3.1.0-py311-none-any.whl"
    )


def test_file_names_spell_the_project_as_wheels_do() -> None:
    assert release.distribution_name("useapi-client") == "useapi_client"
    assert release.distribution_name("Some.Odd--Name") == "some_odd_name"


# --- the supported Pythons -------------------------------------------------------------------


def test_pythons_prints_package_toml_as_json_and_as_lines(capsys: pytest.CaptureFixture[str]) -> None:
    assert release.main(["pythons"]) == 0
    assert json.loads(capsys.readouterr().out) == list(package_metadata.metadata().pythons)
    assert release.main(["pythons", "--lines"]) == 0
    assert capsys.readouterr().out.splitlines() == list(package_metadata.metadata().pythons)
    assert release.main(["pythons", "--lines", "--with-unsupported"]) == 0
    assert capsys.readouterr().out.splitlines() == [*package_metadata.metadata().pythons, "3.10"]


def _release_command(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *arguments], cwd=ROOT, capture_output=True, text=True, check=False)


def test_pythons_and_a_bad_tag_need_no_installed_package_and_print_no_traceback() -> None:
    # -S: no site-packages, as on a runner's own python3 before any set-up.
    pythons = _release_command("-S", "-m", "scripts.ship.release", "pythons")
    assert pythons.returncode == 0, pythons.stderr
    assert json.loads(pythons.stdout) == list(package_metadata.metadata().pythons)
    bad = _release_command("-m", "scripts.ship.release", "verify", "useapi-client-3.1.0")
    assert (bad.returncode, bad.stdout) == (1, "")
    expected = f"tag 'useapi-client-3.1.0' is not <project>-v<MAJOR.MINOR.PATCH>, e.g. {release.TAG_EXAMPLE}\n"
    assert bad.stderr == expected
