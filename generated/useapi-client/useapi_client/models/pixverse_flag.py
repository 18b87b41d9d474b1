from typing import Literal, cast

PixverseFlag = Literal[0, 1]

PIXVERSE_FLAG_VALUES: set[PixverseFlag] = {
    0,
    1,
}


def check_pixverse_flag(value: int) -> PixverseFlag:
    """Return value as PixverseFlag. It may be a value the spec does not list yet:
    test membership in PIXVERSE_FLAG_VALUES before relying on it."""
    return cast(PixverseFlag, value)
