"""Ship the SDKs: reproducible wheels and sdists (`make dist`), the SDK tests against them on every
supported Python (`make test-dist`), what the release workflow asks of a tag, and the workflow linter."""
