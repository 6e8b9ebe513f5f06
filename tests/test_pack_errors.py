"""A broken user pack is one clean error (file, entry, problem), not a crash or a 'bug'."""

from helpers import run_cli

BROKEN = """[pack]
name = "house"
family = "debris"
description = "house chrome"

[[chrome]]
id = "bad-entry"
text = "Our app"
fix = "maybe"
message = "app promo"
example = "Our app"
"""


def test_broken_extend_pack_is_one_clean_error(tmp_path):
    (tmp_path / "house.toml").write_text(BROKEN)
    (tmp_path / ".texthygiene.toml").write_text('extend-packs = ["house.toml"]\n')
    for i in range(3):
        (tmp_path / f"a{i}.txt").write_text("The council met on Monday.\n")
    r = run_cli("check", ".", cwd=tmp_path)
    assert r.returncode == 2 and "Traceback" not in r.stderr and "bug" not in r.stderr
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 1 and "house.toml" in lines[0] and "bad-entry" in lines[0]


def test_editing_a_pack_invalidates_the_cache(tmp_path):
    good = BROKEN.replace('fix = "maybe"', 'fix = "safe"')
    (tmp_path / "house.toml").write_text(good.replace("Our app", "Get our phone app today"))
    (tmp_path / ".texthygiene.toml").write_text('extend-packs = ["house.toml"]\n')
    (tmp_path / "a.txt").write_text("The council met on Monday.\n\nOur app\n")
    env = {"TEXTHYGIENE_NO_CACHE": "0"}
    run_cli("check", "--select", "D101", ".", cwd=tmp_path, env=env)
    (tmp_path / "house.toml").write_text(good)
    r = run_cli("check", "--select", "D101", ".", cwd=tmp_path, env=env)
    assert r.returncode == 1 and "a.txt:3:1: D101" in r.stdout
