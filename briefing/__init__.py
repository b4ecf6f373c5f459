"""briefing: a folder of news articles in, a short cited briefing out."""

__version__ = "0.1.0"
