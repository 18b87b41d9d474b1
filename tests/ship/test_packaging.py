"""What the SDK packages declare comes from scripts/build/generator/package.toml, and make dist and
make test-dist refuse what they must (the CI matrix's agreement is in test_workflows.py)."""

from __future__ import annotations

import contextlib
import importlib.metadata
import shutil
import sys
import tomllib
from pathlib import Path
from typing import Any

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

from scripts.build import package_metadata
from scripts.core.paths import ROOT
from scripts.core.targets import Target, targets
from scripts.ship import dist, wheel_matrix

TARGETS = targets()


def _pyproject(target: Target) -> dict[str, Any]:
    with (target.output_dir / "pyproject.toml").open("rb") as file:
        return tomllib.load(file)["project"]  # type: ignore[no-any-return]


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_requires_python_and_the_classifiers_follow_the_supported_pythons(target: Target) -> None:
    meta = package_metadata.metadata()
    project = _pyproject(target)
    assert project["requires-python"] == f">={meta.pythons[0]}"
    declared = sorted(c.rsplit(" :: ", 1)[1] for c in project["classifiers"] if c.count(".") == 1 and "Python ::" in c)
    assert declared == sorted(meta.pythons)
    assert "Typing :: Typed" in project["classifiers"]


@pytest.mark.parametrize("target", TARGETS, ids=lambda t: t.name)
def test_license_urls_and_keywords_are_declared(target: Target) -> None:
    project = _pyproject(target)
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (target.output_dir / "LICENSE").read_bytes() == package_metadata.LICENSE_FILE.read_bytes()
    assert set(project["urls"]) == {"Repository", "Changelog", "Documentation", "Issues"}
    assert project["urls"]["Changelog"].endswith(f"/changelogs/{target.name}.md")
    assert project["keywords"] == package_metadata.metadata().keywords_for(target.name)


def test_every_python_is_a_minor_version_oldest_first() -> None:
    pythons = package_metadata.metadata().pythons
    minors = [int(version.removeprefix("3.")) for version in pythons]
    assert all(version.startswith("3.") for version in pythons)
    assert minors == list(range(minors[0], minors[0] + len(minors)))


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return dist.build(TARGETS[0], tmp_path_factory.mktemp("dist"))


def test_a_build_is_byte_identical_and_passes_the_checks(built: list[Path]) -> None:
    assert sorted(p.suffix for p in built) == [".gz", ".whl"]
    dist.check(TARGETS[0], built)


def test_two_builds_that_differ_are_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    copy_files = dist._disturbed_copy

    def drifting_copy(source: Path, destination: Path, *, mtime: int, mode: int) -> Path:
        copy = copy_files(source, destination, mtime=mtime, mode=mode)
        (copy / "README.md").write_text(f"built at {mtime}\n")  # what a build stamping its time would do
        return copy

    monkeypatch.setattr(dist, "_disturbed_copy", drifting_copy)
    with pytest.raises(dist.DistError, match=r"differs between two builds of the same files"):
        dist.build(TARGETS[0], tmp_path)


def test_a_wheel_without_py_typed_is_refused(tmp_path: Path) -> None:
    target = TARGETS[0]
    copy = tmp_path / "src" / target.project_name
    shutil.copytree(target.output_dir, copy)
    (copy / target.package_name / "py.typed").unlink()
    files = dist.build(_at(target, copy), tmp_path / "out")
    with pytest.raises(dist.DistError, match=rf"lacks {target.package_name}/py.typed"):
        dist.check(target, files)


def _at(target: Target, project_dir: Path) -> Target:
    """The same target, built from project_dir instead of generated/."""

    class Elsewhere(Target):
        @property
        def output_dir(self) -> Path:
            return project_dir

    return Elsewhere(target.spec_path, target.config_path, target.project_name, target.package_name)


