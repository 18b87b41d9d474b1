"""The figures: build and test timings, the SDKs' run-time costs, how fast hostile inputs are refused,
and what the live run's rate limit costs. Each module is a make target that prints."""
