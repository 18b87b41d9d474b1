from typing import Literal, cast

PetKind = Literal["bird", "cat", "dog"]

PET_KIND_VALUES: set[PetKind] = {
    "bird",
    "cat",
    "dog",
}


def check_pet_kind(value: str) -> PetKind:
    """Return value as PetKind. It may be a value the spec does not list yet:
    test membership in PET_KIND_VALUES before relying on it."""
    return cast(PetKind, value)