def test_the_wheels_requirements_include_the_aiohttp_extra_without_its_marker(
    built: list[Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(wheel_matrix, "DIST_DIR", built[0].parent)
    (wheel,) = wheel_matrix.wheels()
    assert wheel.package == TARGETS[0].package_name
    names = {requirement.split(">")[0].split("<")[0] for requirement in wheel.requirements}
    assert {"httpx", "attrs", "aiohttp"} <= names
    assert not any(";" in requirement for requirement in wheel.requirements)


def test_test_dist_refuses_a_python_outside_the_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert wheel_matrix.main(["--pythons", "3.9"]) == 1
    assert capsys.readouterr().err.strip().startswith("DIST_PYTHONS: 3.9 not in package.toml's pythons")


def test_test_dist_fails_when_a_supported_python_is_missing(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    supported = package_metadata.metadata().pythons
    monkeypatch.setattr(wheel_matrix, "find_python", lambda version: None if version == supported[-1] else Path("/x"))
    assert wheel_matrix.main([]) == 1
    rest = " ".join(supported[:-1])
    assert capsys.readouterr().err.strip() == (
        f"Python {supported[-1]} not found on this machine: install it "
        f'(or narrow the set: make test-dist DIST_PYTHONS="{rest}")'
    )


def test_find_python_never_returns_another_version() -> None:
    assert wheel_matrix.find_python("3.99") is None


def test_the_lowest_resolution_leaves_out_exactly_the_modules_that_import_pytest_httpx() -> None:
    found = {module.name for module in wheel_matrix.newest_only_modules()}
    importing = {
        module.name
        for module in (ROOT / wheel_matrix.SDK_TESTS).glob("test_*.py")
        if "from pytest_httpx import" in module.read_text(encoding="utf-8")
    }
    assert found == importing and "test_sdk_user_mocking.py" in found


def _required_closure(names: set[str]) -> set[str]:
    """The distributions named and every one they require, as installed here (no extras)."""
    seen: set[str] = set()
    waiting = [canonicalize_name(name) for name in names]
    while waiting:
        name = waiting.pop()
        if name in seen:
            continue
        seen.add(name)
        with contextlib.suppress(importlib.metadata.PackageNotFoundError):
            for line in importlib.metadata.requires(name) or []:
                requirement = Requirement(line)
                if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                    waiting.append(canonicalize_name(requirement.name))
    return seen


def test_the_wheel_matrix_installs_everything_the_sdk_tests_import() -> None:
    """make test-dist runs tests/sdk in venvs holding only the wheels and TEST_TOOLS: a module those
    tests reach (through tests/ and scripts/ too) from any other distribution fails there alone."""
    files = [*(ROOT / wheel_matrix.SDK_TESTS).glob("*.py"), ROOT / "tests/conftest.py"]
    seen: set[Path] = set()
    third_party: set[str] = set()
    while files:
        file = files.pop()
        if file in seen:
            continue
        seen.add(file)
        for name in wheel_matrix.imported_names(file):
            top = name.split(".")[0]
            if top in ("scripts", "tests"):  # follow the project's own modules
                module = ROOT / Path(*name.split("."))
                files += [module.with_suffix(".py")] if module.with_suffix(".py").exists() else []
                files += [module / "__init__.py"] if (module / "__init__.py").exists() else []
            elif top not in sys.stdlib_module_names:
                third_party.add(top)
    sdk_packages = {target.package_name for target in TARGETS} | {"kitchen_sink_client"}
    sdk_requirements = {
        Requirement(line).name
        for target in TARGETS
        for line in [*_pyproject(target)["dependencies"], *_pyproject(target)["optional-dependencies"]["aiohttp"]]
    }
    provided = _required_closure({*wheel_matrix.TEST_TOOLS, *wheel_matrix.NEWEST_ONLY_TOOLS, *sdk_requirements})
    distributions = importlib.metadata.packages_distributions()
    missing = {
        top: distributions.get(top, ["?"])
        for top in third_party - sdk_packages
        if not {canonicalize_name(name) for name in distributions.get(top, [])} & provided
    }
    assert missing == {}, f"add to wheel_matrix.TEST_TOOLS: {missing}"
