from typing import Literal

FlowMusicTier = Literal["free", "member", "plus", "starter", "unknown"]

FLOW_MUSIC_TIER_VALUES: set[FlowMusicTier] = {
    "free",
    "member",
    "plus",
    "starter",
    "unknown",
}


def check_flow_music_tier(value: str) -> FlowMusicTier:
    if value in FLOW_MUSIC_TIER_VALUES:
        return value
    raise TypeError(f"Unexpected value {value!r}. Expected one of {FLOW_MUSIC_TIER_VALUES!r}")
