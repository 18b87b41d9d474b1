"""Our templates add checking to what openapi-python-client generates; they never change what is
sent. For every operation and model of the kitchen-sink spec, the code that builds a request
(each endpoint's `_get_kwargs`, each model's `to_dict` and `to_multipart`) in the golden record is
upstream's, statement for statement. Path parameters go through errors.path_segment, which
percent-encodes each as one segment as upstream's `quote(str(value), safe="")` does, and refuses
"", "." and ".." before anything is sent; and each request carries an httpx extension naming its
operation, which is never sent.

Also: the package README's first example type-checks whatever the spec's first operations need.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from scripts.build import generate
from scripts.core.paths import ROOT
from scripts.core.targets import Target, build_targets, golden_targets, targets

GOLDEN = golden_targets()[0]
REQUEST_BUILDERS = {"_get_kwargs", "to_dict", "to_multipart"}


class _AsUpstream(ast.NodeTransformer):
    """errors.path_segment("name", value) -> quote(str(value), safe=""), upstream's encoding; and
    without the request's "extensions" (the operation's name for the SDK's log lines: httpx hands
    extensions to the transports, it never sends them)."""

    def visit_Dict(self, node: ast.Dict) -> ast.AST:
        self.generic_visit(node)
        kept = [
            (key, value)
            for key, value in zip(node.keys, node.values, strict=True)
            if not (isinstance(key, ast.Constant) and key.value == "extensions")
        ]
        node.keys, node.values = [key for key, _ in kept], [value for _, value in kept]
        return node

    def visit_Call(self, node: ast.Call) -> ast.AST:
        self.generic_visit(node)
        func = node.func
        if isinstance(func, ast.Attribute) and func.attr == "path_segment" and len(node.args) == 2:
            upstream = ast.parse(f"quote(str({ast.unparse(node.args[1])}), safe='')", mode="eval").body
            return ast.copy_location(upstream, node)
        return node


def request_builders(package: Path) -> dict[str, str]:
    """`module:function` -> the function's AST dump, for every request-building function."""
    found = {}
    for module in sorted(package.rglob("*.py")):
        tree = _AsUpstream().visit(ast.parse(module.read_text(encoding="utf-8")))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and node.name in REQUEST_BUILDERS:
                found[f"{module.relative_to(package).as_posix()}:{node.name}"] = ast.dump(node)
    return found


@pytest.fixture(scope="module")
def upstream_package(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The kitchen-sink spec rendered with upstream's templates alone."""
    project = generate.render(GOLDEN, tmp_path_factory.mktemp("upstream"), templates=None)
    yield project / GOLDEN.package_name


def test_every_request_is_built_by_upstreams_code(upstream_package: Path) -> None:
    ours = request_builders(GOLDEN.output_dir / GOLDEN.package_name)
    upstream = request_builders(upstream_package)
    assert sorted(ours) == sorted(upstream)
    # Every construct of the spec is covered: each body kind and a multipart model.
    assert {"api/files/upload_image.py:_get_kwargs", "models/upload_image_body.py:to_multipart"} <= set(ours)
    differing = [name for name in ours if ours[name] != upstream[name]]
    assert differing == [], "these build requests differently from upstream's templates"


def test_the_comparison_sees_a_changed_request(upstream_package: Path, tmp_path: Path) -> None:
    changed = tmp_path / "package"
    changed.mkdir()
    source = (upstream_package / "api" / "pets" / "create_pet.py").read_text(encoding="utf-8")
    (changed / "create_pet.py").write_text(source.replace('"method": "post"', '"method": "put"'), encoding="utf-8")
    (tmp_path / "upstream").mkdir()
    (tmp_path / "upstream" / "create_pet.py").write_text(source, encoding="utf-8")
    assert request_builders(changed) != request_builders(tmp_path / "upstream")


TINY_SPEC = """\
openapi: 3.1.0
info: {title: tiny, version: 1.0.0}
servers: [{url: "https://api.example.com"}]
paths:
  /first:
    get:
      operationId: needsAHeader
      tags: [things]
      parameters:
        - {name: X-Account, in: header, required: true, schema: {type: string}}
      responses:
        "200":
          description: ok
          content:
            application/json:
              schema: {type: object, properties: {id: {type: integer}}}
  /ping:
    post:
      operationId: ping
      tags: [things]
      responses:
        "204": {description: "no body, so no sync()"}
"""


def test_the_package_readme_example_type_checks(tmp_path: Path) -> None:
    spec = tmp_path / "tiny.yaml"
    spec.write_text(TINY_SPEC, encoding="utf-8")
    config = tmp_path / "tiny-config.yaml"
    config.write_text("project_name_override: tiny-client\npackage_name_override: tiny_client\n", encoding="utf-8")
    project = generate.render(Target(spec, config, "tiny-client", "tiny_client"), tmp_path / "out")
    readme = (project / "README.md").read_text(encoding="utf-8")
    example = readme.split("```python\n", 1)[1].split("```", 1)[0]
    assert "ping.sync_detailed(client=client)" in example
    (tmp_path / "example.py").write_text(example, encoding="utf-8")
    result = subprocess.run(
        # A cache of its own: httpx and attrs are checked once, not on every run.
        [sys.executable, "-m", "mypy", "--strict", "--cache-dir", str(ROOT / ".build" / "mypy-readme"), "example.py"],
        cwd=tmp_path,
        env={"MYPYPATH": str(project), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_make_generate_and_check_generated_cover_the_golden_record() -> None:
    every = build_targets()
    assert GOLDEN in every and GOLDEN.output_dir == ROOT / "tests" / "sdk" / "golden" / "kitchen-sink-client"
    assert build_targets([GOLDEN.name]) == [GOLDEN]
    assert GOLDEN not in targets(), "the golden record is never shipped (make dist, make test-dist)"
