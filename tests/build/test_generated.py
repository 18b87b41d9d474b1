"""generated/ is what the specs produce, complete, and type-clean under mypy --strict."""

from __future__ import annotations

import importlib
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.build import generate, package_metadata
from scripts.core import specs
from scripts.core.paths import ROOT
from scripts.core.targets import BuildError, Target, build_targets, operation_module, targets

OPERATIONS = [
    (target, operation.node) for target in targets() for operation in specs.load(target.spec_path).operations()
]


@pytest.mark.parametrize(
    ("target", "operation"), OPERATIONS, ids=[f"{t.name}.{o['operationId']}" for t, o in OPERATIONS]
)
def test_every_operation_id_has_its_generated_functions(target: Target, operation: dict[str, str]) -> None:
    module = importlib.import_module(operation_module(target.package_name, operation))
    for function in ("sync", "sync_detailed", "asyncio", "asyncio_detailed"):
        assert callable(getattr(module, function, None)), f"{module.__name__} lacks {function}()"


def test_the_five_documented_operations_are_there() -> None:
    assert sorted(o["operationId"] for _t, o in OPERATIONS) == [
        "getAccount",
        "getAccountInfo",
        "getDreaminaAccount",
        "getFlowMusicAccount",
        "getPixverseFeatures",
    ]


@pytest.mark.parametrize("target", targets(), ids=lambda t: t.project_name)
def test_package_is_installable_and_typed(target: Target) -> None:
    assert (target.output_dir / "pyproject.toml").exists()
    assert (target.output_dir / target.package_name / "py.typed").exists()
    module = importlib.import_module(target.package_name)
    assert Path(module.__file__ or "").resolve().is_relative_to(target.output_dir.resolve())


def test_mypy_strict_passes_on_both_packages_and_the_golden_record() -> None:
    packages = [str(t.output_dir / t.package_name) for t in build_targets()]
    result = subprocess.run(
        # A cache of its own: incremental runs take a second, and no other mypy run shares it.
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", ".build/mypy-generated", *packages],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


SPEC_WITH_GENERATOR_WARNING = """\
openapi: 3.1.0
info: {title: tiny, version: 1.0.0}
servers: [{url: "https://api.example.com"}]
paths:
  /things:
    get:
      operationId: listThings
      tags: [things]
      responses:
        "200":
          description: mixed enums are beyond the generator, which then omits the response
          content:
            application/json:
              schema:
                type: object
                properties:
                  mixed: {enum: [1, "a"]}
"""


def _tiny_target(tmp_path: Path, spec_text: str) -> Target:
    spec_path = tmp_path / "tiny.yaml"
    spec_path.write_text(spec_text)
    config_path = tmp_path / "tiny-config.yaml"
    config_path.write_text("project_name_override: tiny-client\npackage_name_override: tiny_client\n")
    return Target(spec_path, config_path, "tiny-client", "tiny_client")


def test_a_generator_warning_fails_the_build(tmp_path: Path) -> None:
    target = _tiny_target(tmp_path, SPEC_WITH_GENERATOR_WARNING)
    with pytest.raises(BuildError, match=r"tiny\.yaml: openapi-python-client reported problems"):
        generate.render(target, tmp_path / "out")


def test_a_clean_tiny_spec_builds_with_its_operation(tmp_path: Path) -> None:
    target = _tiny_target(tmp_path, SPEC_WITH_GENERATOR_WARNING.replace('{enum: [1, "a"]}', "{type: string}"))
    project = generate.render(target, tmp_path / "out")
    assert "def sync_detailed(" in (project / "tiny_client/api/things/list_things.py").read_text()
    assert 'DEFAULT_BASE_URL = "https://api.example.com"' in (project / "tiny_client/_constants.py").read_text()


@pytest.mark.parametrize(
    "servers", ["", 'servers: [{url: "/v1"}]\n', "servers: []\n"], ids=["none", "relative", "empty"]
)
def test_a_spec_without_an_absolute_https_server_is_refused_at_its_servers(tmp_path: Path, servers: str) -> None:
    clean = SPEC_WITH_GENERATOR_WARNING.replace('{enum: [1, "a"]}', "{type: string}")
    target = _tiny_target(tmp_path, clean.replace('servers: [{url: "https://api.example.com"}]\n', servers))
    with pytest.raises(BuildError, match=r"tiny\.yaml:\d+:\d+: #/servers: the first server needs an https://"):
        generate.render(target, tmp_path / "out")


def test_mirror_removes_stale_files_and_keeps_unchanged_ones(tmp_path: Path) -> None:
    fresh, dest = tmp_path / "fresh", tmp_path / "dest"
    (fresh / "pkg").mkdir(parents=True)
    (fresh / "pkg" / "a.py").write_text("a = 1\n")
    (fresh / "pkg" / "b.py").write_text("b = 2\n")
    (dest / "pkg" / "old").mkdir(parents=True)
    (dest / "pkg" / "a.py").write_text("a = 1\n")
    (dest / "pkg" / "b.py").write_text("b = 1\n")
    (dest / "pkg" / "old" / "stale.py").write_text("")
    changes = generate.mirror(fresh, dest)
    assert changes == ["updated pkg/b.py", "removed pkg/old/stale.py"]
    assert sorted(p.relative_to(dest).as_posix() for p in dest.rglob("*")) == ["pkg", "pkg/a.py", "pkg/b.py"]
    assert generate.differences(fresh, dest) == []


@pytest.mark.parametrize("target", targets(), ids=lambda t: t.name)
def test_each_package_readme_ends_with_the_readmes_user_guide_linked_to_the_repository(target: Target) -> None:
    readme = (target.output_dir / "README.md").read_text(encoding="utf-8")
    guide = generate.user_guide()
    assert readme.endswith(f"{generate.GUIDE_PLACE}\n\n{guide}")
    assert "## Errors" in guide and "<!--" not in guide, "the guide is the text between the README's two comments"
    tree = package_metadata.metadata().tree
    assert f"]({tree}/CONTRIBUTING.md#the-rules)" in guide and "](CONTRIBUTING.md" not in guide
    assert "](#errors)" in guide, "an anchor stays an anchor: the package README holds the heading"


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("# Title\n\n## Errors\n", "README.md: the user guide must sit between <!-- user guide: ... --> and"),
        ("<!-- end of the user guide -->\n<!-- user guide: -->\n", "README.md: the user guide must sit between"),
    ],
)
def test_a_readme_without_its_user_guide_comments_is_refused_by_name(tmp_path: Path, text: str, problem: str) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(text, encoding="utf-8")
    with pytest.raises(BuildError) as raised:
        generate.user_guide(readme)
    assert str(raised.value).startswith(f"{tmp_path}/{problem}")


def test_a_package_readme_template_that_moved_the_guide_place_is_refused_by_name(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(f"# pkg\n\n{generate.GUIDE_PLACE}\n\n## More\n", encoding="utf-8")
    with pytest.raises(BuildError, match=r"templates/README\.md\.jinja: must end with the line <!-- the user guide"):
        generate.add_user_guide(readme)


@pytest.mark.parametrize("target", build_targets(), ids=lambda t: t.project_name)
def test_ruff_passes_on_each_package_with_its_own_settings(target: Target) -> None:
    # The package's pyproject.toml holds the generator's ruff settings; a model with no
    # properties once left an unused variable (F841) in the golden record.
    result = subprocess.run(
        [str(Path(sys.executable).parent / "ruff"), "check", "--no-cache", "--quiet", "."],
        cwd=target.output_dir,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
