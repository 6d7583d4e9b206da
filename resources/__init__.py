"""Bundled data files (fonts, templates, reference tables), read through one helper."""

from __future__ import annotations

from importlib.resources import as_file, files
from importlib.resources.abc import Traversable


def resource(*parts: str) -> Traversable:
    """The bundled file or folder at ``parts`` below this package."""
    node: Traversable = files(__name__)
    for part in parts:
        node = node / part
    return node


def read_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


__all__ = ["as_file", "read_text", "resource"]
