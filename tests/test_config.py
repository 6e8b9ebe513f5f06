"""Configuration files and inline overrides through the real CLI."""

from helpers import run_cli

DIRTY = "top of page\n\nThe council met on Monday to discuss the budget.\n"


def write(path, text):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_pyproject_ignore_applies(tmp_path):
    write(tmp_path / "a.txt", DIRTY)
    write(tmp_path / "pyproject.toml", '[tool.texthygiene]\nignore = ["D"]\n')
    assert run_cli("check", ".", cwd=tmp_path).returncode == 0


def test_nearest_config_wins(tmp_path):
    write(tmp_path / ".texthygiene.toml", 'ignore = ["D"]\n')
    write(tmp_path / "sub" / ".texthygiene.toml", 'select = ["D"]\n')
    write(tmp_path / "a.txt", DIRTY)
    write(tmp_path / "sub" / "b.txt", DIRTY)
    r = run_cli("check", ".", cwd=tmp_path)
    assert r.returncode == 1 and "sub/b.txt" in r.stdout and "a.txt:" not in r.stdout.replace("b.txt", "")


def test_per_file_ignores_and_exclude(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.texthygiene]\nexclude = ["raw"]\n'
          '[tool.texthygiene.per-file-ignores]\n"drafts/*" = ["D"]\n')
    write(tmp_path / "raw" / "x.txt", DIRTY)
    write(tmp_path / "drafts" / "y.txt", DIRTY)
    write(tmp_path / "z.txt", DIRTY)
    r = run_cli("check", ".", cwd=tmp_path)
    assert "z.txt" in r.stdout and "raw/" not in r.stdout and "drafts/" not in r.stdout


def test_unknown_key_names_file_and_key(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.texthygiene]\nselekt = ["D"]\n')
    write(tmp_path / "a.txt", DIRTY)
    r = run_cli("check", ".", cwd=tmp_path)
    assert r.returncode == 2
    assert "pyproject.toml" in r.stderr and "selekt" in r.stderr and "Traceback" not in r.stderr


def test_unknown_code_and_wrong_type(tmp_path):
    write(tmp_path / ".texthygiene.toml", 'select = ["Q12"]\n')
    write(tmp_path / "a.txt", DIRTY)
    r = run_cli("check", ".", cwd=tmp_path)
    assert r.returncode == 2 and "Q12" in r.stderr and ".texthygiene.toml" in r.stderr
    write(tmp_path / ".texthygiene.toml", 'ignore = "D"\n')
    r = run_cli("check", ".", cwd=tmp_path)
    assert r.returncode == 2 and "'ignore'" in r.stderr


def test_invalid_toml(tmp_path):
    write(tmp_path / ".texthygiene.toml", "select = [\n")
    write(tmp_path / "a.txt", DIRTY)
    r = run_cli("check", ".", cwd=tmp_path)
    assert r.returncode == 2 and "invalid TOML" in r.stderr


def test_config_file_and_inline_override(tmp_path):
    write(tmp_path / "custom.toml", 'ignore = ["D"]\n')
    write(tmp_path / "a.txt", DIRTY)
    assert run_cli("check", "--config", "custom.toml", "a.txt", cwd=tmp_path).returncode == 0
    assert run_cli("check", "--config", 'ignore = ["D"]', "a.txt", cwd=tmp_path).returncode == 0
    r = run_cli("check", "--config", "ignore = [", "a.txt", cwd=tmp_path)
    assert r.returncode == 2 and "--config" in r.stderr


def test_gitignored_files_are_skipped(tmp_path):
    import subprocess
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    write(tmp_path / ".gitignore", "ignored/\n")
    write(tmp_path / "ignored" / "a.txt", DIRTY)
    write(tmp_path / "kept.txt", DIRTY)
    r = run_cli("check", ".", cwd=tmp_path)
    assert "kept.txt" in r.stdout and "ignored/" not in r.stdout


def test_cli_selection_wins_and_isolated_skips_files(tmp_path):
    write(tmp_path / "pyproject.toml", '[tool.texthygiene]\nignore = ["D"]\n')
    write(tmp_path / "a.txt", DIRTY)
    assert run_cli("check", "a.txt", cwd=tmp_path).returncode == 0
    assert run_cli("check", "--isolated", "a.txt", cwd=tmp_path).returncode == 1
    assert run_cli("check", "--select", "D", "a.txt", cwd=tmp_path).returncode == 1  # as in ruff
    assert run_cli("check", "--config", "ignore = []", "a.txt", cwd=tmp_path).returncode == 1
