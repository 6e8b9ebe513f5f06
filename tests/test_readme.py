"""The README's promises: its configuration example is valid, its commands exist."""

import re
import sys

import pytest

from helpers import ROOT, run_cli
from linter.config import parse_table

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_configuration_example_is_valid():
    blocks = re.findall(r"```toml\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        table = tomllib.loads(block)["tool"]["texthygiene"]
        parse_table(table, "README.md")  # raises ConfigError on any unknown key or code


def test_setup_commands_name_the_examples_and_tests():
    first_block = re.search(r"```sh\n(.*?)```", README, re.S).group(1).strip().splitlines()
    assert "texthygiene check examples/" in first_block[0]
    assert "pytest" in first_block[1]
    assert (ROOT / "examples").is_dir()


@pytest.mark.parametrize("flag", ["--select", "--ignore", "--extend-select", "--config",
                                  "--format", "--statistics", "--quiet", "--unsafe-fixes",
                                  "--diff", "--stdin-filename", "--no-cache", "--jobs",
                                  "--exit-zero", "--output-file"])
def test_documented_flags_exist(flag):
    assert flag in README
    assert flag in run_cli("fix", "--help").stdout + run_cli("check", "--help").stdout


def test_examples_have_findings_of_every_family():
    r = run_cli("check", "--format", "json", "examples/", cwd=ROOT)
    import json
    families = {f["code"][0] for f in json.loads(r.stdout)}
    assert r.returncode == 1 and families >= {"D", "E", "N", "P"}


def test_docs_rules_page_is_current():
    """docs/rules.md is generated: `texthygiene rules --format markdown > docs/rules.md`."""
    r = run_cli("rules", "--format", "markdown", cwd=ROOT)
    assert (ROOT / "docs" / "rules.md").read_text(encoding="utf-8") == r.stdout
