from __future__ import annotations

from collections.abc import Mapping
from types import NoneType
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    as_float,
    check_kind,
    check_object,
    error_at,
    expect_optional,
    no_variant_matched,
)
from ..models.update_pet_body_status import UpdatePetBodyStatus, check_update_pet_body_status
from ..types import UNSET, Unset

T = TypeVar("T", bound="UpdatePetBody")


@_attrs_define
class UpdatePetBody:
    nickname: None | str | Unset = UNSET

    weight: float | Unset = 2.5

    status: UpdatePetBodyStatus | Unset = "available"

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"nickname={self.nickname!r}",
            f"weight={self.weight!r}",
            f"status={self.status!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        nickname: None | str | Unset
        if isinstance(self.nickname, Unset):
            nickname = UNSET
        else:
            nickname = self.nickname

        weight = self.weight

        status: str | Unset = UNSET
        if not isinstance(self.status, Unset):
            status = self.status

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if nickname is not UNSET:
            field_dict["nickname"] = nickname
        if weight is not UNSET:
            field_dict["weight"] = weight
        if status is not UNSET:
            field_dict["status"] = status

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:

            def _parse_nickname(data: object) -> None | str | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                _failures: list[Exception] = []
                try:
                    return cast(None | str | Unset, check_kind(data, (str,)))
                except Exception as _failure:
                    _failures.append(_failure)
                raise no_variant_matched(_failures)

            nickname = _parse_nickname(expect_optional(d, "nickname", (str, NoneType)))
        except Exception as _error:
            raise error_at("nickname", _error) from None

        try:
            weight = as_float(expect_optional(d, "weight", (float, int)))
        except Exception as _error:
            raise error_at("weight", _error) from None

        try:
            _status = expect_optional(d, "status", (str,))
            status: UpdatePetBodyStatus | Unset
            if isinstance(_status, Unset):
                status = UNSET
            else:
                status = check_update_pet_body_status(_status)
        except Exception as _error:
            raise error_at("status", _error) from None

        update_pet_body = cls(
            nickname=nickname,
            weight=weight,
            status=status,
        )

        update_pet_body.additional_properties = d
        return update_pet_body

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
