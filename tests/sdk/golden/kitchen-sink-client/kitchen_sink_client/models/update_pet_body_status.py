from typing import Literal, cast

UpdatePetBodyStatus = Literal["adopted", "available"]

UPDATE_PET_BODY_STATUS_VALUES: set[UpdatePetBodyStatus] = {
    "adopted",
    "available",
}


def check_update_pet_body_status(value: str) -> UpdatePetBodyStatus:
    """Return value as UpdatePetBodyStatus. It may be a value the spec does not list yet:
    test membership in UPDATE_PET_BODY_STATUS_VALUES before relying on it."""
    return cast(UpdatePetBodyStatus, value)
