"""`make contract-live`: call every operation of both specs against the real upstream, judge each
answer, and record it.

    python -m scripts.live.run      (configuration from the environment: scripts/live/config.py)

For each operation: the success call with each configured account, then the documented errors
it can provoke safely: 401 with a deliberately wrong token, and 404 (or 400, where the spec
documents no 404) with an account that cannot exist (an example.invalid address). Only GET and
HEAD requests: an operation with another method may spend credits or change state, so it is
skipped (the report says why) unless LIVE_UNSAFE_OPERATIONS names it; then its first success
recording in tests/recordings/ is sent as recorded, body included, and again with the wrong
token. Each request is sent once through the generated SDK (sync), at most LIVE_RATE a second across the
run, retries included (the SDK's own retries: 429, 502, 503, 504 and connection failures, with
Retry-After honoured), each with a timeout. Each answer is judged by scripts/live/judge.py and
written as a sanitized recording by scripts/live/record.py.

Writes LIVE_OUT/report.md (also printed), LIVE_OUT/junit.xml, LIVE_OUT/summary.json (for the
scheduled workflow) and LIVE_OUT/recordings/<spec>/<operationId>/<status>-live-<date>.yaml.
Exits 0 when every answer conforms (warnings allowed), 1 on any failure, 2 on a configuration
problem (one line naming the variable).
"""

from __future__ import annotations

import datetime as dt
import importlib
import os
import sys
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

# httpx imports its optional command-line client whenever rich and click are installed (they are
# here for the generator only): ~0.3 s the live run never uses.
sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]

import httpx  # noqa: E402
import yaml  # noqa: E402

from scripts.core import (  # noqa: E402
    conformance,
    paths,
    recordings,
    sdk_calls,
    secret_scan,
)
from scripts.core.paths import display  # noqa: E402
from scripts.core.text import valid_unicode  # noqa: E402
from scripts.live import config as live_config  # noqa: E402
from scripts.live import record as recorder  # noqa: E402
from scripts.live import report as live_report  # noqa: E402
from scripts.live.judge import (  # noqa: E402
    Finding,
    Level,
    SdkOutcome,
    judge_completeness,
    judge_conformance,
    judge_sdk,
    outcome_of,
)
from scripts.live.results import Call, CallResult, OperationResult  # noqa: E402
from scripts.live.wire import Capture, Deadline, RateLimited, RateLimiter  # noqa: E402

# Sent for the 401 call: no account anywhere has it.
WRONG_TOKEN = "contract-live-deliberately-wrong-token"
# What the run calls without being told to: methods that neither spend nor change anything.
SAFE_METHODS = ("get", "head")


def _documented(operation: sdk_calls.Operation) -> set[int]:
    return {int(status) for status in operation.node.get("responses", {}) if str(status).isdigit()}


def plan(config: live_config.Config) -> list[tuple[sdk_calls.Operation, list[Call] | str]]:
    """Each operation of both specs with its calls, or why it is skipped."""
    planned: list[tuple[sdk_calls.Operation, list[Call] | str]] = []
    for variables in live_config.HOSTS:
        host = config.hosts[variables.spec_name]
        for operation in sdk_calls.operations(variables.spec_name):
            planned.append((operation, _calls(config, host, operation)))
    return planned


def _calls(config: live_config.Config, host: live_config.Host, operation: sdk_calls.Operation) -> list[Call] | str:
    if host.token is None:
        return f"{host.token_variable} is not set: set it to check {host.base_url}"
    if operation.method.lower() not in SAFE_METHODS:
        return _opted_in_calls(config, operation)
    account = live_config.ACCOUNT_PARAMETERS.get((host.spec_name, operation.operation_id))
    names = [str(p.get("name")) for p in operation.node.get("parameters", []) if isinstance(p, dict)]
    unknown = [name for name in names if account is None or name != account.parameter]
    if unknown:
        return f"no live value for parameter {unknown[0]!r}: add it to scripts/live/config.py ACCOUNT_PARAMETERS"
    if account is not None and account.variable not in config.accounts:
        return f"{account.variable} is not set: set it to the account to check"
    documented = _documented(operation)
    success = min((s for s in documented if 200 <= s < 300), default=200)
    accounts = config.accounts[account.variable] if account else [""]
    calls = []
    for index, value in enumerate(accounts, start=1):
        name = "success" if len(accounts) == 1 else f"success-{index}"
        where = f" ({account.variable}{'' if len(accounts) == 1 else f' #{index}'})" if account else ""
        arguments = {sdk_calls.python_name(account.parameter): value} if account else {}
        calls.append(Call(operation, name, f"the configured account{where}", success, arguments))
    unknown_arguments = {sdk_calls.python_name(account.parameter): account.unknown} if account else {}
    if 401 in documented:
        calls.append(Call(operation, "wrong-token", "a deliberately wrong token", 401, unknown_arguments, True))
    not_found = next((status for status in (404, 400) if status in documented), None)
    if account is not None and not_found is not None:
        purpose = "an account that cannot exist (example.invalid)"
        calls.append(Call(operation, "unknown-account", purpose, not_found, unknown_arguments))
    return calls


