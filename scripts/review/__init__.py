"""Review a spec change: classify every difference between two spec versions by the rule registry,
compare the generated SDKs' public API, say which version bump it needs, and write the changelog."""
