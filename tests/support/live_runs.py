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

TODAY = dt.date(2026, 1, 2)
_runs = itertools.count(1)


@dataclass(frozen=True)
class LiveRun:
    exit_code: int
    stdout: str
    stderr: str
    out: Path
    seen: list[Seen]  # the requests the fake upstream got from this run

    @property
    def report(self) -> str:
        return (self.out / "report.md").read_text(encoding="utf-8")

    @property
    def findings(self) -> set[tuple[str, str, str, str, str, str]]:
        """(level, operation, call, status, path, judge) of each finding in the report."""
        return findings_of(self.report)

    def files(self) -> dict[str, str]:
        """Every file the run wrote, by its path below LIVE_OUT."""
        return {
            path.relative_to(self.out).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(self.out.rglob("*"))
            if path.is_file()
        }


def findings_of(report: str) -> set[tuple[str, str, str, str, str, str]]:
    found = set()
    level = ""
    for line in report.splitlines():
        if line.startswith("### "):
            level = line.split()[1].lower().rstrip("s")
        elif line.startswith("## "):
            level = ""
        elif level and line.startswith("| ") and not line.startswith(("| operation |", "|---")):
            operation, call, status, path, judge = (cell.strip() for cell in line.strip("|").split(" | ")[:5])
            found.add((level, operation, call, status, path.strip("`"), judge))
    return found


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
        exit_code = live.main(environ, today=TODAY)
    return LiveRun(exit_code, stdout.getvalue(), stderr.getvalue(), out, app.requests(scenario, run))
