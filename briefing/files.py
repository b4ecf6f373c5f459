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


def article_files(paths: Sequence[str], limits: Limits) -> dict[str, int]:
    """The article files named by `paths`, folders expanded, in a stable order, with their sizes
    (0 for one that cannot be stat'ed: ingest says why); BriefingError before anything is read
    if they are over `limits`. A file named twice (a link, "./a.txt" and "a.txt") is listed
    once: a file is its device and inode, or its resolved path where it cannot be stat'ed."""
    sizes: dict[str, int] = {}
    seen: set = set()
    for path in _named_files(paths):
        try:
            st = os.stat(path)  # one stat a file tells both what it is and how large
        except OSError:
            identity, size = os.path.realpath(path), 0
        else:
            identity, size = (st.st_dev, st.st_ino), st.st_size
        if identity not in seen:
            seen.add(identity)
            sizes[path] = size
    if len(sizes) > limits.max_files:
        raise BriefingError(f"{len(sizes):,} article files is over the limit of {limits.max_files:,}; "
                            "name fewer folders or raise it with --max-files")
    total = sum(n for n in sizes.values() if n <= limits.max_file_bytes)
    if total > limits.max_total_bytes:
        raise BriefingError(f"the articles add up to {_mb(total)}, over the {_mb(limits.max_total_bytes)} limit "
                            "for one build; raise it with --max-total-mb")
    return sizes


def _named_files(paths: Sequence[str]) -> list[str]:
    """The article files `paths` name, folders expanded, in a stable order."""
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
    return files
