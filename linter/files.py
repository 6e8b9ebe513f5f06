"""File handling: finding prose files, reading them safely, writing fixes atomically.

Reading never raises: every outcome is a :class:`Source` with ``text`` (decoded UTF-8),
``binary`` (NUL bytes), ``not_utf8`` (the decode error) or ``error`` (a one-line message).
Writing replaces the file atomically (a temporary file in the same folder, then
``os.replace``), keeps its mode, and writes through symlinks into their target.
"""

from __future__ import annotations

import os
import stat
from typing import Callable, Iterator

UTF16_32_BOMS = (b"\xff\xfe", b"\xfe\xff")


class Source:
    """One input file as read from disk (or stdin).

    ``data`` (the bytes) is kept only when they could not be decoded (``text`` is None).
    """

    __slots__ = ("path", "data", "text", "binary", "not_utf8", "error")

    def __init__(self, path: str, data: bytes = b"", text: str | None = None, binary: bool = False,
                 not_utf8: UnicodeDecodeError | None = None, error: str | None = None):
        self.path, self.data, self.text, self.binary = path, data, text, binary
        self.not_utf8, self.error = not_utf8, error

    def __repr__(self) -> str:
        return (f"Source(path={self.path!r}, text={'...' if self.text else self.text!r}, "
                f"binary={self.binary!r}, not_utf8={self.not_utf8!r}, error={self.error!r})")


def decode(path: str, data: bytes) -> Source:
    """Classify and decode bytes: UTF-8 text, binary, or not UTF-8.

    >>> decode("a.txt", "caf\\u00e9".encode()).text
    'café'
    >>> decode("a.txt", b"\\x00\\x01").binary
    True
    >>> decode("a.txt", "caf\\u00e9".encode("latin-1")).not_utf8 is not None
    True
    """
    src = Source(path, data)
    if data.startswith(UTF16_32_BOMS):
        try:
            data.decode("utf-8")
        except UnicodeDecodeError as exc:
            src.not_utf8 = exc
            return src
    if b"\x00" in data:
        src.binary = True
        return src
    try:
        src.text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        src.not_utf8 = exc
    else:
        src.data = b""  # the text says it all; a 100 MB file need not be held twice
    return src


#: open without blocking (a FIFO is refused after ``fstat`` instead of waiting for a writer)
_OPEN_FLAGS = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0) \
    | getattr(os, "O_BINARY", 0)


def _os_error(path: str, exc: OSError) -> Source:
    """The one-line error for a file the OS would not let us read."""
    if isinstance(exc, IsADirectoryError):
        return Source(path, error="is a directory, not a file")
    if isinstance(exc, FileNotFoundError):
        return Source(path, error="no such file; check the path")
    if isinstance(exc, PermissionError):
        return Source(path, error="permission denied; check the file's permissions")
    return Source(path, error=f"cannot read ({exc.strerror or exc}); check the file")


def _not_regular(path: str, mode: int) -> Source:
    """The one-line error for a path that is not a regular file."""
    if stat.S_ISDIR(mode):
        return Source(path, error="is a directory, not a file")
    return Source(path, error="not a regular file (a pipe, socket or device); skipped")


def read(path: str) -> Source:
    """Read and classify one file; OS errors become a one-line ``error``.

    One ``open``, ``fstat`` and (usually) one ``read`` of the known size: no file object.
    """
    if not hasattr(os, "O_NONBLOCK"):  # pragma: no cover - Windows
        return _read_portable(path)
    try:
        fd = os.open(path, _OPEN_FLAGS)
    except OSError as exc:
        return _os_error(path, exc)
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return _not_regular(path, st.st_mode)
        data = os.read(fd, st.st_size + 1)
        if len(data) != st.st_size:  # the file changed size, or a short read: read to the end
            chunks = [data]
            while chunk := os.read(fd, 1 << 20):
                chunks.append(chunk)
            data = b"".join(chunks)
    except OSError as exc:
        return _os_error(path, exc)
    finally:
        os.close(fd)
    return decode(path, data)


def _read_portable(path: str) -> Source:
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            return _not_regular(path, st.st_mode)
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        return _os_error(path, exc)
    return decode(path, data)


