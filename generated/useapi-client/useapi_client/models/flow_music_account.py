from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import NoneType
from typing import Any, TypeVar, cast
from uuid import UUID

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    as_float,
    check_kind,
    check_object,
    error_at,
    expect,
    expect_optional,
    no_variant_matched,
)
from ..models.flow_music_tier import FlowMusicTier, check_flow_music_tier
from ..types import UNSET, Unset

T = TypeVar("T", bound="FlowMusicAccount")


@_attrs_define
class FlowMusicAccount:
    """One Flow Music account. The balances are live and present only while the account is
    healthy; `subscription_plan` and `provider` exist on paid tiers only.

    """

    email: str
    """ The account's email address. """

    tier: FlowMusicTier
    """ The Flow Music subscription tier. """

    user_id: UUID
    """ The account's user UUID. """

    max_jobs: int
    """ How many jobs may run at once on this account. """

    added: datetime.datetime
    """ When the account was configured. """

    refreshed_at: datetime.datetime
    """ When the session was last refreshed. """

    refreshed_count: int
    """ How many times the session was refreshed. """

    access_token: str = _attrs_field(repr=False)
    """ The session's access token, redacted by useapi.net. """

    access_token_expires_at: datetime.datetime
    """ When the access token expires. """

    refresh_token: str = _attrs_field(repr=False)
    """ The session's refresh token, redacted by useapi.net. """

    session_id: str
    """ The session id. """

    subscription_plan: str | Unset = UNSET
    """ The subscription plan, e.g. `plus-monthly`. Paid tiers only. """

    provider: str | Unset = UNSET
    """ Who bills the subscription. Paid tiers only. """

    error: str | Unset = UNSET
    """ Present only when the account needs re-authentication. """

    credits_remaining: float | None | Unset = UNSET
    """ Credits left, live from Flow Music. Present only for a healthy account. """

    tokens_remaining: float | None | Unset = UNSET
    """ Tokens left, live from Flow Music. Present only for a healthy account. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"email={self.email!r}",
            f"tier={self.tier!r}",
            f"user_id={self.user_id!r}",
            f"max_jobs={self.max_jobs!r}",
            f"added={self.added!r}",
            f"refreshed_at={self.refreshed_at!r}",
            f"refreshed_count={self.refreshed_count!r}",
            f"access_token_expires_at={self.access_token_expires_at!r}",
            f"session_id={self.session_id!r}",
            f"subscription_plan={self.subscription_plan!r}",
            f"provider={self.provider!r}",
            f"error={self.error!r}",
            f"credits_remaining={self.credits_remaining!r}",
            f"tokens_remaining={self.tokens_remaining!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        email = self.email

        tier: str = self.tier

        user_id = str(self.user_id)

        max_jobs = self.max_jobs

        added = self.added.isoformat()

        refreshed_at = self.refreshed_at.isoformat()

        refreshed_count = self.refreshed_count

        access_token = self.access_token

        access_token_expires_at = self.access_token_expires_at.isoformat()

        refresh_token = self.refresh_token

        session_id = self.session_id

        subscription_plan = self.subscription_plan

        provider = self.provider

        error = self.error

        credits_remaining: float | None | Unset
        if isinstance(self.credits_remaining, Unset):
            credits_remaining = UNSET
        else:
            credits_remaining = self.credits_remaining

        tokens_remaining: float | None | Unset
        if isinstance(self.tokens_remaining, Unset):
            tokens_remaining = UNSET
        else:
            tokens_remaining = self.tokens_remaining

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "email": email,
                "tier": tier,
                "user_id": user_id,
                "maxJobs": max_jobs,
                "added": added,
                "refreshed_at": refreshed_at,
                "refreshed_count": refreshed_count,
                "access_token": access_token,
                "access_token_expires_at": access_token_expires_at,
                "refresh_token": refresh_token,
                "session_id": session_id,
            }
        )
        if subscription_plan is not UNSET:
            field_dict["subscription_plan"] = subscription_plan
        if provider is not UNSET:
            field_dict["provider"] = provider
        if error is not UNSET:
            field_dict["error"] = error
        if credits_remaining is not UNSET:
            field_dict["credits_remaining"] = credits_remaining
        if tokens_remaining is not UNSET:
            field_dict["tokens_remaining"] = tokens_remaining

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            email = expect(d, "email", (str,))
        except Exception as _error:
            raise error_at("email", _error) from None

        try:
            tier = check_flow_music_tier(expect(d, "tier", (str,)))
        except Exception as _error:
            raise error_at("tier", _error) from None

        try:
            user_id = UUID(expect(d, "user_id", (str,)))
        except Exception as _error:
            raise error_at("user_id", _error) from None

        try:
            max_jobs = expect(d, "maxJobs", (int,))
        except Exception as _error:
            raise error_at("maxJobs", _error) from None

        try:
            added = datetime.datetime.fromisoformat(expect(d, "added", (str,)))
        except Exception as _error:
            raise error_at("added", _error) from None

        try:
            refreshed_at = datetime.datetime.fromisoformat(expect(d, "refreshed_at", (str,)))
        except Exception as _error:
            raise error_at("refreshed_at", _error) from None

        try:
            refreshed_count = expect(d, "refreshed_count", (int,))
        except Exception as _error:
            raise error_at("refreshed_count", _error) from None

        try:
            access_token = expect(d, "access_token", (str,))
        except Exception as _error:
            raise error_at("access_token", _error) from None

        try:
            access_token_expires_at = datetime.datetime.fromisoformat(expect(d, "access_token_expires_at", (str,)))
        except Exception as _error:
            raise error_at("access_token_expires_at", _error) from None

        try:
            refresh_token = expect(d, "refresh_token", (str,))
        except Exception as _error:
            raise error_at("refresh_token", _error) from None

        try:
            session_id = expect(d, "session_id", (str,))
        except Exception as _error:
            raise error_at("session_id", _error) from None

        try:
            subscription_plan = expect_optional(d, "subscription_plan", (str,))
        except Exception as _error:
            raise error_at("subscription_plan", _error) from None

        try:
            provider = expect_optional(d, "provider", (str,))
        except Exception as _error:
            raise error_at("provider", _error) from None

        try:
            error = expect_optional(d, "error", (str,))
        except Exception as _error:
            raise error_at("error", _error) from None

        try:

            def _parse_credits_remaining(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                _failures: list[Exception] = []
                try:
                    return cast(float | None | Unset, check_kind(data, (float, int)))
                except Exception as _failure:
                    _failures.append(_failure)
                raise no_variant_matched(_failures)

            credits_remaining = _parse_credits_remaining(
                as_float(expect_optional(d, "credits_remaining", (float, int, NoneType)))
            )
        except Exception as _error:
            raise error_at("credits_remaining", _error) from None

        try:

            def _parse_tokens_remaining(data: object) -> float | None | Unset:
                if data is None:
                    return data
                if isinstance(data, Unset):
                    return data
                _failures: list[Exception] = []
                try:
                    return cast(float | None | Unset, check_kind(data, (float, int)))
                except Exception as _failure:
                    _failures.append(_failure)
                raise no_variant_matched(_failures)

            tokens_remaining = _parse_tokens_remaining(
                as_float(expect_optional(d, "tokens_remaining", (float, int, NoneType)))
            )
        except Exception as _error:
            raise error_at("tokens_remaining", _error) from None

        flow_music_account = cls(
            email=email,
            tier=tier,
            user_id=user_id,
            max_jobs=max_jobs,
            added=added,
            refreshed_at=refreshed_at,
            refreshed_count=refreshed_count,
            access_token=access_token,
            access_token_expires_at=access_token_expires_at,
            refresh_token=refresh_token,
            session_id=session_id,
            subscription_plan=subscription_plan,
            provider=provider,
            error=error,
            credits_remaining=credits_remaining,
            tokens_remaining=tokens_remaining,
        )

        flow_music_account.additional_properties = d
        return flow_music_account

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: object) -> bool:
        return key in self.additional_properties
