from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Literal, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_object,
    error_at,
    expect,
    expect_optional,
    no_variant_matched,
)
from ..models.schedule_when_type_0 import ScheduleWhenType0, check_schedule_when_type_0
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.labels import Labels


T = TypeVar("T", bound="Schedule")


@_attrs_define
class Schedule:
    when: datetime.date | ScheduleWhenType0

    version: Literal["v1"]

    count: int

    labels: Labels | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"when={self.when!r}",
            f"version={self.version!r}",
            f"count={self.count!r}",
            f"labels={self.labels!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        when: str
        if isinstance(self.when, str):
            when = self.when
        else:
            when = self.when.isoformat()

        version = self.version

        count = self.count

        labels: dict[str, Any] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels.to_dict()

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "when": when,
                "version": version,
                "count": count,
            }
        )
        if labels is not UNSET:
            field_dict["labels"] = labels

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        from ..models.labels import Labels  # noqa: PLC0415

        d = dict(check_object(src_dict))
        try:

            def _parse_when(data: object) -> datetime.date | ScheduleWhenType0:
                _failures: list[Exception] = []
                try:
                    if data not in ["later", "now"]:
                        raise ValueError("not one of the listed values")
                    when_type_0 = check_schedule_when_type_0(data)

                    return when_type_0
                except Exception as _failure:
                    _failures.append(_failure)
                try:
                    if not isinstance(data, str):
                        raise TypeError("expected datetime.date")
                    when_type_1 = datetime.date.fromisoformat(data)

                    return when_type_1
                except Exception as _failure:
                    _failures.append(_failure)
                if isinstance(data, str):  # a value the spec does not list yet: kept, as elsewhere
                    return check_schedule_when_type_0(data)
                raise no_variant_matched(_failures)

            when = _parse_when(expect(d, "when", (str,)))
        except Exception as _error:
            raise error_at("when", _error) from None

        try:
            version = cast(Literal["v1"], d.pop("version"))
            if version != "v1":
                raise ValueError(f"version must match const 'v1', got '{version}'")
        except Exception as _error:
            raise error_at("version", _error) from None

        try:
            count = expect(d, "count", (int,))
        except Exception as _error:
            raise error_at("count", _error) from None

        try:
            _labels = expect_optional(d, "labels", (dict,))
            labels: Labels | Unset
            if isinstance(_labels, Unset):
                labels = UNSET
            else:
                labels = Labels.from_dict(_labels)
        except Exception as _error:
            raise error_at("labels", _error) from None

        schedule = cls(
            when=when,
            version=version,
            count=count,
            labels=labels,
        )

        schedule.additional_properties = d
        return schedule

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
