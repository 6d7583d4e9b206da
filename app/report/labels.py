"""The report's own words, in Chinese and English: headings, labels, verdict and status names.

Texts about the measures themselves (titles, reasons, gains...) come from the pack through the
answer; only the report's frame is worded here.
"""

from __future__ import annotations

from typing import Final

LABELS: Final[dict[str, dict[str, str]]] = {
    "zh": {
        "report_title": "政策适用评估报告",
        "running_title": "政策适用评估报告",
        "company": "企业名称",
        "credit_code": "统一社会信用代码",
        "as_of": "评估基准日",
        "generated": "报告生成时间",
        "pack": "规则包",
        "pack_hash": "规则包校验值(SHA-256)",
        "policy": "依据文件",
        "prepared_by": "编制",
        "adviser": "顾问",
        "organisation": "机构",
        "contact": "联系方式",
        "not_given": "未填写",
        "contents": "目录",
        "summary": "评估摘要",
        "summary_lead": "按{policy}所列 {total} 条措施逐条评估，结果如下。",
        "chart_title": "各类结论的措施数",
        "measures_unit": "条",
        "eligible_section": "适用的措施",
        "eligible_lead": "以下措施的各项条件均已满足。",
        "eligible_none": "按目前的回答，暂无完全适用的措施。",
        "gains": "可获得",
        "next_step": "下一步",
        "documents": "需准备的材料",
        "office": "办理部门",
        "status": "状态",
        "caveat": "提示",
        "questions_section": "待回答的问题",
        "questions_lead": (
            "以下问题尚未回答；按能确定结论的措施数从多到少排列，先回答排在前面的问题。"
        ),
        "questions_none": "没有待回答的问题：每条措施都已得出结论。",
        "question": "问题",
        "settles": "可确定的措施",
        "awaiting": "尚待补充信息的措施",
        "not_eligible_section": "不适用的措施",
        "not_eligible_lead": "以下措施至少有一项条件不满足。",
        "not_eligible_none": "没有不适用的措施。",
        "government_tasks": "政府部门的工作任务(企业无需申请)",
        "reason": "原因",
        "measure": "措施",
        "title": "标题",
        "criteria_section": "适用措施的判定依据",
        "criteria_lead": "每项条件、企业的情况和文件原文。原文引自{policy}。",
        "condition": "条件",
        "your_value": "企业情况",
        "result": "结果",
        "citation": "文件原文",
        "change": "若做出以下改变",
        "what_would_apply_section": "怎样才能适用",
        "what_would_apply_lead": "以下措施目前不适用；做出所列改变后可能适用。",
        "what_would_apply_none": "没有找到只需一项改变即可适用的措施。",
        "answers_section": "企业填报的信息",
        "answers_lead": "本报告依据以下回答。未列出的事项视为尚未回答，不按“否”或“无”处理。",
        "caveats_section": "状态提示与免责声明",
        "caveat_pending": "尚待国家批准的措施",
        "caveat_pilot": "探索或试点措施",
        "caveat_deadline": "实施期限",
        "disclaimer": "免责声明",
        "unknown": "未回答",
        "met": "满足",
        "not_met": "不满足",
        "page": "页",
    },
    "en": {
        "report_title": "Policy eligibility report",
        "running_title": "Policy eligibility report",
        "company": "Company",
        "credit_code": "Unified social credit code",
        "as_of": "Assessed as of",
        "generated": "Report generated",
        "pack": "Rule pack",
        "pack_hash": "Rule pack checksum (SHA-256)",
        "policy": "Policy",
        "prepared_by": "Prepared by",
        "adviser": "Adviser",
        "organisation": "Organisation",
        "contact": "Contact",
        "not_given": "not given",
        "contents": "Contents",
        "summary": "Summary",
        "summary_lead": ("Each of the {total} measures of {policy} was assessed for the company."),
        "chart_title": "Measures by verdict",
        "measures_unit": "",
        "eligible_section": "Measures that apply",
        "eligible_lead": "Every condition of these measures is met.",
        "eligible_none": "On the answers so far, no measure applies in full.",
        "gains": "Benefit",
        "next_step": "Next step",
        "documents": "Documents",
        "office": "Office",
        "status": "Status",
        "caveat": "Note",
        "questions_section": "Open questions",
        "questions_lead": (
            "These questions are not answered yet. They are ordered by how many verdicts each "
            "answer can settle: answer the first ones first."
        ),
        "questions_none": "No open questions: every measure has a verdict.",
        "question": "Question",
        "settles": "Settles",
        "awaiting": "Measures waiting for answers",
        "not_eligible_section": "Measures that do not apply",
        "not_eligible_lead": "At least one condition of each of these measures is not met.",
        "not_eligible_none": "No measure was ruled out.",
        "government_tasks": "Tasks of government bodies (nothing to apply for)",
        "reason": "Why not",
        "measure": "Measure",
        "title": "Title",
        "criteria_section": "Why the measures apply",
        "criteria_lead": (
            "Each condition, the company's answer, and the words of the notice it comes from "
            "(quoted from {policy} in the original Chinese)."
        ),
        "condition": "Condition",
        "your_value": "Company",
        "result": "Result",
        "citation": "The notice says",
        "change": "Change that would make it apply",
        "what_would_apply_section": "What would make a measure apply",
        "what_would_apply_lead": (
            "These measures do not apply now; the changes listed could make them apply."
        ),
        "what_would_apply_none": "No measure was found that one change would make apply.",
        "answers_section": "The company's answers",
        "answers_lead": (
            "This report rests on these answers. A question not listed is not yet answered; it is "
            "never read as no or none."
        ),
        "caveats_section": "Status notes and disclaimer",
        "caveat_pending": "Measures awaiting national approval",
        "caveat_pilot": "Exploratory or pilot measures",
        "caveat_deadline": "Deadline",
        "disclaimer": "Disclaimer",
        "unknown": "not answered",
        "met": "met",
        "not_met": "not met",
        "page": "page",
    },
}

VERDICT_LABELS: Final[dict[str, dict[str, str]]] = {
    "zh": {
        "eligible": "适用",
        "needs_info": "待补充信息",
        "not_eligible": "不适用",
        "not_applicable": "政府工作任务",
    },
    "en": {
        "eligible": "Applies",
        "needs_info": "Needs information",
        "not_eligible": "Does not apply",
        "not_applicable": "Government task",
    },
}

STATUS_LABELS: Final[dict[str, dict[str, str]]] = {
    "zh": {
        "in_force": "已施行",
        "pending_national_approval": "待国家批准",
        "pilot": "探索/试点",
        "government_task": "政府工作任务",
    },
    "en": {
        "in_force": "In force",
        "pending_national_approval": "Awaiting national approval",
        "pilot": "Pilot",
        "government_task": "Government task",
    },
}

VERDICT_COLOURS: Final[dict[str, str]] = {
    "eligible": "#2e7d4f",
    "needs_info": "#d08a12",
    "not_eligible": "#9a9a9a",
    "not_applicable": "#c9c9c9",
}


def measure_ref(number: int, lang: str) -> str:
    """How the report names a measure: 第2条 / No. 2."""
    return f"第{number}条" if lang == "zh" else f"No. {number}"
