"""Build the SDK packages in generated/ from the specs in specs/.

For each spec: check it (scripts.core.specs), run openapi-python-client in process with the
spec's config in scripts/build/generator/, format through the config's ruff post-hooks, verify
that every operationId came out as a module, write pyproject.toml from the spec and
scripts/build/generator/package.toml (version = info.version), add LICENSE and changelogs/<spec>.md as
CHANGELOG.md, append the user guide of the repository's README.md to the package's README, then
mirror the result into generated/: changed files are rewritten, stale files removed, unchanged
files left alone.

    python -m scripts.build.generate [SPEC_NAME ...]          write generated/
    python -m scripts.build.generate --check [SPEC_NAME ...]  fail if generated/ differs

Any generator warning fails the build: openapi-python-client otherwise skips what it
cannot read and carries on.
"""

from __future__ import annotations

import argparse
import contextlib
import difflib
import io
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from scripts.build import package_metadata
from scripts.core import specs
from scripts.core.paths import GENERATOR_DIR, ROOT, display
from scripts.core.targets import BuildError, Target, build_targets, default_base_url, operation_module

# Overrides of openapi-python-client's templates; each says at its top why it differs.
TEMPLATE_DIR = GENERATOR_DIR / "templates"
# Modules the generator has no template for, rendered into each package after it ran.
EXTRA_MODULE_DIR = GENERATOR_DIR / "extra_modules"
# Each package's pyproject.toml, rendered over the generator's (which knows no shared metadata).
PYPROJECT_TEMPLATE = GENERATOR_DIR / "pyproject.toml.jinja"
# What tools leave beside a package (ruff caches in the directory of the config it reads, and a
# golden record under tests/ has its own): never part of what a spec produces.
CACHE_DIRS = frozenset({"__pycache__", ".ruff_cache", ".mypy_cache", ".pytest_cache"})
# The user guide is written once, in the repository's README between these two comments, and
# each package's README (templates/README.md.jinja) ends with it, after the line GUIDE_PLACE.
README = ROOT / "README.md"
GUIDE_START = "<!-- user guide:"
GUIDE_END = "<!-- end of the user guide -->"
GUIDE_PLACE = "<!-- the user guide, from the repository's README.md (scripts/build/generate.py) -->"
# A Markdown link to a file of the repository: relative, so not a URL, an anchor or an address.
RELATIVE_LINK = re.compile(r"\]\((?![a-z][a-z0-9+.-]*:|#)([^)\s]+)\)")


def expected_modules(spec: specs.Spec, package_name: str) -> dict[str, Path]:
    """operationId -> the module file openapi-python-client must write for it."""
    modules = {}
    for operation in spec.operations():
        if not operation.operation_id:
            raise BuildError(f"{spec.where(operation.location)}: operation has no operationId")
        dotted = operation_module(package_name, operation.node)
        modules[operation.operation_id] = Path(*dotted.split(".")).with_suffix(".py")
    return modules


def render(target: Target, workdir: Path, templates: Path | None = TEMPLATE_DIR, validate: bool = True) -> Path:
    """Generate one package under workdir; return its project directory.

    templates=None renders with upstream's templates alone (tests compare the two); validate=False
    skips openapi-spec-validator (half a second), for checks whose callers validated the spec."""
    # Before the generator's slow imports: a broken spec fails fast.
    spec = specs.check(target.spec_path, validate=validate)
    base_url = default_base_url(spec)
    from openapi_python_client import generate
    from openapi_python_client.config import Config, ConfigFile, MetaType
    from openapi_python_client.parser.errors import ErrorLevel

    # The generator's post-hooks call `ruff`: make it the one pinned in this environment.
    tools = str(Path(sys.executable).parent)
    if not os.environ.get("PATH", "").startswith(tools + os.pathsep):
        os.environ["PATH"] = f"{tools}{os.pathsep}{os.environ.get('PATH', '')}"
    project_dir = workdir / target.project_name
    config = Config.from_sources(
        ConfigFile.load_from_path(target.config_path),
        MetaType.UV,
        document_source=generator_document(spec, workdir / f"{target.name}.json"),
        file_encoding="utf-8",
        overwrite=True,
        output_path=project_dir,
    )
    with contextlib.redirect_stdout(io.StringIO()):
        problems = generate(config=config, custom_template_path=templates)
    if problems:
        lines = [f"{display(target.spec_path)}: openapi-python-client reported problems:"]
        for problem in problems:
            level = "error" if problem.level == ErrorLevel.ERROR else "warning"
            lines.append(f"  {level}: {problem.header}: {problem.detail or ''}".rstrip())
        raise BuildError("\n".join(lines))

    missing = [
        f"{spec.where(('paths',))}: operationId {op!r} produced no {module} (skipped by the generator)"
        for op, module in expected_modules(spec, target.package_name).items()
        if "def sync_detailed(" not in _read(project_dir / module)
    ]
    if missing:
        raise BuildError("\n".join(missing))
    add_extra_modules(target, base_url, project_dir)
    write_project_files(target, spec, project_dir)
    if templates is not None:  # upstream's README has no place for the guide
        add_user_guide(project_dir / "README.md")
    return project_dir


