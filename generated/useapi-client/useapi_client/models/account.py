from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_object,
    error_at,
    expect_optional,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.accounts_by_service import AccountsByService


T = TypeVar("T", bound="Account")


@_attrs_define
class Account:
    """The useapi.net subscription and the accounts configured under it. The page marks
    every field optional.

    """

    id: int | Unset = UNSET
    """ The useapi.net user id. """

    email: str | Unset = UNSET
    """ The email address of the useapi.net user. """

    created: datetime.datetime | Unset = UNSET
    """ When the useapi.net account was created. """

    name: str | Unset = UNSET
    """ The user's name. """

    subscriptions: int | Unset = UNSET
    """ How many useapi.net subscriptions are bought. """

    max_accounts_per_api: int | Unset = UNSET
    """ How many accounts each AI service may hold under the current subscriptions; one
    subscription allows three.
     """

    accounts: AccountsByService | Unset = UNSET
    """ Per AI service (keyed by its name, e.g. `Midjourney API`), how many accounts are
    configured. Accounts in error still count towards the subscription's allowance.
     """

    updated: datetime.datetime | Unset = UNSET
    """ When the useapi.net account was last updated. """

    verified: datetime.datetime | Unset = UNSET
    """ When the user's email address was verified. """

    sub: str | Unset = UNSET
    """ The date the subscription was last renewed, as `YYMMDD`. """

    reply_url: str | Unset = UNSET
    """ The reply URL configured for the account. """

    subscriptions_needed_total: int | Unset = UNSET
    """ How many subscriptions the configured accounts need in total. """

    subscription_is_active: bool | Unset = UNSET
    """ Whether the subscription is active. """

    error: str | Unset = UNSET
    """ Set when there is an outstanding issue with the account. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"id={self.id!r}",
            f"email={self.email!r}",
            f"created={self.created!r}",
            f"name={self.name!r}",
            f"subscriptions={self.subscriptions!r}",
            f"max_accounts_per_api={self.max_accounts_per_api!r}",
            f"accounts={self.accounts!r}",
            f"updated={self.updated!r}",
            f"verified={self.verified!r}",
            f"sub={self.sub!r}",
            f"reply_url={self.reply_url!r}",
            f"subscriptions_needed_total={self.subscriptions_needed_total!r}",
            f"subscription_is_active={self.subscription_is_active!r}",
            f"error={self.error!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        id = self.id

        email = self.email

        created: str | Unset = UNSET
        if not isinstance(self.created, Unset):
            created = self.created.isoformat()

        name = self.name

        subscriptions = self.subscriptions

        max_accounts_per_api = self.max_accounts_per_api

        accounts: dict[str, Any] | Unset = UNSET
        if not isinstance(self.accounts, Unset):
            accounts = self.accounts.to_dict()

        updated: str | Unset = UNSET
        if not isinstance(self.updated, Unset):
            updated = self.updated.isoformat()

        verified: str | Unset = UNSET
        if not isinstance(self.verified, Unset):
            verified = self.verified.isoformat()

        sub = self.sub

        reply_url = self.reply_url

        subscriptions_needed_total = self.subscriptions_needed_total

        subscription_is_active = self.subscription_is_active

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if id is not UNSET:
            field_dict["id"] = id
        if email is not UNSET:
            field_dict["email"] = email
        if created is not UNSET:
            field_dict["created"] = created
        if name is not UNSET:
            field_dict["name"] = name
        if subscriptions is not UNSET:
            field_dict["subscriptions"] = subscriptions
        if max_accounts_per_api is not UNSET:
            field_dict["maxAccountsPerAPI"] = max_accounts_per_api
        if accounts is not UNSET:
            field_dict["accounts"] = accounts
        if updated is not UNSET:
            field_dict["updated"] = updated
        if verified is not UNSET:
            field_dict["verified"] = verified
        if sub is not UNSET:
            field_dict["sub"] = sub
        if reply_url is not UNSET:
            field_dict["replyUrl"] = reply_url
        if subscriptions_needed_total is not UNSET:
            field_dict["subscriptionsNeededTotal"] = subscriptions_needed_total
        if subscription_is_active is not UNSET:
            field_dict["subscriptionIsActive"] = subscription_is_active
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        from ..models.accounts_by_service import AccountsByService  # noqa: PLC0415

        d = dict(check_object(src_dict))
        try:
            id = expect_optional(d, "id", (int,))
        except Exception as _error:
            raise error_at("id", _error) from None

        try:
            email = expect_optional(d, "email", (str,))
        except Exception as _error:
            raise error_at("email", _error) from None

        try:
            _created = expect_optional(d, "created", (str,))
            created: datetime.datetime | Unset
            if isinstance(_created, Unset):
                created = UNSET
            else:
                created = datetime.datetime.fromisoformat(_created)
        except Exception as _error:
            raise error_at("created", _error) from None

        try:
            name = expect_optional(d, "name", (str,))
        except Exception as _error:
            raise error_at("name", _error) from None

        try:
            subscriptions = expect_optional(d, "subscriptions", (int,))
        except Exception as _error:
            raise error_at("subscriptions", _error) from None

        try:
            max_accounts_per_api = expect_optional(d, "maxAccountsPerAPI", (int,))
        except Exception as _error:
            raise error_at("maxAccountsPerAPI", _error) from None

        try:
            _accounts = expect_optional(d, "accounts", (dict,))
            accounts: AccountsByService | Unset
            if isinstance(_accounts, Unset):
                accounts = UNSET
            else:
                accounts = AccountsByService.from_dict(_accounts)
        except Exception as _error:
            raise error_at("accounts", _error) from None

        try:
            _updated = expect_optional(d, "updated", (str,))
            updated: datetime.datetime | Unset
            if isinstance(_updated, Unset):
                updated = UNSET
            else:
                updated = datetime.datetime.fromisoformat(_updated)
        except Exception as _error:
            raise error_at("updated", _error) from None

        try:
            _verified = expect_optional(d, "verified", (str,))
            verified: datetime.datetime | Unset
            if isinstance(_verified, Unset):
                verified = UNSET
            else:
                verified = datetime.datetime.fromisoformat(_verified)
        except Exception as _error:
            raise error_at("verified", _error) from None

        try:
            sub = expect_optional(d, "sub", (str,))
        except Exception as _error:
            raise error_at("sub", _error) from None

        try:
            reply_url = expect_optional(d, "replyUrl", (str,))
        except Exception as _error:
            raise error_at("replyUrl", _error) from None

        try:
            subscriptions_needed_total = expect_optional(d, "subscriptionsNeededTotal", (int,))
        except Exception as _error:
            raise error_at("subscriptionsNeededTotal", _error) from None

        try:
            subscription_is_active = expect_optional(d, "subscriptionIsActive", (bool,))
        except Exception as _error:
            raise error_at("subscriptionIsActive", _error) from None

        try:
            error = expect_optional(d, "error", (str,))
        except Exception as _error:
            raise error_at("error", _error) from None

        account = cls(
            id=id,
            email=email,
            created=created,
            name=name,
            subscriptions=subscriptions,
            max_accounts_per_api=max_accounts_per_api,
            accounts=accounts,
            updated=updated,
            verified=verified,
            sub=sub,
            reply_url=reply_url,
            subscriptions_needed_total=subscriptions_needed_total,
            subscription_is_active=subscription_is_active,
            error=error,
        )

        account.additional_properties = d
        return account

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
