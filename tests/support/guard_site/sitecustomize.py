"""Python imports this at start-up in every process the tests start: tests/support/network_guard.py puts
this folder on PYTHONPATH. It installs the tests' socket guard (tests/support/socket_guard.py), which
writes any refused attempt to the file named by NETWORK_GUARD_LOG, for the test to fail on.

The guard is loaded from its file, under the name it has in the tests, without putting the
repository on sys.path: a process started in another checkout (a copy under tmp_path) keeps
importing that checkout's modules.
"""

import importlib.util
import os
import sys
from pathlib import Path

_log = os.environ.get("NETWORK_GUARD_LOG")
if _log:
    _spec = importlib.util.spec_from_file_location(
        "tests.support.socket_guard", Path(__file__).parent.parent / "socket_guard.py"
    )
    if _spec is not None and _spec.loader is not None:
        _guard = importlib.util.module_from_spec(_spec)
        sys.modules["tests.support.socket_guard"] = _guard
        _spec.loader.exec_module(_guard)
        _guard.install(log=_log)
