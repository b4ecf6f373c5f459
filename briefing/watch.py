"""Rebuild a briefing whenever its sources change."""
from __future__ import annotations

import os
import threading
from pathlib import Path
from typing import Callable

from .errors import BriefingError
from .pipeline import BuildOptions, BuildResult, build
from .config import PROJECT_FILE
from .readers import FOLDER_METADATA, SIDECAR_SUFFIX, SUFFIXES

Report = Callable[[BuildResult | None, BriefingError | None], None]


def _relevant(out_dir: Path):
    out = out_dir.resolve()

    def accept(change, path: str) -> bool:
        p = Path(path)
        if p.name.startswith(".") or out in p.resolve().parents or p.resolve() == out:
            return False
        name = p.name.lower()
        return (name.endswith(SUFFIXES) or name.endswith(SIDECAR_SUFFIX) or name == FOLDER_METADATA
                or name == PROJECT_FILE)

    return accept


def watch(options: BuildOptions | Callable[[], BuildOptions], report: Report,
          stop: threading.Event | None = None, debounce_ms: int = 600) -> None:
    """Build now, then after every burst of changes; a failed build is reported, not raised.

    `options` may be a function giving them, called before every build, so that an
    edited project file counts. A source path that does not exist is an error before
    any build. Ctrl-C raises KeyboardInterrupt, for the caller to end quietly.
    """
    from watchfiles import watch as watch_changes

    current = options if callable(options) else (lambda: options)
    first = current()
    missing = [p for p in first.sources if not os.path.exists(p)]
    if missing:
        raise BriefingError(f"{', '.join(missing)}: no such file or folder; nothing to watch")

    def attempt() -> None:
        try:
            report(build(current()), None)
        except BriefingError as exc:
            report(None, exc)

    attempt()
    for _ in watch_changes(*first.sources, watch_filter=_relevant(Path(first.out_dir)), debounce=debounce_ms,
                           stop_event=stop, raise_interrupt=True):
        attempt()
