"""The replay app: both hosts' endpoints answered from tests/recordings/, served on 127.0.0.1
(`make mock`) for the smoke run, the tests and anyone building offline."""
