"""YAML reading for packs and reference data: always a *safe* loader, the C one when available."""

from __future__ import annotations

from typing import Any

import yaml

try:  # libyaml's loader is many times faster; both are safe loaders (no Python objects)
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]


def load_yaml(text: str) -> Any:
    return yaml.load(text, Loader=SafeLoader)
