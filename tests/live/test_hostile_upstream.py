"""`make contract-live` against an upstream trying to break it: whatever it sends, the run writes
report.md, junit.xml and summary.json, none of them (nor stdout) holds an upstream value or a
token of the run in any encoding, the Markdown renders no link, image or HTML, and LIVE_TIMEOUT
bounds each request.

Scenarios of the fake upstream first, end to end; then a property over any status, content type,
headers and body, through the run's own code with only the socket replaced.
"""

from __future__ import annotations

import base64
import contextlib
import io
import json
import time
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from scripts.core import recordings, secret_scan
from scripts.fixtures.fake_upstream import ACCOUNTS, HOSTILE_KEYS, TOKENS, FakeUpstream, environment
from scripts.live import config as live_config
from scripts.live import run as live
from scripts.live.results import Call, OperationResult
from tests.support.live_runs import TODAY, run_live

Fake = tuple[FakeUpstream, str]
OUTPUTS = ["report.md", "junit.xml", "summary.json"]
RUN_SECRETS = secret_scan.RunSecrets(TOKENS.values())
GFM = MarkdownIt("gfm-like")
# Markdown a report may never render: upstream links, images, HTML. (markdown-it links bare domains
# GitHub leaves alone: the report's own mention of CONTRIBUTING.md is one.)
FORBIDDEN_MARKDOWN = {"link_open", "image", "html_inline", "html_block"}
OUR_LINKS = {"http://CONTRIBUTING.md"}


def _markdown_kinds(report: str) -> set[str]:
    kinds = set()
    for token in GFM.parse(report):
        for item in [token, *(token.children or [])]:
            if not (item.type == "link_open" and item.attrGet("href") in OUR_LINKS):
                kinds.add(item.type)
    return kinds


def _check_outputs(out: Path, shown: str, leaks: list[str]) -> None:
    """All three outputs are there and well-formed, and neither they nor `shown` (stdout and
    stderr) hold a leak or a token of the run, in any encoding."""
    texts = {name: (out / name).read_text(encoding="utf-8") for name in OUTPUTS}
    ElementTree.fromstring(texts["junit.xml"].encode("utf-8"))
    assert isinstance(json.loads(texts["summary.json"])["operations"], list)
    assert not FORBIDDEN_MARKDOWN & _markdown_kinds(texts["report.md"])
    for name, text in {"stdout and stderr": shown, **texts}.items():
        for leak in leaks:
            assert leak not in text, f"{name} holds {leak!r}"
        assert RUN_SECRETS.found(text) is None, name
        assert "\x1b" not in text and "Traceback" not in text, name


def _upstream_leaks() -> list[str]:
    return ["bücher", "gmail", "evil.example", *(account.rpartition(":")[2] for account in ACCOUNTS.values())]


def test_a_lone_surrogate_in_a_body_still_gives_every_output(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "lone-surrogate", tmp_path)
    assert run.exit_code == 0, run.stderr
    assert run.findings == {("warning", "useapi getAccount", "success", "200", "$.note", "completeness")}
    _check_outputs(tmp_path, run.stdout + run.stderr, _upstream_leaks())
    recording = recordings.load(tmp_path / "recordings/useapi/getAccount/200-live-2026-01-02.yaml")
    assert recording.body["note"] == "half a pair: \ud800"  # kept as it came, as its JSON escape


def test_body_keys_reach_no_output(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "hostile-keys", tmp_path)
    assert run.exit_code == 1
    _check_outputs(tmp_path, run.stdout + run.stderr, [*_upstream_leaks(), *HOSTILE_KEYS, "`]("])
    paths = {path for level, operation, call, status, path, judge in run.findings}
    assert paths == {
        "$[<a key: a string holding an email address>]",
        "$[<a key: a string (26 characters)>]",
        "$[<a key: a string (27 characters)>]",
        "$[<a key: a string (32 characters)>]",
        "$.accounts[<a key: a string holding an email address>]",
    }
    assert "| `$.accounts[<a key: a string holding an email address>]` | conformance | object | a string" in run.report


def test_an_undocumented_content_type_is_described_not_copied(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "odd-content-type", tmp_path)
    assert run.exit_code == 1
    _check_outputs(tmp_path, run.stdout + run.stderr, [*_upstream_leaks(), "x-evil", "pwn"])
    assert "| conformance | application/json | an unregistered media type (36 characters) |" in run.report


def test_the_runs_token_echoed_in_any_encoding_is_redacted_from_the_recording(
    fake_upstream: Fake, tmp_path: Path
) -> None:
    run = run_live(fake_upstream, "echoed-token", tmp_path)
    files = run.files()
    assert "recordings/useapi/getAccount/200-live-2026-01-02.yaml" in files
    for name, text in files.items():
        assert RUN_SECRETS.found(text) is None, name
    _check_outputs(tmp_path, run.stdout + run.stderr, _upstream_leaks())


def test_a_token_the_recorder_cannot_redact_stops_the_recording_and_says_why(
    fake_upstream: Fake, tmp_path: Path
) -> None:
    run = run_live(fake_upstream, "double-encoded-token", tmp_path)
    assert run.exit_code == 1
    assert not (tmp_path / "recordings/useapi/getAccount/200-live-2026-01-02.yaml").exists()
    assert "| recorder | a recording with no secret | a token of this run, left after sanitizing: not written |" in (
        run.report
    )
    _check_outputs(tmp_path, run.stdout + run.stderr, _upstream_leaks())


