"""Third-party packs arrive through the `texthygiene.packs` entry point group of an installed
distribution; a broken pack is a one-line error naming the file and the entry."""

from helpers import run_cli

PACK = """[pack]
name = "courier"
family = "debris"
description = "Chrome of the (made-up) Harbour Courier site."

[[chrome]]
id = "courier-app"
text = "Get the Harbour Courier app"
fix = "safe"
message = "Harbour Courier app promotion"
example = "Get the Harbour Courier app"
"""
ARTICLE = ("The ferry resumed service on Monday, the operator said.\n\n"
           "Get the Harbour Courier app\n")


def install_plugin(tmp_path, pack_text: str):
    """A minimal installed distribution (dist-info + module) on a folder put on PYTHONPATH."""
    site = tmp_path / "site"
    dist = site / "courier_packs-1.0.dist-info"
    dist.mkdir(parents=True)
    (dist / "METADATA").write_text("Metadata-Version: 2.1\nName: courier-packs\nVersion: 1.0\n")
    (dist / "entry_points.txt").write_text("[texthygiene.packs]\ndebris = courier_packs:pack_path\n")
    (site / "courier_packs.py").write_text(
        "import os\n\ndef pack_path():\n"
        "    return os.path.join(os.path.dirname(__file__), 'courier.toml')\n")
    (site / "courier.toml").write_text(pack_text)
    return site


def test_entry_point_pack_is_used(tmp_path):
    site = install_plugin(tmp_path, PACK)
    (tmp_path / "a.txt").write_text(ARTICLE)
    plain = run_cli("check", "a.txt", cwd=tmp_path)
    assert "app promotion" not in plain.stdout
    r = run_cli("check", "a.txt", cwd=tmp_path, env={"PYTHONPATH": f"{site}"})
    assert r.returncode == 1 and "a.txt:3:1: D" in r.stdout
    assert "Harbour Courier app promotion" in r.stdout


def test_broken_entry_point_pack_is_a_clear_error(tmp_path):
    site = install_plugin(tmp_path, PACK.replace('fix = "safe"', 'fix = "sure"'))
    (tmp_path / "a.txt").write_text(ARTICLE)
    r = run_cli("check", "a.txt", cwd=tmp_path, env={"PYTHONPATH": f"{site}"})
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "courier.toml" in r.stderr and "courier-app" in r.stderr
