"""`make contract-live` against the fake upstream on 127.0.0.1: every scenario of the issue, with the
exact finding (operation, call, status, JSON path, judge) and exit code.

The faithful run goes through the real `make contract-live` in a subprocess; the others call its
entry point, scripts.live.run.main, in process with the same environment, which keeps them fast.
"""

from __future__ import annotations

import dataclasses
import json
import logging
import os
import socket
import subprocess
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from scripts.core import sdk_calls, specs
from scripts.core.openapi import path_parameters
from scripts.core.paths import ROOT
from scripts.core.secret_scan import scan
from scripts.fixtures.fake_upstream import ACCOUNTS, INVENTED_TIER, TOKENS, FakeUpstream, environment
from scripts.live import config as live_config
from scripts.live import run as live
from tests.support.live_runs import run_live

Fake = tuple[FakeUpstream, str]

# The operations the fake upstream answers as live. An operation a maintainer adds is answered from
# its recordings, or skipped by the run (a POST, a parameter with no live value): the tests hold
# whatever else the specs have.
OPERATIONS = [
    "useapi getAccount",
    "useapi getDreaminaAccount",
    "useapi getPixverseFeatures",
    "useapi getFlowMusicAccount",
    "imaginepro getAccountInfo",
]


def _faithful(by_operation: dict[str, str]) -> dict[str, str]:
    """The entries of OPERATIONS; every other operation the specs have was skipped or conforms."""
    assert set(by_operation.values()) - set(by_operation[op] for op in OPERATIONS) <= {"skipped", "conforms"}
    return {operation: by_operation[operation] for operation in OPERATIONS}


def _of_operations(cases: list[ElementTree.Element]) -> list[ElementTree.Element]:
    """The junit cases of OPERATIONS (classname `spec.operationId`)."""
    return [case for case in cases if (case.get("classname") or "").replace(".", " ", 1) in OPERATIONS]


