"""The SDK's defaults, in one place."""

import httpx

DEFAULT_BASE_URL = "https://kitchen-sink.example.com"
"""The spec's first servers URL, taken when the SDK was generated: the base_url when none is given."""

DEFAULT_TIMEOUT = httpx.Timeout(30.0, connect=10.0)
"""30 s for each wait on a read, a write or a pooled connection; 10 s to connect. Each bounds
one step of a call, not the call: see DEADLINE_READ_TIMEOUTS."""

DEADLINE_READ_TIMEOUTS = 3
"""A call's deadline by default (deadline="auto"): three read timeouts, 90 s with DEFAULT_TIMEOUT.
It bounds the whole call, retries and waits included: room for a slow answer and both retries,
while a server that drips its answer byte by byte is cut off within minutes, not days."""

DEFAULT_LIMITS = httpx.Limits(max_connections=100, max_keepalive_connections=100, keepalive_expiry=5.0)
"""Up to 100 connections, all of which may stay open while idle, for 5 s. httpx's own default
keeps 20 idle, so a fan-out above 20 concurrent calls would close and reopen connections; here
any fan-out up to max_connections reuses its connections."""

DEFAULT_MAX_RETRIES = 2
"""Retries after the first attempt, on RETRY_STATUSES and RETRY_EXCEPTIONS."""

RETRY_STATUSES = (429, 502, 503, 504)
RETRY_EXCEPTIONS = (httpx.ConnectError, httpx.ConnectTimeout)
"""Failures before the request reached the server; a read timeout is not retried."""

RETRY_BACKOFF_FACTOR = 0.25
"""Exponential backoff with full jitter: a random wait up to 0.5 s, then up to 1 s."""

MAX_RETRY_WAIT = 20.0
"""The longest wait before a retry, Retry-After included."""

DEFAULT_MAX_RESPONSE_BYTES = 1024 * 1024
"""1 MiB: the largest body read, as sent and once decompressed. Account bodies are a few KB."""

DEFAULT_MAX_DOWNLOAD_BYTES = 256 * 1024 * 1024
"""256 MiB: the largest binary or text body (a download) read into memory, the default of the
max_download_bytes argument of each operation that documents one. JSON bodies stay under
DEFAULT_MAX_RESPONSE_BYTES."""

MAX_JSON_DEPTH = 64
"""The deepest nesting of JSON arrays and objects accepted in a body."""

MAX_RESPONSE_HEADER_BYTES = 100 * 1024
"""httpx's own transport (h11) refuses a header block larger than this; the aiohttp transport
is set to accept any line up to this size, and as many header lines as fit in it."""

ACCEPT_ENCODING = "gzip, deflate"
"""The encodings the SDK decompresses itself, under the size cap."""

ATTEMPTS_EXTENSION = "kitchen_sink_client.attempts"
"""The request extension in which the SDK counts the times a request was sent, retries included."""

OPERATION_EXTENSION = "kitchen_sink_client.operation"
"""The request extension naming the operation (its function module), for the SDK's log lines."""
