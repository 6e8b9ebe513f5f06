"""The result cache (.texthygiene_cache/): a warm run gives the same answer, and an edited file,
a changed configuration or --no-cache are never answered from stale results."""

from helpers import run_cli

ON = {"TEXTHYGIENE_NO_CACHE": "0"}
DIRTY = "top of page\n\nThe council met on Monday.\n"
CLEAN = "The council met on Monday.\n"


def test_warm_run_same_answer_and_edits_seen(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    cold = run_cli("check", ".", cwd=tmp_path, env=ON)
    assert (tmp_path / ".texthygiene_cache").is_dir()
    warm = run_cli("check", ".", cwd=tmp_path, env=ON)
    assert cold.returncode == warm.returncode == 1 and cold.stdout == warm.stdout
    (tmp_path / "a.txt").write_text(CLEAN)
    assert run_cli("check", ".", cwd=tmp_path, env=ON).returncode == 0


def test_config_change_invalidates(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    assert run_cli("check", ".", cwd=tmp_path, env=ON).returncode == 1
    (tmp_path / ".texthygiene.toml").write_text('ignore = ["D"]\n')
    assert run_cli("check", ".", cwd=tmp_path, env=ON).returncode == 0


def test_no_cache_writes_nothing(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    run_cli("check", "--no-cache", ".", cwd=tmp_path, env=ON)
    run_cli("check", ".", cwd=tmp_path, env={"TEXTHYGIENE_NO_CACHE": "1"})
    assert not (tmp_path / ".texthygiene_cache").exists()


def test_fix_after_cached_check_still_fixes(tmp_path):
    (tmp_path / "a.txt").write_text(DIRTY)
    run_cli("check", ".", cwd=tmp_path, env=ON)
    assert run_cli("fix", ".", cwd=tmp_path, env=ON).returncode == 0
    assert (tmp_path / "a.txt").read_text() == CLEAN
    assert run_cli("fix", ".", cwd=tmp_path, env=ON).returncode == 0
