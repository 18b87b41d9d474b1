"""`make mock` serves the replay app over real HTTP on 127.0.0.1 at the port it is given."""

from __future__ import annotations

import socket
import subprocess
import sys
import time

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
        deadline = time.monotonic() + 15
        while True:
            try:
                httpx.get(base_url, timeout=1)
                break
            except httpx.TransportError:
                assert server.poll() is None, "the mock server exited early"
                assert time.monotonic() < deadline, "the mock server did not start within 15 s"
                time.sleep(0.05)

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
