"""Every Python example in the README and in each SDK package's README runs as written against
the replay server on 127.0.0.1, and passes mypy --strict. The examples rely on the default
base_url (the spec's server): the test gives them the replay server's instead. What the README
states of the packages, their requirements and their operations, is what they declare."""

from __future__ import annotations

import contextlib
import importlib
import inspect
import io
import logging
import re
import subprocess
import sys
import tomllib
from collections.abc import Callable
from pathlib import Path

import pytest

from scripts.build import package_metadata
from scripts.core import specs
from scripts.core.paths import ROOT
from scripts.core.targets import Target, operation_module, targets

README = ROOT / "README.md"


def _examples(readme: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)


def _run(example: str, base_url: str) -> str:
    """What the example prints with its clients sent to base_url (it gives none itself)."""
    code = example.replace("AuthenticatedClient(", f"AuthenticatedClient(base_url={base_url!r}, ")
    output = io.StringIO()
    httpx_level = logging.getLogger("httpx").level  # the logging example changes it
    try:
        with contextlib.redirect_stdout(output):
            exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    finally:
        logging.getLogger("httpx").setLevel(httpx_level)
    return output.getvalue()


def _mypy_strict(examples: list[str], tmp_path: Path) -> None:
    files = []
    for index, example in enumerate(examples):
        files.append(tmp_path / f"readme_example_{index}.py")
        files[-1].write_text(example, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *map(str, files)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


EXAMPLES = _examples(README)
PACKAGE_READMES = [target.output_dir / "README.md" for target in targets()]
# What each example prints against the recordings, in README order.
EXPECTED_OUTPUT = [
    "jane@example.com True\n",
    "credits left: 24065.0\n",
    "False 0.0\nTrue UNSET\n",
    "FlowMusicAccount\n",
    "",
    "{'US:jane@example.com': 24065.0, 'US:john@example.com': None}\n",
    "",
    "",  # proxies: builds clients, sends nothing
]
# The "Testing your code" recipes (```py blocks): each must be in this test module, verbatim.
RECIPES = ROOT / "tests" / "sdk" / "test_sdk_testing_recipes.py"


def test_every_example_has_its_expected_output() -> None:
    assert len(EXAMPLES) == len(EXPECTED_OUTPUT), "add the new example's output to EXPECTED_OUTPUT"


@pytest.mark.parametrize(("example", "expected"), list(zip(EXAMPLES, EXPECTED_OUTPUT, strict=False)))
def test_readme_example_runs_against_the_replay_server(example: str, expected: str, replay_server: str) -> None:
    assert "base_url=" not in example, "README examples use the default base_url; the test points it at the replay"
    assert _run(example, replay_server) == expected


def test_readme_examples_type_check_strictly(tmp_path: Path) -> None:
    _mypy_strict(EXAMPLES, tmp_path)


@pytest.mark.parametrize("readme", PACKAGE_READMES, ids=lambda path: path.parent.name)
def test_a_package_readme_starts_with_a_call_that_needs_only_the_token(readme: Path, replay_server: str) -> None:
    first = _examples(readme)[0]
    assert 'AuthenticatedClient(token="your API token")' in first
    package = first.split()[1]  # from PACKAGE import AuthenticatedClient
    printed = _run(first, replay_server)
    model = printed.split("(")[0]
    assert model in dir(importlib.import_module(f"{package}.models")), printed  # a parsed body, not None


@pytest.mark.parametrize("readme", PACKAGE_READMES, ids=lambda path: path.parent.name)
def test_package_readme_examples_run_and_type_check_strictly(readme: Path, replay_server: str, tmp_path: Path) -> None:
    examples = _examples(readme)
    for example in examples[1:]:  # the README's user guide: each prints what it prints there
        assert example in EXAMPLES, f"{readme.relative_to(ROOT)}: an example that is not the README's"
        assert _run(example, replay_server) == EXPECTED_OUTPUT[EXAMPLES.index(example)]
    _mypy_strict(examples, tmp_path)


def test_the_testing_recipes_are_the_tested_module() -> None:
    recipes = re.findall(r"```py\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
    assert len(recipes) == 3, "the setup, respx and pytest-httpx recipes"
    module = RECIPES.read_text(encoding="utf-8")
    for recipe in recipes:
        assert recipe in module, f"not in {RECIPES.name}:\n{recipe}"


ALL_READMES = [README, *PACKAGE_READMES]


def _section(readme: Path, heading: str) -> str:
    """The text of one `## heading` section, its lines joined as they read."""
    found = re.search(rf"^## {re.escape(heading)}\n(.*?)(?=^## |\Z)", readme.read_text(encoding="utf-8"), re.S | re.M)
    assert found, f"{readme.relative_to(ROOT)} has no '## {heading}' section"
    return " ".join(found.group(1).split())


def _declared(target: Target) -> list[str]:
    """What a package's pyproject.toml declares it needs: its Python range and every dependency."""
    with (target.output_dir / "pyproject.toml").open("rb") as file:
        project = tomllib.load(file)["project"]
    quoted = [f'`requires-python = "{project["requires-python"]}"`', *(f"`{need}`" for need in project["dependencies"])]
    extras = project["optional-dependencies"].items()
    return quoted + [f"the `{name}` extra: `{'`, `'.join(needs)}`" for name, needs in extras]


@pytest.mark.parametrize("readme", ALL_READMES, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_requirements_are_what_the_packages_declare(readme: Path) -> None:
    stated = _section(readme, "Requirements")
    python = package_metadata.metadata()
    missing = [f"CPython {python.pythons[0]} to {python.pythons[-1]}", f"refuse {python.python_below}"]
    missing += [need for target in targets() for need in _declared(target)]
    missing = [needed for needed in dict.fromkeys(missing) if needed not in stated]
    assert not missing, f"{readme.relative_to(ROOT)}, Requirements, does not say: {missing}"


def _returns(function: Callable[..., object]) -> str:
    """A return annotation as the README writes it: class names only, `|` escaped for a table."""
    annotation = inspect.formatannotation(inspect.signature(function).return_annotation)
    return re.sub(r"\b[\w.]+\.(\w+)", r"\1", annotation).replace("|", "\\|")


@pytest.mark.parametrize("readme", ALL_READMES, ids=lambda path: str(path.relative_to(ROOT)))
def test_the_api_reference_lists_every_operation_as_generated(readme: Path) -> None:
    reference = readme.read_text(encoding="utf-8").split("\n## API reference\n", 1)[-1]
    missing = []
    for target in targets():
        for operation in specs.load(target.spec_path).operations():
            module = operation_module(target.package_name, operation.node)
            returns = _returns(importlib.import_module(module).sync)
            http = f"{operation.method.upper()} {operation.path}"
            row = f"| `{operation.operation_id}` | `{module}` | `{http}` | `{returns}` |"
            if row not in reference:
                missing.append(row)
    assert not missing, f"{readme.relative_to(ROOT)}, API reference, lacks the rows:\n" + "\n".join(missing)
