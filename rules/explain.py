"""Plain-language explanations read off the trace, in Chinese or English.

Why a measure applies, why not (each failed condition with the answer given), what is still to
be answered, and the caveats of its standing. Wording only: no verdict is decided here.
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, Final

from rules.engine import Caveat, ConditionTrace, MeasureResult
from rules.fields import field_info
from rules.pack import Pack, RenamedBody, Text
from rules.vocabulary import label

_ORDERING: Final = {"gte": "≥", "gt": ">", "lte": "≤", "lt": "<"}
_YES_NO: Final = {True: ("是", "yes"), False: ("否", "no")}


def _pick(pair: tuple[str, str], lang: str) -> str:
    return pair[0] if lang == "zh" else pair[1]


def value_text(field: str, value: Any, lang: str) -> str:
    """An answer as a person would say it: labels for tags, yes/no, units, "not yet profitable"."""
    info = field_info(field)
    if field == "first_profit_year" and value is None:
        return _pick(("尚未获利", "not yet profitable"), lang)
    if value is None:
        return _pick(("无", "none"), lang)
    if isinstance(value, bool):
        return _pick(_YES_NO[value], lang)
    if isinstance(value, list):
        if not value:
            return _pick(("均无", "none of these"), lang)
        joiner = "、" if lang == "zh" else ", "
        return joiner.join(value_text(field, item, lang) for item in value)
    if isinstance(value, date):
        return value.isoformat()
    if info.vocabulary is not None and isinstance(value, str):
        return label(info.vocabulary, value, lang)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    unit = info.unit(lang)
    return f"{value}{unit}" if lang == "zh" or unit in ("%", "") else f"{value} {unit}"


def question_text(field: str, lang: str) -> str:
    return field_info(field).question(lang)


def condition_line(trace: ConditionTrace, lang: str) -> str:
    """One condition with its result and the answer read, e.g. for the "why not" list."""
    text = trace.condition.text.get(lang)
    if not trace.known:
        return _pick((f"{text}（尚未回答）", f"{text} (not answered yet)"), lang)
    answer = value_text(trace.condition.field, trace.value, lang)
    if trace.inference is not None:  # an inferred answer says so, and from what
        basis = trace.inference.basis(lang)
        answer += f"，{basis}" if lang == "zh" else f"; {basis}"
    elif trace.derived and trace.basis:  # say what a derived answer rests on
        answer += f"，{trace.basis}" if lang == "zh" else f"; {trace.basis_in(lang)}"
    symbol = _ORDERING.get(trace.condition.op)
    if symbol is not None and trace.threshold is not None:
        required = value_text(trace.condition.field, trace.threshold, lang)
        answer += f"；要求{symbol}{required}" if lang == "zh" else f"; required {symbol} {required}"
    if trace.result == "met":
        return _pick((f"{text}（您的情况：{answer}）", f"{text} (yours: {answer})"), lang)
    return _pick(
        (f"{text}：不满足（您的情况：{answer}）", f"{text}: not met (yours: {answer})"), lang
    )


CAVEATS: Final[dict[Caveat, Text]] = {
    "pending_national_approval": Text(
        zh="本条措施尚在争取国家相关部委支持，可能尚未落地，暂不能直接申请享受。",
        en="This measure still seeks national ministries' approval and may not be in effect yet.",
    ),
    "pilot": Text(
        zh="本条为探索或试点措施，能否办理以主管部门的实际落地情况为准。",
        en=(
            "This is an exploratory or pilot measure: whether it can be used depends on how "
            "the office has put it into practice."
        ),
    ),
    "past_deadline": Text(
        zh="文件要求各项措施于2023年年底前完成或取得突破性进展；评估日期已过该期限，请向主管部门确认现行做法。",
        en=(
            "The notice set the end of 2023 for completing its measures; that date has passed, "
            "so check the current practice with the office."
        ),
    ),
    "before_issue": Text(
        zh="评估基准日早于本文件印发日期：当日本文件尚未施行，结论仅供参考。",
        en=(
            "The as-of date is before the notice was issued: it was not yet in force on that "
            "date, so the verdict is for reference only."
        ),
    ),
}


def caveat_text(caveat: Caveat, lang: str) -> str:
    return CAVEATS[caveat].get(lang)


def fill_parameters(text: str, pack: Pack, as_of: date, lang: str) -> str:
    """Replace ``{param:NAME}`` with the dated parameter's value in force on ``as_of``."""
    for name, parameter in pack.manifest.parameters.items():
        token = "{param:" + name + "}"
        if token not in text:
            continue
        value = parameter.at(as_of)
        if value is None:
            shown = _pick(("（该日期尚未施行）", "(not yet in force on that date)"), lang)
        elif value.label is not None:
            shown = value.label.get(lang)
        else:
            shown = f"{value.value} {parameter.unit}"
        text = text.replace(token, shown)
    return text


