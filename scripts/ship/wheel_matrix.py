"""`make test-dist`: the SDK behaviour tests against the built wheels, on every supported Python.

For each Python (DIST_PYTHONS, else every version in scripts/build/generator/package.toml, each of
which must then be on this machine) and each resolution of the SDKs' own dependencies
(lowest-direct: every one at its lower bound; highest: the newest allowed), a fresh virtual
environment gets the wheels in dist/ with the aiohttp extra, then the test tools at their uv.lock
versions without moving what the wheels brought, and runs the SDK tests (tests/sdk/) against the installed
packages (never generated/). Then the Python just below the range (3.10) must be refused at
install, and the installed size of each SDK is printed.

    python -m scripts.ship.wheel_matrix [--pythons "3.11 3.12"]
"""

from __future__ import annotations

import argparse
import ast
import email.parser
import glob
import os
import shutil
import subprocess
import sys
import time
import tomllib
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from packaging.requirements import Requirement

from scripts.build import package_metadata
from scripts.core.paths import DIST_DIR, ROOT, UV, display
from scripts.ship.dist import DistError, run

WORK_DIR = ROOT / ".build" / "dist-tests"
RESOLUTIONS = ("lowest-direct", "highest")
# Every SDK behaviour test: the folder, so a new SDK test runs against the wheels by being there.
SDK_TESTS = "tests/sdk"
# What those tests import beside the SDKs (the replay server, the spec loader, respx, mypy for
# the README examples, trustme for TLS...); their versions, and those of what they need, come from uv.lock.
TEST_TOOLS = (
    "pytest",
    "pytest-asyncio",
    "pytest-xdist",
    "respx",
    "pyyaml",
    "openapi-spec-validator",
    "openapi-python-client",
    "starlette",
    "uvicorn",
    "jsonschema",
    "rfc3339-validator",
    "schemathesis",
    "hypothesis",
    "mypy",
    "trustme",
)

# pytest-httpx follows httpx closely: its releases for the lowest httpx the SDKs allow need a
# pytest older than ours, so it is installed at the newest resolution only, and the test modules
# that import it run there; the lowest resolution's summary names what it left out.
NEWEST_ONLY_TOOLS = {"pytest-httpx": "pytest_httpx"}


