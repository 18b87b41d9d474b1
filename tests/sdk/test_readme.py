"""Every Python example in the README and in each SDK package's README runs as written against
the replay server on 127.0.0.1, and passes mypy --strict. The examples rely on the default
base_url (the spec's server): the test gives them the replay server's instead."""

from __future__ import annotations

import contextlib
import importlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.core.paths import ROOT
from scripts.core.targets import targets

README = ROOT / "README.md"


def _examples(readme: Path) -> list[str]:
    return re.findall(r"```python\n(.*?)```", readme.read_text(encoding="utf-8"), re.S)


def _run(example: str, base_url: str) -> str:
    """What the example prints with its clients sent to base_url (it gives none itself)."""
    code = example.replace("AuthenticatedClient(", f"AuthenticatedClient(base_url={base_url!r}, ")
    code = code.replace('"user:12345-…"', '"REDACTED"').replace('"your API token"', '"REDACTED"')
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
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
    "200 credits left: 24065\n",
    "FlowMusicAccount\n",
    "",
    "{'US:jane@example.com': 24065, 'US:john@example.com': None}\n",
    "",  # proxies: builds clients, sends nothing
]


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
    for example in examples[1:]:
        exec(compile(example, str(readme), "exec"), {"__name__": "readme_example"})  # builds clients, sends nothing
    _mypy_strict(examples, tmp_path)
