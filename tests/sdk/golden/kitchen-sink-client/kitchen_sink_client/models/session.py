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
from ..types import UNSET, Unset

T = TypeVar("T", bound="Session")


@_attrs_define
class Session:
    user: str

    ttl: int = 3600

    refresh_token: str = _attrs_field(default="none", repr=False)

    session_token: str | Unset = _attrs_field(default="anonymous", repr=False)

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"user={self.user!r}",
            f"ttl={self.ttl!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        user = self.user

        ttl = self.ttl

        refresh_token = self.refresh_token

        session_token = self.session_token

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "user": user,
                "ttl": ttl,
                "refresh_token": refresh_token,
            }
        )
        if session_token is not UNSET:
            field_dict["session_token"] = session_token

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            user = expect(d, "user", (str,))
        except Exception as _error:
            raise error_at("user", _error) from None

        try:
            ttl = expect(d, "ttl", (int,))
        except Exception as _error:
            raise error_at("ttl", _error) from None

        try:
            refresh_token = expect(d, "refresh_token", (str,))
        except Exception as _error:
            raise error_at("refresh_token", _error) from None

        try:
            session_token = expect_optional(d, "session_token", (str,))
        except Exception as _error:
            raise error_at("session_token", _error) from None

        session = cls(
            user=user,
            ttl=ttl,
            refresh_token=refresh_token,
            session_token=session_token,
        )

        session.additional_properties = d
        return session

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
