"""A temporary copy of the repository's contract, with the operations of
tests/support/added_operations.py added, that every tool reads instead of the real one: specs/,
tests/recordings/ and the generator configs are copied, the tools are pointed at the copies
(scripts/core/paths.py), and the copy of useapi.yaml is built into an SDK of its own,
`useapi_copy_client`, as `make generate` builds one. The real specs/ and recordings stay as they are.
"""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml

from scripts.build import generate
from scripts.core import conformance, paths, sdk_calls
from scripts.core.targets import Target
from tests.support import added_operations

PACKAGE = "useapi_copy_client"
PROJECT = "useapi-copy-client"


@dataclass(frozen=True)
class RepoCopy:
    specs_dir: Path
    recordings_dir: Path
    generator_dir: Path
    package: str = PACKAGE


def _forget() -> None:
    """Drop what the tools cached of the specs they read."""
    sdk_calls.spec.cache_clear()
    sdk_calls.package_name.cache_clear()
    conformance.forget_specs()


@contextmanager
def repo_copy(root: Path) -> Iterator[RepoCopy]:
    """The copy under root, built, and the tools pointed at it until the block ends."""
    specs_dir, recordings_dir = added_operations.copy_specs_and_recordings(root)
    generator_dir = root / "generator"
    generator_dir.mkdir()
    for config_file in sorted(paths.GENERATOR_DIR.glob("*.yaml")):
        shutil.copy(config_file, generator_dir / config_file.name)
    config_path = generator_dir / "useapi.yaml"
    config = yaml.safe_load(config_path.read_text(encoding="utf-8"))
    config.update(project_name_override=PROJECT, package_name_override=PACKAGE)
    config_path.write_text(yaml.safe_dump(config), encoding="utf-8")
    project = generate.render(Target(specs_dir / "useapi.yaml", config_path, PROJECT, PACKAGE), root / "out")
    sys.path.insert(0, str(project))
    importlib.invalidate_caches()
    try:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(paths, "SPECS_DIR", specs_dir)
            patch.setattr(paths, "RECORDINGS_DIR", recordings_dir)
            patch.setattr(paths, "GENERATOR_DIR", generator_dir)
            _forget()
            yield RepoCopy(specs_dir, recordings_dir, generator_dir)
    finally:
        _forget()
        sys.path.remove(str(project))
