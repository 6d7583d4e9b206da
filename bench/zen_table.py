"""The pack as a GoRules ZEN decision table, for the side-by-side benchmark.

One rule per measure (its first provision's conditions, one column per field); derived facts are
given to ZEN as inputs, since ZEN cannot derive them. Hit policy "collect", so every rule is tried,
as our engine tries every measure.
"""

from __future__ import annotations

import json
from typing import Any

from rules.pack import Condition, Pack, iter_conditions


def _literal(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def unary(condition: Condition) -> str:
    value, op = condition.value, condition.op
    if op == "eq":
        return _literal(value)
    if op == "ne":
        return f"!= {_literal(value)}"
    if op == "in":
        return ", ".join(_literal(v) for v in value)
    if op == "not_in":
        return f"not({', '.join(_literal(v) for v in value)})"
    if op == "contains":
        return f"contains($, {_literal(value)})"
    if op == "intersects":
        return f"some($, # in {_literal(value)})"
    if op == "prefix_in":
        return " or ".join(f"startsWith($, {_literal(v)})" for v in value)
    symbol = {"gte": ">=", "gt": ">", "lte": "<=", "lt": "<"}[op]
    return f"{symbol} {value}"


def decision_table(pack: Pack) -> dict[str, Any]:
    columns: dict[str, str] = {}
    rules = []
    for measure in pack.measures:
        rule: dict[str, Any] = {"_id": measure.id, "out": _literal(measure.id)}
        if measure.provisions:
            for condition in iter_conditions(measure.provisions[0].criteria):
                if condition.param is not None:
                    continue
                column = columns.setdefault(condition.field, f"c{len(columns)}")
                rule.setdefault(column, unary(condition))
        rules.append(rule)
    for rule in rules:
        for column in columns.values():
            rule.setdefault(column, "")
    table = {
        "hitPolicy": "collect",
        "inputs": [{"id": c, "name": f, "field": f} for f, c in columns.items()],
        "outputs": [{"id": "out", "name": "measure", "field": "measure"}],
        "rules": rules,
    }
    position = {"x": 0, "y": 0}
    return {
        "nodes": [
            {"id": "in", "type": "inputNode", "name": "Request", "position": position},
            {
                "id": "dt",
                "type": "decisionTableNode",
                "name": "Measures",
                "position": position,
                "content": table,
            },
            {"id": "out", "type": "outputNode", "name": "Response", "position": position},
        ],
        "edges": [
            {"id": "e1", "sourceId": "in", "targetId": "dt", "type": "edge"},
            {"id": "e2", "sourceId": "dt", "targetId": "out", "type": "edge"},
        ],
    }
