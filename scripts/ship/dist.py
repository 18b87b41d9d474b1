"""`make dist`: a wheel and an sdist of every SDK in dist/, reproducible and checked.

Each package is built twice by the pinned uv's build backend, from two copies of
generated/<project> whose files differ in modification time and permissions; the two builds
must be byte-identical. Then twine check --strict (metadata, README rendering),
check-wheel-contents, and what users must get: py.typed and LICENSE in the wheel, CHANGELOG.md
in the sdist. dist/ is replaced only once every package passed, so it never holds half a build.

    python -m scripts.ship.dist [SPEC_NAME ...]   all specs when none is named
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from collections.abc import Sequence
from pathlib import Path

from scripts.core.paths import DIST_DIR, UV, display
from scripts.core.targets import BuildError, Target, targets


class DistError(Exception):
    pass


def run(command: Sequence[object], what: str, cwd: Path | None = None, env: dict[str, str] | None = None) -> str:
    """The command's stdout; DistError with its whole output, headed by what, when it fails."""
    result = subprocess.run(
        [str(part) for part in command], capture_output=True, text=True, check=False, cwd=cwd, env=env
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr).strip()
        raise DistError(f"{what} failed (exit {result.returncode}):\n{output}")
    return result.stdout


def _disturbed_copy(source: Path, destination: Path, *, mtime: int, mode: int) -> Path:
    """source copied with every file set to this mtime and mode: what a fresh clone might differ in."""
    shutil.copytree(source, destination, ignore=shutil.ignore_patterns("__pycache__"))
    for path in destination.rglob("*"):
        if path.is_file():
            path.chmod(mode)
            os.utime(path, (mtime, mtime))
    return destination


def build(target: Target, scratch: Path) -> list[Path]:
    """The package's wheel and sdist, built twice from disturbed copies and compared."""
    outputs = []
    for attempt, (mtime, mode) in enumerate([(1_000_000_000, 0o644), (1_700_000_000, 0o664)]):
        source = _disturbed_copy(
            target.output_dir, scratch / f"src{attempt}" / target.project_name, mtime=mtime, mode=mode
        )
        out = scratch / f"out{attempt}"
        run(
            [UV, "build", "--quiet", "--no-create-gitignore", "--out-dir", out, source],
            f"{display(target.output_dir)}: uv build",
        )
        outputs.append(out)
    first, second = (sorted(p for p in out.iterdir() if p.suffix in {".whl", ".gz"}) for out in outputs)
    if [p.name for p in first] != [p.name for p in second] or len(first) != 2:
        raise DistError(
            f"{display(target.output_dir)}: the builds gave {[p.name for p in first]} and {[p.name for p in second]}"
        )
    for one, other in zip(first, second, strict=True):
        if not filecmp.cmp(one, other, shallow=False):
            raise DistError(f"{display(target.output_dir)}: {one.name} differs between two builds of the same files")
    return first


def check(target: Target, files: list[Path]) -> None:
    bin_dir = Path(sys.executable).parent
    run([bin_dir / "twine", "check", "--strict", *files], f"{display(target.output_dir)}: twine check --strict")
    (wheel,) = (p for p in files if p.suffix == ".whl")
    (sdist,) = (p for p in files if p.suffix == ".gz")
    # W002 (duplicate files): the generator writes the same one-line __init__.py into every api/<tag>/.
    run([bin_dir / "check-wheel-contents", "--ignore", "W002", wheel], f"{wheel.name}: check-wheel-contents")
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
    missing = [] if f"{target.package_name}/py.typed" in names else [f"{target.package_name}/py.typed"]
    if not any(name.endswith(".dist-info/licenses/LICENSE") for name in names):
        missing.append("LICENSE")
    with tarfile.open(sdist) as archive:
        sdist_names = {Path(*Path(n).parts[1:]).as_posix() for n in archive.getnames()}
    missing += [f"{n} (sdist)" for n in ("CHANGELOG.md", "LICENSE", "README.md") if n not in sdist_names]
    if missing:
        raise DistError(f"{display(target.output_dir)}: the built package lacks {', '.join(sorted(missing))}")


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="spec names (file stems in specs/); all when omitted")
    args = parser.parse_args(argv)
    if not UV.exists():
        print(f"{display(UV)} is missing: run `make dist`, which installs it", file=sys.stderr)
        return 1
    try:
        with tempfile.TemporaryDirectory(prefix="sdk-dist-") as scratch:
            built = []
            for target in targets(args.names):
                files = build(target, Path(scratch) / target.name)
                check(target, files)
                built += files
            staging = Path(scratch) / "dist"
            staging.mkdir()
            for path in built:
                shutil.copy2(path, staging / path.name)
            if DIST_DIR.exists():
                shutil.rmtree(DIST_DIR)
            shutil.move(staging, DIST_DIR)
    except (DistError, BuildError) as error:
        print(error, file=sys.stderr)
        return 1
    for path in sorted(DIST_DIR.iterdir()):
        print(f"{display(path)}  {path.stat().st_size:,} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