def _opted_in_calls(config: live_config.Config, operation: sdk_calls.Operation) -> list[Call] | str:
    """An operation whose method may spend credits or change state: skipped unless opted in, then
    sent as its first success recording, and with a wrong token."""
    name = f"{operation.spec.name}.{operation.operation_id}"
    method = operation.method.upper()
    if name not in config.unsafe_operations:
        return (
            f"a {method} may spend credits or change state: the run calls GET and HEAD only "
            f"(LIVE_UNSAFE_OPERATIONS={name} opts it in)"
        )
    folder = paths.RECORDINGS_DIR / operation.spec.name / operation.operation_id
    recorded = [recordings.load(file) for file in sorted(folder.glob("*.yaml"))]
    found = next((r for r in recorded if r.authorized and 200 <= r.status < 300), None)
    if found is None:
        return f"opted in by LIVE_UNSAFE_OPERATIONS, but {display(folder)} holds no success recording to send"
    purpose = f"its recorded request ({found.file.name}), sent as LIVE_UNSAFE_OPERATIONS allows"
    calls = [Call(operation, "success", purpose, found.status, {}, recording=found)]
    if 401 in _documented(operation):
        calls.append(Call(operation, "wrong-token", "a deliberately wrong token", 401, {}, True, recording=found))
    return calls


@dataclass
class Exchange:
    """What one live call came to: an answer (maybe with the SDK's verdict), or none."""

    answer: conformance.Answer | None
    sdk: SdkOutcome | None
    attempts: int
    failure: Finding | None = None


