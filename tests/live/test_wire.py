"""The live run's wire: a deadline on each request, whatever each socket read's own timeout."""

from __future__ import annotations

import time

import httpx
import pytest

from scripts.live.wire import Deadline
from tests.support.raw_server import Drip, RawServer, http_answer

ANSWER = http_answer("200 OK", b'{"credits": 1600}', content_type="application/json")
HEAD = len(ANSWER) - len(b'{"credits": 1600}')


@pytest.mark.parametrize(
    ("where", "at_once"), [("in the status line and headers", 0), ("in the body", HEAD)], ids=["head", "body"]
)
def test_a_drip_ends_at_the_deadline_though_no_read_waits_long(raw_server: RawServer, where: str, at_once: int) -> None:
    raw_server.answer = lambda request: Drip(ANSWER[:at_once], ANSWER[at_once:], 0.05)  # 1 to 5 s in all
    started = time.monotonic()
    with httpx.Client(transport=Deadline(0.4), timeout=5) as client, pytest.raises(httpx.ReadTimeout):
        client.get(raw_server.base_url).read()
    assert time.monotonic() - started < 0.4 + 0.5, where  # the deadline, and one pause at most


def test_within_the_deadline_every_request_gets_its_own(raw_server: RawServer) -> None:
    raw_server.answer = lambda request: Drip(ANSWER[:HEAD], ANSWER[HEAD:], 0.01)  # 0.17 s
    with httpx.Client(transport=Deadline(1.0), timeout=5) as client:
        answers = [client.get(raw_server.base_url) for _ in range(8)]  # 1.4 s in all: past one deadline
    assert [answer.json() for answer in answers] == [{"credits": 1600}] * 8


def test_no_deadline_lets_a_drip_finish(raw_server: RawServer) -> None:
    raw_server.answer = lambda request: Drip(b"", ANSWER, 0.005)
    with httpx.Client(transport=Deadline(None), timeout=5) as client:
        assert client.get(raw_server.base_url).json() == {"credits": 1600}


def test_no_server_is_a_connect_error_as_httpx_names_it() -> None:
    with httpx.Client(transport=Deadline(1.0), timeout=5) as client, pytest.raises(httpx.ConnectError):
        client.get("http://127.0.0.1:9")
