"""`make diff` and `make changelog` end to end, in a temporary git repository with real commits.

The repository holds a copy of the project's specs, scripts, generated packages and Makefile;
make runs there with this checkout's Python (PYTHON=...) and without re-creating the
environment (-o .build/venv.stamp), so nothing is installed or fetched.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from scripts.core.paths import ROOT

GIT_IDENTITY = {
    "GIT_AUTHOR_NAME": "Test",
    "GIT_AUTHOR_EMAIL": "test@example.com",
    "GIT_COMMITTER_NAME": "Test",
    "GIT_COMMITTER_EMAIL": "test@example.com",
}
ACCOUNT_MODEL = "generated/useapi-client/useapi_client/models/account.py"


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_IDENTITY}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


def make(repo: Path, target: str, *variables: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "-o", ".build/venv.stamp", target, f"PYTHON={sys.executable}", *variables],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def assert_failed(result: subprocess.CompletedProcess[str], status: int, target: str = "diff") -> None:
    """make itself always exits 2 on a failed recipe; it names the script's own status (1 or 2)."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.rstrip().endswith(f"{target}] Error {status}"), result.stderr


def edit(repo: Path, path: str, old: str, new: str) -> None:
    file = repo / path
    text = file.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {path}"
    file.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A repository whose `main` holds the project as it is now."""
    repo = tmp_path / "repo"
    repo.mkdir()
    ignore = shutil.ignore_patterns("__pycache__")
    for folder in ("specs", "scripts", "generated", "changelogs"):
        shutil.copytree(ROOT / folder, repo / folder, ignore=ignore)
    for file in ("Makefile", ".gitignore", "LICENSE", "README.md", "pyproject.toml", "uv.lock"):
        shutil.copy2(ROOT / file, repo / file)
    # The tests below start from version 1.0.0, whatever the project's version is now.
    for spec_file in (repo / "specs").glob("*.yaml"):
        text = spec_file.read_text(encoding="utf-8")
        spec_file.write_text(re.sub(r"(?m)^  version: .*$", "  version: 1.0.0", text, count=1), encoding="utf-8")
    for changelog_file in (repo / "changelogs").glob("*.md"):
        text = changelog_file.read_text(encoding="utf-8")
        preamble_end, first_entry = text.index("\n## "), text.index("\n## 1.0.0\n")
        changelog_file.write_text(text[:preamble_end] + text[first_entry:], encoding="utf-8")
    git(repo, "init", "--quiet", "--initial-branch=main")
    git(repo, "add", "--all")
    git(repo, "commit", "--quiet", "--message", "base")
    git(repo, "switch", "--quiet", "--create", "change")
    return repo


def remove_account_email(repo: Path) -> None:
    """The breaking change: Account loses its `email` field, in the spec and in the SDK."""
    edit(
        repo,
        "specs/useapi.yaml",
        "        email:\n          type: string\n          description: The email address of the useapi.net user.\n",
        "",
    )
    edit(
        repo,
        "specs/useapi.yaml",
        "                    email: jane@example.com\n                    created",
        "                    created",
    )
    edit(repo, ACCOUNT_MODEL, "    email: str | Unset = UNSET\n", "")


def test_unacknowledged_break_fails_and_a_major_bump_passes(repo: Path) -> None:
    spec = (repo / "specs/useapi.yaml").read_text(encoding="utf-8")
    assert "        email:\n          type: string\n          description: The email address" in spec
    remove_account_email(repo)
    git(repo, "commit", "--quiet", "--all", "--message", "drop Account.email")

    result = make(repo, "diff")  # BASE defaults to the merge-base with main (there is no origin/main)
    assert_failed(result, status=1)
    report = result.stdout
    assert report.startswith("# Spec review\n")
    assert "merge-base of HEAD and `main` (no `origin/main` here)" in report
    assert (
        "| **breaking** | `field-removed` | response field `email` removed | "
        "`#/components/schemas/Account/properties/email` |" in report
    )
    assert "### `GET /v2/account (getAccount)`" in report
    assert (
        "**Missing: breaking changes need a major bump: info.version is 1.0.0, set it to 2.0.0 (or higher).**" in report
    )
    assert "- `useapi_client.models.account.Account.email`: Public object was removed" in report
    assert "account.py" in report.split("## Generated files")[1]

    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 2.0.0")
    git(repo, "commit", "--quiet", "--all", "--message", "useapi 2.0.0")
    result = make(repo, "diff")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "**Every change is acknowledged by its spec's info.version.**" in result.stdout
    assert "| useapi | 1.0.0 → 2.0.0 | 1 | 0 | 1 | ✓ |" in result.stdout  # the example changed too

    # The changelog entry is written from the same diff, once.
    result = make(repo, "changelog")
    assert result.returncode == 0, result.stderr
    assert "changelogs/useapi.md: wrote 2.0.0 from 2 change(s) since 1.0.0" in result.stdout
    changelog = (repo / "changelogs/useapi.md").read_text(encoding="utf-8")
    newest = changelog.split("\n## ")[1]
    assert newest.startswith("2.0.0 (")
    assert (
        "### Breaking\n\n- `GET /v2/account (getAccount)`: response field `email` removed\n"
        "  (`#/components/schemas/Account/properties/email`)" in newest
    )
    assert "\n## 1.0.0\n" in changelog
    assert "changelogs/useapi.md: 2.0.0 is up to date" in make(repo, "changelog").stdout
    assert (repo / "changelogs/useapi.md").read_text(encoding="utf-8") == changelog


def test_compatible_addition_needs_a_minor_bump(repo: Path) -> None:
    add_nickname(repo)
    git(repo, "commit", "--quiet", "--all", "--message", "Account.nickname")
    result = make(repo, "diff", "BASE=main")
    assert_failed(result, status=1)
    assert "compatible additions need a minor bump: info.version is 1.0.0, set it to 1.1.0" in result.stdout
    assert "| compatible | `field-added` | optional response field `nickname` added |" in result.stdout

    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 1.1.0")
    result = make(repo, "diff", "BASE=main")  # the working tree counts, committed or not
    assert result.returncode == 0, result.stdout


def test_a_bad_base_exits_2_with_a_message(repo: Path) -> None:
    result = make(repo, "diff", "BASE=no-such-branch")
    assert_failed(result, status=2)
    assert result.stdout == ""
    assert "make diff: BASE='no-such-branch' is not a commit in this repository" in result.stderr


def test_a_new_spec_passes_and_a_removed_spec_fails(repo: Path) -> None:
    shutil.copy2(repo / "specs/imaginepro.yaml", repo / "specs/extra.yaml")
    git(repo, "add", "specs/extra.yaml")
    result = make(repo, "diff")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| extra | (new) → 1.0.0 | 0 | 3 | 0 | ✓ |" in result.stdout  # its operation and two schemas
    assert "| compatible | `operation-added` | operation GET /api/v1/subscription/account-info" in result.stdout

    git(repo, "rm", "--quiet", "specs/imaginepro.yaml")
    result = make(repo, "diff")
    assert_failed(result, status=1)
    assert "| imaginepro | 1.0.0 → (removed) |" in result.stdout
    assert "the spec was removed: its SDK package is gone" in result.stdout


# --- the default base ----------------------------------------------------------------------


def add_nickname(repo: Path) -> None:
    """The compatible change: Account gains an optional `nickname` (spec only: generated/ is left behind)."""
    edit(
        repo,
        "specs/useapi.yaml",
        "        email:\n          type: string\n",
        "        nickname:\n          type: string\n          description: A nickname.\n"
        "        email:\n          type: string\n",
    )


def test_a_change_committed_on_main_without_upstream_is_refused_in_one_line(repo: Path) -> None:
    git(repo, "switch", "--quiet", "main")
    add_nickname(repo)
    git(repo, "commit", "--quiet", "--all", "--message", "Account.nickname, on main")
    result = make(repo, "diff")
    assert_failed(result, status=2)
    assert result.stdout == ""
    (line,) = [line for line in result.stderr.splitlines() if line.startswith("make diff:")]
    assert line == (
        "make diff: HEAD is at `main` and there is no `origin/main`: the default base would be HEAD itself, "
        "with nothing to compare; pass BASE=<ref> (the commit before your change, e.g. BASE=HEAD~1)"
    )
    assert_failed(make(repo, "changelog"), status=2, target="changelog")  # the same base, the same refusal
    result = make(repo, "diff", "BASE=HEAD~1")
    assert_failed(result, status=1)
    assert "compatible additions need a minor bump" in result.stdout


def clone(repo: Path, into: Path) -> Path:
    """A clone of repo: its `main` tracks `origin/main`."""
    git(repo.parent, "clone", "--quiet", "--branch", "main", str(repo), str(into))
    return into


def test_the_upstream_branch_is_the_default_base_and_is_named(repo: Path, tmp_path: Path) -> None:
    work = clone(repo, tmp_path / "work")
    add_nickname(work)
    git(work, "commit", "--quiet", "--all", "--message", "Account.nickname, on local main")
    result = make(work, "diff")
    assert_failed(result, status=1)
    assert "Base: merge-base of HEAD and `origin/main` (the upstream branch)" in result.stdout
    assert "| compatible | `field-added` | optional response field `nickname` added |" in result.stdout
    assert "compatible additions need a minor bump: info.version is 1.0.0, set it to 1.1.0" in result.stdout


def test_head_behind_an_upstream_with_other_specs_is_refused(repo: Path, tmp_path: Path) -> None:
    work = clone(repo, tmp_path / "work")
    git(repo, "switch", "--quiet", "main")
    add_nickname(repo)
    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 1.1.0")
    git(repo, "commit", "--quiet", "--all", "--message", "upstream moves on")
    git(work, "fetch", "--quiet")
    result = make(work, "diff")
    assert_failed(result, status=2)
    assert result.stdout == ""
    assert (
        "make diff: HEAD is already in `origin/main`, whose specs differ: the default base would be HEAD itself; "
        "pass BASE=<ref> (BASE=origin/main to review against it)"
    ) in result.stderr


# --- generated/ left behind ------------------------------------------------------------------


def test_a_stale_generated_folder_is_named_not_reported_unchanged(repo: Path) -> None:
    add_nickname(repo)
    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 1.1.0")
    result = make(repo, "diff")
    assert result.returncode == 0, result.stdout + result.stderr
    sdk_section = result.stdout.split("## SDK API (griffe)")[1]
    assert sdk_section.startswith("\n\n**generated/ is out of date with specs/ (")
    assert "generated/useapi-client is out of date with useapi.yaml" in sdk_section.split("\n")[2]
    useapi_section = sdk_section.split("### useapi-client (`useapi_client`): ")[1].split("###")[0]
    assert useapi_section.startswith("stale, unchanged")
    assert "Public API unchanged (generated/ is stale: see above)." in useapi_section


# --- versions acknowledged on every push (make test runs make check-versions) ----------------


def test_an_unbumped_change_since_the_last_tagged_release_fails_check_versions(repo: Path) -> None:
    git(repo, "tag", "useapi-client-v1.0.0", "main")
    git(repo, "switch", "--quiet", "main")
    add_nickname(repo)
    git(repo, "commit", "--quiet", "--all", "--message", "Account.nickname, pushed to main unbumped")
    result = make(repo, "check-versions")
    assert result.returncode == 2, result.stdout + result.stderr
    assert (
        "specs/useapi.yaml: compatible additions need a minor bump: info.version is 1.0.0, set it to 1.1.0 "
        "(or higher) (since the last release, 1.0.0 at `useapi-client-v1.0.0`; make diff)"
    ) in result.stderr
    assert result.stderr.rstrip().endswith("check-versions] Error 1")

    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 1.1.0")
    result = make(repo, "check-versions")
    assert result.returncode == 0, result.stderr
    assert "specs/useapi.yaml: 1.1.0 acknowledges its 1 change(s) since 1.0.0" in result.stdout


def test_an_under_bump_fails_check_versions_without_any_tag(repo: Path) -> None:
    remove_account_email(repo)
    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 1.1.0")
    git(repo, "commit", "--quiet", "--all", "--message", "a breaking change bumped to 1.1.0 only")
    result = make(repo, "check-versions")
    assert result.returncode == 2, result.stdout + result.stderr
    assert "specs/useapi.yaml: breaking changes need a major bump: info.version is 1.1.0, set it to 2.0.0" in (
        result.stderr
    )


def test_an_unreleased_version_takes_later_changes(repo: Path) -> None:
    """2.0.0 is not released yet (no tag for it): a later compatible change joins it, no 2.1.0 needed."""
    git(repo, "tag", "useapi-client-v1.0.0", "main")
    remove_account_email(repo)
    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 2.0.0")
    git(repo, "commit", "--quiet", "--all", "--message", "useapi 2.0.0")
    git(repo, "branch", "--quiet", "--force", "main")  # 2.0.0 is on main, unreleased
    git(repo, "switch", "--quiet", "--create", "later")
    add_nickname(repo)
    git(repo, "commit", "--quiet", "--all", "--message", "Account.nickname, joins 2.0.0")
    result = make(repo, "diff")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| useapi | 2.0.0 → 2.0.0 | 0 | 1 | 0 | ✓ |" in result.stdout
    assert "2.0.0 is unreleased (the last release is 1.0.0, `useapi-client-v1.0.0`)" in result.stdout
    assert make(repo, "check-versions").returncode == 0


# --- changelogs match what ships -------------------------------------------------------------


def test_changelog_refuses_on_a_not_acknowledged_verdict(repo: Path) -> None:
    remove_account_email(repo)
    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 1.1.0")
    before = (repo / "changelogs/useapi.md").read_bytes()
    result = make(repo, "changelog")
    assert result.returncode == 2, result.stdout
    assert result.stdout == ""
    assert (
        "make changelog: specs/useapi.yaml: breaking changes need a major bump: info.version is 1.1.0, "
        "set it to 2.0.0 (or higher) (make diff); nothing written"
    ) in result.stderr
    assert result.stderr.rstrip().endswith("changelog] Error 1")
    assert (repo / "changelogs/useapi.md").read_bytes() == before


PHANTOM = """## 1.1.0 (2026-01-02)

