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

ROOT = ROOT
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


def assert_failed(result: subprocess.CompletedProcess[str], status: int) -> None:
    """make itself always exits 2 on a failed recipe; it names the script's own status (1 or 2)."""
    assert result.returncode == 2, result.stdout + result.stderr
    assert result.stderr.rstrip().endswith(f"diff] Error {status}"), result.stderr


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
    for file in ("Makefile", ".gitignore"):
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

    result = make(repo, "diff")  # BASE defaults to the merge-base with main
    assert_failed(result, status=1)
    report = result.stdout
    assert report.startswith("# Spec review\n")
    assert "merge-base of HEAD and `main`" in report
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
    assert "changelogs/useapi.md: added 2.0.0" in result.stdout
    changelog = (repo / "changelogs/useapi.md").read_text(encoding="utf-8")
    newest = changelog.split("\n## ")[1]
    assert newest.startswith("2.0.0 (")
    assert (
        "### Breaking\n\n- `GET /v2/account (getAccount)`: response field `email` removed "
        "(`#/components/schemas/Account/properties/email`)" in newest
    )
    assert "\n## 1.0.0\n" in changelog
    assert "already has an entry" in make(repo, "changelog").stdout


def test_compatible_addition_needs_a_minor_bump(repo: Path) -> None:
    edit(
        repo,
        "specs/useapi.yaml",
        "        email:\n          type: string\n",
        "        nickname:\n          type: string\n          description: A nickname.\n"
        "        email:\n          type: string\n",
    )
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
