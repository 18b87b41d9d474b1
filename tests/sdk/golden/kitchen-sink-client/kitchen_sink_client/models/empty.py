from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define

from ..errors import (
    check_object,
)

T = TypeVar("T", bound="Empty")


@_attrs_define
class Empty:
    def __repr__(self) -> str:
        shown: list[str] = []
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        check_object(src_dict)
        empty = cls()

        return empty
