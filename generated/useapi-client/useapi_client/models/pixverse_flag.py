from typing import Literal

PixverseFlag = Literal[0, 1]

PIXVERSE_FLAG_VALUES: set[PixverseFlag] = {
    0,
    1,
}


def check_pixverse_flag(value: int) -> PixverseFlag:
    if value in PIXVERSE_FLAG_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {PIXVERSE_FLAG_VALUES!r}")
