"""The live run's outputs rendered from result objects made here: report.md, junit.xml and
summary.json say what the results hold, each finding once, at its level."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from xml.etree import ElementTree

import pytest

from scripts.core import sdk_calls
from scripts.live import config as live_config
from scripts.live import report
from scripts.live.judge import Finding, Level
from scripts.live.results import Call, CallResult, OperationResult

TODAY = dt.date(2026, 1, 2)
ACCOUNT = sdk_calls.operations("useapi")[1]  # getDreaminaAccount
INFO = sdk_calls.operations("imaginepro")[0]  # getAccountInfo


@pytest.fixture
def config(tmp_path: Path) -> live_config.Config:
    environ = {"USEAPI_TOKEN": "user:1-REDACTED", "USEAPI_DREAMINA_ACCOUNT": "US:jane@example.com"}
    return live_config.read(environ | {"LIVE_OUT": str(tmp_path)})


def _call(operation: sdk_calls.Operation, status: int | None, *findings: Finding) -> CallResult:
    call = Call(operation, "success", "the success call", 200, {})
    return CallResult(call, status=status, attempts=1, findings=list(findings))


NULL_TOTAL = Finding("conformance", Level.FAILURE, 200, "$.credits.total", "number", "null", "nullable-added")
NEW_FIELD = Finding("completeness", Level.WARNING, 200, "$.plan|tier", "no such field", "a string", "field-added")
RESULTS = [
    OperationResult(ACCOUNT, [_call(ACCOUNT, 200, NULL_TOTAL, NEW_FIELD)]),
    OperationResult(INFO, skipped="IMAGINEPRO_TOKEN is not set"),
]


def test_each_finding_is_one_row_under_its_level(config: live_config.Config, tmp_path: Path) -> None:
    text = report.markdown(RESULTS, config, TODAY, 3, tmp_path)
    failures, warnings = text.split("### Failures (1)")[1].split("### Warnings (1)")
    assert "| useapi getDreaminaAccount | success | 200 | `$.credits.total` | conformance | number | null " in failures
    assert "`nullable-added` (breaking: major bump)" in failures
    # a pipe inside a value is escaped, so the row keeps its columns
    assert "`$.plan\\|tier`" in warnings and "`field-added` (compatible: minor bump)" in warnings
    assert "3 GET requests sent" in text


def test_the_operations_table_gives_each_verdict(config: live_config.Config, tmp_path: Path) -> None:
    text = report.markdown(RESULTS, config, TODAY, 3, tmp_path)
    assert "(getDreaminaAccount) | failed | success 200 ✗ |" in text
    assert "(getAccountInfo) | skipped | IMAGINEPRO_TOKEN is not set |" in text


def test_junit_fails_on_failures_only_and_skips_what_was_skipped() -> None:
    root = ElementTree.fromstring(report.junit(RESULTS))
    (case,) = root.findall("./testsuite[@name='useapi']/testcase")
    assert len(case.findall("failure")) == 1
    (skipped,) = root.findall("./testsuite[@name='imaginepro']/testcase/skipped")
    assert skipped.get("message") == "IMAGINEPRO_TOKEN is not set"


def test_summary_counts_findings_per_call_and_marks_drift() -> None:
    summary = json.loads(report.summary(RESULTS, TODAY, 1))
    dreamina, info = summary["operations"]
    assert (dreamina["result"], dreamina["drifted"]) == ("failed", True)
    assert dreamina["calls"] == [{"name": "success", "status": 200, "failures": 1, "warnings": 1}]
    assert (info["result"], info["drifted"], info["calls"]) == ("skipped", False, [])
    assert summary["exit_code"] == 1 and summary["date"] == "2026-01-02"
