from typing import Literal, cast

FlowMusicTier = Literal["free", "member", "plus", "starter", "unknown"]

FLOW_MUSIC_TIER_VALUES: set[FlowMusicTier] = {
    "free",
    "member",
    "plus",
    "starter",
    "unknown",
}


def check_flow_music_tier(value: str) -> FlowMusicTier:
    """Return value as FlowMusicTier. It may be a value the spec does not list yet:
    test membership in FLOW_MUSIC_TIER_VALUES before relying on it."""
    return cast(FlowMusicTier, value)