def generator_document(spec: specs.Spec, path: Path) -> Path:
    """Write the spec as the generator reads it, to path: each parameter's description copied into
    its schema, the only place openapi-python-client 0.29.1 takes a parameter's docstring from."""
    import copy
    import json

    document = copy.deepcopy(spec.document)
    parameter_lists = [document.get("components", {}).get("parameters", {}).values()]
    for path_item in document.get("paths", {}).values():
        parameter_lists.append(path_item.get("parameters", []))
        parameter_lists += [
            operation.get("parameters", []) for operation in path_item.values() if isinstance(operation, dict)
        ]
    for parameters in parameter_lists:
        for parameter in parameters:
            schema = parameter.get("schema")
            if isinstance(schema, dict) and "description" in parameter and "description" not in schema:
                schema["description"] = parameter["description"]
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(document, default=str), encoding="utf-8")
    return path


def _jinja(directory: Path) -> Any:
    import json

    import jinja2

    environment = jinja2.Environment(
        loader=jinja2.FileSystemLoader(directory),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    environment.filters["toml"] = json.dumps  # a JSON string is a valid TOML basic string
    return environment


def add_extra_modules(target: Target, base_url: str, project_dir: Path) -> None:
    """Render extra_modules/NAME.py.jinja into the package as NAME.py, formatted like the rest.

    openapi-python-client writes a fixed set of modules; the SDK's defaults and its optional
    aiohttp transport need modules of their own.
    """
    import subprocess

    environment = _jinja(EXTRA_MODULE_DIR)
    written = []
    for template in sorted(EXTRA_MODULE_DIR.glob("*.py.jinja")):
        module = project_dir / target.package_name / template.name.removesuffix(".jinja")
        text = environment.get_template(template.name).render(
            project_name=target.project_name,
            package_name=target.package_name,
            default_base_url=base_url,
        )
        module.write_text(text, encoding="utf-8")
        written.append(str(module))
    config = yaml.safe_load(target.config_path.read_text(encoding="utf-8"))
    for hook in config.get("post_hooks", []):  # the same ruff fixes and format as the generated modules
        command = hook.split()
        if command[-1] == ".":
            command[-1:] = written
        subprocess.run(command, cwd=project_dir, check=True)


def write_project_files(target: Target, spec: specs.Spec, project_dir: Path) -> None:
    """pyproject.toml from package.toml and the spec (version = info.version); LICENSE; and
    changelogs/<spec>.md as CHANGELOG.md."""
    import tomllib

    with (project_dir / "pyproject.toml").open("rb") as pyproject:
        description = tomllib.load(pyproject)["project"]["description"]  # the generator's, from info.title
    text = (
        _jinja(PYPROJECT_TEMPLATE.parent)
        .get_template(PYPROJECT_TEMPLATE.name)
        .render(
            project_name=target.project_name,
            package_name=target.package_name,
            spec_name=target.name,
            version=str(spec.document["info"]["version"]),
            description=description,
            meta=package_metadata.metadata(),
        )
    )
    (project_dir / "pyproject.toml").write_text(text, encoding="utf-8")
    (project_dir / "LICENSE").write_bytes(package_metadata.LICENSE_FILE.read_bytes())
    if (
        target.changelog.exists()
    ):  # every spec in specs/ has one (tests/review/test_versions.py); a scratch spec need not
        (project_dir / "CHANGELOG.md").write_bytes(target.changelog.read_bytes())


def user_guide(readme: Path = README) -> str:
    """README.md's user guide, its links to repository files made absolute: PyPI shows the
    package README away from the repository, where a relative link leads nowhere."""
    text = readme.read_text(encoding="utf-8")
    start, end = text.find(GUIDE_START), text.find(GUIDE_END)
    if start < 0 or end < start:
        raise BuildError(f"{display(readme)}: the user guide must sit between {GUIDE_START} ... --> and {GUIDE_END}")
    guide = text[text.index("\n", start) + 1 : end].strip("\n")
    tree = package_metadata.metadata().tree
    return RELATIVE_LINK.sub(lambda link: f"]({tree}/{link.group(1)})", guide) + "\n"


def add_user_guide(package_readme: Path) -> None:
    """Append the user guide after GUIDE_PLACE, the last line the README template writes."""
    text = package_readme.read_text(encoding="utf-8").rstrip("\n")
    if not text.endswith(GUIDE_PLACE):
        raise BuildError(f"{display(TEMPLATE_DIR / 'README.md.jinja')}: must end with the line {GUIDE_PLACE}")
    package_readme.write_text(f"{text}\n\n{user_guide()}", encoding="utf-8")


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8") if path.exists() else ""


def _files(root: Path) -> dict[str, bytes]:
    return {
        p.relative_to(root).as_posix(): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not CACHE_DIRS.intersection(p.parts)
    }


def mirror(fresh: Path, dest: Path) -> list[str]:
    """Make dest hold exactly fresh's files; return what changed."""
    new, old = _files(fresh), _files(dest) if dest.exists() else {}
    changes = []
    for rel, content in new.items():
        if old.get(rel) != content:
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            (dest / rel).write_bytes(content)
            changes.append(("updated " if rel in old else "added ") + rel)
    for rel in sorted(set(old) - set(new)):
        (dest / rel).unlink()
        changes.append("removed " + rel)
    for directory in sorted((p for p in dest.rglob("*") if p.is_dir()), reverse=True):
        if not any(directory.iterdir()):
            directory.rmdir()
    return changes


def differences(fresh: Path, dest: Path) -> list[str]:
    """A unified diff of dest (committed) against fresh (what the spec produces)."""
    new, old = _files(fresh), _files(dest) if dest.exists() else {}
    out: list[str] = []
    for rel in sorted(set(new) | set(old)):
        if new.get(rel) == old.get(rel):
            continue
        before = old.get(rel, b"").decode("utf-8", "replace").splitlines(keepends=True)
        after = new.get(rel, b"").decode("utf-8", "replace").splitlines(keepends=True)
        label = f"{dest.relative_to(ROOT).as_posix()}/{rel}"
        out += difflib.unified_diff(before, after, f"a/{label} (committed)", f"b/{label} (from spec)")
    return out


def main(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("names", nargs="*", help="spec names (file stems in specs/); all when omitted")
    parser.add_argument("--check", action="store_true", help="compare with generated/ instead of writing it")
    args = parser.parse_args(argv)

    stale = False
    try:
        with tempfile.TemporaryDirectory(prefix="sdk-build-") as workdir:
            for target in build_targets(args.names):
                # --check compares; it does not vouch for the spec: make lint does (make test runs it first).
                fresh = render(target, Path(workdir), validate=not args.check)
                if args.check:
                    diff = differences(fresh, target.output_dir)
                    if diff:
                        stale = True
                        sys.stdout.writelines(diff)
                        print(f"\n{target.output_dir.relative_to(ROOT)} is out of date with {target.spec_path.name}")
                    else:
                        print(f"{target.output_dir.relative_to(ROOT)}: matches {target.spec_path.relative_to(ROOT)}")
                else:
                    changes = mirror(fresh, target.output_dir)
                    summary = f"{len(changes)} file(s) changed" if changes else "unchanged"
                    print(f"{target.output_dir.relative_to(ROOT)}: {summary}")
                    for change in changes:
                        print(f"  {change}")
    except (specs.SpecError, BuildError) as error:
        print(error, file=sys.stderr)
        return 1
    if stale:
        print("Run `make generate` and commit specs/ and generated/ together.", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
