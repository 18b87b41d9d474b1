"""`make balances` against the replay server: the table, --json, --min, failures as rows, and the
accounts queried concurrently."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import socket
from collections.abc import Iterator
from typing import Any

import pytest
from starlette.requests import Request
from starlette.responses import Response

from scripts.live import balances
from scripts.replay.app import ReplayApp
from scripts.replay.serve import serving


def _environment(base_url: str, **changes: str) -> dict[str, str]:
    return {
        "USEAPI_TOKEN": "REDACTED",
        "IMAGINEPRO_TOKEN": "REDACTED",
        "USEAPI_BASE_URL": base_url,
        "IMAGINEPRO_BASE_URL": base_url,
        "USEAPI_DREAMINA_ACCOUNT": "US:jane@example.com",
        "USEAPI_PIXVERSE_EMAIL": "jane@example.com",
        "USEAPI_FLOWMUSIC_EMAIL": "jane@example.com, free@example.com",
        **changes,
    }


def _run(environ: dict[str, str], *argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        code = balances.main(list(argv), environ)
    return code, stdout.getvalue(), stderr.getvalue()


TABLE = """\
provider    account              plan                 total  credits                               session                       problem
Dreamina    US:jane@example.com  -                    24065  vip 12000, gift 10065, purchase 2000  expires 2026-04-24 (60 days)  -
PixVerse    jane@example.com     Premium - Monthly    12450  daily 0, monthly 12450, package 0     -                             -
Flow Music  jane@example.com     plus (plus-monthly)  5000   credits 5000, tokens 60000            ok                            -
Flow Music  free@example.com     free                 120    credits 120, tokens 1440              ok                            -
ImaginePro  jane@example.com     STARTER              2600   monthly 1600, extra 1000              expires 2022-10-07            -
"""  # noqa: E501 - the table as printed


def test_one_table_of_every_configured_account(replay_server: str) -> None:
    assert _run(_environment(replay_server)) == (0, TABLE, "")


def test_json_holds_the_same_for_scripts(replay_server: str) -> None:
    code, out, _ = _run(_environment(replay_server), "--json")
    data = json.loads(out)
    assert code == 0 and data["not_checked"] == []
    assert [(row["provider"], row["account"], row["total"]) for row in data["balances"]] == [
        ("Dreamina", "US:jane@example.com", 24065),
        ("PixVerse", "jane@example.com", 12450),
        ("Flow Music", "jane@example.com", 5000),
        ("Flow Music", "free@example.com", 120),
        ("ImaginePro", "jane@example.com", 2600),
    ]
    assert data["balances"][0] == {
        "provider": "Dreamina",
        "account": "US:jane@example.com",
        "plan": "",
        "total": 24065,
        "credits": {"vip": 12000, "gift": 10065, "purchase": 2000},
        "session": "expires 2026-04-24 (60 days)",
        "problem": "",
    }


@pytest.mark.parametrize(("minimum", "code"), [("120", 0), ("121", 1), ("100000", 1)])
def test_min_exits_1_when_a_total_is_below_it(replay_server: str, minimum: str, code: int) -> None:
    assert _run(_environment(replay_server), "--min", minimum)[0] == code


def test_failures_and_session_health_are_rows_and_exit_1(replay_server: str) -> None:
    environ = _environment(
        replay_server,
        USEAPI_DREAMINA_ACCOUNT="US:john@example.com,US:nobody@example.com",
        USEAPI_FLOWMUSIC_EMAIL="broken@example.com",
        IMAGINEPRO_TOKEN="",
    )
    code, out, _ = _run(environ, "--json")
    rows = {(row["provider"], row["account"]): row for row in json.loads(out)["balances"]}
    assert code == 1
    assert rows[("Dreamina", "US:john@example.com")]["problem"] == "no live credits: Dreamina did not answer useapi.net"
    assert rows[("Dreamina", "US:nobody@example.com")]["problem"] == "404: not configured at useapi.net"
    broken = rows[("Flow Music", "broken@example.com")]
    assert broken["session"] == "error state: Refresh token rejected by Flow Music, re-add the account"
    assert broken["total"] is None and broken["problem"] == ""
    assert json.loads(out)["not_checked"] == ["IMAGINEPRO_TOKEN is not set"]
    assert _run(_environment(replay_server, USEAPI_FLOWMUSIC_EMAIL="broken@example.com"), "--min", "1")[0] == 1


def test_an_account_that_does_not_answer_is_a_row(replay_server: str, sleeps: list[float]) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        closed = f"http://127.0.0.1:{probe.getsockname()[1]}"
    code, out, err = _run(_environment(replay_server, IMAGINEPRO_BASE_URL=closed))
    assert code == 1 and err == ""
    assert out.splitlines()[-1].startswith("ImaginePro  (the token's account)")
    assert out.splitlines()[-1].endswith("no answer (ConnectError)")


def test_no_token_exits_2_naming_the_variables(replay_server: str) -> None:
    code, out, err = _run(_environment(replay_server, USEAPI_TOKEN="", IMAGINEPRO_TOKEN=""))
    assert (code, out) == (2, "")
    assert err == "balances: no token is set: set USEAPI_TOKEN or IMAGINEPRO_TOKEN (or both)\n"


class _CountingApp(ReplayApp):
    """The replay app, holding each answer until every account's request has arrived."""

    def __init__(self, expected: int) -> None:
        super().__init__()
        self.expected = expected
        self.arrived = 0
        self.all_arrived = asyncio.Event()
        self.answered_alone = 0  # requests answered before the others arrived

    async def respond(self, request: Request) -> Response:
        self.arrived += 1
        if self.arrived == self.expected:
            self.all_arrived.set()
        try:
            await asyncio.wait_for(self.all_arrived.wait(), timeout=1)
        except TimeoutError:  # a client that waits for each answer before the next gets it after 1 s
            self.answered_alone += 1
        return await super().respond(request)


@pytest.fixture
def counting_server() -> Iterator[tuple[_CountingApp, str]]:
    app = _CountingApp(expected=5)
    with serving(app, wait_for_stop=False) as base_url:
        yield app, base_url


def test_every_account_is_queried_concurrently(counting_server: tuple[_CountingApp, Any]) -> None:
    app, base_url = counting_server
    assert _run(_environment(base_url))[0] == 0
    assert app.arrived == 5 and app.answered_alone == 0  # the five requests were in flight together
