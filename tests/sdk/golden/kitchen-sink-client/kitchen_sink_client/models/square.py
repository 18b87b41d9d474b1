from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    as_float,
    check_object,
    error_at,
    expect,
)

T = TypeVar("T", bound="Square")


@_attrs_define
class Square:
    shape: Literal["square"]

    side: float

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"shape={self.shape!r}",
            f"side={self.side!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        shape = self.shape

        side = self.side

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "shape": shape,
                "side": side,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            shape = cast(Literal["square"], d.pop("shape"))
            if shape != "square":
                raise ValueError(f"shape must match const 'square', got '{shape}'")
        except Exception as _error:
            raise error_at("shape", _error) from None

        try:
            side = as_float(expect(d, "side", (float, int)))
        except Exception as _error:
            raise error_at("side", _error) from None

        square = cls(
            shape=shape,
            side=side,
        )

        square.additional_properties = d
        return square

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
