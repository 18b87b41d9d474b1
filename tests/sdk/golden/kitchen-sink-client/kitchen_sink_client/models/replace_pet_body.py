from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import NoneType
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_object,
    error_at,
    expect,
    expect_optional,
    no_variant_matched,
)
from ..models.pet_kind import PetKind, check_pet_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="ReplacePetBody")


@_attrs_define
class ReplacePetBody:
    name: str

    kind: PetKind

    born: datetime.datetime | None | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"name={self.name!r}",
            f"kind={self.kind!r}",
            f"born={self.born!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        name = self.name

        kind: str = self.kind

        born: None | str | Unset
        if isinstance(self.born, Unset):
            born = UNSET
        elif isinstance(self.born, datetime.datetime):
            born = self.born.isoformat()
        else:
            born = self.born

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "name": name,
                "kind": kind,
            }
        )
        if born is not UNSET:
            field_dict["born"] = born

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            name = expect(d, "name", (str,))
        except Exception as _error:
            raise error_at("name", _error) from None

        try:
            kind = check_pet_kind(expect(d, "kind", (str,)))
        except Exception as _error:
            raise error_at("kind", _error) from None

        try:

            def _parse_born(data: object) -> datetime.datetime | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                _failures: list[Exception] = []
                try:
                    if not isinstance(data, str):
                        raise TypeError("expected datetime.datetime")
                    born_type_0 = datetime.datetime.fromisoformat(data)

                    return born_type_0
                except Exception as _failure:
                    _failures.append(_failure)
                raise no_variant_matched(_failures)

            born = _parse_born(expect_optional(d, "born", (str, NoneType)))
        except Exception as _error:
            raise error_at("born", _error) from None

        replace_pet_body = cls(
            name=name,
            kind=kind,
            born=born,
        )

        replace_pet_body.additional_properties = d
        return replace_pet_body

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
