"""The rule registry (scripts/review/rules.py) and the changes it levels (scripts/review/spec_diff/changes.py):
every rule has a case at each of its levels, its docs are the registry, and changes are grouped
under their operation once."""

from __future__ import annotations

import re
from typing import Any

import pytest

from scripts.core.paths import ROOT
from scripts.review import rules as diff_rules
from scripts.review import spec_diff
from scripts.review.rules import Level
from tests.review import test_diff_document, test_diff_operations, test_diff_schemas
from tests.review.spec_cases import SCHEMAS, api

CASES = test_diff_operations.CASES + test_diff_schemas.CASES + test_diff_document.DOCUMENT_CASES

# --- the registry, its docs, and the cases ------------------------------------------------------


def test_every_rule_has_a_case() -> None:
    assert {rule for case in CASES for rule, _level, _pointer in case.expected} == set(spec_diff.RULES)


@pytest.mark.parametrize("rule", diff_rules.RULES.values(), ids=lambda rule: rule.id)
def test_the_rule_has_a_case_at_each_of_its_levels(rule: diff_rules.Rule) -> None:
    """The registry drives this table: each rule, at each level it has, is some case's expectation."""
    tested = {level for case in CASES for rule_id, level, _pointer in case.expected if rule_id == rule.id}
    assert tested == {rule.response, rule.request} - {None}, f"write a case (base → head → {rule.id}, level)"


def test_each_rule_with_two_levels_is_tested_at_both() -> None:
    levels: dict[str, set[Level]] = {}
    for case in CASES:
        for rule, level, _pointer in case.expected:
            levels.setdefault(rule, set()).add(level)
    for registered in spec_diff.RULES.values():
        sides = {registered.response, registered.request} - {None}
        assert levels[registered.id] == sides, registered.id


def test_the_docstring_table_is_the_registry() -> None:
    assert diff_rules.__doc__ is not None
    assert diff_rules.text_table() in diff_rules.__doc__, "run `python -m scripts.review.rules` and paste its table"


def test_contributing_lists_the_rules_from_the_registry() -> None:
    contributing = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    assert diff_rules.markdown_table() in contributing, "run `python -m scripts.review.rules --markdown`"


def test_a_rule_reported_on_a_side_it_has_no_level_for_is_refused() -> None:
    with pytest.raises(ValueError, match=r"rule response-status-added has no level for side Side\.REQUEST"):
        spec_diff.RULES["response-status-added"].level(diff_rules.Side.REQUEST)
    with pytest.raises(ValueError, match="rule nullable-added has no level for side None"):
        spec_diff.RULES["nullable-added"].level()


# --- how changes are grouped and followed -----------------------------------------------------

THING_SCHEMAS = """\
Thing: {type: object, required: [id], properties: {id: {type: integer}, label: {type: string}}}
Error: {type: object, required: [error], properties: {error: {type: string}}}
"""


def _two_operations(schemas: str, error_statuses: str = '"404"') -> dict[str, Any]:
    """GET /thing returns Thing (404: Error); PUT /thing answers Error on error_statuses."""
    error = f'{{description: Error., content: {{application/json: {{schema: {{$ref: "{SCHEMAS}/Error"}}}}}}}}'
    thing = f'{{description: OK., content: {{application/json: {{schema: {{$ref: "{SCHEMAS}/Thing"}}}}}}}}'
    put_errors = ", ".join(f"{status}: {error}" for status in error_statuses.split())
    return api(
        f"""
        /thing:
          get: {{operationId: getThing, responses: {{"200": {thing}, "404": {error}}}}}
          put: {{operationId: putThing, responses: {{{put_errors}}}}}
        """,
        schemas,
    )


def test_identical_documents_have_no_changes() -> None:
    assert spec_diff.compare("things", _two_operations(THING_SCHEMAS), _two_operations(THING_SCHEMAS)) == []


def test_change_names_its_spec_operation_pointer_and_message() -> None:
    head = THING_SCHEMAS.replace(", label: {type: string}", "")
    (change,) = spec_diff.compare("things", _two_operations(THING_SCHEMAS), _two_operations(head))
    assert change.spec == "things"
    assert change.operation == "GET /thing (getThing)"
    assert change.pointer == "#/components/schemas/Thing/properties/label"
    assert change.message == "response field `label` removed"
    assert change.breaking


def test_a_shared_schema_change_is_reported_under_each_operation_once() -> None:
    base = _two_operations(THING_SCHEMAS, '"400" "409"')
    head = _two_operations(THING_SCHEMAS.replace("required: [error]", "required: []"), '"400" "409"')
    changes = spec_diff.compare("things", base, head)
    assert [(c.operation, c.rule) for c in changes] == [
        ("GET /thing (getThing)", "field-made-optional"),
        ("PUT /thing (putThing)", "field-made-optional"),
    ]


def test_case_names_are_unique() -> None:
    names = [case.name for case in CASES]
    assert len(names) == len(set(names)), [n for n in names if names.count(n) > 1]
    assert all(re.fullmatch(r"[\w .,'$-]+", name) for name in names)
