"""Contains all the data models used in inputs/outputs"""

from .account_info import AccountInfo
from .api_error import ApiError

__all__ = (
    "AccountInfo",
    "ApiError",
)
