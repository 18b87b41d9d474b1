"""The SDK each spec builds: its package and project names, where it is generated, what module each
operation lands in, and its default base URL. Build, review, ship and the live tools all ask here.

Reading this module costs no generator import: openapi-python-client is imported only by
`operation_module`, which needs the generator's own naming rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from scripts.core import paths, specs
from scripts.core.paths import CHANGELOG_DIR, ROOT, display

GENERATED_DIR = ROOT / "generated"
# Specs of our own that exercise every construct the templates support; their packages, rendered
# here by the same pipeline, are golden records of the templates: committed, tested, never shipped.
GOLDEN_DIR = ROOT / "tests" / "sdk" / "golden"


class BuildError(Exception):
    pass


@dataclass(frozen=True)
class Target:
    """One spec and the SDK package built from it."""

    spec_path: Path
    config_path: Path
    project_name: str
    package_name: str
    output_root: Path = GENERATED_DIR

    @property
    def name(self) -> str:
        return self.spec_path.stem

    @property
    def output_dir(self) -> Path:
        return self.output_root / self.project_name

    @property
    def changelog(self) -> Path:
        """changelogs/<spec>.md, shipped in the package as CHANGELOG.md."""
        return CHANGELOG_DIR / f"{self.name}.md"


def targets(names: Sequence[str] = ()) -> list[Target]:
    found = []
    for spec_path in specs.spec_paths():
        if names and spec_path.stem not in names:
            continue
        config_path = paths.GENERATOR_DIR / f"{spec_path.stem}.yaml"
        if not config_path.exists():
            raise BuildError(f"{display(spec_path)}: no generator config at {display(config_path)}")
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        found.append(Target(spec_path, config_path, config["project_name_override"], config["package_name_override"]))
    unknown = set(names) - {t.name for t in found}
    if unknown:
        raise BuildError(f"no spec named {', '.join(sorted(unknown))} in specs/")
    return found


def golden_targets() -> list[Target]:
    """The golden records: GOLDEN_DIR/NAME.yaml with its config in GOLDEN_DIR/generator/NAME.yaml."""
    found = []
    for spec_path in sorted(GOLDEN_DIR.glob("*.yaml")):
        config_path = GOLDEN_DIR / "generator" / spec_path.name
        config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
        project, package = config["project_name_override"], config["package_name_override"]
        found.append(Target(spec_path, config_path, project, package, output_root=GOLDEN_DIR))
    return found


def build_targets(names: Sequence[str] = ()) -> list[Target]:
    """What `make generate` builds: the SDKs of specs/ and the golden records (all when no names)."""
    golden = {target.name: target for target in golden_targets()}
    shipped = [name for name in names if name not in golden]
    wanted_golden = [target for name, target in golden.items() if not names or name in names]
    return (targets(shipped) if shipped or not names else []) + wanted_golden


def operation_module(package_name: str, operation: dict[str, Any]) -> str:
    """The dotted module openapi-python-client writes for an operation: PACKAGE.api.TAG.OPERATION_ID."""
    from openapi_python_client.strings import snake_case

    tag = (operation.get("tags") or ["default"])[0]
    return f"{package_name}.api.{snake_case(tag)}.{snake_case(operation['operationId'])}"


def default_base_url(spec: specs.Spec) -> str:
    """The spec's first servers URL: the SDK's base_url when the caller gives none."""
    servers = spec.document.get("servers")
    url = servers[0].get("url") if isinstance(servers, list) and servers and isinstance(servers[0], dict) else None
    if not isinstance(url, str) or not url.startswith("https://"):
        raise BuildError(f"{spec.where(('servers',))}: the first server needs an https:// url (the SDK's base_url)")
    return url.rstrip("/")
