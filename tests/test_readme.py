"""The README's SDK example runs as written against the replay server on 127.0.0.1."""

from __future__ import annotations

import contextlib
import io
import re

from scripts import specs
from scripts.mock import serving


def test_readme_usage_example_runs_against_the_replay_server() -> None:
    readme = (specs.ROOT / "README.md").read_text(encoding="utf-8")
    example = next(
        block for block in re.findall(r"```python\n(.*?)```", readme, re.S) if "AuthenticatedClient" in block
    )
    assert 'base_url="https://api.useapi.net"' in example
    with serving() as base_url:
        code = example.replace('"https://api.useapi.net"', repr(base_url)).replace('"user:12345-…"', '"REDACTED"')
        output = io.StringIO()
        with contextlib.redirect_stdout(output):
            exec(compile(code, "README.md", "exec"), {})
    assert output.getvalue() == "200 credits left: 24065\n"
