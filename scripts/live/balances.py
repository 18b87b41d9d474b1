"""`make balances`: every configured account's balance, queried at once, in one table.

    python -m scripts.live.balances [--json] [--min N]

Reads the same variables as `make contract-live` (scripts/live/config.py): the tokens, the base
URLs, and the accounts in USEAPI_DREAMINA_ACCOUNT, USEAPI_PIXVERSE_EMAIL, USEAPI_FLOWMUSIC_EMAIL
(comma-separated for several); ImaginePro's account is its token's. Every account is queried
concurrently through the generated async clients, with their public API only, as an
application would. One row per account: provider, account, plan or tier, the total and the
credits by kind, session health (Dreamina's session expiry, Flow Music's error state, ImaginePro's
expiry), and what failed.

Totals: Dreamina `credits.total`; PixVerse daily + monthly + package credits; Flow Music
`credits_remaining`; ImaginePro `credits` + `creditsExtra`.

Exits 0; 1 when an account could not be read, or with `--min N` when a total is below N or
missing (an account in an error state has none: a cron job should hear of it too); 2 on a
configuration problem.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import functools
import json
import os
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]  # see scripts/live/run.py

import httpx  # noqa: E402
from imaginepro_client import AuthenticatedClient as ImagineProClient  # noqa: E402
from imaginepro_client import errors as imaginepro_errors  # noqa: E402
from imaginepro_client.api.account import get_account_info  # noqa: E402
from imaginepro_client.models import AccountInfo  # noqa: E402
from useapi_client import AuthenticatedClient as UseapiClient  # noqa: E402
from useapi_client import errors as useapi_errors  # noqa: E402
from useapi_client.api.dreamina import get_dreamina_account  # noqa: E402
from useapi_client.api.flowmusic import get_flow_music_account  # noqa: E402
from useapi_client.api.pixverse import get_pixverse_features  # noqa: E402
from useapi_client.models import DreaminaAccount, FlowMusicAccount, PixverseFeatures  # noqa: E402
from useapi_client.types import Unset  # noqa: E402

from scripts.live import config as live_config  # noqa: E402


@dataclass
class Balance:
    provider: str
    account: str
    plan: str = ""
    total: float | None = None
    credits: dict[str, float] = field(default_factory=dict)  # by kind
    session: str = ""  # its health
    problem: str = ""  # what failed

    def below(self, minimum: float) -> bool:
        return self.total is None or self.total < minimum


def _number(value: Any) -> float | None:
    return None if isinstance(value, Unset) or value is None else float(value)


def _day(value: Any) -> str:
    return "" if isinstance(value, Unset) else value.date().isoformat()


def dreamina(row: Balance, found: Any) -> None:
    if not isinstance(found, DreaminaAccount):
        return
    row.session = f"expires {_day(found.session_expires)}"
    if not isinstance(found.session, Unset):
        row.session += f" ({found.session.days_until_expiry} days)"
    if isinstance(found.credits_, Unset):
        row.problem = "no live credits: Dreamina did not answer useapi.net"
    else:
        row.total = found.credits_.total
        row.credits = {"vip": found.credits_.vip, "gift": found.credits_.gift, "purchase": found.credits_.purchase}
    if not isinstance(found.error, Unset):
        row.problem = found.error


def pixverse(row: Balance, found: Any) -> None:
    if not isinstance(found, PixverseFeatures):
        return
    row.plan = "" if isinstance(found.plan_name, Unset) else found.plan_name
    kinds = {"daily": found.credit_daily, "monthly": found.credit_monthly, "package": found.credit_package}
    row.credits = {kind: number for kind, value in kinds.items() if (number := _number(value)) is not None}
    row.total = sum(row.credits.values()) if row.credits else None


def flow_music(row: Balance, found: Any) -> None:
    if not isinstance(found, FlowMusicAccount):
        return
    row.plan = str(found.tier) + ("" if isinstance(found.subscription_plan, Unset) else f" ({found.subscription_plan})")
    kinds = {"credits": found.credits_remaining, "tokens": found.tokens_remaining}
    row.credits = {kind: number for kind, value in kinds.items() if (number := _number(value)) is not None}
    row.total = row.credits.get("credits")
    row.session = "ok" if isinstance(found.error, Unset) else f"error state: {found.error}"


def imaginepro(row: Balance, found: Any) -> None:
    if not isinstance(found, AccountInfo):
        return
    row.account, row.plan = found.email, found.type_
    row.credits = {"monthly": found.credits_, "extra": found.credits_extra}
    row.total = found.credits_ + found.credits_extra
    row.session = f"expires {_day(found.expired_at)}"


async def query(row: Balance, call: Callable[[], Awaitable[Any]], read: Callable[[Balance, Any], None]) -> Balance:
    """One account: the call, then what its answer says (or why there is none)."""
    try:
        response = await call()
    except (useapi_errors.ResponseValidationError, imaginepro_errors.ResponseValidationError) as error:
        row.problem = f"the answer broke the contract at {error.path}"
        return row
    except httpx.TimeoutException as error:
        row.problem = f"no answer in time ({type(error).__name__})"
        return row
    except httpx.TransportError as error:
        row.problem = f"no answer ({type(error).__name__})"
        return row
    if response.status_code != 200:
        reason = {401: "the token was refused", 404: "not configured at useapi.net", 400: "refused"}
        row.problem = f"{response.status_code}: {reason.get(response.status_code, 'not the answer asked for')}"
        return row
    read(row, response.parsed)
    return row


async def balances(config: live_config.Config) -> tuple[list[Balance], list[str]]:
    """Every configured account's balance, and what was not checked (naming the variable to set)."""
    options: dict[str, Any] = {} if config.timeout is None else {"timeout": config.timeout}
    useapi, imaginepro_host = config.hosts["useapi"], config.hosts["imaginepro"]
    skipped: list[str] = []
    pending: list[Awaitable[Balance]] = []
    async with contextlib.AsyncExitStack() as clients:
        if useapi.token is None:
            skipped.append(f"{useapi.token_variable} is not set")
        else:
            client = await clients.enter_async_context(
                UseapiClient(base_url=useapi.base_url, token=useapi.token, **options)
            )
            readers: dict[str, tuple[Callable[..., Awaitable[Any]], Callable[[Balance, Any], None]]] = {
                "USEAPI_DREAMINA_ACCOUNT": (get_dreamina_account.asyncio_detailed, dreamina),
                "USEAPI_PIXVERSE_EMAIL": (get_pixverse_features.asyncio_detailed, pixverse),
                "USEAPI_FLOWMUSIC_EMAIL": (get_flow_music_account.asyncio_detailed, flow_music),
            }
            for parameter in live_config.ACCOUNT_PARAMETERS.values():
                endpoint, read = readers[parameter.variable]
                accounts = config.accounts.get(parameter.variable, [])
                if not accounts:
                    skipped.append(f"{parameter.variable} is not set")
                for account in accounts:
                    arguments = {parameter.parameter: account}
                    call = functools.partial(endpoint, client=client, **arguments)
                    pending.append(query(Balance(parameter.provider, account), call, read))
        if imaginepro_host.token is None:
            skipped.append(f"{imaginepro_host.token_variable} is not set")
        else:
            other = await clients.enter_async_context(
                ImagineProClient(base_url=imaginepro_host.base_url, token=imaginepro_host.token, **options)
            )
            info = functools.partial(get_account_info.asyncio_detailed, client=other)
            pending.append(query(Balance("ImaginePro", "(the token's account)"), info, imaginepro))
        rows = list(await asyncio.gather(*pending))
    return rows, skipped


