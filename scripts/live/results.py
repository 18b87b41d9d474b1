"""What a live run found: each planned call, each call's result, and each operation's verdict.

The run fills these in and the report renders them; neither imports the other for them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scripts.core import recordings, sdk_calls
from scripts.live.judge import Finding, Level


@dataclass(frozen=True)
class Call:
    operation: sdk_calls.Operation
    name: str  # success, success-2, wrong-token, unknown-account
    purpose: str  # what the call is for, as the report and the recording say it
    expected_status: int
    arguments: dict[str, str]  # the SDK's keyword arguments
    wrong_token: bool = False
    recording: recordings.Recording | None = None  # the recorded request sent instead of arguments

    @property
    def operation_id(self) -> str:
        return self.operation.operation_id

    def sdk_arguments(self) -> dict[str, Any]:
        """The SDK's keyword arguments, a fresh body each time (a file's stream is spent by one send)."""
        if self.recording is not None:
            return self.operation.sdk_arguments(self.recording)
        return dict(self.arguments)


@dataclass
class CallResult:
    call: Call
    status: int | None = None
    attempts: int = 0
    findings: list[Finding] = field(default_factory=list)
    recording: Path | None = None


@dataclass
class OperationResult:
    operation: sdk_calls.Operation
    calls: list[CallResult] = field(default_factory=list)
    skipped: str = ""  # why, naming the variable to set

    @property
    def spec_name(self) -> str:
        return self.operation.spec.name

    @property
    def operation_id(self) -> str:
        return self.operation.operation_id

    @property
    def findings(self) -> list[Finding]:
        return [finding for result in self.calls for finding in result.findings]

    @property
    def verdict(self) -> str:
        """skipped, failed (a failure), drift (warnings only), or conforms."""
        if self.skipped:
            return "skipped"
        levels = {finding.level for finding in self.findings}
        return "failed" if Level.FAILURE in levels else "drift" if levels else "conforms"

    @property
    def drifted(self) -> bool:
        """Whether the contract and the answers differ (not only the run failed: a host down, a bad token)."""
        return any(finding.judge in ("conformance", "completeness", "sdk") for finding in self.findings)
