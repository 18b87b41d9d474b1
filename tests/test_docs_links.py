"""Every link between the project's documents leads somewhere: a relative link to a file that
exists, an anchor to a heading of the page it names. The package READMEs, read on PyPI, link to
the repository's files by their address on the main branch, which must name a file too."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.build import package_metadata
from scripts.core.paths import ROOT, display
from scripts.core.targets import targets

DOCUMENTS = [
    ROOT / "README.md",
    ROOT / "CONTRIBUTING.md",
    ROOT / "scripts" / "live" / "README.md",
    *(target.output_dir / "README.md" for target in targets()),
]
LINK = re.compile(r"\]\(([^)\s]+)\)")
TREE = package_metadata.metadata().tree + "/"


def anchors(document: Path) -> set[str]:
    """The anchors GitHub gives a page's headings: lower case, punctuation dropped, spaces as -."""
    headings = re.findall(
        r"^#+ (.+)$", re.sub(r"```.*?```", "", document.read_text(encoding="utf-8"), flags=re.S), re.M
    )
    return {re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-") for heading in headings}


def broken_links(document: Path) -> list[str]:
    broken = []
    for target in LINK.findall(document.read_text(encoding="utf-8")):
        if target.startswith(TREE):
            path, _, anchor = target.removeprefix(TREE).partition("#")
            linked = ROOT / path
        elif re.match(r"[a-z][a-z0-9+.-]*:", target):
            continue  # another site
        else:
            path, _, anchor = target.partition("#")
            linked = (document.parent / path) if path else document
        if not linked.is_file():
            broken.append(f"{target}: no file {display(linked)}")
        elif anchor and linked.suffix == ".md" and anchor not in anchors(linked):
            broken.append(f"{target}: no heading #{anchor} in {display(linked)}")
    return broken


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda path: str(path.relative_to(ROOT)))
def test_every_link_leads_somewhere(document: Path) -> None:
    assert not broken_links(document), f"{document.relative_to(ROOT)}: {broken_links(document)}"


def test_a_missing_heading_or_file_is_a_broken_link(tmp_path: Path) -> None:
    page = tmp_path / "page.md"
    (tmp_path / "other.md").write_text("# Other\n\n## Timeouts, retries and the size cap\n", encoding="utf-8")
    links = "[a](#set-up-two-commands) [b](#gone) [c](absent.md) [d](other.md#timeouts-retries-and-the-size-cap)"
    links += " [e](other.md#setup) [f](https://example.com/x#y)"
    page.write_text(f"# Title\n\n## Set-up: two commands\n\n```\n# Not a heading\n```\n{links} [g](#not-a-heading)\n")
    assert broken_links(page) == [
        f"#gone: no heading #gone in {page}",
        f"absent.md: no file {tmp_path / 'absent.md'}",
        f"other.md#setup: no heading #setup in {tmp_path / 'other.md'}",
        f"#not-a-heading: no heading #not-a-heading in {page}",
    ]
