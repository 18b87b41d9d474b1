"""The SDK packages' shared metadata (scripts/build/generator/package.toml), and what derives from it.

One home for the supported Python range: requires-python, the classifiers, `make test-dist`
and the CI matrix all read `pythons` here.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from scripts.core.paths import GENERATOR_DIR, ROOT

PACKAGE_METADATA = GENERATOR_DIR / "package.toml"
LICENSE_FILE = ROOT / "LICENSE"


@dataclass(frozen=True)
class PackageMetadata:
    pythons: tuple[str, ...]
    license: str
    keywords: tuple[str, ...]
    spec_keywords: dict[str, tuple[str, ...]]
    repository: str
    classifiers: tuple[str, ...]

    @property
    def requires_python(self) -> str:
        return f">={self.pythons[0]}"

    @property
    def python_below(self) -> str:
        """The version just below the range, which `make test-dist` proves the wheels refuse."""
        major, minor = self.pythons[0].split(".")
        return f"{major}.{int(minor) - 1}"

    def all_classifiers(self) -> list[str]:
        """The listed classifiers, then one per supported Python version."""
        versions = ["Programming Language :: Python :: 3", "Programming Language :: Python :: 3 :: Only"]
        versions += [f"Programming Language :: Python :: {python}" for python in self.pythons]
        return sorted([*self.classifiers, *versions])

    def keywords_for(self, spec_name: str) -> list[str]:
        return [*self.keywords, *self.spec_keywords.get(spec_name, ())]

    @property
    def tree(self) -> str:
        """The address of the main branch's files: a file's URL is this, a slash and its path."""
        return f"{self.repository}/blob/main"

    def urls(self, spec_name: str, project_name: str) -> dict[str, str]:
        tree = self.tree
        return {
            "Repository": self.repository,
            "Changelog": f"{tree}/changelogs/{spec_name}.md",
            "Documentation": f"{tree}/generated/{project_name}/README.md",
            "Issues": f"{self.repository}/issues",
        }


@cache
def metadata() -> PackageMetadata:
    with PACKAGE_METADATA.open("rb") as file:
        raw = tomllib.load(file)
    return PackageMetadata(
        pythons=tuple(raw["pythons"]),
        license=raw["license"],
        keywords=tuple(raw["keywords"]),
        spec_keywords={spec: tuple(words) for spec, words in raw.get("spec_keywords", {}).items()},
        repository=raw["repository"].rstrip("/"),
        classifiers=tuple(raw["classifiers"]),
    )
