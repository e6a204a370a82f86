import os
import shutil
import sys

import pytest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import herodotus  # noqa: E402
import warcgen  # noqa: E402


@pytest.fixture(scope="session")
def pipeline():
    return herodotus.Pipeline()


def cli_binary():
    """The herodotus CLI to compare with: $HERODOTUS_BIN, else a release build."""
    env = os.environ.get("HERODOTUS_BIN")
    if env:
        return env
    for d in (os.environ.get("CARGO_TARGET_DIR"), os.path.join(warcgen.ROOT, "target")):
        if d and os.access(os.path.join(d, "release", "herodotus"), os.X_OK):
            return os.path.join(d, "release", "herodotus")
    return shutil.which("herodotus")
