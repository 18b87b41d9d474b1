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

T = TypeVar("T", bound="DreaminaSession")


@_attrs_define
class DreaminaSession:
    """The live Dreamina session."""

    expires: datetime.datetime
    """ When the session expires. """

    last_refreshed: datetime.datetime
    """ When the session was last refreshed. """

    days_until_expiry: int
    """ Days left until the session expires. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"expires={self.expires!r}",
            f"last_refreshed={self.last_refreshed!r}",
            f"days_until_expiry={self.days_until_expiry!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        expires = self.expires.isoformat()

        last_refreshed = self.last_refreshed.isoformat()

        days_until_expiry = self.days_until_expiry

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "expires": expires,
                "lastRefreshed": last_refreshed,
                "daysUntilExpiry": days_until_expiry,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            expires = datetime.datetime.fromisoformat(expect(d, "expires", (str,)))
        except Exception as _error:
            raise error_at("expires", _error) from None

        try:
            last_refreshed = datetime.datetime.fromisoformat(expect(d, "lastRefreshed", (str,)))
        except Exception as _error:
            raise error_at("lastRefreshed", _error) from None

        try:
            days_until_expiry = expect(d, "daysUntilExpiry", (int,))
        except Exception as _error:
            raise error_at("daysUntilExpiry", _error) from None

        dreamina_session = cls(
            expires=expires,
            last_refreshed=last_refreshed,
            days_until_expiry=days_until_expiry,
        )

        dreamina_session.additional_properties = d
        return dreamina_session

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