def test_stdout_gets_only_what_passed_the_token_check(fake_upstream: Fake, tmp_path: Path) -> None:
    # The base URL, which the report shows, ends in a token of the run, base64-encoded.
    encoded = base64.urlsafe_b64encode(TOKENS["imaginepro"].encode()).decode()
    run = run_live(fake_upstream, "faithful", tmp_path, run=encoded)
    assert run.exit_code == 1
    assert "report.md would hold a token of this run (base64-encoded): a notice written instead" in run.stderr
    assert run.stdout == run.report + "\n" and "The report was withheld" in run.report
    _check_outputs(tmp_path, run.stdout, _upstream_leaks())


def test_live_timeout_is_a_deadline_per_request(fake_upstream: Fake, tmp_path: Path) -> None:
    started = time.monotonic()
    run = run_live(fake_upstream, "drip", tmp_path, LIVE_TIMEOUT="0.5")
    assert time.monotonic() - started < 5  # the drip alone takes 8 s
    assert run.findings == {("failure", "imaginepro getAccountInfo", "success", "-", "$", "wire")}
    assert "| wire | an answer within 0.5 s | no answer in time (ReadTimeout) |" in run.report


# --- any answer, through the run's own code --------------------------------------------------

_TOKEN_FORMS = [
    form
    for token in TOKENS.values()
    for form in (
        token,
        token.upper(),
        quote(token, safe=""),
        base64.b64encode(token.encode()).decode(),
        base64.b64encode(b"me:" + token.encode()).decode(),
    )
]
PLANTED = [
    "jürgen.müller@bücher-verlag.de",
    "bang!path@gmail.com",
    "o'brien+x@gmail.com",
    "[a](https://evil.example/a)",
    "![i](https://evil.example/i.png)",
    "`",
    "<b>evil.example</b>",
    "\x1b[2J",
    "\ud800",
    "\u202e",
    *_TOKEN_FORMS,
]
LEAKS = ["bücher", "gmail", "evil.example", "\ud800"]
HOSTILE_STRINGS = (
    st.sampled_from(PLANTED)
    | st.text(max_size=8)
    | st.builds("".join, st.lists(st.sampled_from(PLANTED) | st.text(max_size=4), min_size=2, max_size=3))
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.just(10**400) | st.floats(allow_nan=False) | HOSTILE_STRINGS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(HOSTILE_STRINGS, inner, max_size=4),
    max_leaves=10,
)
CONTENT_TYPES = st.sampled_from(
    ["application/json", "application/json; charset=utf-8", "application/problem+json", "text/html", ""]
) | st.text(st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=40)
HEADER_NAMES = st.sampled_from(["set-cookie", "x-request-id", "retry-after", "location", "x-echo"])
HEADER_VALUES = st.sampled_from([*_TOKEN_FORMS, "0", "1", "jane@gmail.com"]) | st.text(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=20
)


@st.composite
def answers(draw: st.DrawFn, faithful: dict[str, object]) -> tuple[int, str, list[tuple[str, str]], bytes]:
    status = draw(st.sampled_from([200, 400, 401, 404, 429, 500, 503, 596]) | st.integers(200, 599))
    content_type = draw(CONTENT_TYPES)
    headers = draw(st.lists(st.tuples(HEADER_NAMES, HEADER_VALUES), max_size=3))
    shape = draw(st.sampled_from(["faithful plus", "any JSON", "bytes"]))
    if shape == "bytes":
        return status, content_type, headers, draw(st.binary(max_size=40))
    body = (
        draw(JSON_VALUES)
        if shape == "any JSON"
        else {**faithful, **draw(st.dictionaries(HOSTILE_STRINGS, JSON_VALUES))}
    )
    return status, content_type, headers, json.dumps(body).encode()


@pytest.fixture(scope="module")
def live_run(fake_upstream: Fake, tmp_path_factory: pytest.TempPathFactory) -> tuple[live.Run, list[Call]]:
    """A live run whose calls go nowhere until a test gives it a transport."""
    out = tmp_path_factory.mktemp("live")
    config = live_config.read(
        environment(fake_upstream[1], "faithful", "property") | {"LIVE_OUT": str(out), "LIVE_RATE": "1000"}
    )
    calls = [call for _operation, planned in live.plan(config) if not isinstance(planned, str) for call in planned]
    return live.Run(config, TODAY), calls


FAITHFUL_BODY = {"id": 48213, "email": "jane@example.com", "accounts": {"Midjourney API": {"total": 3}}}


@settings(max_examples=80, deadline=None, suppress_health_check=list(HealthCheck))
@given(data=st.data())
def test_any_answer_gives_every_output_and_no_upstream_value(
    live_run: tuple[live.Run, list[Call]], sleeps: list[float], data: st.DataObject
) -> None:
    run, calls = live_run
    call = data.draw(st.sampled_from(calls))
    status, content_type, headers, body = data.draw(answers(FAITHFUL_BODY))
    sent = [("content-type", content_type)] if content_type else []
    run.transport = httpx.MockTransport(lambda request: httpx.Response(status, headers=sent + headers, content=body))
    shown = io.StringIO()
    with contextlib.redirect_stdout(shown), contextlib.redirect_stderr(shown):
        result = run.check(call)
        outcome = run.write_outputs([OperationResult(call.operation, [result])])
    assert not [finding for finding in result.findings if finding.judge == "run"], result.findings
    _check_outputs(run.config.out, shown.getvalue() + outcome.report, LEAKS)
    if result.recording is not None:
        text = result.recording.read_text(encoding="utf-8")
        assert next(secret_scan.scan(text, "recording"), None) is None
        assert RUN_SECRETS.found(text) is None
