"""The specs are valid OpenAPI 3.1, and a broken spec is reported with its place.

Redocly's lint runs in `make lint`, a prerequisite of `make test` (once per spec change).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from scripts.core import specs
from scripts.core.paths import ROOT

SPEC_PATHS = specs.spec_paths()


def test_both_specs_are_present() -> None:
    assert [p.name for p in SPEC_PATHS] == ["imaginepro.yaml", "useapi.yaml"]


@pytest.mark.parametrize("path", SPEC_PATHS, ids=lambda p: p.name)
def test_spec_is_valid_openapi_3_1(path: Path) -> None:
    spec = specs.check(path)
    assert spec.document["openapi"] == "3.1.0"


def _broken_copy(tmp_path: Path, old: str, new: str) -> Path:
    source = (ROOT / "specs" / "useapi.yaml").read_text()
    assert old in source
    target = tmp_path / "useapi.yaml"
    target.write_text(source.replace(old, new, 1))
    return target


def _line_of(path: Path, text: str) -> int:
    return next(i for i, line in enumerate(path.read_text().splitlines(), 1) if text in line)


def test_invalid_yaml_names_file_and_line(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, "      operationId: getAccount\n", "      operationId: [getAccount\n")
    with pytest.raises(specs.SpecError) as raised:
        specs.check(path)
    (problem,) = raised.value.problems
    assert problem.startswith(f"{path}:") and "invalid YAML" in problem
    assert int(problem.split(":")[1]) >= _line_of(path, "[getAccount")


def test_unresolvable_ref_names_file_line_and_pointer(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, '$ref: "#/components/schemas/DreaminaCredits"', '$ref: "#/components/schemas/Nope"')
    with pytest.raises(specs.SpecError) as raised:
        specs.check(path)
    (problem,) = raised.value.problems
    line = _line_of(path, "schemas/Nope")
    assert problem.startswith(f"{path}:{line}:")
    assert "#/components/schemas/DreaminaAccount/properties/credits/$ref" in problem
    assert "'#/components/schemas/Nope' does not resolve" in problem


def test_external_ref_is_refused_because_the_generator_would_drop_it(tmp_path: Path) -> None:
    path = _broken_copy(
        tmp_path,
        "  /v2/account:\n    get:\n",
        '  /v2/account:\n    $ref: "paths/account.yaml"\n  /v2/unused:\n    get:\n',
    )
    with pytest.raises(specs.SpecError, match=r"#/paths/~1v2~1account/\$ref: external \$ref 'paths/account.yaml'"):
        specs.check(path)


def test_a_deep_object_parameter_is_refused_because_the_generator_would_send_it_form_style(tmp_path: Path) -> None:
    path = _broken_copy(
        tmp_path,
        "  /v2/account:\n    get:\n",
        "  /v2/account:\n    get:\n      parameters:\n"
        "        - {name: f, in: query, style: deepObject, schema: {type: object}}\n",
    )
    with pytest.raises(specs.SpecError, match=r"#/paths/~1v2~1account/get/parameters/0/style: style deepObject is not"):
        specs.check(path)


def test_schema_violation_names_file_line_and_pointer(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, "          description: The useapi.net user id.\n", "          description: 5\n")
    with pytest.raises(specs.SpecError) as raised:
        specs.check(path)
    assert any(
        p.startswith(f"{path}:{_line_of(path, 'description: 5')}:")
        and "#/components/schemas/Account/properties/id" in p
        for p in raised.value.problems
    ), raised.value.problems


def test_duplicate_key_is_reported(tmp_path: Path) -> None:
    path = _broken_copy(
        tmp_path, "      operationId: getAccount\n", "      operationId: getAccount\n      operationId: x\n"
    )
    with pytest.raises(specs.SpecError, match=r"duplicate key 'operationId'"):
        specs.check(path)


def test_cli_exits_nonzero_and_prints_the_place(tmp_path: Path) -> None:
    path = _broken_copy(tmp_path, '$ref: "#/components/schemas/ApiError"', '$ref: "#/components/schemas/Gone"')
    assert specs.main([str(path)]) == 1


def test_a_schema_that_contains_itself_is_accepted(tmp_path: Path) -> None:
    """A tree (a field that refers back to its own schema) is no loop: only a schema that is itself is refused."""
    path = _broken_copy(
        tmp_path,
        "          description: The useapi.net user id.\n",
        "          description: The useapi.net user id.\n        parent:\n"
        '          $ref: "#/components/schemas/Account"\n',
    )
    assert specs.check(path).document["components"]["schemas"]["Account"]["properties"]["parent"] == {
        "$ref": "#/components/schemas/Account"
    }
