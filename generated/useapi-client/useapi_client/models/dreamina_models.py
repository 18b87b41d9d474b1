from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_items,
    check_object,
    error_at,
    expect,
)

T = TypeVar("T", bound="DreaminaModels")


@_attrs_define
class DreaminaModels:
    """The models this account may use, live from Dreamina."""

    video: list[str]
    """ Names of the available video models. """

    image: list[str]
    """ Names of the available image models. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"video={self.video!r}",
            f"image={self.image!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        video = self.video

        image = self.image

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "video": video,
                "image": image,
            }
        )

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            video = cast(list[str], check_items(expect(d, "video", (list,)), (str,)))
        except Exception as _error:
            raise error_at("video", _error) from None

        try:
            image = cast(list[str], check_items(expect(d, "image", (list,)), (str,)))
        except Exception as _error:
            raise error_at("image", _error) from None

        dreamina_models = cls(
            video=video,
            image=image,
        )

        dreamina_models.additional_properties = d
        return dreamina_models

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
