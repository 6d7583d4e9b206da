"""YAML reading for packs and reference data: always a *safe* loader, the C one when available.

A safe loader builds no Python objects, but it still expands aliases: a few hundred bytes of
nested anchors and aliases (a "billion laughs" YAML bomb) expand to billions of nodes and exhaust
memory. A pack may come from a file someone sent, so a text with aliases is first walked as parser
events, adding up the nodes its aliases would bring in, and refused past ``MAX_ALIAS_NODES``
before anything is built. (libyaml already refuses nesting deeper than it can handle.)

A tag the safe loader has no constructor for (``!!python/object/apply:os.system`` and the like)
is refused too: the safe loader would refuse it anyway, but ``check_tags`` names it in words
before the loader's several-line error, and the refusal does not depend on which loader is in use.
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


#: The tags the safe loader builds plain data from (str, int, map, seq, timestamp, ...).
SAFE_TAGS: Final = frozenset(tag for tag in yaml.SafeLoader.yaml_constructors if tag)
_SHOWN_TAG_CHARS: Final = 60


class YamlBombError(yaml.YAMLError, ValueError):
    """The text's aliases would expand to more than ``MAX_ALIAS_NODES`` nodes."""


class ForeignTagError(yaml.YAMLError, ValueError):
    """The text has a tag other than the plain-data ones of ``SAFE_TAGS``."""


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


def _shown_tag(tag: str) -> str:
    short = tag.replace("tag:yaml.org,2002:", "!!", 1)
    short = short.encode("unicode_escape").decode("ascii")  # one line, whatever it holds
    return short if len(short) <= _SHOWN_TAG_CHARS else short[: _SHOWN_TAG_CHARS - 1] + "…"


def check_tags(text: str) -> None:
    """Raise ForeignTagError at the first tag of ``text`` that is not one of ``SAFE_TAGS``."""
    if "!" not in text:  # a tag is written !name or !!name: a text without "!" has none
        return
    for event in yaml.parse(text, Loader=SafeLoader):
        tag = getattr(event, "tag", None)
        if tag is None or tag == "!" or tag in SAFE_TAGS:
            continue
        line = event.start_mark.line + 1 if event.start_mark else 0
        kind = "the Python-specific tag" if "python/" in tag else "the tag"
        raise ForeignTagError(f"line {line} has {kind} {_shown_tag(tag)}; only plain data is read")


def describe_error(error: yaml.YAMLError) -> str:
    """A YAML error on one line: what is wrong and at which line (PyYAML's spans several)."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem:
        mark = error.problem_mark or error.context_mark
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        return " ".join(f"{error.problem}{where}".split())
    return " ".join(str(error).split())


def load_yaml(text: str) -> Any:
    """The data in ``text``; a YAMLError when its aliases expand too far (YamlBombError), when
    it has a tag that is not plain data (ForeignTagError) or when it is not well-formed."""
    check_aliases(text)
    check_tags(text)
    return yaml.load(text, Loader=SafeLoader)
