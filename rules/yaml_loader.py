"""YAML reading for packs and reference data: always a *safe* loader, the C one when available.

A safe loader builds no Python objects, but it still expands aliases: a few hundred bytes of
nested anchors and aliases (a "billion laughs" YAML bomb) expand to billions of nodes and exhaust
memory. A pack may come from a file someone sent, so a text with aliases is first walked as parser
events, adding up the nodes its aliases would bring in, and refused past ``MAX_ALIAS_NODES``
before anything is built. (libyaml already refuses nesting deeper than it can handle.)
"""

from __future__ import annotations

from typing import Any, Final

import yaml

try:  # libyaml's loader is many times faster; both are safe loaders (no Python objects)
    from yaml import CSafeLoader as SafeLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader  # type: ignore[assignment]

#: Nodes that aliases may bring in, in all: far above any honest use, far below a bomb.
MAX_ALIAS_NODES: Final = 10_000


class YamlBombError(yaml.YAMLError, ValueError):
    """The text's aliases would expand to more than ``MAX_ALIAS_NODES`` nodes."""


def check_aliases(text: str) -> None:
    """Raise YamlBombError when the aliases of ``text`` would bring in too many nodes."""
    if "*" not in text:  # an alias is written *name: a text without "*" has none to expand
        return
    sizes: dict[str, int] = {}  # anchor -> the nodes its node expands to
    stack: list[list[Any]] = [[0, None]]  # per open collection: [nodes so far, its anchor]
    brought_in = 0
    for event in yaml.parse(text, Loader=SafeLoader):
        if isinstance(event, yaml.AliasEvent):
            size = sizes.get(event.anchor or "", 1)
            brought_in += size
            if brought_in > MAX_ALIAS_NODES:
                raise YamlBombError(
                    f"its aliases expand to more than {MAX_ALIAS_NODES} nodes (a YAML bomb?)"
                )
            stack[-1][0] += size
        elif isinstance(event, yaml.ScalarEvent):
            if event.anchor:
                sizes[event.anchor] = 1
            stack[-1][0] += 1
        elif isinstance(event, yaml.CollectionStartEvent):
            stack.append([1, event.anchor])
        elif isinstance(event, yaml.CollectionEndEvent):
            size, anchor = stack.pop()
            if anchor:
                sizes[anchor] = size
            stack[-1][0] += size


def load_yaml(text: str) -> Any:
    """The data in ``text``; YamlBombError (a YAMLError) when its aliases expand too far."""
    check_aliases(text)
    return yaml.load(text, Loader=SafeLoader)