class Run:
    def __init__(self, config: live_config.Config, today: dt.date) -> None:
        self.config = config
        self.today = today
        self.limiter = RateLimiter(config.rate)
        accounts = [value for variable in sorted(config.accounts) for value in config.accounts[variable]]
        unknowns = sorted({parameter.unknown for parameter in live_config.ACCOUNT_PARAMETERS.values()})
        self.sanitizer = recorder.Sanitizer(config.secrets, known_emails=[*accounts, *unknowns])
        self.recordings_dir = config.out / "recordings"
        self._written: set[Path] = set()
        # One connection pool (and one TLS context) for the whole run, shared by its clients; each
        # request on it must be over within the deadline.
        self.transport: httpx.BaseTransport = Deadline(config.deadline)

    def client(self, host: live_config.Host, call: Call, **options: Any) -> Any:
        if self.config.timeout is not None:
            options.setdefault("timeout", self.config.timeout)
        # LIVE_TIMEOUT bounds each step, as before the SDK's deadline (4.0.0): with a short one,
        # the automatic deadline (3 read timeouts) would leave no room to wait out a Retry-After.
        options.setdefault("deadline", None)
        return host.client(WRONG_TOKEN if call.wrong_token else None, **options)

    def check(self, call: Call) -> CallResult:
        """The call made and judged; whatever the upstream sent, a result (an error in the run's
        own code becomes a finding, so the other calls and the outputs go on)."""
        try:
            return self._check(call)
        except Exception as error:
            result = CallResult(call)
            result.findings.append(
                Finding(
                    "run", Level.FAILURE, None, "$", "a call the run can judge", f"an unexpected {type(error).__name__}"
                )
            )
            return result

    def _check(self, call: Call) -> CallResult:
        host = self.config.hosts[call.operation.spec.name]
        exchange = self.exchange(host, call)
        result = CallResult(call, attempts=exchange.attempts)
        if exchange.failure is not None:
            result.findings.append(exchange.failure)
        answer = exchange.answer
        if answer is None:
            return result
        result.status = answer.status
        if answer.status != call.expected_status:
            result.findings.append(
                Finding(
                    "call",
                    Level.FAILURE,
                    answer.status,
                    "$",
                    f"{call.expected_status}, the answer to {call.purpose}",
                    str(answer.status),
                )
            )
        result.findings += judge_conformance(answer)
        result.findings += judge_completeness(answer, call.operation)
        if exchange.sdk is not None:
            build = lambda **options: self.client(host, call, **options)  # noqa: E731
            result.findings += judge_sdk(exchange.sdk, call.operation, answer, build, call.sdk_arguments())
        result.recording, note = self.record(call, answer)
        if note is not None:
            result.findings.append(note)
        return result

    def exchange(self, host: live_config.Host, call: Call) -> Exchange:
        """The live call, through the SDK: one request, plus the SDK's own retries."""
        errors = importlib.import_module(f"{host.package}.errors")
        capture = Capture(RateLimited(self.transport, self.limiter))
        client = self.client(host, call, httpx_args={"transport": capture})
        module = call.operation.module()
        body: bytes | None = None
        sdk: SdkOutcome | None = None
        failure: Finding | None = None

        def send() -> Any:
            nonlocal body
            try:
                with client:
                    response = module.sync_detailed(client=client, **call.sdk_arguments())
            except errors.ResponseValidationError as error:
                body = error.content  # the body as received, which the SDK could not read
                raise
            body = response.content
            return response

        try:
            sdk = outcome_of(send, errors.ResponseValidationError)
        except errors.ResponseTooLargeError as error:
            failure = Finding(
                "wire", Level.FAILURE, error.status_code, "$", "a body within the SDK's size cap", "a larger body"
            )
        except httpx.TimeoutException as error:
            failure = self._no_answer(f"no answer in time ({type(error).__name__})")
        except httpx.TransportError as error:
            failure = self._no_answer(f"no answer: {_transport_failure(error)} ({type(error).__name__})")
        except Exception as error:  # an SDK bug must not end the run: it is a finding like any other
            failure = self._no_answer(f"an unexpected {type(error).__name__} from the SDK")
        attempt = capture.last
        if attempt is None or attempt.response is None or body is None or failure is not None:
            return Exchange(None, None, len(capture.attempts), failure)
        request = attempt.request
        answer = conformance.Answer(
            spec_name=call.operation.spec.name,
            operation_id=call.operation_id,
            method=request.method,
            path=_below(request.url.raw_path.decode("ascii").partition("?")[0], host.base_url),
            query=dict(request.url.params.multi_items()),
            status=attempt.response.status_code,
            content_type=attempt.response.headers.get("content-type", ""),
            body=body,
            request_content_type=request.headers.get("content-type", "") if attempt.body else "",
            request_body=attempt.body,
        )
        return Exchange(answer, sdk, len(capture.attempts))

    def _no_answer(self, actual: str) -> Finding:
        return Finding("wire", Level.FAILURE, None, "$", f"an answer within {self.config.deadline:g} s", actual)

    def record(self, call: Call, answer: conformance.Answer) -> tuple[Path | None, Finding | None]:
        if not recorder.replayable(answer):
            expected = "a body a recording can hold (one served as JSON must be JSON)"
            return None, Finding("recorder", Level.WARNING, answer.status, "$", expected, "not JSON: not recorded")
        host = self.config.hosts[call.operation.spec.name]
        page = str((call.operation.node.get("externalDocs") or {}).get("url", ""))
        when = self.today.isoformat()
        basis = f"Recorded live from {host.base_url} by make contract-live on {when}: the answer to {call.purpose}."
        try:
            text = recorder.recording_text(
                answer, self.sanitizer, authorized=not call.wrong_token, basis=basis, page=page, date=self.today
            )
        except (yaml.YAMLError, ValueError, RecursionError) as error:
            actual = f"an answer the recorder cannot write ({type(error).__name__}): not written"
            return None, Finding("recorder", Level.FAILURE, answer.status, "$", "a recording", actual)
        left = next(secret_scan.scan(text, "recording"), None)
        own = self.sanitizer.secrets.found(text)
        if left is not None or own is not None:
            kind = left.kind if left else own
            return None, Finding(
                "recorder",
                Level.FAILURE,
                answer.status,
                "$",
                "a recording with no secret",
                f"{kind}, left after sanitizing: not written",
            )
        folder = self.recordings_dir / call.operation.spec.name / call.operation_id
        path = folder / f"{answer.status}-live-{self.today.isoformat()}.yaml"
        if path in self._written:
            path = path.with_name(f"{path.stem}-{call.name}.yaml")
        self._written.add(path)
        _write(path, text)
        return path, None

    def write_outputs(self, results: list[OperationResult]) -> Outcome:
        """report.md, junit.xml and summary.json, always all three: an output that would hold a
        token of the run (in any encoding) is replaced by a notice saying so, and only what is
        written is printed."""
        exit_code = 1 if any(result.verdict == "failed" for result in results) else 0
        report = live_report.markdown(results, self.config, self.today, self.limiter.sent, self.config.out)
        outputs = {"report.md": report, "junit.xml": live_report.junit(results)}
        for name in [*outputs, "summary.json"]:  # never, by construction; checked all the same
            if name == "summary.json":  # last: it carries the exit code
                outputs[name] = live_report.summary(results, self.today, exit_code)
            found = self.sanitizer.secrets.found(outputs[name])
            if found is not None:
                print(f"contract-live: {name} would hold {found}: a notice written instead", file=sys.stderr)
                exit_code = 1
                outputs[name] = live_report.withheld(name, results, self.today)
        for name, text in outputs.items():
            _write(self.config.out / name, text)
        return Outcome(exit_code, outputs["report.md"], self.limiter.sent, self.limiter.waited, results)


