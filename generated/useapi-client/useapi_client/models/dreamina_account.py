from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, TypeVar

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    check_object,
    error_at,
    expect,
    expect_optional,
)
from ..types import UNSET, Unset

if TYPE_CHECKING:
    from ..models.dreamina_credits import DreaminaCredits
    from ..models.dreamina_models import DreaminaModels
    from ..models.dreamina_session import DreaminaSession


T = TypeVar("T", bound="DreaminaAccount")


@_attrs_define
class DreaminaAccount:
    """One Dreamina account. `session`, `models` and `credits` are live from Dreamina and
    missing when that query failed.

    """

    account: str
    """ The account id, `REGION:email`. """

    email: str
    """ The Dreamina account's email address. """

    region: str
    """ The region code. """

    max_jobs: int
    """ How many jobs may run at once on this account (1–50). """

    session_expires: datetime.datetime
    """ When the Dreamina session expires. """

    session: DreaminaSession | Unset = UNSET
    """ The live Dreamina session. """

    models: DreaminaModels | Unset = UNSET
    """ The models this account may use, live from Dreamina. """

    credits_: DreaminaCredits | Unset = UNSET
    """ The credit balance, live from Dreamina. """

    error: str | Unset = UNSET
    """ An error message about the account. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"account={self.account!r}",
            f"email={self.email!r}",
            f"region={self.region!r}",
            f"max_jobs={self.max_jobs!r}",
            f"session_expires={self.session_expires!r}",
            f"session={self.session!r}",
            f"models={self.models!r}",
            f"credits_={self.credits_!r}",
            f"error={self.error!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        account = self.account

        email = self.email

        region = self.region

        max_jobs = self.max_jobs

        session_expires = self.session_expires.isoformat()

        session: dict[str, Any] | Unset = UNSET
        if not isinstance(self.session, Unset):
            session = self.session.to_dict()

        models: dict[str, Any] | Unset = UNSET
        if not isinstance(self.models, Unset):
            models = self.models.to_dict()

        credits_: dict[str, Any] | Unset = UNSET
        if not isinstance(self.credits_, Unset):
            credits_ = self.credits_.to_dict()

        error = self.error

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update(
            {
                "account": account,
                "email": email,
                "region": region,
                "maxJobs": max_jobs,
                "sessionExpires": session_expires,
            }
        )
        if session is not UNSET:
            field_dict["session"] = session
        if models is not UNSET:
            field_dict["models"] = models
        if credits_ is not UNSET:
            field_dict["credits"] = credits_
        if error is not UNSET:
            field_dict["error"] = error

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        from ..models.dreamina_credits import DreaminaCredits  # noqa: PLC0415
        from ..models.dreamina_models import DreaminaModels  # noqa: PLC0415
        from ..models.dreamina_session import DreaminaSession  # noqa: PLC0415

        d = dict(check_object(src_dict))
        try:
            account = expect(d, "account", (str,))
        except Exception as _error:
            raise error_at("account", _error) from None

        try:
            email = expect(d, "email", (str,))
        except Exception as _error:
            raise error_at("email", _error) from None

        try:
            region = expect(d, "region", (str,))
        except Exception as _error:
            raise error_at("region", _error) from None

        try:
            max_jobs = expect(d, "maxJobs", (int,))
        except Exception as _error:
            raise error_at("maxJobs", _error) from None

        try:
            session_expires = datetime.datetime.fromisoformat(expect(d, "sessionExpires", (str,)))
        except Exception as _error:
            raise error_at("sessionExpires", _error) from None

        try:
            _session = expect_optional(d, "session", (dict,))
            session: DreaminaSession | Unset
            if isinstance(_session, Unset):
                session = UNSET
            else:
                session = DreaminaSession.from_dict(_session)
        except Exception as _error:
            raise error_at("session", _error) from None

        try:
            _models = expect_optional(d, "models", (dict,))
            models: DreaminaModels | Unset
            if isinstance(_models, Unset):
                models = UNSET
            else:
                models = DreaminaModels.from_dict(_models)
        except Exception as _error:
            raise error_at("models", _error) from None

        try:
            _credits_ = expect_optional(d, "credits", (dict,))
            credits_: DreaminaCredits | Unset
            if isinstance(_credits_, Unset):
                credits_ = UNSET
            else:
                credits_ = DreaminaCredits.from_dict(_credits_)
        except Exception as _error:
            raise error_at("credits", _error) from None

        try:
            error = expect_optional(d, "error", (str,))
        except Exception as _error:
            raise error_at("error", _error) from None

        dreamina_account = cls(
            account=account,
            email=email,
            region=region,
            max_jobs=max_jobs,
            session_expires=session_expires,
            session=session,
            models=models,
            credits_=credits_,
            error=error,
        )

        dreamina_account.additional_properties = d
        return dreamina_account

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
