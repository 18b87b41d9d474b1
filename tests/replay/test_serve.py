"""`make mock` serves the replay app over real HTTP on 127.0.0.1 at the port it is given, and
degrades gracefully when connections use up its file descriptors."""

from __future__ import annotations

import contextlib
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
from imaginepro_client import AuthenticatedClient as ImagineProClient
from imaginepro_client.api.account import get_account_info
from imaginepro_client.models import AccountInfo
from useapi_client import AuthenticatedClient as UseapiClient
from useapi_client.api.flowmusic import get_flow_music_account
from useapi_client.models import ApiError, FlowMusicAccount

from scripts.core.paths import ROOT


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_up(server: subprocess.Popen[str], base_url: str) -> None:
    deadline = time.monotonic() + 15
    while True:
        try:
            httpx.get(base_url, timeout=1)
            return
        except httpx.TransportError:
            assert server.poll() is None, "the mock server exited early"
            assert time.monotonic() < deadline, "the mock server did not start within 15 s"
            time.sleep(0.05)


def test_mock_serves_both_hosts_on_the_given_port() -> None:
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "scripts.replay.serve", "--port", str(port)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, base_url)
        with UseapiClient(base_url=base_url, token="REDACTED", timeout=httpx.Timeout(5)) as useapi:
            healthy = get_flow_music_account.sync_detailed("jane@example.com", client=useapi)
            unknown = get_flow_music_account.sync_detailed("stranger@example.com", client=useapi)
        with ImagineProClient(base_url=base_url, token="REDACTED", timeout=httpx.Timeout(5)) as imaginepro:
            info = get_account_info.sync(client=imaginepro)
        anonymous = httpx.get(f"{base_url}/v2/account", timeout=5)
    finally:
        server.terminate()
        output, _ = server.communicate(timeout=10)

    assert isinstance(healthy.parsed, FlowMusicAccount) and healthy.parsed.credits_remaining == 5000
    assert unknown.status_code == 404 and isinstance(unknown.parsed, ApiError)
    assert isinstance(info, AccountInfo) and info.credits_ == 1600
    assert anonymous.status_code == 401
    assert f"http://127.0.0.1:{port}" in output


DESCRIPTOR_LIMIT = 128  # the common 1,024 scaled down, so the test opens fewer connections
# `make mock` with its descriptor limit lowered first (preexec_fn is not safe with threads about).
LIMITED_MOCK = (
    "import resource, runpy, sys; "
    f"resource.setrlimit(resource.RLIMIT_NOFILE, ({DESCRIPTOR_LIMIT}, resource.getrlimit(resource.RLIMIT_NOFILE)[1])); "
    "sys.argv[0] = 'serve'; runpy.run_module('scripts.replay.serve', run_name='__main__')"
)


@contextlib.contextmanager
def _idle_connections(port: int, wanted: int) -> Iterator[list[socket.socket]]:
    """Up to `wanted` connections that send nothing; stops at the first the server does not take."""
    opened: list[socket.socket] = []
    try:
        for _ in range(wanted):
            try:
                opened.append(socket.create_connection(("127.0.0.1", port), timeout=0.5))
            except OSError:
                break
        yield opened
    finally:
        for connection in opened:
            connection.close()


def test_mock_degrades_gracefully_when_connections_use_up_its_descriptors(tmp_path: Path) -> None:
    port = _free_port()
    stderr_path = tmp_path / "stderr"
    with stderr_path.open("w") as stderr:
        server = subprocess.Popen(
            [sys.executable, "-c", LIMITED_MOCK, "--port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=stderr,
            text=True,
        )
    base_url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(server, base_url)
        with _idle_connections(port, wanted=DESCRIPTOR_LIMIT + 50) as idle:
            assert len(idle) > 20
            time.sleep(1)  # long enough for a server out of descriptors to fill its log
            assert server.poll() is None
        answered = None
        deadline = time.monotonic() + 10
        while answered is None and time.monotonic() < deadline:
            with contextlib.suppress(httpx.TransportError):
                answered = httpx.get(f"{base_url}/v2/account", timeout=1).status_code
        assert answered == 401  # answering again once the idle connections are gone
    finally:
        server.terminate()
        server.wait(timeout=10)
    logged = stderr_path.read_text()
    assert len(logged) < 1000 and "Traceback" not in logged, logged[:2000]
    assert len(logged.splitlines()) == 1 and logged.startswith("too many connections ("), logged
