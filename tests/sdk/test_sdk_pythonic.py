"""The SDKs' objects behave like Python's, and their help agrees with their code, in both SDKs.

- A model that is only additionalProperties (a map by name) is a collections.abc.Mapping.
- UNSET reprs as UNSET (in reprs and signatures), survives copy and pickle as the one UNSET.
- Model reprs leave out an empty additional_properties; the client's repr shows its settings by
  their argument names, never private attribute names.
- Each operation's docstrings carry the spec's parameter and response descriptions, list every
  exception the call can raise, and name the type the signature returns.
- The README's examples use a token the SDK accepts.
"""

from __future__ import annotations

import copy
import importlib
import inspect
import pickle
import re
import typing
from collections.abc import Mapping
from types import ModuleType
from typing import Any

import pytest

from scripts.core.paths import ROOT
from scripts.fixtures.recorded_calls import CALLS, CALLS_BY_ID, OperationCall

ACCOUNT = CALLS_BY_ID["useapi.getAccount"]


def models(call: OperationCall) -> ModuleType:
    return call.package_module("models")


def test_a_map_model_is_a_mapping() -> None:
    account = models(ACCOUNT).Account.from_dict(ACCOUNT.body)
    services = account.accounts
    assert isinstance(account.accounts, Mapping)
    names = ["Midjourney API", "MiniMax API", "Runway AP", "Riffusion API"]
    assert list(services) == names and len(services) == 4
    assert list(services.keys()) == names and [n for n, _ in services.items()] == names
    assert list(services.values()) == [services[name] for name in names]
    assert dict(services) == services.additional_properties
    assert "MiniMax API" in services and "nothing" not in services and 0 not in services
    assert services.get("MiniMax API").total == 3 and services.get("nothing") is None
    assert repr(services).startswith("AccountsByService({'Midjourney API': ServiceAccountCounts(total=3, ")
    detail = models(ACCOUNT).UpstreamErrorDetail.from_dict({"message": "no", "retry": 3})
    assert isinstance(detail, Mapping) and dict(detail) == {"message": "no", "retry": 3}


def test_a_model_with_fields_is_not_a_mapping(call: OperationCall) -> None:
    parsed = call.operation.module()._parse_response(
        client=call.client(), response=_ok(call), content=call.recording.content
    )
    assert not isinstance(parsed, Mapping), "iterating it would mix fields and extra keys"


def _ok(call: OperationCall) -> Any:
    import httpx

    headers = {"content-type": call.recording.content_type}
    return httpx.Response(call.recording.status, content=call.recording.content, headers=headers)


def test_unset_reprs_as_unset_and_stays_one_object(call: OperationCall) -> None:
    types = call.package_module("types")
    unset = types.UNSET
    assert repr(unset) == "UNSET" and str(unset) == "UNSET"
    assert copy.copy(unset) is unset and copy.deepcopy(unset) is unset
    assert pickle.loads(pickle.dumps(unset)) is unset and types.Unset() is unset
    for model in vars(models(call)).values():
        if isinstance(model, type) and hasattr(model, "from_dict"):
            assert "<" not in str(inspect.signature(model)), f"{model.__name__}: {inspect.signature(model)}"


def test_model_reprs_leave_out_empty_additional_properties(json_call: OperationCall) -> None:
    call = json_call
    module = call.operation.module()
    body = dict(call.body)
    parsed = module._parse_response(client=call.client(), response=_ok(call), content=call.recording.body_text.encode())
    assert "additional_properties" not in repr(parsed), repr(parsed)  # a map model reprs as its dict
    assert "UNSET" in repr(parsed) or all(key in body for key in parsed.to_dict())
    body["someNewField"] = 1
    import json

    import httpx

    raw = json.dumps(body).encode()
    extended = module._parse_response(
        client=call.client(),
        response=httpx.Response(call.recording.status, content=raw, headers={"content-type": "application/json"}),
        content=raw,
    )
    assert "additional_properties={'someNewField': 1}" in repr(extended)


def test_the_client_repr_shows_its_settings_by_their_argument_names(call: OperationCall) -> None:
    client = call.client(timeout=5.0, retry=None)
    text = repr(client)
    assert text.startswith("AuthenticatedClient(base_url=")
    assert "timeout=5.0" in text and "retry=None" in text and "max_response_bytes=1048576" in text
    assert not re.search(r"[(,]\s*_", text), f"a private name in {text}"


# --- docstrings ---------------------------------------------------------------------------------

FUNCTIONS = ["sync", "sync_detailed", "asyncio", "asyncio_detailed"]
RAISED_BY_EVERY_CALL = {
    "ResponseValidationError",
    "ResponseTooLargeError",
    "APITimeoutError",
    "APIConnectionError",
    "InvalidURL",
}


def section(doc: str, name: str) -> str:
    found = re.search(rf"^{name}:\n(.*?)(?:\n\n|\Z)", doc, re.S | re.M)
    assert found, f"no {name} section in:\n{doc}"
    return found.group(1)


def words(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("function", FUNCTIONS)
def test_docstrings_carry_the_spec_and_agree_with_the_signature(call: OperationCall, function: str) -> None:
    operation = call.operation.node
    target = getattr(call.operation.module(), function)
    doc = inspect.getdoc(target) or ""
    errors = call.errors

    arguments = section(doc, "Args")
    for parameter in operation.get("parameters", []):
        described = words(parameter.get("description", ""))  # the spec may leave it out
        assert described in words(arguments), f"{parameter['name']}: {described!r} not in {arguments!r}"
    named = set(re.findall(r"^    (\w+) \(", arguments, re.M))
    assert named == set(inspect.signature(target).parameters), named

    raised = set(re.findall(r"^    errors\.(\w+):", section(doc, "Raises"), re.M))
    expected = set(RAISED_BY_EVERY_CALL)
    if "{" in call.operation.path:
        expected.add("InvalidPathParameterError")
    if not function.endswith("_detailed"):
        expected.add("APIStatusError")
    assert raised == expected
    assert all(issubclass(getattr(errors, name), errors.SDKError) for name in raised)

    returns = section(doc, "Returns")
    annotation = typing.get_type_hints(target, vars(importlib.import_module(target.__module__)))["return"]
    shown = " | ".join(sorted(arg.__name__ for arg in typing.get_args(_unwrapped(annotation)) or [annotation]))
    assert returns.split(":")[0].strip() in (shown, f"Response[{shown}]")
    for status, response in operation["responses"].items():
        if function.endswith("_detailed") or status[0] in "123":
            assert f"{status}: " in returns and words(response["description"])[:40] in words(returns), status
        else:  # sync()/asyncio() raise for a documented error status: Raises names it, Returns does not
            assert f"{status}: " not in returns and status in section(doc, "Raises"), status


def _unwrapped(annotation: Any) -> Any:
    """Response[X | Y] -> X | Y; X | Y as it is."""
    args = typing.get_args(annotation)
    return args[0] if getattr(annotation, "__origin__", None) is not None and len(args) == 1 else annotation


# --- the README's token ------------------------------------------------------------------------


def test_the_readme_examples_use_a_token_the_sdk_accepts() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    tokens = set(re.findall(r'token="([^"]*)"', readme))
    assert tokens, "no token in the README's examples: the check is blind"
    for call in CALLS:
        client_module = call.package_module("client")
        for token in tokens:
            client_module.AuthenticatedClient(token=token)  # raises InvalidTokenError if refused