def imported_names(module: Path) -> set[str]:
    """The dotted names a module imports, anywhere in it (relative imports left out)."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    names = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import) for alias in node.names}
    froms = (node for node in ast.walk(tree) if isinstance(node, ast.ImportFrom))
    return names | {node.module for node in froms if node.module and not node.level}


def newest_only_modules() -> list[Path]:
    """The SDK test modules that import a tool of NEWEST_ONLY_TOOLS."""
    tools = set(NEWEST_ONLY_TOOLS.values())
    modules = sorted((ROOT / SDK_TESTS).glob("test_*.py"))
    return [module for module in modules if {name.split(".")[0] for name in imported_names(module)} & tools]


@dataclass(frozen=True)
class Wheel:
    path: Path
    project: str
    package: str
    requirements: tuple[str, ...]  # Requires-Dist with the aiohttp extra's, markers evaluated


def wheels() -> list[Wheel]:
    found = []
    for path in sorted(DIST_DIR.glob("*.whl")):
        with zipfile.ZipFile(path) as archive:
            (metadata_name,) = (n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
            metadata = email.parser.Parser().parsestr(archive.read(metadata_name).decode("utf-8"))
        requirements = []
        for line in metadata.get_all("Requires-Dist") or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": "aiohttp"}):
                requirement.marker = None
                requirements.append(str(requirement))
        found.append(Wheel(path, metadata["Name"], path.name.split("-")[0], tuple(requirements)))
    if not found:
        raise DistError(f"no wheel in {display(DIST_DIR)}: run `make dist`")
    return found


def find_python(version: str) -> Path | None:
    """An interpreter of this minor version: on PATH, else under pyenv (whose shims only run the
    versions pyenv has selected)."""
    pyenv_root = os.environ.get("PYENV_ROOT", str(Path.home() / ".pyenv"))
    candidates = [
        shutil.which(f"python{version}"),
        *sorted(glob.glob(f"{pyenv_root}/versions/{version}.*/bin/python{version}")),
    ]
    for candidate in candidates:
        if not candidate:
            continue
        probe = subprocess.run(
            [candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True,
            text=True,
            check=False,
        )
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return Path(candidate)
    return None


def _locked_versions() -> dict[str, str]:
    with (ROOT / "uv.lock").open("rb") as file:
        lock = tomllib.load(file)
    return {p["name"]: p["version"] for p in lock["package"] if "registry" in p.get("source", {})}


def _installed(venv: Path) -> dict[str, str]:
    frozen = run([UV, "pip", "freeze", "--python", venv / "bin" / "python"], f"{display(venv)}: uv pip freeze")
    return {line.split("==")[0].lower(): line.split("==")[1] for line in frozen.splitlines() if "==" in line}


def prepare(python: Path, resolution: str, sdk_wheels: list[Wheel], venv: Path) -> dict[str, str]:
    """A fresh venv with the wheels (dependencies at this resolution), then the test tools.
    Returns what the wheels brought, name -> version."""
    shutil.rmtree(venv, ignore_errors=True)
    run([UV, "venv", "--quiet", "--python", python, venv], f"uv venv --python {python}")
    interpreter = venv / "bin" / "python"
    direct = [f"{w.project}[aiohttp] @ {w.path.as_uri()}" for w in sdk_wheels]
    direct += sorted({r for w in sdk_wheels for r in w.requirements})  # direct, so lowest-direct reaches them
    run(
        [UV, "pip", "install", "--quiet", "--python", interpreter, "--resolution", resolution, *direct],
        f"{python.name}, {resolution}: installing the wheels",
    )
    brought = _installed(venv)
    locked = _locked_versions()
    names = [*TEST_TOOLS, *(NEWEST_ONLY_TOOLS if resolution == "highest" else ())]
    tools = [f"{name}=={locked[name]}" for name in names]
    constraints = venv / "constraints.txt"
    # What the wheels brought stays as it is; everything else the tools need is as locked.
    pins = {**{name: version for name, version in locked.items() if name not in brought}, **brought}
    constraints.write_text("".join(f"{name}=={version}\n" for name, version in sorted(pins.items())), encoding="utf-8")
    run(
        [UV, "pip", "install", "--quiet", "--python", interpreter, "--constraint", constraints, *tools],
        f"{python.name}, {resolution}: installing the test tools beside the wheels",
    )
    where = run(
        [interpreter, "-c", "import sys, importlib; [print(importlib.import_module(n).__file__) for n in sys.argv[1:]]"]
        + [w.package for w in sdk_wheels],
        "importing the installed SDKs",
        cwd=ROOT,
    )
    for line in where.splitlines():
        if not Path(line).resolve().is_relative_to(venv.resolve()):
            raise DistError(f"{python.name}, {resolution}: the tests would import {line}, not the installed wheel")
    return brought


def run_tests(venv: Path, resolution: str) -> str:
    """pytest's last line; raises with its output when a test failed."""
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONPATH", "VIRTUAL_ENV"}}
    command = [venv / "bin" / "python", "-m", "pytest", "-q", "-p", "no:cacheprovider", "-n", "2", SDK_TESTS]
    left_out = [] if resolution == "highest" else newest_only_modules()
    command += [f"--ignore={module}" for module in left_out]
    output = run(command, f"{display(venv)}: the SDK tests", cwd=ROOT, env=env)
    summary = output.strip().splitlines()[-1]
    return summary + (f"; without {', '.join(m.name for m in left_out)} (needs pytest-httpx)" if left_out else "")


