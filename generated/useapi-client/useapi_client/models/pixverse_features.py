from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any, TypeVar, cast

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..errors import (
    as_float,
    check_items,
    check_object,
    error_at,
    expect_optional,
)
from ..models.pixverse_flag import PixverseFlag, check_pixverse_flag
from ..types import UNSET, Unset

T = TypeVar("T", bound="PixverseFeatures")


@_attrs_define
class PixverseFeatures:
    """A PixVerse account's plan, credits and features as PixVerse reports them. The page
    marks every field optional.

    """

    user_id: int | Unset = UNSET
    """ The PixVerse user id. """

    member_id: int | Unset = UNSET
    """ The PixVerse member id. """

    product_id: int | Unset = UNSET
    """ The id of the subscribed product. """

    plan_name: str | Unset = UNSET
    """ The current plan, e.g. `Premium - Monthly`. """

    next_plan_name: str | Unset = UNSET
    """ The plan after the next renewal. """

    next_plan_type: float | Unset = UNSET
    """ The type code of the next plan. """

    current_plan_type: float | Unset = UNSET
    """ The type code of the current plan. """

    last_plan_name: str | Unset = UNSET
    """ The previous plan's name; empty when there was none. """

    last_plan_type: float | Unset = UNSET
    """ The type code of the previous plan. """

    last_product_id: int | Unset = UNSET
    """ The id of the previous product; 0 when there was none. """

    type_: float | Unset = UNSET
    """ The account type code. """

    expired_member: float | Unset = UNSET
    """ Membership expiry state; 0 means active. """

    credit_daily: float | Unset = UNSET
    """ Daily credits remaining. """

    credit_daily_gift: float | Unset = UNSET
    """ Daily gift credits. """

    initial_credit_gift: float | Unset = UNSET
    """ Initial gift credits, as PixVerse reports them. """

    credit_monthly: float | Unset = UNSET
    """ Monthly credits remaining. """

    credit_monthly_gift: float | Unset = UNSET
    """ Monthly gift credits. """

    credit_package: float | Unset = UNSET
    """ Credits from purchased packages. """

    credits_more: float | Unset = UNSET
    """ Further credits on top of the plan. """

    has_purchased_credits: bool | Unset = UNSET
    """ Whether credits were ever purchased. """

    is_gift_card: bool | Unset = UNSET
    """ Whether the plan came from a gift card. """

    credits_refresh_time: datetime.datetime | Unset = UNSET
    """ When the monthly credits refresh. """

    daily_credits_refresh_time: datetime.datetime | Unset = UNSET
    """ When the daily credits refresh. """

    price: str | Unset = UNSET
    """ The plan's price, as a decimal string. """

    renewal_price: str | Unset = UNSET
    """ The price at renewal, as a decimal string. """

    billing_period: float | Unset = UNSET
    """ The billing period code. """

    next_billing_period: float | Unset = UNSET
    """ The billing period code after the next renewal. """

    billing_renewal_date: datetime.datetime | Unset = UNSET
    """ When the subscription renews. """

    expired_date: datetime.datetime | Unset = UNSET
    """ When the plan expires. """

    remaining_days: int | Unset = UNSET
    """ Days left in the plan. """

    payment: float | Unset = UNSET
    """ A payment code, as PixVerse reports it. """

    invoice_url: str | Unset = UNSET
    """ Link to the latest invoice. """

    stripe_bill_url: str | Unset = UNSET
    """ Link to the Stripe bill. """

    renewal_retention: float | Unset = UNSET
    """ A renewal retention code, as PixVerse reports it. """

    cancel_updated_at: datetime.datetime | Unset = UNSET
    """ When the cancellation last changed; `0001-01-01T00:00:00Z` when never cancelled. """

    sub_order_in_progress: float | Unset = UNSET
    """ Whether a subscription order is in progress, as PixVerse reports it. """

    gen_simultaneously: int | Unset = UNSET
    """ How many generations may run at once. """

    allow_fast_mode: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    allow_relaxed_mode: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    allow_use_new_feat: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    allow_private_generate: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    remove_watermark: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    allow_purchase_credit: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    allow_effect: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    batch_generation: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    album_num: int | Unset = UNSET
    """ The album allowance, as PixVerse reports it. """

    veo_sora_models: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    preview_mode: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    preview_mode_discount: str | Unset = UNSET
    """ The preview mode's price factor, as a decimal string, e.g. `0.8`. """

    off_peak: PixverseFlag | Unset = UNSET
    """ A capability flag, 1 when the feature is on and 0 when it is off. """

    off_peak_discount: str | Unset = UNSET
    """ The off-peak price factor, as a decimal string, e.g. `0.7`. """

    qualities: list[str] | Unset = UNSET
    """ The video qualities available, e.g. `720p`. """

    unlimited_image_models: list[str] | Unset = UNSET
    """ Image models the plan may use without limit (Relax Mode). """

    accessible_image_models: list[str] | Unset = UNSET
    """ Every image model the plan may use. """

    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)

    def __repr__(self) -> str:
        shown: list[str] = [
            f"user_id={self.user_id!r}",
            f"member_id={self.member_id!r}",
            f"product_id={self.product_id!r}",
            f"plan_name={self.plan_name!r}",
            f"next_plan_name={self.next_plan_name!r}",
            f"next_plan_type={self.next_plan_type!r}",
            f"current_plan_type={self.current_plan_type!r}",
            f"last_plan_name={self.last_plan_name!r}",
            f"last_plan_type={self.last_plan_type!r}",
            f"last_product_id={self.last_product_id!r}",
            f"type_={self.type_!r}",
            f"expired_member={self.expired_member!r}",
            f"credit_daily={self.credit_daily!r}",
            f"credit_daily_gift={self.credit_daily_gift!r}",
            f"initial_credit_gift={self.initial_credit_gift!r}",
            f"credit_monthly={self.credit_monthly!r}",
            f"credit_monthly_gift={self.credit_monthly_gift!r}",
            f"credit_package={self.credit_package!r}",
            f"credits_more={self.credits_more!r}",
            f"has_purchased_credits={self.has_purchased_credits!r}",
            f"is_gift_card={self.is_gift_card!r}",
            f"credits_refresh_time={self.credits_refresh_time!r}",
            f"daily_credits_refresh_time={self.daily_credits_refresh_time!r}",
            f"price={self.price!r}",
            f"renewal_price={self.renewal_price!r}",
            f"billing_period={self.billing_period!r}",
            f"next_billing_period={self.next_billing_period!r}",
            f"billing_renewal_date={self.billing_renewal_date!r}",
            f"expired_date={self.expired_date!r}",
            f"remaining_days={self.remaining_days!r}",
            f"payment={self.payment!r}",
            f"invoice_url={self.invoice_url!r}",
            f"stripe_bill_url={self.stripe_bill_url!r}",
            f"renewal_retention={self.renewal_retention!r}",
            f"cancel_updated_at={self.cancel_updated_at!r}",
            f"sub_order_in_progress={self.sub_order_in_progress!r}",
            f"gen_simultaneously={self.gen_simultaneously!r}",
            f"allow_fast_mode={self.allow_fast_mode!r}",
            f"allow_relaxed_mode={self.allow_relaxed_mode!r}",
            f"allow_use_new_feat={self.allow_use_new_feat!r}",
            f"allow_private_generate={self.allow_private_generate!r}",
            f"remove_watermark={self.remove_watermark!r}",
            f"allow_purchase_credit={self.allow_purchase_credit!r}",
            f"allow_effect={self.allow_effect!r}",
            f"batch_generation={self.batch_generation!r}",
            f"album_num={self.album_num!r}",
            f"veo_sora_models={self.veo_sora_models!r}",
            f"preview_mode={self.preview_mode!r}",
            f"preview_mode_discount={self.preview_mode_discount!r}",
            f"off_peak={self.off_peak!r}",
            f"off_peak_discount={self.off_peak_discount!r}",
            f"qualities={self.qualities!r}",
            f"unlimited_image_models={self.unlimited_image_models!r}",
            f"accessible_image_models={self.accessible_image_models!r}",
        ]
        if self.additional_properties:
            shown.append(f"additional_properties={self.additional_properties!r}")
        return f"{type(self).__name__}({', '.join(shown)})"

    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        member_id = self.member_id

        product_id = self.product_id

        plan_name = self.plan_name

        next_plan_name = self.next_plan_name

        next_plan_type = self.next_plan_type

        current_plan_type = self.current_plan_type

        last_plan_name = self.last_plan_name

        last_plan_type = self.last_plan_type

        last_product_id = self.last_product_id

        type_ = self.type_

        expired_member = self.expired_member

        credit_daily = self.credit_daily

        credit_daily_gift = self.credit_daily_gift

        initial_credit_gift = self.initial_credit_gift

        credit_monthly = self.credit_monthly

        credit_monthly_gift = self.credit_monthly_gift

        credit_package = self.credit_package

        credits_more = self.credits_more

        has_purchased_credits = self.has_purchased_credits

        is_gift_card = self.is_gift_card

        credits_refresh_time: str | Unset = UNSET
        if not isinstance(self.credits_refresh_time, Unset):
            credits_refresh_time = self.credits_refresh_time.isoformat()

        daily_credits_refresh_time: str | Unset = UNSET
        if not isinstance(self.daily_credits_refresh_time, Unset):
            daily_credits_refresh_time = self.daily_credits_refresh_time.isoformat()

        price = self.price

        renewal_price = self.renewal_price

        billing_period = self.billing_period

        next_billing_period = self.next_billing_period

        billing_renewal_date: str | Unset = UNSET
        if not isinstance(self.billing_renewal_date, Unset):
            billing_renewal_date = self.billing_renewal_date.isoformat()

        expired_date: str | Unset = UNSET
        if not isinstance(self.expired_date, Unset):
            expired_date = self.expired_date.isoformat()

        remaining_days = self.remaining_days

        payment = self.payment

        invoice_url = self.invoice_url

        stripe_bill_url = self.stripe_bill_url

        renewal_retention = self.renewal_retention

        cancel_updated_at: str | Unset = UNSET
        if not isinstance(self.cancel_updated_at, Unset):
            cancel_updated_at = self.cancel_updated_at.isoformat()

        sub_order_in_progress = self.sub_order_in_progress

        gen_simultaneously = self.gen_simultaneously

        allow_fast_mode: int | Unset = UNSET
        if not isinstance(self.allow_fast_mode, Unset):
            allow_fast_mode = self.allow_fast_mode

        allow_relaxed_mode: int | Unset = UNSET
        if not isinstance(self.allow_relaxed_mode, Unset):
            allow_relaxed_mode = self.allow_relaxed_mode

        allow_use_new_feat: int | Unset = UNSET
        if not isinstance(self.allow_use_new_feat, Unset):
            allow_use_new_feat = self.allow_use_new_feat

        allow_private_generate: int | Unset = UNSET
        if not isinstance(self.allow_private_generate, Unset):
            allow_private_generate = self.allow_private_generate

        remove_watermark: int | Unset = UNSET
        if not isinstance(self.remove_watermark, Unset):
            remove_watermark = self.remove_watermark

        allow_purchase_credit: int | Unset = UNSET
        if not isinstance(self.allow_purchase_credit, Unset):
            allow_purchase_credit = self.allow_purchase_credit

        allow_effect: int | Unset = UNSET
        if not isinstance(self.allow_effect, Unset):
            allow_effect = self.allow_effect

        batch_generation: int | Unset = UNSET
        if not isinstance(self.batch_generation, Unset):
            batch_generation = self.batch_generation

        album_num = self.album_num

        veo_sora_models: int | Unset = UNSET
        if not isinstance(self.veo_sora_models, Unset):
            veo_sora_models = self.veo_sora_models

        preview_mode: int | Unset = UNSET
        if not isinstance(self.preview_mode, Unset):
            preview_mode = self.preview_mode

        preview_mode_discount = self.preview_mode_discount

        off_peak: int | Unset = UNSET
        if not isinstance(self.off_peak, Unset):
            off_peak = self.off_peak

        off_peak_discount = self.off_peak_discount

        qualities: list[str] | Unset = UNSET
        if not isinstance(self.qualities, Unset):
            qualities = self.qualities

        unlimited_image_models: list[str] | Unset = UNSET
        if not isinstance(self.unlimited_image_models, Unset):
            unlimited_image_models = self.unlimited_image_models

        accessible_image_models: list[str] | Unset = UNSET
        if not isinstance(self.accessible_image_models, Unset):
            accessible_image_models = self.accessible_image_models

        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({})
        if user_id is not UNSET:
            field_dict["user_id"] = user_id
        if member_id is not UNSET:
            field_dict["member_id"] = member_id
        if product_id is not UNSET:
            field_dict["product_id"] = product_id
        if plan_name is not UNSET:
            field_dict["plan_name"] = plan_name
        if next_plan_name is not UNSET:
            field_dict["next_plan_name"] = next_plan_name
        if next_plan_type is not UNSET:
            field_dict["next_plan_type"] = next_plan_type
        if current_plan_type is not UNSET:
            field_dict["current_plan_type"] = current_plan_type
        if last_plan_name is not UNSET:
            field_dict["last_plan_name"] = last_plan_name
        if last_plan_type is not UNSET:
            field_dict["last_plan_type"] = last_plan_type
        if last_product_id is not UNSET:
            field_dict["last_product_id"] = last_product_id
        if type_ is not UNSET:
            field_dict["type"] = type_
        if expired_member is not UNSET:
            field_dict["expired_member"] = expired_member
        if credit_daily is not UNSET:
            field_dict["credit_daily"] = credit_daily
        if credit_daily_gift is not UNSET:
            field_dict["credit_daily_gift"] = credit_daily_gift
        if initial_credit_gift is not UNSET:
            field_dict["initial_credit_gift"] = initial_credit_gift
        if credit_monthly is not UNSET:
            field_dict["credit_monthly"] = credit_monthly
        if credit_monthly_gift is not UNSET:
            field_dict["credit_monthly_gift"] = credit_monthly_gift
        if credit_package is not UNSET:
            field_dict["credit_package"] = credit_package
        if credits_more is not UNSET:
            field_dict["credits_more"] = credits_more
        if has_purchased_credits is not UNSET:
            field_dict["has_purchased_credits"] = has_purchased_credits
        if is_gift_card is not UNSET:
            field_dict["is_gift_card"] = is_gift_card
        if credits_refresh_time is not UNSET:
            field_dict["credits_refresh_time"] = credits_refresh_time
        if daily_credits_refresh_time is not UNSET:
            field_dict["daily_credits_refresh_time"] = daily_credits_refresh_time
        if price is not UNSET:
            field_dict["price"] = price
        if renewal_price is not UNSET:
            field_dict["renewal_price"] = renewal_price
        if billing_period is not UNSET:
            field_dict["billing_period"] = billing_period
        if next_billing_period is not UNSET:
            field_dict["next_billing_period"] = next_billing_period
        if billing_renewal_date is not UNSET:
            field_dict["billing_renewal_date"] = billing_renewal_date
        if expired_date is not UNSET:
            field_dict["expired_date"] = expired_date
        if remaining_days is not UNSET:
            field_dict["remaining_days"] = remaining_days
        if payment is not UNSET:
            field_dict["payment"] = payment
        if invoice_url is not UNSET:
            field_dict["invoice_url"] = invoice_url
        if stripe_bill_url is not UNSET:
            field_dict["stripe_bill_url"] = stripe_bill_url
        if renewal_retention is not UNSET:
            field_dict["renewal_retention"] = renewal_retention
        if cancel_updated_at is not UNSET:
            field_dict["cancel_updated_at"] = cancel_updated_at
        if sub_order_in_progress is not UNSET:
            field_dict["sub_order_in_progress"] = sub_order_in_progress
        if gen_simultaneously is not UNSET:
            field_dict["gen_simultaneously"] = gen_simultaneously
        if allow_fast_mode is not UNSET:
            field_dict["allow_fast_mode"] = allow_fast_mode
        if allow_relaxed_mode is not UNSET:
            field_dict["allow_relaxed_mode"] = allow_relaxed_mode
        if allow_use_new_feat is not UNSET:
            field_dict["allow_use_new_feat"] = allow_use_new_feat
        if allow_private_generate is not UNSET:
            field_dict["allow_private_generate"] = allow_private_generate
        if remove_watermark is not UNSET:
            field_dict["remove_watermark"] = remove_watermark
        if allow_purchase_credit is not UNSET:
            field_dict["allow_purchase_credit"] = allow_purchase_credit
        if allow_effect is not UNSET:
            field_dict["allow_effect"] = allow_effect
        if batch_generation is not UNSET:
            field_dict["batch_generation"] = batch_generation
        if album_num is not UNSET:
            field_dict["album_num"] = album_num
        if veo_sora_models is not UNSET:
            field_dict["veo_sora_models"] = veo_sora_models
        if preview_mode is not UNSET:
            field_dict["preview_mode"] = preview_mode
        if preview_mode_discount is not UNSET:
            field_dict["preview_mode_discount"] = preview_mode_discount
        if off_peak is not UNSET:
            field_dict["off_peak"] = off_peak
        if off_peak_discount is not UNSET:
            field_dict["off_peak_discount"] = off_peak_discount
        if qualities is not UNSET:
            field_dict["qualities"] = qualities
        if unlimited_image_models is not UNSET:
            field_dict["unlimited_image_models"] = unlimited_image_models
        if accessible_image_models is not UNSET:
            field_dict["accessible_image_models"] = accessible_image_models

        return field_dict

    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        """Read a decoded JSON object. Raises errors.ResponseValidationError when it breaks the contract."""
        d = dict(check_object(src_dict))
        try:
            user_id = expect_optional(d, "user_id", (int,))
        except Exception as _error:
            raise error_at("user_id", _error) from None

        try:
            member_id = expect_optional(d, "member_id", (int,))
        except Exception as _error:
            raise error_at("member_id", _error) from None

        try:
            product_id = expect_optional(d, "product_id", (int,))
        except Exception as _error:
            raise error_at("product_id", _error) from None

        try:
            plan_name = expect_optional(d, "plan_name", (str,))
        except Exception as _error:
            raise error_at("plan_name", _error) from None

        try:
            next_plan_name = expect_optional(d, "next_plan_name", (str,))
        except Exception as _error:
            raise error_at("next_plan_name", _error) from None

        try:
            next_plan_type = as_float(expect_optional(d, "next_plan_type", (float, int)))
        except Exception as _error:
            raise error_at("next_plan_type", _error) from None

        try:
            current_plan_type = as_float(expect_optional(d, "current_plan_type", (float, int)))
        except Exception as _error:
            raise error_at("current_plan_type", _error) from None

        try:
            last_plan_name = expect_optional(d, "last_plan_name", (str,))
        except Exception as _error:
            raise error_at("last_plan_name", _error) from None

        try:
            last_plan_type = as_float(expect_optional(d, "last_plan_type", (float, int)))
        except Exception as _error:
            raise error_at("last_plan_type", _error) from None

        try:
            last_product_id = expect_optional(d, "last_product_id", (int,))
        except Exception as _error:
            raise error_at("last_product_id", _error) from None

        try:
            type_ = as_float(expect_optional(d, "type", (float, int)))
        except Exception as _error:
            raise error_at("type", _error) from None

        try:
            expired_member = as_float(expect_optional(d, "expired_member", (float, int)))
        except Exception as _error:
            raise error_at("expired_member", _error) from None

        try:
            credit_daily = as_float(expect_optional(d, "credit_daily", (float, int)))
        except Exception as _error:
            raise error_at("credit_daily", _error) from None

        try:
            credit_daily_gift = as_float(expect_optional(d, "credit_daily_gift", (float, int)))
        except Exception as _error:
            raise error_at("credit_daily_gift", _error) from None

        try:
            initial_credit_gift = as_float(expect_optional(d, "initial_credit_gift", (float, int)))
        except Exception as _error:
            raise error_at("initial_credit_gift", _error) from None

        try:
            credit_monthly = as_float(expect_optional(d, "credit_monthly", (float, int)))
        except Exception as _error:
            raise error_at("credit_monthly", _error) from None

        try:
            credit_monthly_gift = as_float(expect_optional(d, "credit_monthly_gift", (float, int)))
        except Exception as _error:
            raise error_at("credit_monthly_gift", _error) from None

        try:
            credit_package = as_float(expect_optional(d, "credit_package", (float, int)))
        except Exception as _error:
            raise error_at("credit_package", _error) from None

        try:
            credits_more = as_float(expect_optional(d, "credits_more", (float, int)))
        except Exception as _error:
            raise error_at("credits_more", _error) from None

        try:
            has_purchased_credits = expect_optional(d, "has_purchased_credits", (bool,))
        except Exception as _error:
            raise error_at("has_purchased_credits", _error) from None

        try:
            is_gift_card = expect_optional(d, "is_gift_card", (bool,))
        except Exception as _error:
            raise error_at("is_gift_card", _error) from None

        try:
            _credits_refresh_time = expect_optional(d, "credits_refresh_time", (str,))
            credits_refresh_time: datetime.datetime | Unset
            if isinstance(_credits_refresh_time, Unset):
                credits_refresh_time = UNSET
            else:
                credits_refresh_time = datetime.datetime.fromisoformat(_credits_refresh_time)
        except Exception as _error:
            raise error_at("credits_refresh_time", _error) from None

        try:
            _daily_credits_refresh_time = expect_optional(d, "daily_credits_refresh_time", (str,))
            daily_credits_refresh_time: datetime.datetime | Unset
            if isinstance(_daily_credits_refresh_time, Unset):
                daily_credits_refresh_time = UNSET
            else:
                daily_credits_refresh_time = datetime.datetime.fromisoformat(_daily_credits_refresh_time)
        except Exception as _error:
            raise error_at("daily_credits_refresh_time", _error) from None

        try:
            price = expect_optional(d, "price", (str,))
        except Exception as _error:
            raise error_at("price", _error) from None

        try:
            renewal_price = expect_optional(d, "renewal_price", (str,))
        except Exception as _error:
            raise error_at("renewal_price", _error) from None

        try:
            billing_period = as_float(expect_optional(d, "billing_period", (float, int)))
        except Exception as _error:
            raise error_at("billing_period", _error) from None

        try:
            next_billing_period = as_float(expect_optional(d, "next_billing_period", (float, int)))
        except Exception as _error:
            raise error_at("next_billing_period", _error) from None

        try:
            _billing_renewal_date = expect_optional(d, "billing_renewal_date", (str,))
            billing_renewal_date: datetime.datetime | Unset
            if isinstance(_billing_renewal_date, Unset):
                billing_renewal_date = UNSET
            else:
                billing_renewal_date = datetime.datetime.fromisoformat(_billing_renewal_date)
        except Exception as _error:
            raise error_at("billing_renewal_date", _error) from None

        try:
            _expired_date = expect_optional(d, "expired_date", (str,))
            expired_date: datetime.datetime | Unset
            if isinstance(_expired_date, Unset):
                expired_date = UNSET
            else:
                expired_date = datetime.datetime.fromisoformat(_expired_date)
        except Exception as _error:
            raise error_at("expired_date", _error) from None

        try:
            remaining_days = expect_optional(d, "remaining_days", (int,))
        except Exception as _error:
            raise error_at("remaining_days", _error) from None

        try:
            payment = as_float(expect_optional(d, "payment", (float, int)))
        except Exception as _error:
            raise error_at("payment", _error) from None

        try:
            invoice_url = expect_optional(d, "invoice_url", (str,))
        except Exception as _error:
            raise error_at("invoice_url", _error) from None

        try:
            stripe_bill_url = expect_optional(d, "stripe_bill_url", (str,))
        except Exception as _error:
            raise error_at("stripe_bill_url", _error) from None

        try:
            renewal_retention = as_float(expect_optional(d, "renewal_retention", (float, int)))
        except Exception as _error:
            raise error_at("renewal_retention", _error) from None

        try:
            _cancel_updated_at = expect_optional(d, "cancel_updated_at", (str,))
            cancel_updated_at: datetime.datetime | Unset
            if isinstance(_cancel_updated_at, Unset):
                cancel_updated_at = UNSET
            else:
                cancel_updated_at = datetime.datetime.fromisoformat(_cancel_updated_at)
        except Exception as _error:
            raise error_at("cancel_updated_at", _error) from None

        try:
            sub_order_in_progress = as_float(expect_optional(d, "sub_order_in_progress", (float, int)))
        except Exception as _error:
            raise error_at("sub_order_in_progress", _error) from None

        try:
            gen_simultaneously = expect_optional(d, "gen_simultaneously", (int,))
        except Exception as _error:
            raise error_at("gen_simultaneously", _error) from None

        try:
            _allow_fast_mode = expect_optional(d, "allow_fast_mode", (int,))
            allow_fast_mode: PixverseFlag | Unset
            if isinstance(_allow_fast_mode, Unset):
                allow_fast_mode = UNSET
            else:
                allow_fast_mode = check_pixverse_flag(_allow_fast_mode)
        except Exception as _error:
            raise error_at("allow_fast_mode", _error) from None

        try:
            _allow_relaxed_mode = expect_optional(d, "allow_relaxed_mode", (int,))
            allow_relaxed_mode: PixverseFlag | Unset
            if isinstance(_allow_relaxed_mode, Unset):
                allow_relaxed_mode = UNSET
            else:
                allow_relaxed_mode = check_pixverse_flag(_allow_relaxed_mode)
        except Exception as _error:
            raise error_at("allow_relaxed_mode", _error) from None

        try:
            _allow_use_new_feat = expect_optional(d, "allow_use_new_feat", (int,))
            allow_use_new_feat: PixverseFlag | Unset
            if isinstance(_allow_use_new_feat, Unset):
                allow_use_new_feat = UNSET
            else:
                allow_use_new_feat = check_pixverse_flag(_allow_use_new_feat)
        except Exception as _error:
            raise error_at("allow_use_new_feat", _error) from None

        try:
            _allow_private_generate = expect_optional(d, "allow_private_generate", (int,))
            allow_private_generate: PixverseFlag | Unset
            if isinstance(_allow_private_generate, Unset):
                allow_private_generate = UNSET
            else:
                allow_private_generate = check_pixverse_flag(_allow_private_generate)
        except Exception as _error:
            raise error_at("allow_private_generate", _error) from None

        try:
            _remove_watermark = expect_optional(d, "remove_watermark", (int,))
            remove_watermark: PixverseFlag | Unset
            if isinstance(_remove_watermark, Unset):
                remove_watermark = UNSET
            else:
                remove_watermark = check_pixverse_flag(_remove_watermark)
        except Exception as _error:
            raise error_at("remove_watermark", _error) from None

        try:
            _allow_purchase_credit = expect_optional(d, "allow_purchase_credit", (int,))
            allow_purchase_credit: PixverseFlag | Unset
            if isinstance(_allow_purchase_credit, Unset):
                allow_purchase_credit = UNSET
            else:
                allow_purchase_credit = check_pixverse_flag(_allow_purchase_credit)
        except Exception as _error:
            raise error_at("allow_purchase_credit", _error) from None

        try:
            _allow_effect = expect_optional(d, "allow_effect", (int,))
            allow_effect: PixverseFlag | Unset
            if isinstance(_allow_effect, Unset):
                allow_effect = UNSET
            else:
                allow_effect = check_pixverse_flag(_allow_effect)
        except Exception as _error:
            raise error_at("allow_effect", _error) from None

        try:
            _batch_generation = expect_optional(d, "batch_generation", (int,))
            batch_generation: PixverseFlag | Unset
            if isinstance(_batch_generation, Unset):
                batch_generation = UNSET
            else:
                batch_generation = check_pixverse_flag(_batch_generation)
        except Exception as _error:
            raise error_at("batch_generation", _error) from None

        try:
            album_num = expect_optional(d, "album_num", (int,))
        except Exception as _error:
            raise error_at("album_num", _error) from None

        try:
            _veo_sora_models = expect_optional(d, "veo_sora_models", (int,))
            veo_sora_models: PixverseFlag | Unset
            if isinstance(_veo_sora_models, Unset):
                veo_sora_models = UNSET
            else:
                veo_sora_models = check_pixverse_flag(_veo_sora_models)
        except Exception as _error:
            raise error_at("veo_sora_models", _error) from None

        try:
            _preview_mode = expect_optional(d, "preview_mode", (int,))
            preview_mode: PixverseFlag | Unset
            if isinstance(_preview_mode, Unset):
                preview_mode = UNSET
            else:
                preview_mode = check_pixverse_flag(_preview_mode)
        except Exception as _error:
            raise error_at("preview_mode", _error) from None

        try:
            preview_mode_discount = expect_optional(d, "preview_mode_discount", (str,))
        except Exception as _error:
            raise error_at("preview_mode_discount", _error) from None

        try:
            _off_peak = expect_optional(d, "off_peak", (int,))
            off_peak: PixverseFlag | Unset
            if isinstance(_off_peak, Unset):
                off_peak = UNSET
            else:
                off_peak = check_pixverse_flag(_off_peak)
        except Exception as _error:
            raise error_at("off_peak", _error) from None

        try:
            off_peak_discount = expect_optional(d, "off_peak_discount", (str,))
        except Exception as _error:
            raise error_at("off_peak_discount", _error) from None

        try:
            qualities = cast(list[str], check_items(expect_optional(d, "qualities", (list,)), (str,)))
        except Exception as _error:
            raise error_at("qualities", _error) from None

        try:
            unlimited_image_models = cast(
                list[str], check_items(expect_optional(d, "unlimited_image_models", (list,)), (str,))
            )
        except Exception as _error:
            raise error_at("unlimited_image_models", _error) from None

        try:
            accessible_image_models = cast(
                list[str], check_items(expect_optional(d, "accessible_image_models", (list,)), (str,))
            )
        except Exception as _error:
            raise error_at("accessible_image_models", _error) from None

        pixverse_features = cls(
            user_id=user_id,
            member_id=member_id,
            product_id=product_id,
            plan_name=plan_name,
            next_plan_name=next_plan_name,
            next_plan_type=next_plan_type,
            current_plan_type=current_plan_type,
            last_plan_name=last_plan_name,
            last_plan_type=last_plan_type,
            last_product_id=last_product_id,
            type_=type_,
            expired_member=expired_member,
            credit_daily=credit_daily,
            credit_daily_gift=credit_daily_gift,
            initial_credit_gift=initial_credit_gift,
            credit_monthly=credit_monthly,
            credit_monthly_gift=credit_monthly_gift,
            credit_package=credit_package,
            credits_more=credits_more,
            has_purchased_credits=has_purchased_credits,
            is_gift_card=is_gift_card,
            credits_refresh_time=credits_refresh_time,
            daily_credits_refresh_time=daily_credits_refresh_time,
            price=price,
            renewal_price=renewal_price,
            billing_period=billing_period,
            next_billing_period=next_billing_period,
            billing_renewal_date=billing_renewal_date,
            expired_date=expired_date,
            remaining_days=remaining_days,
            payment=payment,
            invoice_url=invoice_url,
            stripe_bill_url=stripe_bill_url,
            renewal_retention=renewal_retention,
            cancel_updated_at=cancel_updated_at,
            sub_order_in_progress=sub_order_in_progress,
            gen_simultaneously=gen_simultaneously,
            allow_fast_mode=allow_fast_mode,
            allow_relaxed_mode=allow_relaxed_mode,
            allow_use_new_feat=allow_use_new_feat,
            allow_private_generate=allow_private_generate,
            remove_watermark=remove_watermark,
            allow_purchase_credit=allow_purchase_credit,
            allow_effect=allow_effect,
            batch_generation=batch_generation,
            album_num=album_num,
            veo_sora_models=veo_sora_models,
            preview_mode=preview_mode,
            preview_mode_discount=preview_mode_discount,
            off_peak=off_peak,
            off_peak_discount=off_peak_discount,
            qualities=qualities,
            unlimited_image_models=unlimited_image_models,
            accessible_image_models=accessible_image_models,
        )

        pixverse_features.additional_properties = d
        return pixverse_features

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
