from typing import Literal, cast

ScheduleWhenType0 = Literal["later", "now"]

SCHEDULE_WHEN_TYPE_0_VALUES: set[ScheduleWhenType0] = {
    "later",
    "now",
}


def check_schedule_when_type_0(value: str) -> ScheduleWhenType0:
    """Return value as ScheduleWhenType0. It may be a value the spec does not list yet:
    test membership in SCHEDULE_WHEN_TYPE_0_VALUES before relying on it."""
    return cast(ScheduleWhenType0, value)
