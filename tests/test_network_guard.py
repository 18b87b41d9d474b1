"""The network guard (tests/support/network_guard.py) refuses every address but 127.0.0.1, resolves no
host name, and fails a test whose code caught the refusal, in the test's process and in the
Python processes it starts: the proof that make test opens no connection beyond 127.0.0.1."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import os
import re
import socket
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from scripts.core.paths import ROOT
from scripts.live import run as live
from tests.support import network_guard, socket_guard
from tests.support.raw_server import RawServer


def test_connections_outside_loopback_are_refused_before_leaving() -> None:
    with network_guard.expecting_blocked() as blocked:
        addresses: list[tuple[str, int] | tuple[str, int, int, int]] = [
            ("192.0.2.1", 80),
            ("10.0.0.1", 443),
            ("::1", 80, 0, 0),
        ]
        for address in addresses:
            family = socket.AF_INET6 if len(address) == 4 else socket.AF_INET
            with socket.socket(family) as sock, pytest.raises(network_guard.NetworkBlocked):
                sock.connect(address)
        with pytest.raises(network_guard.NetworkBlocked):
            socket.getaddrinfo("api.useapi.net", 443)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as udp, pytest.raises(network_guard.NetworkBlocked):
            udp.sendto(b"dns?", ("192.0.2.53", 53))
    assert [what for what, _ in blocked] == [
        "socket.connect",
        "socket.connect",
        "socket.connect",
        "socket.getaddrinfo",
        "socket.sendto",
    ]


def test_loopback_is_allowed(raw_server: RawServer) -> None:
    assert httpx.get(raw_server.base_url, timeout=5).status_code == 200


# The guard, and nothing the run does not need.
PLUGINS = ["-p", "tests.support.network_guard", "-p", "no:cacheprovider", "-p", "no:asyncio"]

SWALLOWING_TEST = """
import httpx

def test_swallows_the_refusal():
    try:
        httpx.get("https://api.useapi.net/v2/account", timeout=1)
    except Exception:
        pass  # an SDK maps errors; a careless test catches everything
"""


def test_a_test_that_catches_the_refusal_still_fails(tmp_path: Path) -> None:
    (tmp_path / "test_swallow.py").write_text(SWALLOWING_TEST, encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", *PLUGINS, str(tmp_path)],
        cwd=tmp_path,
        env={"PYTHONPATH": str(ROOT), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 1, result.stdout + result.stderr
    summary = result.stdout.rstrip().splitlines()[-1]
    assert "1 passed" in summary and "1 error" in summary, summary
    assert "tried to reach the network outside 127.0.0.1: socket.getaddrinfo 'api.useapi.net'" in result.stdout


# --- the processes tests start, and make test as a whole ------------------------------------

REACHING_OUT = """
import httpx
try:
    httpx.get("https://api.useapi.net/v2/account", timeout=1)
except Exception as error:
    print(type(error).__name__)
"""


def test_a_python_process_a_test_starts_is_guarded_and_reported() -> None:
    with network_guard.expecting_blocked() as blocked:
        result = subprocess.run([sys.executable, "-c", REACHING_OUT], capture_output=True, text=True, check=True)
    assert result.stdout == "NetworkBlocked\n"  # refused in the child, which swallowed it...
    (attempt,) = blocked  # ...and reported to this process all the same: its test fails at teardown
    assert attempt[0] == "a process a test started: socket.getaddrinfo"
    assert attempt[1].startswith("'api.useapi.net' (process ")


def test_the_live_run_aimed_at_the_real_hosts_cannot_leave_the_machine(tmp_path: Path) -> None:
    environ = {"USEAPI_TOKEN": "REDACTED-live", "IMAGINEPRO_TOKEN": "REDACTED-live", "LIVE_OUT": str(tmp_path)}
    environ["LIVE_RATE"] = "1000"
    stdout = io.StringIO()
    with network_guard.expecting_blocked() as blocked, contextlib.redirect_stdout(stdout):
        exit_code = live.main(environ, today=dt.date(2026, 1, 2))
    assert exit_code == 1
    assert {address for _, address in blocked} == {"'api.useapi.net'", "'api.imaginepro.ai'"}
    refused = "| wire | an answer | no answer: the connection failed (UnexpectedTransportError) |"
    assert stdout.getvalue().count(refused) == 4, "the guard's refusal reached the SDK as a transport failure"
    assert "Traceback" not in stdout.getvalue()


def test_make_test_runs_no_live_target_and_every_test_process_is_guarded() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (test_rule,) = re.findall(r"(?ms)^test:(.*?)\n\n", makefile)
    for target in ("contract-live", "balances", "bench-live", "scripts.live.run", "scripts.live.balances"):
        assert target not in test_rule
    from tests import conftest

    assert conftest.pytest_plugins == ["tests.support.network_guard"]
    assert socket.getaddrinfo is socket_guard._getaddrinfo  # in this process, whichever worker it is
    assert os.environ["PYTHONPATH"].split(os.pathsep)[0] == str(network_guard.SITE)  # and in those it starts
