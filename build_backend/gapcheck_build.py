"""setuptools' build backend, refusing Pythons gapcheck cannot run on with the reason.

pip checks `requires-python` too, but its message names only the version range; a source
install (pip install git+..., pip install .) runs this first and says why.
"""

import sys

SUPPORTED = ((3, 11), (3, 12))

running = tuple(sys.version_info[:2])
if running not in SUPPORTED:
    sys.exit(
        f"gapcheck supports Python 3.11 and 3.12, not {running[0]}.{running[1]}: "
        "its rule engine, durable-rules 2.0.28 (the last release), compiles on Python 3.13 but fails on "
        "import (undefined symbol: PyEval_CallObject). Install with python3.12 or python3.11, "
        "e.g. python3.12 -m venv .venv."
    )

from setuptools.build_meta import *  # noqa: E402,F403  (the backend's hooks, unchanged)
