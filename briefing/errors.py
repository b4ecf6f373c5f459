"""Errors the user can act on. The CLI prints their message as one line."""


class BriefingError(Exception):
    """Something about the input, the settings or the environment that the user must fix."""
