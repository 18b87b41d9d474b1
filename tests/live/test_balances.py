"""`make balances` against the replay server: the table, --json, --min, failures as rows, and the
accounts queried concurrently."""

from __future__ import annotations

import asyncio
import contextlib
import io
import json
import socket
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from starlette.requests import Request
from starlette.responses import Response

from scripts.core import recordings
from scripts.core.paths import RECORDINGS_DIR
from scripts.live import balances
from scripts.replay.app import ReplayApp
from scripts.replay.serve import serving
from tests.support.raw_server import RawServer, http_answer


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


# --- whatever an upstream sends, or an account is set to, every account keeps its row -----------

_RECORDED = {
    path: recordings.load(RECORDINGS_DIR / f"useapi/{name}.yaml").body_text.encode()
    for path, name in [
        (b"/v1/dreamina/accounts/", "getDreaminaAccount/200-live"),
        (b"/v1/flowmusic/accounts/", "getFlowMusicAccount/200-paid-healthy"),
        (b"/v2/pixverse/features", "getPixverseFeatures/200-page-example"),
    ]
}
PIXVERSE = json.loads(_RECORDED[b"/v2/pixverse/features"])


def _pixverse_answers(pixverse: bytes) -> Callable[[bytes], bytes]:
    """A useapi.net that answers as recorded, but PixVerse with pixverse (a whole HTTP answer)."""

    def answer(request: bytes) -> bytes:
        target = request.split(b" ", 2)[1]
        if target.startswith(b"/v2/pixverse/"):
            return pixverse
        body = next(body for prefix, body in _RECORDED.items() if target.startswith(prefix))
        return http_answer("200 OK", body, content_type="application/json")

    return answer


def _pixverse_body(**changes: object) -> bytes:
    return json.dumps({**PIXVERSE, **changes}).encode()


HOSTILE_ANSWERS = {
    "a body over the size cap": (
        http_answer("200 OK", b'{"plan_name": "' + b"x" * (1 << 20) + b'"}', content_type="application/json"),
        {"the answer was larger than the size cap (1048576 bytes)"},
    ),
    "a corrupt gzip": (
        http_answer("200 OK", b"\x1f\x8b\x08\x00corrupt", content_type="application/json", content_encoding="gzip"),
        {"the answer broke the contract at $", "the answer's compression is corrupt"},
    ),
    "a balance of 10^400": (
        http_answer("200 OK", _pixverse_body(credit_daily=10**400), content_type="application/json"),
        {"the answer holds an amount too large for a number", "the answer broke the contract at $.credit_daily"},
    ),
    "a lone surrogate": (
        http_answer("200 OK", _pixverse_body(plan_name="\ud800"), content_type="application/json"),
        {""},
    ),
    "an ANSI escape": (
        http_answer(
            "200 OK", _pixverse_body(plan_name="\x1b[2J\x1b]0;pwned\x07Premium"), content_type="application/json"
        ),
        {""},
    ),
    "an address as a key of the wrong type": (
        http_answer("200 OK", _pixverse_body(credit_daily={"jane@gmail.com": 1}), content_type="application/json"),
        {"the answer broke the contract at $.credit_daily"},
    ),
}


def _check_table(out: str) -> None:
    """Safe on a terminal: no lone surrogate (printing would raise), no escape acting on it."""
    out.encode("utf-8")
    assert "\x1b" not in out and "\x07" not in out and "\x9b" not in out and "\u202e" not in out
    assert "Traceback" not in out


def _json_rows(json_out: str) -> dict[tuple[str, str], dict[str, Any]]:
    """Valid JSON, ASCII only, as any parser reads it; the rows by (provider, account)."""
    assert json_out.isascii() and "NaN" not in json_out and "Infinity" not in json_out
    data = json.loads(json_out)
    return {(row["provider"], row["account"]): row for row in data["balances"]}


def _check_output(out: str, json_out: str) -> dict[tuple[str, str], dict[str, Any]]:
    _check_table(out)
    return _json_rows(json_out)


@pytest.mark.parametrize("case", HOSTILE_ANSWERS)
def test_a_hostile_answer_is_its_accounts_row_and_the_others_keep_theirs(
    raw_server: RawServer, replay_server: str, case: str
) -> None:
    answer, problems = HOSTILE_ANSWERS[case]
    raw_server.answer = _pixverse_answers(answer)
    environ = _environment(
        raw_server.base_url, IMAGINEPRO_BASE_URL=replay_server, USEAPI_FLOWMUSIC_EMAIL="jane@example.com"
    )
    code, out, err = _run(environ)
    json_code, json_out, _ = _run(environ, "--json")
    rows = _check_output(out, json_out)
    assert len(out.splitlines()) == 5 and err == ""  # the header and four rows
    assert {key: row["problem"] for key, row in rows.items() if key[0] != "PixVerse"} == {
        ("Dreamina", "US:jane@example.com"): "",
        ("Flow Music", "jane@example.com"): "",
        ("ImaginePro", "jane@example.com"): "",
    }
    assert rows[("PixVerse", "jane@example.com")]["problem"] in problems
    assert (code, json_code) == ((1, 1) if problems != {""} else (0, 0))


