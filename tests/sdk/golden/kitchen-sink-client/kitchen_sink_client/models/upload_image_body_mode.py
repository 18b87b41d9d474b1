from typing import Literal, cast

UploadImageBodyMode = Literal["best", "fast"]

UPLOAD_IMAGE_BODY_MODE_VALUES: set[UploadImageBodyMode] = {
    "best",
    "fast",
}


def check_upload_image_body_mode(value: str) -> UploadImageBodyMode:
    """Return value as UploadImageBodyMode. It may be a value the spec does not list yet:
    test membership in UPLOAD_IMAGE_BODY_MODE_VALUES before relying on it."""
    return cast(UploadImageBodyMode, value)
