"""Where the spec review's commits come from: the default base, and each spec's last release.

The default base is the merge-base of HEAD with the upstream branch (`origin/main`) when there
is one, else with the local `main`. Comparing HEAD with itself says nothing: `resolve_base`
refuses to, with one line saying what to pass, when the specs differ from the upstream
branch's or nothing uncommitted is left to compare.

A spec's last release is its newest `<project>-v<version>` tag reachable from HEAD that is not
above its current info.version (release.yml publishes from those tags). A project with no tag
yet falls back on its history: the newest version before the current one counts as released,
as it was in the commit that set it (a change made later under it is counted as the next
version's), and the current one does not. A version above the last release is unreleased: later changes join it
(its changelog entry is rewritten), and the bump they need is counted from the release.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from typing import Any

from scripts.core import specs
from scripts.core.paths import ROOT
from scripts.core.semver import parse_version

UPSTREAM = "origin/main"
LOCAL = "main"


class DiffError(Exception):
    """The report cannot be made: unknown base, unreadable spec."""


def git_bytes(*args: str, check: bool = True) -> bytes:
    result = subprocess.run(["git", *args], cwd=ROOT, capture_output=True, check=False)
    if check and result.returncode != 0:
        raise DiffError(f"git {' '.join(args)} failed: {result.stderr.decode(errors='replace').strip()}")
    return result.stdout


def git(*args: str, check: bool = True) -> str:
    return git_bytes(*args, check=check).decode("utf-8", errors="replace")


def commit_of(ref: str) -> str:
    """The commit ref names, or "" when it names none."""
    return git("rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}", check=False).strip()


def _specs_differ(commit: str, other: str | None) -> bool:
    """Whether specs/ at commit differs from other (a commit; None: the working tree, untracked files too)."""
    if other is None:
        untracked = git("ls-files", "--others", "--exclude-standard", "--", "specs/", check=False).strip()
        return bool(untracked) or bool(git("diff", "--name-only", commit, "--", "specs/", check=False).strip())
    return bool(git("diff", "--name-only", commit, other, "--", "specs/", check=False).strip())


def resolve_base(ref: str | None) -> tuple[str, str]:
    """(commit, how it was chosen) for --base, or the merge-base with the upstream branch."""
    if ref:
        commit = commit_of(ref)
        if not commit:
            raise DiffError(f"BASE={ref!r} is not a commit in this repository (fetch it, or check the name)")
        return commit, f"`{ref}`"
    head = commit_of("HEAD")
    for branch, why in ((UPSTREAM, "the upstream branch"), (LOCAL, f"no `{UPSTREAM}` here")):
        tip = commit_of(branch)
        if not tip:
            continue
        commit = git("merge-base", "HEAD", branch, check=False).strip()
        if not commit:
            continue
        if commit == head and branch == UPSTREAM and _specs_differ(head, tip):
            raise DiffError(
                f"HEAD is already in `{UPSTREAM}`, whose specs differ: the default base would be HEAD itself; "
                f"pass BASE=<ref> (BASE={UPSTREAM} to review against it)"
            )
        if commit == head and branch == LOCAL and not _specs_differ(head, None):
            raise DiffError(
                f"HEAD is at `{LOCAL}` and there is no `{UPSTREAM}`: the default base would be HEAD itself, "
                f"with nothing to compare; pass BASE=<ref> (the commit before your change, e.g. BASE=HEAD~1)"
            )
        return commit, f"merge-base of HEAD and `{branch}` ({why})"
    raise DiffError(f"no `{UPSTREAM}` or `{LOCAL}` to diff against: pass BASE=<git ref>")


def spec_at(commit: str, path: str) -> dict[str, Any] | None:
    """The spec at path as it is at commit, checked like the working tree's; None when absent there."""
    if not git("ls-tree", "--name-only", commit, path).strip():
        return None
    raw = git_bytes("show", f"{commit}:{path}")
    return specs.check(ROOT / path, validate=False, raw=raw, shown=f"{path}@{commit[:12]}").document


def version_of(document: dict[str, Any] | None) -> Any:
    return None if document is None else (document.get("info") or {}).get("version")


@dataclass(frozen=True)
class Release:
    version: str
    commit: str
    how: str  # `useapi-client-v3.1.0`, or the commit it was last seen in

    def document(self, spec_name: str) -> dict[str, Any] | None:
        return spec_at(self.commit, f"specs/{spec_name}.yaml")


def _semver(text: Any) -> tuple[int, int, int] | None:
    try:
        return parse_version(text)
    except ValueError:
        return None


def tagged_releases(project: str) -> dict[tuple[int, int, int], str]:
    """The `<project>-v<version>` tags reachable from HEAD: version → tag."""
    found = {}
    for tag in git("tag", "--list", f"{project}-v*", "--merged", "HEAD", check=False).split():
        version = _semver(tag.removeprefix(f"{project}-v"))
        if version is not None:
            found[version] = tag
    return found


def last_release(spec_name: str, project: str | None, version: Any, start: str = "HEAD") -> Release | None:
    """The release that version (the spec's at start, or in the working tree) builds on: version
    itself when it is tagged; None when nothing was released before it."""
    current = _semver(version)
    tags = tagged_releases(project) if project else {}
    eligible = [v for v in tags if current is None or v <= current]
    if eligible:
        tag = tags[max(eligible)]
        return Release(".".join(map(str, max(eligible))), commit_of(tag), f"`{tag}`")
    if tags:
        return None  # every tag is above this version: nothing released below it
    path = f"specs/{spec_name}.yaml"
    found: Release | None = None
    for commit in git("log", "--format=%H", start, "--", path, check=False).split():
        try:
            seen = version_of(spec_at(commit, path))
        except specs.SpecError:
            continue  # a broken spec in history released nothing
        if found is None and seen is not None and str(seen) != str(version):
            found = Release(str(seen), commit, f"`{commit[:12]}`")
        elif found is not None and str(seen) == found.version:
            found = Release(found.version, commit, f"`{commit[:12]}`")  # back to where that version began
        elif found is not None:
            break
    return found
