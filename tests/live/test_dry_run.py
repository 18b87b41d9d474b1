"""scripts/live/README.md's dry run of the live check, run exactly as written: the fake upstream's command in
one process, the variables and `make contract-live` in another; only the port and the output
folder change. And what the README says `make balances` exits with, through make and without."""

from __future__ import annotations

import os
import re
import shlex
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.core.paths import ROOT
from scripts.fixtures.fake_upstream import environment

README = ROOT / "scripts/live/README.md"
SECTION = "## A dry run against a local stand-in"
DOCUMENTED_PORT, DOCUMENTED_OUT = "8080", ".build/live-dry-run"


def _section() -> str:
    text = README.read_text(encoding="utf-8")
    assert SECTION in text, f"{README.relative_to(ROOT)}: no `{SECTION}` section"
    return text.split(SECTION, 1)[1].split("\n## ", 1)[0]


def _blocks() -> tuple[str, str]:
    server, run = re.findall(r"```sh\n(.*?)```", _section(), re.S)
    return server.strip(), run.strip()


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def fake_upstream_url() -> Iterator[str]:
    """The README's server command, on a free port; stopped after the test."""
    port = _free_port()
    command = shlex.split(_blocks()[0].replace(DOCUMENTED_PORT, str(port)))
    server = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"the README's server command did not start: {server.stderr}") from None
                time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_the_documented_variables_are_the_fake_upstreams() -> None:
    run = _blocks()[1].replace("\\\n", " ")
    assigned = dict(re.findall(r"(\b[A-Z_]+)=(\S+)", run))
    expected = environment(f"http://127.0.0.1:{DOCUMENTED_PORT}", "faithful", "dry-run")
    assert {name: assigned.get(name) for name in expected} == expected
    assert run.rstrip().endswith("make contract-live")


def test_the_dry_run_conforms_as_the_readme_says(fake_upstream_url: str, tmp_path: Path) -> None:
    script = _blocks()[1].replace(f"http://127.0.0.1:{DOCUMENTED_PORT}", fake_upstream_url)
    script = script.replace(DOCUMENTED_OUT, str(tmp_path / "live-dry-run"))
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("USEAPI_", "IMAGINEPRO_", "LIVE_"))}
    result = subprocess.run(
        ["bash", "-c", script], cwd=ROOT, env=clean, capture_output=True, text=True, check=False, timeout=300
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("# Live contract run"), result.stdout[:300]
    operations = [line for line in result.stdout.splitlines() if re.match(r"\| (useapi|imaginepro) `", line)]
    called = [line for line in operations if " | skipped | " not in line]
    assert len(called) == 5  # the others (a POST, a parameter with no live value) are skipped, each saying why
    assert all(" | conforms | " in line and "wrong-token 401" in line for line in called), operations
    assert (tmp_path / "live-dry-run" / "report.md").is_file()


def test_balances_exit_as_the_readme_says(fake_upstream_url: str) -> None:
    """Through make a low balance exits 2 (make's only failure status) naming the script's 1; the
    script itself exits 1. Either way stdout is the table alone."""
    variables = environment(fake_upstream_url, "faithful", "balances")
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("USEAPI_", "IMAGINEPRO_", "LIVE_"))}
    env = {**clean, **variables}
    through_make = subprocess.run(
        ["make", "balances", "ARGS=--min 1000000000"], cwd=ROOT, env=env, capture_output=True, text=True, check=False
    )
    assert through_make.returncode == 2, through_make.stderr
    assert through_make.stderr.rstrip().endswith("balances] Error 1"), through_make.stderr
    direct = subprocess.run(
        [sys.executable, "-m", "scripts.live.balances", "--min", "1000000000"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert direct.returncode == 1, direct.stderr
    for table in (direct.stdout, through_make.stdout):
        assert table.splitlines()[0].split()[:2] == ["provider", "account"], table[:200]
