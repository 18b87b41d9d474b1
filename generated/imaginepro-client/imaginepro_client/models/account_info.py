from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_object,
    error_at,
    expect,
)

T = TypeVar("T", bound="AccountInfo")


@_attrs_define
class AccountInfo:
    """The ImaginePro subscription and its credits. Every field is always present."""

    type_: str
    """ The subscription type, e.g. `STARTER`. """

    credits_quota: int
    """ The most credits the plan grants each month. """

    credits_: int
    """ Credits left this month; refilled every month. """

    credits_extra: int
    """ Extra credits, which never expire. """

    expired_at: datetime.datetime
    """ When the subscription expires. """

    email: str
    """ The account's email address. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"type_={self.type_!r}",
            f"credits_quota={self.credits_quota!r}",
            f"credits_={self.credits_!r}",
            f"credits_extra={self.credits_extra!r}",
            f"expired_at={self.expired_at!r}",
            f"email={self.email!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        type_ = self.type_

        credits_quota = self.credits_quota

        credits_ = self.credits_

        credits_extra = self.credits_extra

        expired_at = self.expired_at.isoformat()

        email = self.email

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "type": type_,
                "creditsQuota": credits_quota,
                "credits": credits_,
                "creditsExtra": credits_extra,
                "expiredAt": expired_at,
                "email": email,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            type_ = expect(d, "type", (str,))
        except Exception as _error:
            raise error_at("type", _error) from None

        try:
            credits_quota = expect(d, "creditsQuota", (int,))
        except Exception as _error:
            raise error_at("creditsQuota", _error) from None

        try:
            credits_ = expect(d, "credits", (int,))
        except Exception as _error:
            raise error_at("credits", _error) from None

        try:
            credits_extra = expect(d, "creditsExtra", (int,))
        except Exception as _error:
            raise error_at("creditsExtra", _error) from None

        try:
            expired_at = datetime.datetime.fromisoformat(expect(d, "expiredAt", (str,)))
        except Exception as _error:
            raise error_at("expiredAt", _error) from None

        try:
            email = expect(d, "email", (str,))
        except Exception as _error:
            raise error_at("email", _error) from None

        account_info = cls(
            type_=type_,
            credits_quota=credits_quota,
            credits_=credits_,
            credits_extra=credits_extra,
            expired_at=expired_at,
            email=email,
        )

        account_info.additional_properties = d
        return account_info

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