def test_terminal_escapes_are_shown_not_acted_on(raw_server: RawServer, replay_server: str) -> None:
    answer, _ = HOSTILE_ANSWERS["an ANSI escape"]
    raw_server.answer = _pixverse_answers(answer)
    _, out, _ = _run(_environment(raw_server.base_url, IMAGINEPRO_BASE_URL=replay_server))
    assert "\\x1b[2J\\x1b]0;pwned\\x07Premium" in out


@pytest.mark.parametrize(
    ("account", "problem"),
    [
        ("..", "the account would change the endpoint (. or ..)"),
        ("x" * 100_000, "the account is too long or malformed for a URL"),
    ],
    ids=["dot-dot", "100k-characters"],
)
def test_an_unusable_account_is_its_row(replay_server: str, account: str, problem: str) -> None:
    environ = _environment(replay_server, USEAPI_FLOWMUSIC_EMAIL=f"jane@example.com,{account}")
    code, out, _ = _run(environ)
    json_code, json_out, _ = _run(environ, "--json")
    rows = _check_output(out, json_out)
    assert (code, json_code) == (1, 1)
    assert rows[("Flow Music", account)]["problem"] == problem
    assert rows[("Flow Music", "jane@example.com")]["total"] == 5000 and len(rows) == 5
    assert max(len(line) for line in out.splitlines()) < 400  # the account is cut to a cell's width


# What an upstream can put in the fields the table shows, weighted towards what breaks tools, and
# anything anywhere else.
SHOWN_TEXT = st.text(st.sampled_from(list("ab \x1b[2J\x07\x9b\u202e\ud800é")) | st.characters(), max_size=12)
SHOWN_NUMBERS = (
    st.sampled_from([10**400, -(10**400), 1e308, float("nan"), float("inf")])
    | st.integers(10**300, 10**500)
    | st.integers()
    | st.floats()
)
SHOWN_FIELDS = st.fixed_dictionaries(
    {},
    optional={
        "plan_name": SHOWN_TEXT,
        "credit_daily": SHOWN_NUMBERS,
        "credit_monthly": SHOWN_NUMBERS,
        "credit_package": SHOWN_NUMBERS,
    },
)
ANY_JSON = st.recursive(
    st.none() | st.booleans() | SHOWN_NUMBERS | SHOWN_TEXT,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@settings(max_examples=40, deadline=None, suppress_health_check=list(HealthCheck))
@given(
    status=st.sampled_from([200] * 6 + [400, 401, 404, 500, 503, 596]),
    content_type=st.sampled_from(["application/json"] * 6 + ["text/html", "application/json; charset=latin-1"]),
    changes=SHOWN_FIELDS | st.dictionaries(st.sampled_from([*PIXVERSE, "extra"]), ANY_JSON, min_size=1, max_size=4),
    as_json=st.booleans(),
)
@example(status=200, content_type="application/json", changes={"plan_name": "\x1b[2J\u202e"}, as_json=False)
@example(status=200, content_type="application/json", changes={"plan_name": "\ud800"}, as_json=False)
@example(status=200, content_type="application/json", changes={"credit_daily": 10**400}, as_json=True)
@example(status=200, content_type="application/json", changes={"credit_monthly": float("nan")}, as_json=True)
@example(
    status=200, content_type="application/json", changes={"credit_daily": 1e308, "credit_package": 1e308}, as_json=True
)
def test_any_answer_leaves_every_row_a_safe_table_and_valid_json(
    raw_server: RawServer,
    replay_server: str,
    sleeps: list[float],
    status: int,
    content_type: str,
    changes: dict[str, Any],
    as_json: bool,
) -> None:
    body = json.dumps({**PIXVERSE, **changes}).encode()  # 10**400 and NaN go as JSON numbers, NaN as NaN
    raw_server.answer = _pixverse_answers(http_answer(f"{status} X", body, content_type=content_type))
    environ = _environment(
        raw_server.base_url, USEAPI_DREAMINA_ACCOUNT="", IMAGINEPRO_TOKEN="", USEAPI_FLOWMUSIC_EMAIL="jane@example.com"
    )
    code, out, err = _run(environ, *(["--json"] if as_json else []))
    assert code in (0, 1) and err == ""
    if as_json:
        rows = _json_rows(out)
        assert set(rows) == {("PixVerse", "jane@example.com"), ("Flow Music", "jane@example.com")}
        assert rows[("Flow Music", "jane@example.com")]["total"] == 5000
    else:
        _check_table(out)
        assert len(out.splitlines()) == 5  # the header, two rows, two lines of what was not checked
