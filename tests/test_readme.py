"""Every Python example in the README runs as written against the replay server on 127.0.0.1,
and passes mypy --strict."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

import pytest

from scripts import specs

README = specs.ROOT / "README.md"
EXAMPLES: list[str] = re.findall(r"```python\n(.*?)```", README.read_text(encoding="utf-8"), re.S)
# What each example prints against the recordings, in README order.
EXPECTED_OUTPUT = [
    "200 credits left: 24065\n",
    "FlowMusicAccount\n",
    "",
    "{'US:jane@example.com': 24065, 'US:john@example.com': None}\n",
]


def test_every_example_has_its_expected_output() -> None:
    assert len(EXAMPLES) == len(EXPECTED_OUTPUT), "add the new example's output to EXPECTED_OUTPUT"


@pytest.mark.parametrize(("example", "expected"), list(zip(EXAMPLES, EXPECTED_OUTPUT, strict=False)))
def test_readme_example_runs_against_the_replay_server(example: str, expected: str, replay_server: str) -> None:
    assert 'base_url="https://api.useapi.net"' in example
    code = example.replace('"https://api.useapi.net"', repr(replay_server)).replace('"user:12345-…"', '"REDACTED"')
    output = io.StringIO()
    with contextlib.redirect_stdout(output):
        exec(compile(code, "README.md", "exec"), {"__name__": "readme_example"})
    assert output.getvalue() == expected


def test_readme_examples_type_check_strictly(tmp_path: Path) -> None:
    files = []
    for index, example in enumerate(EXAMPLES):
        files.append(tmp_path / f"readme_example_{index}.py")
        files[-1].write_text(example, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", *map(str, files)],
        cwd=specs.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