def write_atomic(path: str, data: bytes) -> None:
    """Replace the contents of ``path`` (its symlink target, if a link) with ``data`` atomically.

    The file mode is kept. Raises OSError on failure, leaving the original untouched.
    """
    import tempfile

    target = os.path.realpath(path)
    st = os.stat(target)
    folder = os.path.dirname(target) or "."
    fd, tmp = tempfile.mkstemp(dir=folder, prefix="." + os.path.basename(target) + ".",
                               suffix=".texthygiene-tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        if hasattr(os, "chown"):
            try:
                os.chown(tmp, st.st_uid, st.st_gid)
            except OSError:
                pass
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise


# -- discovery ------------------------------------------------------------------------------
def git_root(directory: str) -> str | None:
    """The top folder of the git work tree holding ``directory``, or None."""
    d = os.path.abspath(directory)
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def git_files(directory: str) -> list[str] | None:
    """Files below ``directory`` that git tracks or would track (.gitignore respected).

    None when git is not available or the folder is not in a work tree.
    """
    if git_root(directory) is None:
        return None
    import subprocess

    try:
        out = subprocess.run(
            ["git", "-C", directory, "ls-files", "-z", "--cached", "--others",
             "--exclude-standard", "--", "."],
            capture_output=True, check=True, timeout=120).stdout
    except (OSError, subprocess.SubprocessError):
        return None
    names = [n for n in out.decode("utf-8", "surrogateescape").split("\0") if n]
    return sorted({os.path.join(directory, n) for n in names})


def walk_files(directory: str, prune: Callable[[str], bool]) -> Iterator[str]:
    """Every file below ``directory``, pruning folders for which ``prune(path)`` is true."""
    for dirpath, dirnames, filenames in os.walk(directory):
        dirnames[:] = sorted(d for d in dirnames if not prune(os.path.join(dirpath, d)))
        for name in sorted(filenames):
            yield os.path.join(dirpath, name)


def walk_folders(directory: str, prune: Callable[[str], bool]) -> Iterator[tuple[str, list[str]]]:
    """``(folder, names of its files)`` below ``directory``, in :func:`walk_files` order.

    Only files that are regular (or links to one) are named: the type comes with the folder
    listing, so a tree of many small files costs one ``scandir`` per folder and no ``stat``
    per file. Links to folders are not followed; unreadable folders are skipped.
    """
    stack = [directory]
    while stack:
        folder = stack.pop()
        try:
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            continue
        names, subfolders = [], []
        for entry in entries:
            try:
                if entry.is_dir():
                    if not entry.is_symlink() and not prune(entry.path):
                        subfolders.append(entry.path)
                elif entry.is_file():
                    names.append(entry.name)
            except OSError:
                continue
        yield folder, names
        stack.extend(reversed(subfolders))


def display_path(path: str) -> str:
    """``path`` relative to the working folder when below it, with forward slashes.

    >>> display_path("a/./b.txt"), display_path(os.path.join(os.getcwd(), "c", "d.md"))
    ('a/b.txt', 'c/d.md')
    >>> display_path("/nowhere-below-here/x.txt") == "/nowhere-below-here/x.txt" or os.getcwd() == "/"
    True
    """
    if path == "-":
        return path
    if not os.path.isabs(path):  # the common case: os.path.relpath would only normalise it
        rel = os.path.normpath(path)
        if rel != os.pardir and not rel.startswith(os.pardir + os.sep):
            return rel.replace(os.sep, "/")
    else:  # absolute: below the working folder, or shown as given (what relpath would say)
        norm, cwd = os.path.normpath(path), os.getcwd()
        if len(cwd) > 1 and norm.startswith(cwd) and norm[len(cwd):len(cwd) + 1] == os.sep:
            return norm[len(cwd) + 1:].replace(os.sep, "/")
        if len(cwd) > 1 and not norm.startswith(cwd):
            return path
    try:
        rel = os.path.relpath(path)
    except ValueError:
        return path
    if rel.startswith(".." + os.sep) or rel == "..":
        return path
    return rel.replace(os.sep, "/")
