from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_kind,
    check_object,
    error_at,
)

T = TypeVar("T", bound="Labels")


@_attrs_define
class Labels(Mapping[str, "int"]):
    additional_properties: dict[str, int] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.additional_properties!r})"

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        labels = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            try:
                prop_dict = check_kind(prop_dict, (int,))
                additional_property = prop_dict
            except Exception as _error:
                raise error_at(prop_name, _error) from None
            additional_properties[prop_name] = additional_property

        labels.additional_properties = additional_properties
        return labels

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> int:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: int) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: object) -> bool:
        return key in self.additional_properties

    def __iter__(self) -> Iterator[str]:
        return iter(self.additional_properties)

    def __len__(self) -> int:
        return len(self.additional_properties)
