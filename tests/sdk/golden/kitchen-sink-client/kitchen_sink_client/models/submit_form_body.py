from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_object,
    error_at,
    expect,
    expect_optional,
)
from ..models.pet_kind import PetKind, check_pet_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="SubmitFormBody")


@_attrs_define
class SubmitFormBody:
    name: str

    count: int | Unset = UNSET

    kind: PetKind | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"name={self.name!r}",
            f"count={self.count!r}",
            f"kind={self.kind!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        count = self.count

        kind: str | Unset = UNSET
        if not isinstance(self.kind, Unset):
            kind = self.kind

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
            }
        )
        if count is not UNSET:
            field_dict["count"] = count
        if kind is not UNSET:
            field_dict["kind"] = kind

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            name = expect(d, "name", (str,))
        except Exception as _error:
            raise error_at("name", _error) from None

        try:
            count = expect_optional(d, "count", (int,))
        except Exception as _error:
            raise error_at("count", _error) from None

        try:
            _kind = expect_optional(d, "kind", (str,))
            kind: PetKind | Unset
            if isinstance(_kind, Unset):
                kind = UNSET
            else:
                kind = check_pet_kind(_kind)
        except Exception as _error:
            raise error_at("kind", _error) from None

        submit_form_body = cls(
            name=name,
            count=count,
            kind=kind,
        )

        submit_form_body.additional_properties = d
        return submit_form_body

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: object) -> bool:
        return key in self.additional_properties
