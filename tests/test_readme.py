"""The README's SDK example runs as written against the replay server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import io
import re
import subprocess
import sys
from pathlib import Path

from scripts import specs
from scripts.mock import serving


def _usage_example() -> str:
    readme = (specs.ROOT / "README.md").read_text(encoding="utf-8")
    blocks: list[str] = re.findall(r"```python\n(.*?)```", readme, re.S)
    return next(block for block in blocks if "AuthenticatedClient" in block)


def test_readme_usage_example_runs_against_the_replay_server() -> None:
    example = _usage_example()
    assert 'base_url="https://api.useapi.net"' in example
    with serving() as base_url:
        code = example.replace('"https://api.useapi.net"', repr(base_url)).replace('"user:12345-…"', '"REDACTED"')
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(code, "README.md", "exec"), {})
    assert output.getvalue() == "200 credits left: 24065\n"


def test_readme_usage_example_type_checks_strictly(tmp_path: Path) -> None:
    example = tmp_path / "readme_example.py"
    example.write_text(_usage_example(), encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", str(example)],
        cwd=specs.ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
