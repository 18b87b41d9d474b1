from __future__ import annotations

import json
from collections.abc import Mapping
from io import BytesIO
from typing import TYPE_CHECKING, Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from .. import types
from ..errors import (
    as_float,
    check_items,
    check_object,
    error_at,
    expect,
    expect_optional,
)
from ..models.upload_image_body_mode import UploadImageBodyMode, check_upload_image_body_mode
from ..types import UNSET, File, Unset

if TYPE_CHECKING:
    from ..models.upload_image_body_meta import UploadImageBodyMeta


T = TypeVar("T", bound="UploadImageBody")


@_attrs_define
class UploadImageBody:
    file: File

    caption: str

    quality: float | Unset = UNSET

    meta: UploadImageBodyMeta | Unset = UNSET

    labels: list[str] | Unset = UNSET

    mode: UploadImageBodyMode | Unset = UNSET

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"file={self.file!r}",
            f"caption={self.caption!r}",
            f"quality={self.quality!r}",
            f"meta={self.meta!r}",
            f"labels={self.labels!r}",
            f"mode={self.mode!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()

        caption = self.caption

        quality = self.quality

        meta: dict[str, Any] | Unset = UNSET
        if not isinstance(self.meta, Unset):
            meta = self.meta.to_dict()

        labels: list[str] | Unset = UNSET
        if not isinstance(self.labels, Unset):
            labels = self.labels

        mode: str | Unset = UNSET
        if not isinstance(self.mode, Unset):
            mode = self.mode

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "file": file,
                "caption": caption,
            }
        )
        if quality is not UNSET:
            field_dict["quality"] = quality
        if meta is not UNSET:
            field_dict["meta"] = meta
        if labels is not UNSET:
            field_dict["labels"] = labels
        if mode is not UNSET:
            field_dict["mode"] = mode

        return field_dict

    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))

        files.append(("caption", (None, str(self.caption).encode(), "text/plain")))

        if not isinstance(self.quality, Unset):
            files.append(("quality", (None, str(self.quality).encode(), "text/plain")))

        if not isinstance(self.meta, Unset):
            files.append(("meta", (None, json.dumps(self.meta.to_dict()).encode(), "application/json")))

        if not isinstance(self.labels, Unset):
            for labels_item_element in self.labels:
                files.append(("labels", (None, str(labels_item_element).encode(), "text/plain")))

        if not isinstance(self.mode, Unset):
            files.append(("mode", (None, str(self.mode).encode(), "text/plain")))

        for prop_name, prop in self.additional_properties.items():
            files.append((prop_name, (None, str(prop).encode(), "text/plain")))

        return files

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        from ..models.upload_image_body_meta import UploadImageBodyMeta  # noqa: PLC0415

        d = dict(check_object(src_dict))
        try:
            file = File(payload=BytesIO(d.pop("file")))
        except Exception as _error:
            raise error_at("file", _error) from None

        try:
            caption = expect(d, "caption", (str,))
        except Exception as _error:
            raise error_at("caption", _error) from None

        try:
            quality = as_float(expect_optional(d, "quality", (float, int)))
        except Exception as _error:
            raise error_at("quality", _error) from None

        try:
            _meta = expect_optional(d, "meta", (dict,))
            meta: UploadImageBodyMeta | Unset
            if isinstance(_meta, Unset):
                meta = UNSET
            else:
                meta = UploadImageBodyMeta.from_dict(_meta)
        except Exception as _error:
            raise error_at("meta", _error) from None

        try:
            labels = cast(list[str], check_items(expect_optional(d, "labels", (list,)), (str,)))
        except Exception as _error:
            raise error_at("labels", _error) from None

        try:
            _mode = expect_optional(d, "mode", (str,))
            mode: UploadImageBodyMode | Unset
            if isinstance(_mode, Unset):
                mode = UNSET
            else:
                mode = check_upload_image_body_mode(_mode)
        except Exception as _error:
            raise error_at("mode", _error) from None

        upload_image_body = cls(
            file=file,
            caption=caption,
            quality=quality,
            meta=meta,
            labels=labels,
            mode=mode,
        )

        upload_image_body.additional_properties = d
        return upload_image_body

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
