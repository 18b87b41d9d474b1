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
from ..models.delete_pet_body_reason import DeletePetBodyReason, check_delete_pet_body_reason
from ..types import UNSET, Unset

T = TypeVar("T", bound="DeletePetBody")


@_attrs_define
class DeletePetBody:
    reason: DeletePetBodyReason

    purge_token: str | Unset = _attrs_field(default="keep", repr=False)

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"reason={self.reason!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        reason: str = self.reason

        purge_token = self.purge_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "reason": reason,
            }
        )
        if purge_token is not UNSET:
            field_dict["purge_token"] = purge_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            reason = check_delete_pet_body_reason(expect(d, "reason", (str,)))
        except Exception as _error:
            raise error_at("reason", _error) from None

        try:
            purge_token = expect_optional(d, "purge_token", (str,))
        except Exception as _error:
            raise error_at("purge_token", _error) from None

        delete_pet_body = cls(
            reason=reason,
            purge_token=purge_token,
        )

        delete_pet_body.additional_properties = d
        return delete_pet_body

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
