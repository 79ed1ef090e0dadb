"""Walks the inputs and dispatches each file to the reader for its format."""
from __future__ import annotations

import logging
import os
import stat
import sys
from pathlib import Path
from typing import Iterable, Iterator

from realpolitik.ingest import files  # registers the file readers
from realpolitik.ingest.base import READERS, IngestError, RawItem
from realpolitik.options import Options

log = logging.getLogger(__name__)


def read_inputs(paths: Iterable[str], options: Options | None = None) -> Iterator[RawItem | IngestError]:
    """Yield an item per article (or an error per bad input) from files, directories, '-' and URLs."""
    options = options or Options()
    for p in paths:
        p = str(p)
        if p == "-":
            yield from files.read_stdin(sys.stdin, options)
        elif p.startswith(("http://", "https://")):
            yield from _read_url(p, options)
        else:
            yield from _read_path(Path(p), options)


def _read_url(url: str, options: Options) -> Iterator[RawItem | IngestError]:
    from realpolitik.ingest.web import read_url

    yield from read_url(url, options)


def _read_path(path: Path, options: Options) -> Iterator[RawItem | IngestError]:
    try:
        missing = not path.exists() and not path.is_symlink()
        is_dir = not missing and path.is_dir()
    except OSError as exc:  # e.g. a file inside a directory this user may not enter
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if missing:
        yield IngestError(str(path), "no such file or directory")
        return
    if is_dir:
        yield from _walk(path, options)
        return
    yield from read_file(path, options)


def _escapes(f: Path, root: Path) -> Path | None:
    """Where a symlink under `root` points when that is outside `root` (None for other files)."""
    if not f.is_symlink():
        return None
    try:
        target = f.resolve(strict=False)
    except (OSError, RuntimeError):  # a symlink loop
        return f
    top = root.resolve()
    return None if target == top or top in target.parents else target


def _walk(root: Path, options: Options) -> Iterator[RawItem | IngestError]:
    # Symlinked directories are not followed, so a directory loop cannot recurse forever; the
    # (device, inode) set also stops a loop through a bind mount or the root given twice.
    seen: set[tuple[int, int]] = set()
    unreadable: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(root, followlinks=False, onerror=unreadable.append):
        yield from (IngestError(str(e.filename or dirpath), f"cannot read directory: {e.strerror or e}")
                    for e in unreadable)
        unreadable.clear()
        try:
            st = os.stat(dirpath)
        except OSError as exc:
            yield IngestError(dirpath, f"cannot read directory: {exc.strerror or exc}")
            dirnames[:] = []
            continue
        if (st.st_dev, st.st_ino) in seen:
            dirnames[:] = []
            continue
        seen.add((st.st_dev, st.st_ino))
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith(".") or name in SKIP_NAMES:
                continue
            f = Path(dirpath) / name
            if f.suffix.lower() not in READERS:
                continue  # unknown kinds inside a directory are skipped silently, like .gitignore'd files
            outside = None if options.fetching.follow_symlinks else _escapes(f, root)
            if outside is not None:
                # A link planted in an input folder must not make the store a copy of /etc/passwd.
                yield IngestError(str(f), f"a symlink to {outside}, outside {root}: refused "
                                  "(use --follow-symlinks to read links that leave the directory)")
                continue
            yield from read_file(f, options)
    yield from (IngestError(str(e.filename or root), f"cannot read directory: {e.strerror or e}") for e in unreadable)


# Files in a corpus folder that describe it rather than being news.
SKIP_NAMES = {"README.md", "manifest.json", "LICENSE", "LICENSE.md"}


def read_file(path: Path, options: Options) -> Iterator[RawItem | IngestError]:
    """Read one file with the reader for its suffix."""
    fn = READERS.get(path.suffix.lower())
    if fn is None:
        yield IngestError(str(path), f"unsupported file type {path.suffix or '(none)'!r}; "
                          f"expected one of {', '.join(sorted(READERS))}")
        return
    try:
        st = path.stat()
    except FileNotFoundError:
        yield IngestError(str(path),
                          "no such file or directory" + (" (a dangling symlink)" if path.is_symlink() else ""))
        return
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
        return
    if not stat.S_ISREG(st.st_mode):
        # Reading a FIFO or a device would block or never end.
        yield IngestError(str(path), "not a regular file (a pipe, device or socket)")
        return
    size = st.st_size
    if size > options.max_file_bytes:
        yield IngestError(str(path), f"file is {size:,} bytes, over the limit of {options.max_file_bytes:,} "
                          "(raise it with --max-file-bytes)")
        return
    if size == 0:
        yield IngestError(str(path), "empty file")
        return
    try:
        yield from fn(path, options)
    except PermissionError:
        yield IngestError(str(path), "permission denied")
    except OSError as exc:
        yield IngestError(str(path), f"cannot read: {exc.strerror or exc}")
    except (RecursionError, MemoryError) as exc:
        # Pathologically nested or huge markup: one bad file must not stop the corpus.
        yield IngestError(str(path), f"cannot parse: {type(exc).__name__}")
