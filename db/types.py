"""Column types shared by the models: UTC timestamps, JSON documents and compressed JSON."""

from __future__ import annotations

import json
import zlib
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import JSON, DateTime, Dialect, LargeBinary, TypeDecorator
from sqlalchemy.dialects.postgresql import JSONB

JsonDocument = JSON().with_variant(JSONB(), "postgresql")
"""A JSON value: JSONB on PostgreSQL (indexable, compact), JSON text on SQLite."""


class UtcDateTime(TypeDecorator[datetime]):
    """An aware UTC timestamp, stored naive-in-UTC so SQLite and PostgreSQL hold the same value."""

    impl = DateTime(timezone=False)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("timestamps must be timezone-aware")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


class CompressedJson(TypeDecorator[dict[str, Any]]):
    """A JSON object stored as zlib-compressed UTF-8 text.

    A frozen assessment answer is ~140 kB of JSON (68 measures with their criteria, citations
    and texts) but compresses to ~22 kB; at 100,000 assessments that is 2 GB instead of 14 GB.
    The stored bytes decode to exactly the JSON that was saved: nothing but the encoding changes.
    """

    impl = LargeBinary
    cache_ok = True

    def process_bind_param(self, value: dict[str, Any] | None, dialect: Dialect) -> bytes | None:
        if value is None:
            return None
        return compress_json(value)

    def process_result_value(self, value: bytes | None, dialect: Dialect) -> dict[str, Any] | None:
        return None if value is None else decompress_json(value)


def compress_json(value: dict[str, Any]) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    return zlib.compress(text.encode("utf-8"), 6)


def decompress_json(data: bytes) -> dict[str, Any]:
    value = json.loads(zlib.decompress(data).decode("utf-8"))
    if not isinstance(value, dict):
        raise ValueError("a compressed JSON column holds something other than an object")
    return value


def utc_now() -> datetime:
    return datetime.now(UTC)
