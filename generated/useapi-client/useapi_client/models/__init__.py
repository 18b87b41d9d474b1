"""Contains all the data models used in inputs/outputs"""

from .account import Account
from .accounts_by_service import AccountsByService
from .api_error import ApiError
from .dreamina_account import DreaminaAccount
from .dreamina_credits import DreaminaCredits
from .dreamina_models import DreaminaModels
from .dreamina_session import DreaminaSession
from .flow_music_account import FlowMusicAccount
from .flow_music_tier import FlowMusicTier
from .pixverse_features import PixverseFeatures
from .pixverse_flag import PixverseFlag
from .service_account_counts import ServiceAccountCounts
from .upstream_error_detail import UpstreamErrorDetail

__all__ = (
    "Account",
    "AccountsByService",
    "ApiError",
    "DreaminaAccount",
    "DreaminaCredits",
    "DreaminaModels",
    "DreaminaSession",
    "FlowMusicAccount",
    "FlowMusicTier",
    "PixverseFeatures",
    "PixverseFlag",
    "ServiceAccountCounts",
    "UpstreamErrorDetail",
)
