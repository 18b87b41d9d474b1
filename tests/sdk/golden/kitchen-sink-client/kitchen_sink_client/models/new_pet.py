from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import NoneType
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    as_float,
    check_items,
    check_object,
    error_at,
    expect,
    expect_optional,
    no_variant_matched,
)
from ..models.pet_kind import PetKind, check_pet_kind
from ..types import UNSET, Unset

T = TypeVar("T", bound="NewPet")


@_attrs_define
class NewPet:
    name: str

    kind: PetKind

    born: datetime.datetime | None | Unset = UNSET

    birthday: datetime.date | Unset = UNSET

    chip_id: UUID | Unset = UNSET

    weight: float | Unset = 1.5

    vaccinated: bool | Unset = False

    tags: list[str] | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"name={self.name!r}",
            f"kind={self.kind!r}",
            f"born={self.born!r}",
            f"birthday={self.birthday!r}",
            f"chip_id={self.chip_id!r}",
            f"weight={self.weight!r}",
            f"vaccinated={self.vaccinated!r}",
            f"tags={self.tags!r}",
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

        birthday: str | Unset = UNSET
        if not isinstance(self.birthday, Unset):
            birthday = self.birthday.isoformat()

        chip_id: str | Unset = UNSET
        if not isinstance(self.chip_id, Unset):
            chip_id = str(self.chip_id)

        weight = self.weight

        vaccinated = self.vaccinated

        tags: list[str] | Unset = UNSET
        if not isinstance(self.tags, Unset):
            tags = self.tags

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
        if birthday is not UNSET:
            field_dict["birthday"] = birthday
        if chip_id is not UNSET:
            field_dict["chip_id"] = chip_id
        if weight is not UNSET:
            field_dict["weight"] = weight
        if vaccinated is not UNSET:
            field_dict["vaccinated"] = vaccinated
        if tags is not UNSET:
            field_dict["tags"] = tags

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

        try:
            _birthday = expect_optional(d, "birthday", (str,))
            birthday: datetime.date | Unset
            if isinstance(_birthday, Unset):
                birthday = UNSET
            else:
                birthday = datetime.date.fromisoformat(_birthday)
        except Exception as _error:
            raise error_at("birthday", _error) from None

        try:
            _chip_id = expect_optional(d, "chip_id", (str,))
            chip_id: UUID | Unset
            if isinstance(_chip_id, Unset):
                chip_id = UNSET
            else:
                chip_id = UUID(_chip_id)
        except Exception as _error:
            raise error_at("chip_id", _error) from None

        try:
            weight = as_float(expect_optional(d, "weight", (float, int)))
        except Exception as _error:
            raise error_at("weight", _error) from None

        try:
            vaccinated = expect_optional(d, "vaccinated", (bool,))
        except Exception as _error:
            raise error_at("vaccinated", _error) from None

        try:
            tags = cast(list[str], check_items(expect_optional(d, "tags", (list,)), (str,)))
        except Exception as _error:
            raise error_at("tags", _error) from None

        new_pet = cls(
            name=name,
            kind=kind,
            born=born,
            birthday=birthday,
            chip_id=chip_id,
            weight=weight,
            vaccinated=vaccinated,
            tags=tags,
        )

        new_pet.additional_properties = d
        return new_pet

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
