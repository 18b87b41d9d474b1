from typing import Literal, cast

DeletePetBodyReason = Literal["lost", "sold"]

DELETE_PET_BODY_REASON_VALUES: set[DeletePetBodyReason] = {
    "lost",
    "sold",
}


def check_delete_pet_body_reason(value: str) -> DeletePetBodyReason:
    """Return value as DeletePetBodyReason. It may be a value the spec does not list yet:
    test membership in DELETE_PET_BODY_REASON_VALUES before relying on it."""
    return cast(DeletePetBodyReason, value)
