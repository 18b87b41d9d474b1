"""Run `make contract-live`'s entry point in process against the fake upstream, and read what it wrote."""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import itertools
from dataclasses import dataclass
from pathlib import Path

from scripts.fixtures.fake_upstream import FakeUpstream, Seen, environment
from scripts.live import run as live
from scripts.live.results import OperationResult

TODAY = dt.date(2026, 1, 2)
_runs = itertools.count(1)


@dataclass(frozen=True)
class LiveRun:
    exit_code: int
    stdout: str
    stderr: str
    out: Path
    seen: list[Seen]  # the requests the fake upstream got from this run
    results: list[OperationResult]  # what the run found, as the report renders it

    @property
    def report(self) -> str:
        return (self.out / "report.md").read_text(encoding="utf-8")

    @property
    def findings(self) -> set[tuple[str, str, str, str, str, str]]:
        """(level, operation, call, status, path, judge) of each finding."""
        return {
            (
                finding.level.value,
                f"{result.spec_name} {result.operation_id}",
                call.name,
                "-" if finding.status is None else str(finding.status),
                finding.path,
                finding.judge,
            )
            for result in self.results
            for call in result.calls
            for finding in call.findings
        }

    @property
    def verdicts(self) -> dict[str, str]:
        """`spec operationId` -> conforms, drift, failed or skipped."""
        return {f"{result.spec_name} {result.operation_id}": result.verdict for result in self.results}

    def files(self) -> dict[str, str]:
        """Every file the run wrote, by its path below LIVE_OUT."""
        return {
            path.relative_to(self.out).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(self.out.rglob("*"))
            if path.is_file()
        }


def run_live(
    fake: tuple[FakeUpstream, str], scenario: str, out: Path, run: str | None = None, **variables: str
) -> LiveRun:
    """live.main with the fake upstream's environment (no rate limit to speak of), plus variables;
    an unset one is given as ""."""
    app, base_url = fake
    run = run or f"run{next(_runs)}"
    environ = environment(base_url, scenario, run) | {"LIVE_RATE": "1000", "LIVE_OUT": str(out)} | variables
    stdout, stderr = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(stdout), contextlib.redirect_stderr(stderr):
        outcome = live.execute(environ, today=TODAY)
    seen = app.requests(scenario, run)
    return LiveRun(outcome.exit_code, stdout.getvalue(), stderr.getvalue(), out, seen, outcome.results)
