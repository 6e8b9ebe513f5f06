"""Test-wide settings: the CLI runs of the test suite keep their compiled-pattern table in a
temporary file, never in the user's ~/.cache (each temporary installation would add one)."""

import os
import tempfile

import pytest


@pytest.fixture(autouse=True, scope="session")
def _private_regex_cache():
    folder = tempfile.mkdtemp(prefix="texthygiene-test-cache-")
    saved = {k: os.environ.get(k) for k in ("TEXTHYGIENE_REGEX_CACHE", "XDG_CACHE_HOME")}
    os.environ["TEXTHYGIENE_REGEX_CACHE"] = os.path.join(folder, "regex.marshal")
    os.environ["XDG_CACHE_HOME"] = folder
    yield
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value