Rename = tuple[str, RenamedBody]  # the former spelling found in a text, and its entry


def former_name_note(old: str, body: RenamedBody, lang: str) -> str:
    """What follows today's name in an office: the former name, and the doubt over the date."""
    if lang == "zh":
        doubt = "；新名称启用日期未经核实" if body.unverified else ""
        return f"（原{old}{doubt}）"
    doubt = "; the date the new name took effect is unverified" if body.unverified else ""
    return f" (formerly the {old}{doubt})"


def current_names(
    text: str, pack: Pack, as_of: date, lang: str, *, annotate: bool = False
) -> tuple[str, list[Rename]]:
    """``text`` naming each body as it is called on ``as_of``: every former spelling in the pack's
    table of renamed bodies whose new name applies by then is replaced by the new name (with the
    former name in brackets when ``annotate``). Returns the text and the renames made, in order.

    For advice only (office, next step, documents, gains): quotations keep the notice's words."""
    former = {
        spelling: body
        for body in pack.manifest.renamed_on(as_of)
        for spelling in body.old.get(lang)
    }
    if not former:
        return text, []
    # One pass, longest spelling first: 湖北省地方金融监管局 is replaced whole, not from 省地方….
    pattern = re.compile("|".join(re.escape(s) for s in sorted(former, key=len, reverse=True)))
    found: list[Rename] = []

    def swap(match: re.Match[str]) -> str:
        old = match.group(0)
        body = former[old]
        found.append((old, body))
        new = body.new.get(lang)
        return new + former_name_note(old, body, lang) if annotate else new

    return pattern.sub(swap, text), found


def reason(result: MeasureResult, lang: str) -> str:
    """The verdict in one or two sentences."""
    measure = result.measure
    if result.verdict == "not_applicable":
        if measure.context is not None:
            return measure.context.get(lang)
        return _pick(
            (
                "本条是政府部门的工作任务,企业无需也无法申请。",
                "A task of government bodies; nothing for a company to apply for.",
            ),
            lang,
        )
    best = result.best
    assert best is not None  # a measure with provisions has a best one
    if result.verdict == "eligible":
        met = [condition_line(c, lang) for c in best.conditions if c.result == "met"]
        head = _pick(
            (f"适用“{best.provision.title.zh}”", f"Applies: {best.provision.title.en}"), lang
        )
        sep = "。满足：" if lang == "zh" else ". Met: "
        return head + (sep + _join(met, lang) if met else "")
    if result.verdict == "needs_info":
        questions = [question_text(key, lang) for key in result.missing]
        head = _pick(("尚需回答：", "Still to answer: "), lang)
        if not questions:
            return _pick(("现有信息不足以判断。", "The answers so far cannot settle it."), lang)
        return head + _join(questions, lang)
    failed: list[str] = []
    for provision in result.provisions:
        for condition in provision.conditions:
            if condition.result == "not_met":
                line = condition_line(condition, lang)
                if line not in failed:
                    failed.append(line)
    return _pick(("不适用：", "Does not apply: "), lang) + _join(failed, lang)


def _join(parts: list[str], lang: str) -> str:
    """A list in a sentence, with the language's own punctuation (full-width in Chinese)."""
    return ("；" if lang == "zh" else "; ").join(parts)


def explanation_lines(result: MeasureResult, lang: str) -> list[str]:
    """The verdict's grounds, one line each: conditions met, conditions failed, or questions."""
    if result.verdict == "eligible" and result.best is not None:
        return [condition_line(c, lang) for c in result.best.conditions if c.result == "met"]
    if result.verdict == "needs_info":
        return [question_text(key, lang) for key in result.missing]
    lines: list[str] = []
    for provision in result.provisions:
        for condition in provision.conditions:
            line = condition_line(condition, lang)
            if condition.result == "not_met" and line not in lines:
                lines.append(line)
    return lines