def check_refused(python: Path, sdk_wheels: list[Wheel]) -> str:
    venv = WORK_DIR / "unsupported"
    shutil.rmtree(venv, ignore_errors=True)
    run([UV, "venv", "--quiet", "--python", python, venv], f"uv venv --python {python}")
    for wheel in sdk_wheels:
        result = subprocess.run(
            [str(UV), "pip", "install", "--python", str(venv / "bin" / "python"), str(wheel.path)],
            capture_output=True,
            text=True,
            check=False,
        )
        output = (result.stdout + result.stderr).lower()
        if result.returncode == 0:
            raise DistError(f"{wheel.path.name} installed on {python.name}, below requires-python")
        if f"depends on python{package_metadata.metadata().requires_python}" not in output:
            raise DistError(f"{wheel.path.name} failed to install on {python.name} for another reason:\n{output}")
    return f"refused by {python.name}, as requires-python {package_metadata.metadata().requires_python} says"


def installed_sizes(python: Path, sdk_wheels: list[Wheel]) -> list[str]:
    lines = []
    for wheel in sdk_wheels:
        for extra in ("", "[aiohttp]"):
            venv = WORK_DIR / "size"
            shutil.rmtree(venv, ignore_errors=True)
            run([UV, "venv", "--quiet", "--python", python, venv], "uv venv")
            run(
                [
                    UV,
                    "pip",
                    "install",
                    "--quiet",
                    "--python",
                    venv / "bin" / "python",
                    f"{wheel.project}{extra} @ {wheel.path.as_uri()}",
                ],
                f"installing {wheel.path.name}{extra}",
            )
            (site,) = venv.glob("lib/python*/site-packages")
            total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
            own = sum(
                p.stat().st_size
                for p in (site / wheel.package).rglob("*")
                if p.is_file() and "__pycache__" not in p.parts
            )
            count = len(_installed(venv))
            lines.append(
                f"{wheel.project + extra:<28} the package {own / 1024:,.0f} KiB; with its {count - 1} dependencies "
                f"{total / 1024 / 1024:,.1f} MiB of site-packages ({python.name}, no bytecode)"
            )
    shutil.rmtree(WORK_DIR / "size", ignore_errors=True)
    return lines


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pythons", default="", help="space-separated versions; default: every supported one")
    args = parser.parse_args(argv)
    supported = package_metadata.metadata().pythons
    asked = tuple(args.pythons.split()) or supported
    try:
        unsupported = [v for v in asked if v not in supported]
        if unsupported:
            raise DistError(
                f"DIST_PYTHONS: {' '.join(unsupported)} not in package.toml's pythons ({' '.join(supported)})"
            )
        found = {version: find_python(version) for version in asked}
        missing = [version for version, path in found.items() if path is None]
        if missing:
            present = " ".join(v for v in asked if v not in missing)
            hint = "" if args.pythons else f' (or narrow the set: make test-dist DIST_PYTHONS="{present}")'
            raise DistError(f"Python {', '.join(missing)} not found on this machine: install it{hint}")
        sdk_wheels = wheels()
        WORK_DIR.mkdir(parents=True, exist_ok=True)
        for version, python in found.items():
            assert python is not None
            for resolution in RESOLUTIONS:
                started = time.perf_counter()
                venv = WORK_DIR / f"py{version}-{resolution}"
                brought = prepare(python, resolution, sdk_wheels, venv)
                summary = run_tests(venv, resolution)
                shown = ", ".join(
                    f"{n} {brought[n]}" for n in ("httpx", "httpx-retries", "attrs", "sniffio", "aiohttp")
                )
                print(
                    f"Python {version} {resolution:<13} {summary} ({time.perf_counter() - started:.0f} s; {shown})",
                    flush=True,
                )
                shutil.rmtree(venv)
        below = package_metadata.metadata().python_below
        old_python = find_python(below)
        if old_python is not None:
            print(f"Python {below}: {check_refused(old_python, sdk_wheels)}")
        elif not args.pythons:
            raise DistError(f"Python {below} not found: it proves the wheels are refused below {supported[0]}")
        first = found[asked[0]]
        assert first is not None
        print("\n".join(installed_sizes(first, sdk_wheels)))
    except DistError as error:
        print(error, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