def _below(raw_path: str, base_url: str) -> str:
    """The operation's path, as sent: raw_path without the base URL's own path."""
    prefix = httpx.URL(base_url).raw_path.decode("ascii").rstrip("/")
    return raw_path[len(prefix) :] if prefix and raw_path.startswith(prefix + "/") else raw_path


def _transport_failure(error: httpx.TransportError) -> str:
    if isinstance(error, httpx.ConnectError):
        return "could not connect"
    if isinstance(error, httpx.RemoteProtocolError):
        return "the connection broke off or the answer was not HTTP"
    return "the connection failed"


def _write(path: Path, text: str) -> None:
    """Write whole or not at all: a temporary file beside it, then renamed into place."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.partial")
    partial.write_text(valid_unicode(text), encoding="utf-8")  # a lone surrogate cannot be written as UTF-8
    partial.replace(path)


def _clear_old_recordings(folder: Path) -> None:
    for old in folder.glob("*/*/*-live-*.yaml"):
        old.unlink()


@dataclass(frozen=True)
class Outcome:
    exit_code: int
    report: str
    sent: int  # requests on the wire, retries included
    waited: float  # seconds spent waiting for the rate limit
    results: list[OperationResult] = field(default_factory=list)  # what the report renders


def run(config: live_config.Config, today: dt.date) -> Outcome:
    """Run every call and write the outputs."""
    live = Run(config, today)
    _clear_old_recordings(live.recordings_dir)
    results = []
    with live.transport:
        for operation, calls in plan(config):
            if isinstance(calls, str):
                results.append(OperationResult(operation, skipped=calls))
            else:
                results.append(OperationResult(operation, [live.check(call) for call in calls]))
    return live.write_outputs(results)


def execute(environ: Mapping[str, str] | None = None, today: dt.date | None = None) -> Outcome:
    """The entry point's work: read the configuration, run, write the outputs, print the report.
    A configuration problem is one line on stderr and exit code 2, with nothing sent."""
    try:
        config = live_config.read(os.environ if environ is None else environ)
    except live_config.ConfigError as error:
        print(f"contract-live: {error}", file=sys.stderr)
        return Outcome(2, "", 0, 0.0)
    try:
        config.out.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        print(f"contract-live: LIVE_OUT cannot be created: {error.strerror}", file=sys.stderr)
        return Outcome(2, "", 0, 0.0)
    outcome = run(config, today or dt.datetime.now(dt.UTC).date())
    print(outcome.report)
    return outcome


def main(environ: Mapping[str, str] | None = None, today: dt.date | None = None) -> int:
    return execute(environ, today).exit_code


if __name__ == "__main__":
    sys.exit(main())
