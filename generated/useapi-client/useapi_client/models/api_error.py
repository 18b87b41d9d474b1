from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_kind,
    check_object,
    error_at,
    expect,
    expect_optional,
    no_variant_matched,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.upstream_error_detail import UpstreamErrorDetail


T = TypeVar("T", bound="ApiError")


@_attrs_define
class ApiError:
    """The flat error body every useapi.net endpoint answers with."""

    error: str | UpstreamErrorDetail
    """ What went wrong. Usually a message; some endpoints pass an upstream error through
    as an object.
     """

    code: int | Unset = UNSET
    """ The HTTP status repeated in the body. Not every endpoint sends it. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"error={self.error!r}",
            f"code={self.code!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        from ..models.upstream_error_detail import UpstreamErrorDetail  # noqa: PLC0415

        error: dict[str, Any] | str
        if isinstance(self.error, UpstreamErrorDetail):
            error = self.error.to_dict()
        else:
            error = self.error

        code = self.code

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "error": error,
            }
        )
        if code is not UNSET:
            field_dict["code"] = code

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        from ..models.upstream_error_detail import UpstreamErrorDetail  # noqa: PLC0415

        d = dict(check_object(src_dict))
        try:

            def _parse_error(data: object) -> str | UpstreamErrorDetail:
                _failures: list[Exception] = []
                try:
                    if not isinstance(data, dict):
                        raise TypeError("expected UpstreamErrorDetail")
                    error_type_1 = UpstreamErrorDetail.from_dict(data)

                    return error_type_1
                except Exception as _failure:
                    _failures.append(_failure)
                try:
                    return cast(str | UpstreamErrorDetail, check_kind(data, (str,)))
                except Exception as _failure:
                    _failures.append(_failure)
                raise no_variant_matched(_failures)

            error = _parse_error(expect(d, "error", (str, dict)))
        except Exception as _error:
            raise error_at("error", _error) from None

        try:
            code = expect_optional(d, "code", (int,))
        except Exception as _error:
            raise error_at("code", _error) from None

        api_error = cls(
            error=error,
            code=code,
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
