from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    as_float,
    check_object,
    error_at,
    expect,
)

T = TypeVar("T", bound="DreaminaCredits")


@_attrs_define
class DreaminaCredits:
    """The credit balance, live from Dreamina."""

    total: float
    """ All credits available. """

    vip: float
    """ Credits from the VIP membership. """

    gift: float
    """ Gifted credits. """

    purchase: float
    """ Purchased credits. """

    daily_claimed: bool
    """ Whether today's free daily credits were claimed. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"total={self.total!r}",
            f"vip={self.vip!r}",
            f"gift={self.gift!r}",
            f"purchase={self.purchase!r}",
            f"daily_claimed={self.daily_claimed!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        total = self.total

        vip = self.vip

        gift = self.gift

        purchase = self.purchase

        daily_claimed = self.daily_claimed

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "total": total,
                "vip": vip,
                "gift": gift,
                "purchase": purchase,
                "dailyClaimed": daily_claimed,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            total = as_float(expect(d, "total", (float, int)))
        except Exception as _error:
            raise error_at("total", _error) from None

        try:
            vip = as_float(expect(d, "vip", (float, int)))
        except Exception as _error:
            raise error_at("vip", _error) from None

        try:
            gift = as_float(expect(d, "gift", (float, int)))
        except Exception as _error:
            raise error_at("gift", _error) from None

        try:
            purchase = as_float(expect(d, "purchase", (float, int)))
        except Exception as _error:
            raise error_at("purchase", _error) from None

        try:
            daily_claimed = expect(d, "dailyClaimed", (bool,))
        except Exception as _error:
            raise error_at("dailyClaimed", _error) from None

        dreamina_credits = cls(
            total=total,
            vip=vip,
            gift=gift,
            purchase=purchase,
            daily_claimed=daily_claimed,
        )

        dreamina_credits.additional_properties = d
        return dreamina_credits

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