def _amount(value: float | None) -> str:
    return "-" if value is None else f"{value:g}"


def table(rows: Sequence[Balance], skipped: Sequence[str]) -> str:
    header = ("provider", "account", "plan", "total", "credits", "session", "problem")
    cells = [
        (
            row.provider,
            row.account,
            row.plan or "-",
            _amount(row.total),
            ", ".join(f"{kind} {_amount(value)}" for kind, value in row.credits.items()) or "-",
            row.session or "-",
            row.problem or "-",
        )
        for row in rows
    ]
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(len(header))]
    lines = [
        "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        for line in [header, *cells]
    ]
    lines += [f"not checked: {reason}" for reason in skipped]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None, environ: Mapping[str, str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make balances", description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts instead of the table")
    parser.add_argument("--min", type=float, metavar="N", help="exit 1 when any total is below N (or missing)")
    args = parser.parse_args(argv)
    try:
        config = live_config.read(os.environ if environ is None else environ)
    except live_config.ConfigError as error:
        print(f"balances: {error}", file=sys.stderr)
        return 2
    rows, skipped = asyncio.run(balances(config))
    if args.json:
        print(json.dumps({"balances": [asdict(row) for row in rows], "not_checked": skipped}, indent=2))
    else:
        print(table(rows, skipped))
    failed = any(row.problem for row in rows)
    low = args.min is not None and any(row.below(args.min) for row in rows)
    return 1 if failed or low else 0


if __name__ == "__main__":
    sys.exit(main())
