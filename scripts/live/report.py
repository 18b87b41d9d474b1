"""The live run's outputs: the Markdown report, the JUnit file and the summary for the workflow.

Built from findings only, which name places and kinds, never values: nothing here can carry a
token or an account's address. All the same, every cell is escaped for Markdown (no code span,
link, image or HTML can start in one) and every XML text is one XML can hold.
"""

from __future__ import annotations

import datetime as dt
import json
import xml.etree.ElementTree as ElementTree
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from scripts.core.text import markdown_cell, xml_text
from scripts.live.judge import Finding, Level
from scripts.review import rules as diff_rules

if TYPE_CHECKING:
    from scripts.live.config import Config
    from scripts.live.results import CallResult, OperationResult

_BUMP = {diff_rules.Level.BREAKING: "major bump", diff_rules.Level.COMPATIBLE: "minor bump"}


def _change(finding: Finding) -> str:
    if not finding.change:
        return ""
    level = diff_rules.RULES[finding.change].level(diff_rules.Side.RESPONSE)
    return f"`{finding.change}` ({level.value}: {_BUMP[level]})"


def _calls_cell(result: OperationResult) -> str:
    if result.skipped:
        return markdown_cell(result.skipped)  # ours: names a variable and the configured URL
    shown = []
    for call in result.calls:
        status = "no answer" if call.status is None else str(call.status)
        mark = " ✗" if any(f.level is Level.FAILURE for f in call.findings) else ""
        shown.append(f"{call.name} {status}{mark}")
    return markdown_cell(" · ".join(shown), "text")


def _findings_rows(results: Sequence[OperationResult], level: Level) -> list[str]:
    rows = []
    for result in results:
        for call in result.calls:
            for finding in call.findings:
                if finding.level is level:
                    rows.append(_finding_row(result, call, finding))
    return rows


def _finding_row(result: OperationResult, call: CallResult, finding: Finding) -> str:
    status = "-" if finding.status is None else str(finding.status)
    cells = [
        markdown_cell(f"{result.spec_name} {result.operation_id}", "text"),
        markdown_cell(call.name, "text"),
        status,
        markdown_cell(finding.path, "code"),
        markdown_cell(finding.judge, "text"),
        markdown_cell(finding.expected, "text"),
        markdown_cell(finding.actual, "text"),
        markdown_cell(_change(finding)),  # ours: a rule name in a code span
    ]
    return "| " + " | ".join(cells) + " |"


def markdown(results: Sequence[OperationResult], config: Config, today: dt.date, sent: int, out: Path) -> str:
    lines = [f"# Live contract run, {today.isoformat()}", "", "| host | base URL | token |", "|---|---|---|"]
    for host in config.hosts.values():
        token = f"`{host.token_variable}`" if host.token else f"not set: set `{host.token_variable}` to check it"
        lines.append(f"| {host.spec_name} | {markdown_cell(host.base_url, 'code')} | {token} |")
    lines += [
        "",
        f"{sent} GET requests sent, retries included, "
        + (f"at most {config.rate:g} a second." if config.rate else "with no rate limit."),
        "",
        "## Operations",
        "",
        "| operation | result | calls |",
        "|---|---|---|",
    ]
    for result in results:
        # Ours, from the spec: Markdown kept.
        operation = (
            f"{result.spec_name} `{result.operation.method.upper()} {result.operation.path}` ({result.operation_id})"
        )
        lines.append(f"| {markdown_cell(operation)} | {result.verdict} | {_calls_cell(result)} |")
    header = [
        "",
        "| operation | call | status | path | judge | expected | got | spec change |",
        "|---|---|---|---|---|---|---|---|",
    ]
    failures = _findings_rows(results, Level.FAILURE)
    warnings = _findings_rows(results, Level.WARNING)
    lines += ["", "## Findings", ""]
    if not failures and not warnings:
        lines.append("None: every answer conforms, and the specs name everything the answers hold.")
    if failures:
        lines += [
            f"### Failures ({len(failures)}): the answer breaks the contract, or the SDK cannot read it",
            *header,
            *failures,
            "",
        ]
    if warnings:
        lines += [
            f"### Warnings ({len(warnings)}): the answer holds what the spec does not name (the SDK reads it)",
            *header,
            *warnings,
            "",
        ]
    recorded = sorted(call.recording for result in results for call in result.calls if call.recording)
    lines += ["", f"## Recordings ({len(recorded)}), sanitized", ""][1 if lines[-1] == "" else 0 :]
    lines += [f"- `{path.relative_to(out).as_posix()}`" for path in recorded]
    lines += [
        "",
        "A drift becomes a spec change (then `make diff` and the version bump it asks for), and a "
        "recording becomes a test case: see CONTRIBUTING.md, *When the live API drifts*.",
    ]
    return "\n".join(lines) + "\n"


