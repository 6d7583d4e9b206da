"""The pack format: a policy's measures as data, validated into typed models at load time.

A pack is a folder::

    pack.yaml          id, version, the document, chapters, dated parameters, renamed bodies
    notice.txt         the notice's full text, as published
    measures/mNN.yaml  one measure each: verbatim clause, units, kind, status, provisions
    cases/*.yaml       test cases (profile, as-of date, expected verdicts); not part of the hash

Criteria are structured predicates (``all`` / ``any`` / ``not`` over field comparisons); nothing
in a pack is ever executed. Every criterion's ``citation`` must be a verbatim substring of its
measure's clause, and every clause a verbatim substring of the notice: both are checked here.
"""

from __future__ import annotations

import hashlib
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Discriminator, Field, Tag, ValidationError

from rules.fields import known_field
from rules.pack_folder import (
    MAX_TOTAL_BYTES,
    RULE_FILES,
    pack_file_names,
    read_pack_bytes,
    read_pack_folder,
)
from rules.yaml_loader import describe_error, load_yaml

DEFAULT_PACK_DIR = Path(__file__).parent / "packs" / "hubei_ftz_2021"

Kind = Literal["benefit", "opportunity", "government_task"]
Status = Literal["in_force", "pending_national_approval", "pilot", "government_task"]
Operator = Literal[
    "eq", "ne", "in", "not_in", "contains", "intersects", "gte", "gt", "lte", "lt", "prefix_in"
]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Text(_Strict):
    """A text in both languages."""

    zh: str = Field(min_length=1)
    en: str = Field(min_length=1)

    def get(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


class Condition(_Strict):
    """A comparison of one profile key or derived fact with a value or a dated parameter."""

    id: str
    field: str
    op: Operator
    value: Any = None
    param: str | None = None
    text: Text
    citation: str = Field(min_length=2)

    def values(self) -> list[Any]:
        """The compared value(s) as a list: ``in``/``intersects`` compare with several."""
        return list(self.value) if isinstance(self.value, list) else [self.value]


class _Group(_Strict):
    """A group of criteria; ``id`` and ``text`` name it where explanations need to."""

    id: str | None = None
    text: Text | None = None


class AllOf(_Group):
    all: list[Criterion] = Field(min_length=1)


class AnyOf(_Group):
    any: list[Criterion] = Field(min_length=1)


class NotOf(_Group):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    negated: Criterion = Field(alias="not")


def _node_kind(node: Any) -> str:
    keys = node if isinstance(node, dict) else vars(node)
    for kind in ("all", "any", "not", "negated"):
        if kind in keys:
            return "not" if kind == "negated" else kind
    return "condition"


Criterion = Annotated[
    Annotated[Condition, Tag("condition")]
    | Annotated[AllOf, Tag("all")]
    | Annotated[AnyOf, Tag("any")]
    | Annotated[NotOf, Tag("not")],
    Discriminator(_node_kind),
]


class Prerequisite(_Strict):
    """A status the company must obtain first, e.g. a 高新技术企业 certificate."""

    field: str
    text: Text
    how: Text


class Note(_Strict):
    """A fact from beyond the notice, with its own reference; unverified ones are labelled."""

    text: Text
    reference: str
    unverified: bool = False


class Provision(_Strict):
    """One enterprise-facing part of a measure, with its own criteria and guidance."""

    id: str
    title: Text
    criteria: Criterion
    gains: Text
    next_step: Text
    documents: list[Text] = Field(default_factory=list)
    office: Text
    prerequisites: list[Prerequisite] = Field(default_factory=list)
    # The provision's own standing where its words differ from the measure's (a provincial part
    # of a measure awaiting national approval, an exploratory part of one in force); None: the
    # measure's.
    status: Status | None = None


class Measure(_Strict):
    id: str = Field(pattern=r"^m\d{2}$")
    number: int = Field(ge=1)
    chapter: int = Field(ge=1)
    title: Text
    clause: str = Field(min_length=10)
    clause_en: str = Field(min_length=10)
    lead_units: list[str] = Field(min_length=1)
    responsible_units: list[str] = Field(default_factory=list)
    kind: Kind
    status: Status
    provisions: list[Provision] = Field(default_factory=list)
    context: Text | None = None
    notes: list[Note] = Field(default_factory=list)


class ParameterValue(_Strict):
    valid_from: date
    value: float | int | str
    label: Text | None = None  # how texts show the value, e.g. 1000万美元 / USD 10 million
    reference: str
    reference_en: str = ""  # the reference in English, for English answers
    unverified: bool = False


class Parameter(_Strict):
    unit: str
    description: Text
    values: list[ParameterValue] = Field(min_length=1)

    def at(self, as_of: date) -> ParameterValue | None:
        """The value in force on ``as_of``; None before the first valid-from date."""
        current = None
        for value in sorted(self.values, key=lambda v: v.valid_from):
            if value.valid_from <= as_of:
                current = value
        return current


SpellingList = list[Annotated[str, Field(min_length=2)]]


class OldNames(_Strict):
    """A body's former name as the pack's texts spell it: every spelling, in each language."""

    zh: SpellingList = Field(min_length=1)
    en: SpellingList = Field(min_length=1)

    def get(self, lang: str) -> list[str]:
        return self.zh if lang == "zh" else self.en


class RenamedBody(_Strict):
    """A body renamed or replaced after the notice: advice names ``new`` from ``valid_from`` on.

    Quotations (the clause, citations, lead and responsible units) keep the notice's words; only
    the advice texts (office, next step, documents, gains) are rewritten for the as-of date.
    """

    old: OldNames
    new: Text
    valid_from: date
    reference: str = Field(min_length=1)
    unverified: bool = False


class Chapter(_Strict):
    number: int
    title: Text


class Document(_Strict):
    number: str
    title: Text
    issued: date
    published: date
    deadline: date | None = None


class Manifest(_Strict):
    id: str
    version: str
    title: Text
    document: Document
    chapters: list[Chapter]
    parameters: dict[str, Parameter] = Field(default_factory=dict)
    renamed_bodies: list[RenamedBody] = Field(default_factory=list)
    disclaimer: Text

    def renamed_on(self, as_of: date) -> list[RenamedBody]:
        """The renames in force on ``as_of``: those whose new name applies from that date."""
        return [body for body in self.renamed_bodies if body.valid_from <= as_of]


class PackError(ValueError):
    """The pack cannot be loaded; ``problems`` holds one line per problem."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


class Pack:
    """A loaded, checked pack. Measures keep the order of their numbers."""

    def __init__(self, manifest: Manifest, measures: list[Measure], notice: str, sha256: str):
        self.manifest = manifest
        self.measures = sorted(measures, key=lambda m: m.number)
        self.by_id = {m.id: m for m in self.measures}
        self.notice = notice
        self.sha256 = sha256

    @property
    def id(self) -> str:
        return self.manifest.id

    @property
    def version(self) -> str:
        return self.manifest.version

    def reference(self) -> dict[str, str]:
        return {"id": self.id, "version": self.version, "sha256": self.sha256}


def iter_conditions(node: Criterion) -> list[Condition]:
    """The leaf conditions of a criteria tree, in document order."""
    if isinstance(node, Condition):
        return [node]
    if isinstance(node, AllOf):
        return [c for child in node.all for c in iter_conditions(child)]
    if isinstance(node, AnyOf):
        return [c for child in node.any for c in iter_conditions(child)]
    return iter_conditions(node.negated)


def _hash(files: list[tuple[str, bytes]]) -> str:
    digest = hashlib.sha256()
    for name, data in files:
        digest.update(name.encode())
        digest.update(b"\0")
        digest.update(data)
        digest.update(b"\0")
    return digest.hexdigest()


def content_hash(folder: Path) -> str:
    """SHA-256 over the pack's rule files (names and bytes); test cases and docs excluded.

    Only a regular file inside the folder is read, and only so much of it (a device or a FIFO
    would never end); PackError names any other. Whether the files are a usable pack is
    ``load_pack``'s to say."""
    files: list[tuple[str, bytes]] = []
    problems: list[str] = []
    root = folder.resolve()
    for name in [*RULE_FILES, *pack_file_names(folder, "measures")]:
        try:
            files.append((name, read_pack_bytes(folder, name, MAX_TOTAL_BYTES, root)))
        except ValueError as error:
            problems.append(str(error))
    if problems:
        raise PackError(problems)
    return _hash(files)


def _read_yaml(name: str, text: str, problems: list[str]) -> Any:
    try:
        return load_yaml(text)
    except yaml.YAMLError as error:
        problems.append(f"{name}: cannot be read: {describe_error(error)}")
        return None


def _validation_lines(name: str, error: ValidationError) -> list[str]:
    return [
        f"{name}: {'.'.join(str(p) for p in e['loc']) or '(top)'}: {e['msg']}"
        for e in error.errors()
    ]


def check_measure(measure: Measure, notice: str, manifest: Manifest) -> list[str]:
    """Problems that make a measure unusable: citations, fields and parameters it names."""
    problems: list[str] = []
    if measure.id != f"m{measure.number:02d}":
        problems.append(f"{measure.id}: id does not match number {measure.number}")
    if measure.clause not in notice:
        problems.append(f"{measure.id}: clause is not verbatim in the notice")
    chapters = {c.number for c in manifest.chapters}
    if measure.chapter not in chapters:
        problems.append(f"{measure.id}: chapter {measure.chapter} is not in pack.yaml")
    seen: set[str] = set()
    for provision in measure.provisions:
        for condition in iter_conditions(provision.criteria):
            where = f"{measure.id}/{provision.id}/{condition.id}"
            if condition.id in seen:
                problems.append(f"{where}: criterion id used twice in the measure")
            seen.add(condition.id)
            if condition.citation not in measure.clause:
                problems.append(f"{where}: citation is not verbatim in the clause")
            if not known_field(condition.field):
                problems.append(f"{where}: unknown field '{condition.field}'")
            if condition.param is not None and condition.param not in manifest.parameters:
                problems.append(f"{where}: unknown parameter '{condition.param}'")
            if (condition.param is None) == (condition.value is None):
                problems.append(f"{where}: give exactly one of value and param")
    return problems


def check_renamed_bodies(manifest: Manifest) -> list[str]:
    """Problems that make the table of renamed bodies ambiguous: a former spelling listed twice
    (which new name?), or one found inside a new name (it would be rewritten again)."""
    problems: list[str] = []
    seen: dict[str, int] = {}
    new_names = [
        (n, body.new.get(lang))
        for n, body in enumerate(manifest.renamed_bodies)
        for lang in ("zh", "en")
    ]
    for number, body in enumerate(manifest.renamed_bodies):
        where = f"pack.yaml: renamed_bodies.{number}"
        for spelling in [*body.old.zh, *body.old.en]:
            if spelling in seen:
                problems.append(
                    f"{where}: former name '{spelling}' is listed twice "
                    f"(also in renamed_bodies.{seen[spelling]})"
                )
                continue
            seen[spelling] = number
            for other, new in new_names:
                if spelling in new:
                    problems.append(
                        f"{where}: former name '{spelling}' is part of the new name '{new}' "
                        f"(renamed_bodies.{other})"
                    )
    return problems


@cache
def load_pack(folder: Path = DEFAULT_PACK_DIR) -> Pack:
    """Load and check the pack in ``folder``; raise PackError listing every problem."""
    if not (folder / "pack.yaml").exists():
        raise PackError([f"{folder}: no pack.yaml here"])
    files, problems = read_pack_folder(folder)
    if problems:  # a hostile file refuses the pack whole, cases included, before any parse
        raise PackError(problems)
    raw_manifest = _read_yaml("pack.yaml", files.texts["pack.yaml"], problems)
    notice = files.texts["notice.txt"]
    try:
        manifest = Manifest.model_validate(raw_manifest)
    except ValidationError as error:
        raise PackError(problems + _validation_lines("pack.yaml", error)) from None
    problems += check_renamed_bodies(manifest)
    measures: list[Measure] = []
    rule_files = files.rule_files()
    for name in rule_files[len(RULE_FILES) :]:
        file_name = name.removeprefix("measures/")
        raw = _read_yaml(file_name, files.texts[name], problems)
        if raw is None:
            continue
        try:
            measure = Measure.model_validate(raw)
        except ValidationError as error:
            problems += _validation_lines(file_name, error)
            continue
        if file_name.removesuffix(".yaml") != measure.id:
            problems.append(f"{file_name}: holds measure {measure.id}")
        problems += check_measure(measure, notice, manifest)
        measures.append(measure)
    if problems:
        raise PackError(problems)
    return Pack(
        manifest,
        measures,
        notice,
        _hash([(name, files.texts[name].encode("utf-8")) for name in rule_files]),
    )
