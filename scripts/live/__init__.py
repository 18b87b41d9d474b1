"""The contract against the live upstream: configuration, the rate-limited wire, the three judges,
the sanitizing recorder, the report (`make contract-live`), and every account's balance (`make balances`)."""
