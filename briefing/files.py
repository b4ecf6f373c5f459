"""The article files of a build: listed (folders expanded, a file named twice once), sized and
held to the limits, before anything is read. Apart from `ingest`, which reads them: a build
checks whether anything changed with these alone.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Sequence

from .errors import BriefingError
from .readers import SUFFIXES as ARTICLE_SUFFIXES


@dataclass(frozen=True, slots=True)
class Limits:
    """How much input a build accepts; the CLI's --max-file-mb and --max-total-mb raise them."""

    max_file_bytes: int = 10 * 2**20
    max_total_bytes: int = 200 * 2**20
    max_files: int = 100_000


def _mb(n: int) -> str:
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{n / 1024:.0f} KB"


def check_limits(files: Sequence[str], limits: Limits) -> dict[str, int]:
    """Sizes of the files; BriefingError before anything is read if the input is too large."""
    if len(files) > limits.max_files:
        raise BriefingError(f"{len(files):,} article files is over the limit of {limits.max_files:,}; "
                            "name fewer folders or raise it with --max-files")
    sizes = {}
    for path in files:
        try:
            sizes[path] = os.stat(path).st_size
        except OSError:
            sizes[path] = 0  # reported when it is read
    total = sum(n for n in sizes.values() if n <= limits.max_file_bytes)
    if total > limits.max_total_bytes:
        raise BriefingError(f"the articles add up to {_mb(total)}, over the {_mb(limits.max_total_bytes)} limit "
                            "for one build; raise it with --max-total-mb")
    return sizes


def list_article_files(paths: Sequence[str]) -> list[str]:
    """The article files named by `paths`, folders expanded, in a stable order."""
    files: list[str] = []
    for given in paths:
        if os.path.isdir(given):
            found = []
            for root, dirs, names in os.walk(given):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                found += [
                    os.path.join(root, n)
                    for n in names
                    if not n.startswith(".") and n.lower().endswith(ARTICLE_SUFFIXES)
                ]
            files += sorted(found)
        elif os.path.isfile(given):
            files.append(given)
        elif os.path.lexists(given):
            raise BriefingError(f"{given}: not a file or folder")
        else:
            raise BriefingError(f"{given}: no such file or folder")
    seen: set = set()
    unique = []
    for f in files:
        real = _identity(f)
        if real not in seen:
            seen.add(real)
            unique.append(f)
    return unique


def _identity(path: str):
    """What makes two names one file (a link, "./a.txt" and "a.txt"): its device and inode, one
    stat call; the resolved path where the file cannot be stat'ed (ingest then says why)."""
    try:
        st = os.stat(path)
    except OSError:
        return os.path.realpath(path)
    return (st.st_dev, st.st_ino)
