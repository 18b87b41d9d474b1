from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_object,
    error_at,
    expect_optional,
)
from ..types import UNSET, Unset

T = TypeVar("T", bound="ServiceAccountCounts")


@_attrs_define
class ServiceAccountCounts:
    """Account counts for one AI service."""

    total: int | Unset = UNSET
    """ How many accounts are configured. """

    active: int | Unset = UNSET
    """ How many of them work. """

    error: int | Unset = UNSET
    """ How many of them are in an error state. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"total={self.total!r}",
            f"active={self.active!r}",
            f"error={self.error!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        active = self.active

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if total is not UNSET:
            field_dict["total"] = total
        if active is not UNSET:
            field_dict["active"] = active
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            total = expect_optional(d, "total", (int,))
        except Exception as _error:
            raise error_at("total", _error) from None

        try:
            active = expect_optional(d, "active", (int,))
        except Exception as _error:
            raise error_at("active", _error) from None

        try:
            error = expect_optional(d, "error", (int,))
        except Exception as _error:
            raise error_at("error", _error) from None

        service_account_counts = cls(
            total=total,
            active=active,
            error=error,
        )

        service_account_counts.additional_properties = d
        return service_account_counts

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