def junit(results: Sequence[OperationResult]) -> str:
    """One test case per operation and call; warnings go to the case's output, not its verdict."""
    suites = ElementTree.Element("testsuites", name="contract-live")
    by_spec: dict[str, ElementTree.Element] = {}
    for result in results:
        suite = by_spec.get(result.spec_name)
        if suite is None:
            suite = by_spec[result.spec_name] = ElementTree.SubElement(suites, "testsuite", name=result.spec_name)
        classname = f"{result.spec_name}.{result.operation_id}"
        if result.skipped:
            case = ElementTree.SubElement(suite, "testcase", classname=classname, name="all calls")
            ElementTree.SubElement(case, "skipped", message=xml_text(result.skipped))
            continue
        for call in result.calls:
            case = ElementTree.SubElement(suite, "testcase", classname=classname, name=call.name)
            failures = [f for f in call.findings if f.level is Level.FAILURE]
            warnings = [f for f in call.findings if f.level is Level.WARNING]
            if failures:
                message = xml_text(f"{failures[0].judge}: {failures[0].text}")
                failure = ElementTree.SubElement(case, "failure", message=message)
                failure.text = xml_text("\n".join(f"{f.judge}: {f.text}" for f in failures))
            if warnings:
                output = ElementTree.SubElement(case, "system-out")
                output.text = xml_text("\n".join(f"warning, {f.judge}: {f.text}" for f in warnings))
    for spec_name, suite in by_spec.items():
        cases = suite.findall("testcase")
        suite.set("tests", str(len(cases)))
        suite.set("failures", str(sum(1 for case in cases if case.find("failure") is not None)))
        suite.set("skipped", str(sum(1 for case in cases if case.find("skipped") is not None)))
        suite.set("name", spec_name)
    ElementTree.indent(suites)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"


def summary(results: Sequence[OperationResult], today: dt.date, exit_code: int) -> str:
    """For the scheduled workflow: each operation's result, and whether its contract drifted."""
    data = {
        "date": today.isoformat(),
        "exit_code": exit_code,
        "operations": [
            {
                "spec": result.spec_name,
                "operation": result.operation_id,
                "result": result.verdict,
                "drifted": result.drifted,
                "skipped": result.skipped,
                "calls": [
                    {
                        "name": call.name,
                        "status": call.status,
                        "failures": sum(1 for f in call.findings if f.level is Level.FAILURE),
                        "warnings": sum(1 for f in call.findings if f.level is Level.WARNING),
                    }
                    for call in result.calls
                ],
            }
            for result in results
        ],
    }
    return json.dumps(data, indent=2) + "\n"


def withheld(name: str, results: Sequence[OperationResult], today: dt.date) -> str:
    """What is written in place of an output that would hold a token of the run: a notice in the
    same format, with each operation's result (those hold no value)."""
    reason = "withheld: it would hold a token of this run (a bug of contract-live: please report it)"
    if name == "report.md":
        lines = [f"# Live contract run, {today.isoformat()}", "", f"The report was {reason}.", ""]
        lines += [f"- {result.spec_name} {result.operation_id}: {result.verdict}" for result in results]
        return "\n".join(lines) + "\n"
    if name == "junit.xml":
        suites = ElementTree.Element("testsuites", name="contract-live")
        suite = ElementTree.SubElement(suites, "testsuite", name="contract-live", tests="1", failures="1")
        case = ElementTree.SubElement(suite, "testcase", classname="contract-live", name="report")
        ElementTree.SubElement(case, "failure", message=f"The JUnit file was {reason}")
        ElementTree.indent(suites)
        return '<?xml version="1.0" encoding="utf-8"?>\n' + ElementTree.tostring(suites, encoding="unicode") + "\n"
    return (
        json.dumps({"date": today.isoformat(), "exit_code": 1, "withheld": reason, "operations": []}, indent=2) + "\n"
    )
