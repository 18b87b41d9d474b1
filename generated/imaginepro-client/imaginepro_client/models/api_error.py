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

T = TypeVar("T", bound="ApiError")


@_attrs_define
class ApiError:
    """The error body ImaginePro's endpoints answer with."""

    message: str
    """ What went wrong. """

    status_code: int
    """ The HTTP status repeated in the body. """

    error: str | Unset = UNSET
    """ The HTTP reason phrase, e.g. `Unauthorized`. Not always sent. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"message={self.message!r}",
            f"status_code={self.status_code!r}",
            f"error={self.error!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        message = self.message

        status_code = self.status_code

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "message": message,
                "statusCode": status_code,
            }
        )
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            message = expect(d, "message", (str,))
        except Exception as _error:
            raise error_at("message", _error) from None

        try:
            status_code = expect(d, "statusCode", (int,))
        except Exception as _error:
            raise error_at("statusCode", _error) from None

        try:
            error = expect_optional(d, "error", (str,))
        except Exception as _error:
            raise error_at("error", _error) from None

        api_error = cls(
            message=message,
            status_code=status_code,
            error=error,
        )

        api_error.additional_properties = d
        return api_error

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