def test_faithful_upstream_make_contract_live_conforms(fake_upstream: Fake, tmp_path: Path) -> None:
    _app, base_url = fake_upstream
    env = {
        **os.environ,
        **environment(base_url, "faithful", "make"),
        "LIVE_RATE": "1000",
        "LIVE_OUT": str(tmp_path),
    }
    env.pop("LIVE_TIMEOUT", None)
    result = subprocess.run(
        ["make", "--no-print-directory", "contract-live"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    report = (tmp_path / "report.md").read_text(encoding="utf-8")
    assert result.stdout == report + "\n"  # the report alone on stdout, for the job summary
    assert result.stderr == ""
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    verdicts = {f"{op['spec']} {op['operation']}": op["result"] for op in summary["operations"]}
    assert _faithful(verdicts) == dict.fromkeys(OPERATIONS, "conforms")
    assert all(call["failures"] == call["warnings"] == 0 for op in summary["operations"] for call in op["calls"])
    assert "None: every answer conforms" in report
    suites = ElementTree.parse(tmp_path / "junit.xml").getroot()
    cases = _of_operations(suites.findall("./testsuite/testcase"))
    assert len(cases) == 13  # 5 success calls, 5 wrong tokens, 3 unknown accounts
    assert not suites.findall(".//failure") and not any(case.findall("skipped") for case in cases)
    recorded = [path.parent.name for path in (tmp_path / "recordings").rglob("*.yaml")]
    assert len([name for name in recorded if any(op.endswith(f" {name}") for op in OPERATIONS)]) == 13


# scenario -> (exit code, the findings: (level, operation, call, status, path, judge))
DRIFTS = {
    "missing-field": (
        1,
        {
            ("failure", "imaginepro getAccountInfo", "success", "200", "$.creditsExtra", "conformance"),
            ("failure", "imaginepro getAccountInfo", "success", "200", "$.creditsExtra", "sdk"),
        },
    ),
    "wrong-type": (
        1,
        {
            ("failure", "useapi getPixverseFeatures", "success", "200", "$.credit_monthly", "conformance"),
            ("failure", "useapi getPixverseFeatures", "success", "200", "$.credit_monthly", "sdk"),
        },
    ),
    "null-field": (
        1,
        {
            ("failure", "useapi getDreaminaAccount", "success", "200", "$.credits.total", "conformance"),
            ("failure", "useapi getDreaminaAccount", "success", "200", "$.credits.total", "sdk"),
        },
    ),
    "new-fields": (
        0,
        {
            ("warning", "useapi getAccount", "success", "200", "$.plan", "completeness"),
            ("warning", "useapi getAccount", "success", "200", '$.accounts["Midjourney API"].queued', "completeness"),
        },
    ),
    "new-enum-value": (0, {("warning", "useapi getFlowMusicAccount", "success", "200", "$.tier", "completeness")}),
    "status-596": (
        1,
        {
            ("warning", "useapi getDreaminaAccount", "success", "596", "$", "completeness"),
            ("failure", "useapi getDreaminaAccount", "success", "596", "$", "call"),
        },
    ),
    "status-503": (
        1,
        {
            ("warning", "useapi getAccount", "success", "503", "$", "completeness"),
            ("failure", "useapi getAccount", "success", "503", "$", "call"),
        },
    ),
    "not-json": (
        1,
        {
            ("failure", "useapi getPixverseFeatures", "success", "200", "$", "conformance"),
            ("failure", "useapi getPixverseFeatures", "success", "200", "$", "sdk"),
        },
    ),
    "timeout": (1, {("failure", "imaginepro getAccountInfo", "success", "-", "$", "wire")}),
    "retry-after": (0, set()),
}
DRIFTED = {
    "missing-field": "imaginepro getAccountInfo",
    "wrong-type": "useapi getPixverseFeatures",
    "null-field": "useapi getDreaminaAccount",
    "new-fields": "useapi getAccount",
    "new-enum-value": "useapi getFlowMusicAccount",
    "status-596": "useapi getDreaminaAccount",
    "status-503": "useapi getAccount",
    "not-json": "useapi getPixverseFeatures",
    "timeout": "imaginepro getAccountInfo",
}


@pytest.mark.parametrize("scenario", DRIFTS)
def test_drift_is_reported_exactly(fake_upstream: Fake, tmp_path: Path, scenario: str, sleeps: list[float]) -> None:
    # Short only where the fake upstream stalls: under load an answer can take longer than 0.2 s.
    run = run_live(fake_upstream, scenario, tmp_path, LIVE_TIMEOUT="0.2" if scenario == "timeout" else "5")
    exit_code, expected = DRIFTS[scenario]
    assert (run.exit_code, run.findings) == (exit_code, expected), run.report
    results = run.verdicts
    drifted = DRIFTED.get(scenario)
    levels = {level for level, *_ in expected}
    for operation in OPERATIONS:
        if operation != drifted:
            assert results[operation] == "conforms", operation
    if drifted:
        assert results[drifted] == ("failed" if "failure" in levels else "drift")
    assert run.stdout == run.report + "\n" and run.stderr == ""
    assert "Traceback" not in run.report


def test_findings_say_what_came_by_kind_and_the_spec_change(fake_upstream: Fake, tmp_path: Path) -> None:
    rows = {
        scenario: [
            line
            for line in run_live(fake_upstream, scenario, tmp_path / scenario).report.splitlines()
            if "| `$" in line
        ]
        for scenario in ("null-field", "new-enum-value", "missing-field")
    }
    assert rows["null-field"][0] == (
        "| useapi getDreaminaAccount | success | 200 | `$.credits.total` | conformance | number | null "
        "| `nullable-added` (breaking: major bump) |"
    )
    assert rows["null-field"][1] == (
        "| useapi getDreaminaAccount | success | 200 | `$.credits.total` | sdk "
        "| an answer the SDK reads (sync and async) | ResponseValidationError: expected number, got null |  |"
    )
    tiers = specs.load(ROOT / "specs/useapi.yaml").document["components"]["schemas"]["FlowMusicTier"]["enum"]
    assert rows["new-enum-value"] == [
        f"| useapi getFlowMusicAccount | success | 200 | `$.tier` | completeness | one of "
        f"{', '.join(json.dumps(tier) for tier in tiers)} | a string ({len(INVENTED_TIER)} characters) "
        "| `enum-value-added` (compatible: minor bump) |"
    ]
    assert (
        "| `$.creditsExtra` | conformance | a required field | missing | `field-made-optional`"
        in rows["missing-field"][0]
    )


def test_429_with_retry_after_is_waited_out(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "retry-after", tmp_path)
    flow = [seen for seen in run.seen if seen.path == "/v1/flowmusic/accounts/flo.martin%40mailbox.example.net"]
    assert len(flow) == 2
    assert flow[1].at - flow[0].at >= 0.95  # Retry-After: 1
    assert run.exit_code == 0


def test_503_is_retried_by_the_sdk_before_it_is_reported(
    fake_upstream: Fake, tmp_path: Path, sleeps: list[float]
) -> None:
    run = run_live(fake_upstream, "status-503", tmp_path)
    account = [seen for seen in run.seen if seen.path == "/v2/account" and seen.authorized]
    assert len(account) == 3 and len(sleeps) == 2  # the SDK's two retries, with its backoff
    assert "15 GET requests sent, retries included" in run.report


def test_the_rate_limit_spaces_every_request_on_the_wire_retries_included(
    fake_upstream: Fake, tmp_path: Path, sleeps: list[float]
) -> None:
    run = run_live(fake_upstream, "flaky", tmp_path, LIVE_RATE="40")  # 25 ms apart; 503 once, retried
    assert run.exit_code == 0 and len(sleeps) == 1  # the retry's own backoff was not slept
    arrivals = [seen.at for seen in run.seen]
    assert len(arrivals) == 14
    # The limiter lets request k go 25 ms times k after the first. The server sees each a little
    # later, by however long its thread took to be scheduled (the first one too, which makes the
    # others look early): 60 ms of slack, enough for a loaded 2-core machine. Unlimited, the 14
    # requests come about 10 ms apart (each is judged before the next): the last would be 200 ms
    # early, the eighth already 105 ms.
    late = [arrivals[k] - arrivals[0] - 0.025 * k for k in range(len(arrivals))]
    assert min(late) >= -0.06, late
    assert "14 GET requests sent, retries included, at most 40 a second" in run.report


def test_only_get_requests_are_sent(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "faithful", tmp_path)
    assert {seen.method for seen in run.seen} == {"GET"}
    templates = [
        op.path
        for spec in ("useapi", "imaginepro")
        for op in sdk_calls.operations(spec)
        if f"{spec} {op.operation_id}" in OPERATIONS
    ]
    assert len([seen for seen in run.seen if any(path_parameters(t, seen.path) is not None for t in templates)]) == 13


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_a_host_that_does_not_answer_fails_its_operations(
    fake_upstream: Fake, tmp_path: Path, sleeps: list[float]
) -> None:
    run = run_live(fake_upstream, "faithful", tmp_path, IMAGINEPRO_BASE_URL=f"http://127.0.0.1:{_closed_port()}")
    assert run.exit_code == 1
    assert run.findings == {
        ("failure", "imaginepro getAccountInfo", "success", "-", "$", "wire"),
        ("failure", "imaginepro getAccountInfo", "wrong-token", "-", "$", "wire"),
    }
    assert "| wire | an answer within 16 s | no answer: could not connect (ConnectError) |" in run.report
    assert len(sleeps) == 4  # each call retried twice, as the SDK does
    assert run.verdicts["useapi getAccount"] == "conforms"
    assert "Traceback" not in run.stdout + run.stderr


def test_no_token_at_all_exits_2_naming_the_variables(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "faithful", tmp_path, USEAPI_TOKEN="", IMAGINEPRO_TOKEN="")
    assert run.exit_code == 2
    assert run.stderr == "contract-live: no token is set: set USEAPI_TOKEN or IMAGINEPRO_TOKEN (or both)\n"
    assert run.stdout == "" and run.seen == [] and not (tmp_path / "report.md").exists()


@pytest.mark.parametrize(
    ("variable", "value", "message"),
    [
        ("USEAPI_BASE_URL", "api.useapi.net", "USEAPI_BASE_URL must be an http:// or https:// URL with a host"),
        (
            "IMAGINEPRO_BASE_URL",
            "ftp://127.0.0.1/x",
            "IMAGINEPRO_BASE_URL must be an http:// or https:// URL with a host",
        ),
        (
            "USEAPI_BASE_URL",
            "https://me:pa55word@127.0.0.1",
            "USEAPI_BASE_URL must not hold credentials: the token goes in USEAPI_TOKEN",
        ),
        ("LIVE_RATE", "fast", "LIVE_RATE must be a positive number (requests per second)"),
        ("LIVE_RATE", "0", "LIVE_RATE must be a positive number (requests per second)"),
        ("LIVE_RATE", "inf", "LIVE_RATE must be a positive number (requests per second)"),
        ("LIVE_TIMEOUT", "-1", "LIVE_TIMEOUT must be a positive number (seconds per request)"),
        (
            "USEAPI_TOKEN",
            "user:7301-q9ZfakeUpstreamToken\n",
            "USEAPI_TOKEN: the token has a control character (such as a newline read from a file) or a non-ASCII "
            "character, so it cannot be sent in a header",
        ),
    ],
)
def test_a_malformed_variable_exits_2_in_one_line_naming_it(
    fake_upstream: Fake, tmp_path: Path, variable: str, value: str, message: str
) -> None:
    run = run_live(fake_upstream, "faithful", tmp_path, **{variable: value})
    assert (run.exit_code, run.stderr, run.stdout) == (2, f"contract-live: {message}\n", "")
    assert run.seen == []


def test_an_unwritable_live_out_exits_2(fake_upstream: Fake, tmp_path: Path) -> None:
    (tmp_path / "file").write_text("not a folder")
    run = run_live(fake_upstream, "faithful", tmp_path / "file" / "out")
    assert run.exit_code == 2 and run.stderr.startswith("contract-live: LIVE_OUT cannot be created: ")
    assert run.seen == []


def test_a_host_without_its_token_is_skipped_and_named(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "faithful", tmp_path, run="no-token", IMAGINEPRO_TOKEN="")
    assert run.exit_code == 0
    assert run.verdicts["imaginepro getAccountInfo"] == "skipped"
    reason = f"IMAGINEPRO_TOKEN is not set: set it to check {fake_upstream[1]}/faithful/no-token"
    assert f"| skipped | {reason} |" in run.report
    assert "| imaginepro | " in run.report and "not set: set `IMAGINEPRO_TOKEN` to check it |" in run.report
    assert all(seen.path.startswith(("/v1/", "/v2/")) for seen in run.seen)
    skipped = ElementTree.parse(tmp_path / "junit.xml").getroot().findall(".//skipped")
    assert [element.get("message") for element in skipped if "_TOKEN" in str(element.get("message"))] == [reason]


def test_an_operation_whose_account_is_not_set_is_skipped_and_named(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "faithful", tmp_path, USEAPI_PIXVERSE_EMAIL="")
    assert run.exit_code == 0
    assert run.verdicts["useapi getPixverseFeatures"] == "skipped"
    assert "| skipped | USEAPI_PIXVERSE_EMAIL is not set: set it to the account to check |" in run.report
    assert not any(seen.path.startswith("/v2/pixverse/") for seen in run.seen)


def test_several_accounts_each_get_their_success_call(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(
        fake_upstream,
        "faithful",
        tmp_path,
        USEAPI_FLOWMUSIC_EMAIL="flo.martin@mailbox.example.net, someone.else@mailbox.example.net",
    )
    assert run.exit_code == 1
    assert run.findings == {("failure", "useapi getFlowMusicAccount", "success-2", "404", "$", "call")}
    assert (
        "| success-2 | 404 | `$` | call | 200, the answer to the configured account (USEAPI_FLOWMUSIC_EMAIL #2) | 404 |"
        in run.report
    )


def test_junit_has_a_case_per_operation_and_call(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "null-field", tmp_path)
    suites = ElementTree.parse(tmp_path / "junit.xml").getroot()
    cases = {(case.get("classname"), case.get("name")): case for case in _of_operations(list(suites.iter("testcase")))}
    assert len(cases) == 13
    failed = cases[("useapi.getDreaminaAccount", "success")].find("failure")
    assert failed is not None and failed.text == (
        "conformance: $.credits.total: expected number, got null\n"
        "sdk: $.credits.total: expected an answer the SDK reads (sync and async), "
        "got ResponseValidationError: expected number, got null"
    )
    assert [s.get("failures") for s in suites.findall("testsuite")] == ["1", "0"]
    assert run.exit_code == 1


@pytest.mark.parametrize("scenario", ["faithful", "null-field", "not-json", "timeout", "status-596"])
def test_no_token_reaches_an_output_log_line_or_exception_and_no_account_an_output(
    fake_upstream: Fake, tmp_path: Path, scenario: str, caplog: pytest.LogCaptureFixture, sleeps: list[float]
) -> None:
    caplog.set_level(logging.DEBUG)
    down = f"http://127.0.0.1:{_closed_port()}"  # a connection error too: its exception must not carry them
    run = run_live(fake_upstream, scenario, tmp_path, LIVE_TIMEOUT="0.2", IMAGINEPRO_BASE_URL=down)
    logged = "\n".join(
        record.getMessage() + (logging.Formatter().formatException(record.exc_info) if record.exc_info else "")
        for record in caplog.records
    )
    assert caplog.records  # httpx logs every request: the check below looks at something
    for token in TOKENS.values():  # httpx logs URLs (an account's address), never a header
        assert token not in logged
    addresses = [*ACCOUNTS.values(), *(account.rpartition(":")[2] for account in ACCOUNTS.values())]
    outputs = {"stdout": run.stdout, "stderr": run.stderr, **run.files()}
    for name, text in outputs.items():
        for secret in [*TOKENS.values(), *addresses]:
            assert secret not in text, f"{name} holds {secret!r}"
        assert next(scan(text, name), None) is None, name


def test_summary_marks_the_drifted_operations_for_the_workflow(
    fake_upstream: Fake, tmp_path: Path, sleeps: list[float]
) -> None:
    down = f"http://127.0.0.1:{_closed_port()}"
    run_live(fake_upstream, "new-enum-value", tmp_path, IMAGINEPRO_BASE_URL=down)
    summary = json.loads((tmp_path / "summary.json").read_text(encoding="utf-8"))
    assert summary["exit_code"] == 1
    operations = [op for op in summary["operations"] if f"{op['spec']} {op['operation']}" in OPERATIONS]
    assert {(op["operation"], op["result"], op["drifted"]) for op in operations} == {
        ("getAccount", "conforms", False),
        ("getDreaminaAccount", "conforms", False),
        ("getPixverseFeatures", "conforms", False),
        ("getFlowMusicAccount", "drift", True),
        ("getAccountInfo", "failed", False),  # a host down is a failed run, not a drifted contract
    }


def test_a_recording_that_still_holds_a_secret_is_not_written(fake_upstream: Fake, tmp_path: Path) -> None:
    run = run_live(fake_upstream, "numeric-token", tmp_path)
    assert run.exit_code == 1
    assert run.findings == {
        ("warning", "useapi getAccount", "success", "200", "$.api_token", "completeness"),
        ("failure", "useapi getAccount", "success", "200", "$", "recorder"),
    }
    assert (
        "| recorder | a recording with no secret | api_token not REDACTED, left after sanitizing: not written |"
        in run.report
    )
    assert not (tmp_path / "recordings/useapi/getAccount/200-live-2026-01-02.yaml").exists()
    assert (tmp_path / "recordings/useapi/getAccount/401-live-2026-01-02.yaml").exists()


def test_an_operation_that_is_not_a_get_is_never_called(fake_upstream: Fake) -> None:
    config = live_config.read(environment(fake_upstream[1], "faithful", "plan"))
    get_account = next(op for op in sdk_calls.operations("useapi") if op.operation_id == "getAccount")
    for method in ("post", "put", "patch", "delete"):
        changing = dataclasses.replace(get_account, method=method)
        assert live._calls(config, config.hosts["useapi"], changing) == (
            f"a {method.upper()} may spend credits or change state: the run calls GET and HEAD only "
            "(LIVE_UNSAFE_OPERATIONS=useapi.getAccount opts it in)"
        )
    for method in ("get", "head"):
        calls = live._calls(config, config.hosts["useapi"], dataclasses.replace(get_account, method=method))
        assert not isinstance(calls, str) and [call.name for call in calls] == ["success", "wrong-token"]


def test_an_opted_in_operation_is_sent_as_its_success_recording(fake_upstream: Fake) -> None:
    environ = environment(fake_upstream[1], "faithful", "plan") | {"LIVE_UNSAFE_OPERATIONS": " useapi.getAccount ,"}
    config = live_config.read(environ)
    get_account = next(op for op in sdk_calls.operations("useapi") if op.operation_id == "getAccount")
    calls = live._calls(config, config.hosts["useapi"], dataclasses.replace(get_account, method="post"))
    assert not isinstance(calls, str)
    assert [(call.name, call.expected_status, call.wrong_token) for call in calls] == [
        ("success", 200, False),
        ("wrong-token", 401, True),
    ]
    assert {call.recording.name for call in calls if call.recording} == {"useapi/getAccount/200-page-example"}


@pytest.mark.parametrize("value", ["getAccount", "useapi.getAccount,useapi.noSuchOperation", "Bearer user:1-abc"])
def test_an_opt_in_that_names_no_operation_exits_2_in_one_line(fake_upstream: Fake, tmp_path: Path, value: str) -> None:
    run = run_live(fake_upstream, "faithful", tmp_path, LIVE_UNSAFE_OPERATIONS=value)
    item = 2 if "," in value else 1
    message = (
        f"LIVE_UNSAFE_OPERATIONS: item {item} is not an operation of specs/ "
        "(write spec.operationId, e.g. useapi.getAccount)"
    )
    assert (run.exit_code, run.stderr, run.stdout) == (2, f"contract-live: {message}\n", "")
    assert run.seen == []
