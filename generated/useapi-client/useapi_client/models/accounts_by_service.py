from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_kind,
    check_object,
    error_at,
)

if TYPE_CHECKING:
    from ..models.service_account_counts import ServiceAccountCounts


T = TypeVar("T", bound="AccountsByService")


@_attrs_define
class AccountsByService(Mapping[str, "ServiceAccountCounts"]):
    """Per AI service (keyed by its name, e.g. `Midjourney API`), how many accounts are
    configured. Accounts in error still count towards the subscription's allowance.

    """

    additional_properties: dict[str, ServiceAccountCounts] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.additional_properties!r})"

    def to_dict(self) -> dict[str, Any]:

        field_dict: dict[str, Any] = {}
        for prop_name, prop in self.additional_properties.items():
            field_dict[prop_name] = prop.to_dict()

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        from ..models.service_account_counts import ServiceAccountCounts  # noqa: PLC0415

        d = dict(check_object(src_dict))
        accounts_by_service = cls()

        additional_properties = {}
        for prop_name, prop_dict in d.items():
            try:
                prop_dict = check_kind(prop_dict, (dict,))
                additional_property = ServiceAccountCounts.from_dict(prop_dict)
            except Exception as _error:
                raise error_at(prop_name, _error) from None
            additional_properties[prop_name] = additional_property

        accounts_by_service.additional_properties = additional_properties
        return accounts_by_service

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> ServiceAccountCounts:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: ServiceAccountCounts) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: object) -> bool:
        return key in self.additional_properties

    def __iter__(self) -> Iterator[str]:
        return iter(self.additional_properties)

    def __len__(self) -> int:
        return len(self.additional_properties)
