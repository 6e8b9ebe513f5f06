"""File safety through the real CLI: endings, BOM, final newline, mode, symlinks, bad input."""

import os
import stat

import pytest

from helpers import run_cli

BODY = ["top of page", "", "The council met on Monday to discuss the budget.", "",
        "It will meet again in May.", "", "Leave a Comment"]
EXPECTED = ["The council met on Monday to discuss the budget.", "", "It will meet again in May."]


def fix(tmp_path, name, data: bytes, *extra):
    path = tmp_path / name
    path.write_bytes(data)
    r = run_cli("fix", *extra, name, cwd=tmp_path)
    return r, path


@pytest.mark.parametrize("newline", ["\n", "\r\n"])
@pytest.mark.parametrize("final", [True, False])
def test_endings_and_final_newline_kept(tmp_path, newline, final):
    text = newline.join(BODY) + (newline if final else "")
    r, path = fix(tmp_path, "a.txt", text.encode())
    assert r.returncode == 0, r.stderr
    assert path.read_bytes() == (newline.join(EXPECTED) + (newline if final else "")).encode()


def test_mixed_endings_kept_line_by_line(tmp_path):
    data = b"top of page\r\nThe council met on Monday.\r\nIt met again in May.\nThe end came soon.\r\n"
    r, path = fix(tmp_path, "a.txt", data)
    assert path.read_bytes() == b"The council met on Monday.\r\nIt met again in May.\nThe end came soon.\r\n"


def test_bom_kept(tmp_path):
    r, path = fix(tmp_path, "a.txt", ("\ufeff" + "\n".join(BODY) + "\n").encode())
    assert path.read_bytes() == ("\ufeff" + "\n".join(EXPECTED) + "\n").encode()


def test_mode_kept_and_no_temp_files_left(tmp_path):
    path = tmp_path / "a.txt"
    path.write_text("\n".join(BODY) + "\n")
    os.chmod(path, 0o640)
    run_cli("fix", "a.txt", cwd=tmp_path)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    assert sorted(os.listdir(tmp_path)) == ["a.txt"]


def test_symlink_fixed_in_its_target(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text("\n".join(BODY) + "\n")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    r = run_cli("fix", "link.txt", cwd=tmp_path)
    assert r.returncode == 0
    assert link.is_symlink() and target.read_text() == "\n".join(EXPECTED) + "\n"


def test_binary_file_skipped_untouched(tmp_path):
    data = b"top of page\x00\x01\x02binary"
    r, path = fix(tmp_path, "blob.txt", data)
    assert r.returncode == 0 and path.read_bytes() == data
    assert "binary" in r.stderr and "Traceback" not in r.stderr


def test_latin1_file_reported_and_untouched(tmp_path):
    data = "top of page\n\nLe café était fermé.\n".encode("latin-1")
    r, path = fix(tmp_path, "fr.txt", data)
    assert path.read_bytes() == data and "Traceback" not in r.stderr
    r = run_cli("check", "fr.txt", cwd=tmp_path)
    assert r.returncode == 1 and "fr.txt:3:" in r.stdout and "E902" in r.stdout


def test_unreadable_file_one_line_error_others_processed(tmp_path):
    (tmp_path / "broken.txt").symlink_to(tmp_path / "missing-target.txt")
    (tmp_path / "good.txt").write_text("\n".join(BODY) + "\n")
    r = run_cli("check", "broken.txt", "good.txt", cwd=tmp_path)
    assert r.returncode == 2
    errors = r.stderr.strip().splitlines()
    assert len(errors) == 1 and "broken.txt" in errors[0]
    assert "good.txt:1:1:" in r.stdout


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_permission_denied(tmp_path):
    path = tmp_path / "secret.txt"
    path.write_text("top of page\n")
    os.chmod(path, 0)
    r = run_cli("check", "secret.txt", cwd=tmp_path)
    assert r.returncode == 2 and "permission denied" in r.stderr


def test_fifo_is_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.txt")
    r = run_cli("check", "pipe.txt", cwd=tmp_path)
    assert r.returncode == 2 and "not a regular file" in r.stderr


def test_convert_encoding_is_opt_in_and_refuses_when_unsure(tmp_path):
    text = ("Le café était fermé à cause de la grève. Les élèves ont dû rentrer très tôt, "
            "et la municipalité a promis une réponse rapide. « Ça suffit », a déclaré le maire.\n")
    legacy = tmp_path / "fr.txt"
    legacy.write_bytes(text.encode("cp1252"))
    short = tmp_path / "short.txt"
    short.write_bytes("café\n".encode("latin-1"))
    r = run_cli("fix", ".", cwd=tmp_path)
    assert legacy.read_bytes() == text.encode("cp1252")
    r = run_cli("fix", "--convert-encoding", ".", cwd=tmp_path)
    assert legacy.read_text(encoding="utf-8") == text
    assert short.read_bytes() == "café\n".encode("latin-1")
    assert r.returncode == 2 and "short.txt" in r.stderr and "Traceback" not in r.stderr
