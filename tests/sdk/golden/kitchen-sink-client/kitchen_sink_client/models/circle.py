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

T = TypeVar("T", bound="Circle")


@_attrs_define
class Circle:
    shape: Literal["circle"]

    radius: float

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"shape={self.shape!r}",
            f"radius={self.radius!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        shape = self.shape

        radius = self.radius

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "shape": shape,
                "radius": radius,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            shape = cast(Literal["circle"], d.pop("shape"))
            if shape != "circle":
                raise ValueError(f"shape must match const 'circle', got '{shape}'")
        except Exception as _error:
            raise error_at("shape", _error) from None

        try:
            radius = as_float(expect(d, "radius", (float, int)))
        except Exception as _error:
            raise error_at("radius", _error) from None

        circle = cls(
            shape=shape,
            radius=radius,
        )

        circle.additional_properties = d
        return circle

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