A note written by hand, kept.

### Breaking

- `GET /v2/account (getAccount)`: response field `email` removed
  (`#/components/schemas/Account/properties/email`)

"""


def test_changelog_folds_a_phantom_version_in_and_later_changes_join_the_entry(repo: Path) -> None:
    changelog = repo / "changelogs/useapi.md"
    text = changelog.read_text(encoding="utf-8")
    changelog.write_text(text.replace("## 1.0.0", PHANTOM + "## 1.0.0", 1), encoding="utf-8")
    remove_account_email(repo)
    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 2.0.0")
    git(repo, "commit", "--quiet", "--all", "--message", "useapi 2.0.0, after a 1.1.0 that never shipped")
    result = make(repo, "changelog")
    assert result.returncode == 0, result.stderr
    assert "changelogs/useapi.md: wrote 2.0.0 from 2 change(s) since 1.0.0; folded in 1.1.0, never released" in (
        result.stdout
    )
    written = changelog.read_text(encoding="utf-8")
    assert "## 1.1.0" not in written
    newest = written.split("\n## ")[1]
    assert newest.startswith("2.0.0 (")
    assert "\n\nA note written by hand, kept.\n\n### Breaking\n\n" in newest

    git(repo, "commit", "--quiet", "--all", "--message", "changelog")
    git(repo, "branch", "--quiet", "--force", "main")
    git(repo, "switch", "--quiet", "--create", "later")
    add_nickname(repo)
    git(repo, "commit", "--quiet", "--all", "--message", "Account.nickname, joins 2.0.0")
    result = make(repo, "changelog")
    assert result.returncode == 0, result.stderr
    assert "changelogs/useapi.md: wrote 2.0.0 from 3 change(s) since 1.0.0" in result.stdout
    newest = changelog.read_text(encoding="utf-8").split("\n## ")[1]
    unwrapped = " ".join(newest.split())
    assert "optional response field `nickname` added" in unwrapped
    assert "response field `email` removed" in unwrapped
    assert newest.count("A note written by hand, kept.") == 1


def test_changelog_entries_follow_the_file_style(repo: Path) -> None:
    remove_account_email(repo)
    edit(repo, "specs/useapi.yaml", "  version: 1.0.0", "  version: 2.0.0")
    assert make(repo, "changelog").returncode == 0
    written = (repo / "changelogs/useapi.md").read_text(encoding="utf-8")
    assert "\n\n\n" not in written
    assert max(len(line) for line in written.split("\n## 1.0.0")[0].splitlines()) <= 100
    assert written.endswith("\n") and not written.endswith("\n\n")


# --- what make writes to stdout --------------------------------------------------------------


def test_reports_are_pure_stdout_when_make_has_to_set_up_first(repo: Path, tmp_path: Path) -> None:
    """A stale .build/venv.stamp (after any pull) makes make run `uv sync` first: not into the report."""
    fake_uv = tmp_path / "uv"
    fake_uv.write_text("#!/bin/sh\necho 'uv: synced' >&2\n", encoding="utf-8")
    fake_uv.chmod(0o755)
    stamp = repo / ".build/venv.stamp"
    stamp.parent.mkdir()
    stamp.touch()
    os.utime(stamp, (0, 0))  # older than uv.lock, as after a pull
    result = subprocess.run(
        ["make", "diff", "BASE=main", f"PYTHON={sys.executable}", f"UV={fake_uv}"],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.startswith("# Spec review\n"), result.stdout[:200]
    assert "make: " in result.stderr and "sync --locked" in result.stderr
    assert stamp.stat().st_mtime > 0  # the set-up did run
