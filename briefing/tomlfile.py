"""Reading a TOML file a user wrote, with one-line errors that name it."""
from __future__ import annotations

import tomllib
from pathlib import Path

from .errors import BriefingError


def read_toml(path: str | Path, what: str) -> dict:
    """The table in `path`; a BriefingError naming the file and `what` it is when it cannot be read."""
    try:
        with open(path, "rb") as f:
            return tomllib.load(f)
    except OSError as exc:
        raise BriefingError(f"{path}: cannot read {what} ({exc.strerror or exc})") from None
    except tomllib.TOMLDecodeError as exc:
        raise BriefingError(f"{path}: not valid TOML ({exc})") from None
