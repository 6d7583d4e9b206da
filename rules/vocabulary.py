"""The fixed vocabularies of the profile (CONTRACT.md), each value with zh and en labels."""

from __future__ import annotations

from typing import Final

Labels = dict[str, tuple[str, str]]

ZONES: Final[Labels] = {
    "ftz_wuhan": ("自贸试验区武汉片区", "FTZ Wuhan area"),
    "ftz_xiangyang": ("自贸试验区襄阳片区", "FTZ Xiangyang area"),
    "ftz_yichang": ("自贸试验区宜昌片区", "FTZ Yichang area"),
    "ftz_linkage": ("自贸试验区协同区/联动创新区", "FTZ linkage or coordination zone"),
    "national_dev_zone": (
        "省内国家级经开区/高新区(自贸试验区外)",
        "National development or high-tech zone in Hubei (outside the FTZ)",
    ),
    "hubei_other": ("湖北省内其他地区", "Elsewhere in Hubei"),
    "outside_hubei": ("湖北省外", "Outside Hubei"),
}

FTZ_ZONES: Final = frozenset({"ftz_wuhan", "ftz_xiangyang", "ftz_yichang"})
OUTSIDE_HUBEI: Final = "outside_hubei"
# The city each FTZ area lies in (the linkage zones and development zones span several cities).
FTZ_AREA_CITY: Final = {
    "ftz_wuhan": "wuhan",
    "ftz_xiangyang": "xiangyang",
    "ftz_yichang": "yichang",
}

CITIES: Final[Labels] = {
    "wuhan": ("武汉市", "Wuhan"),
    "huangshi": ("黄石市", "Huangshi"),
    "shiyan": ("十堰市", "Shiyan"),
    "yichang": ("宜昌市", "Yichang"),
    "xiangyang": ("襄阳市", "Xiangyang"),
    "ezhou": ("鄂州市", "Ezhou"),
    "jingmen": ("荆门市", "Jingmen"),
    "xiaogan": ("孝感市", "Xiaogan"),
    "jingzhou": ("荆州市", "Jingzhou"),
    "huanggang": ("黄冈市", "Huanggang"),
    "xianning": ("咸宁市", "Xianning"),
    "suizhou": ("随州市", "Suizhou"),
    "enshi": ("恩施州", "Enshi"),
    "xiantao": ("仙桃市", "Xiantao"),
    "qianjiang": ("潜江市", "Qianjiang"),
    "tianmen": ("天门市", "Tianmen"),
    "shennongjia": ("神农架林区", "Shennongjia"),
    "other": ("其他", "Other"),
}

SECTORS: Final[Labels] = {
    "optoelectronics": ("光电子信息", "Optoelectronics"),
    "artificial_intelligence": ("人工智能", "Artificial intelligence"),
    "biomedicine": ("生物医药", "Biomedicine"),
    "new_energy_vehicles": ("新能源汽车", "New-energy vehicles"),
    "intelligent_connected_vehicles": ("智能网联汽车", "Intelligent connected vehicles"),
    "new_generation_it": ("新一代信息技术", "New-generation information technology"),
    "integrated_circuits": ("集成电路", "Integrated circuits"),
    "software": ("软件", "Software"),
    "big_data": ("大数据", "Big data"),
    "cloud_computing": ("云计算", "Cloud computing"),
    "blockchain": ("区块链", "Blockchain"),
    "high_end_equipment": ("高端装备制造", "High-end equipment manufacturing"),
    "new_energy": ("新能源", "New energy"),
    "new_materials": ("新材料", "New materials"),
    "hydrogen_energy": ("氢能源", "Hydrogen energy"),
    "power_battery_recycling": ("动力电池梯次利用", "Power-battery second-life use"),
    "smart_devices": ("智能汽车/家居/终端/机器人", "Smart cars, homes, terminals and robots"),
    "telecom": ("通信网络/5G", "Telecom networks and 5G"),
    "medical_devices": ("医疗器械", "Medical devices"),
    "medical_services": ("医疗服务", "Medical services"),
    "online_education": ("互联网+教育", "Online education"),
    "online_games": ("网络游戏", "Online games"),
    "cultural_tourism": ("文旅", "Culture and tourism"),
    "shipping": ("航运", "Shipping"),
    "logistics": ("物流", "Logistics"),
    "aviation": ("航空", "Aviation"),
    "finance": ("金融", "Finance"),
    "fintech": ("金融科技", "Fintech"),
    "insurance": ("保险", "Insurance"),
    "leasing": ("租赁", "Leasing"),
    "testing_certification": ("检验检测", "Testing and certification"),
    "judicial_appraisal": ("司法鉴定", "Forensic appraisal"),
    "edible_fungi": ("食用菌等农产品", "Edible fungi and farm produce"),
    "service_outsourcing": ("服务外包", "Service outsourcing"),
    "professional_services": (
        "法律/会计/设计/咨询/会展等专业服务",
        "Professional services (law, accounting, design, consulting, exhibitions)",
    ),
}

ACTIVITIES: Final[Labels] = {
    "import_goods": ("进口货物", "Imports goods"),
    "export_goods": ("出口货物", "Exports goods"),
    "processing_trade": ("加工贸易", "Processing trade"),
    "cross_border_ecommerce": ("跨境电商", "Cross-border e-commerce"),
    "service_trade_export": ("服务贸易出口", "Exports services"),
    "cross_border_rmb_settlement": ("跨境人民币结算", "Cross-border RMB settlement"),
    "cross_border_data_transfer": ("数据跨境流动", "Cross-border data transfer"),
    "overseas_investment": ("境外投资(走出去)", "Overseas investment"),
    "import_ccc_samples": (
        "进口3C目录产品作科研/测试/认证样品",
        "Imports CCC-listed products as research, test or certification samples",
    ),
    "import_ccc_production_equipment": (
        "进口3C目录设备、零部件配套生产线",
        "Imports CCC-listed equipment or parts for a production line",
    ),
    "import_ccc_office_supplies": ("进口3C目录办公用品", "Imports CCC-listed office supplies"),
    "remanufacturing_import": ("进口再制造", "Imports goods for remanufacturing"),
    "after_sales_repair": ("售后维修进出口", "Imports or exports for after-sales repair"),
    "import_special_biomedical_items": (
        "生物医药特殊物品出入境",
        "Moves special biomedical items across the border",
    ),
    "import_live_animals": ("活动物进境", "Imports live animals"),
    "import_fresh_food": ("进境水果/肉类/冰鲜水产品", "Imports fruit, meat or chilled seafood"),
    "import_drugs": ("药品进口", "Imports drugs"),
    "clinical_trials": ("药物临床试验", "Runs drug clinical trials"),
    "new_drug_development": ("新药研发", "Develops new drugs"),
    "generic_drug_development": (
        "仿制药研发/一致性评价",
        "Develops generic drugs or runs consistency evaluations",
    ),
    "medical_device_registration": ("医疗器械注册", "Registers medical devices"),
    "ip_financing": ("知识产权质押融资/证券化", "IP-backed financing or securitisation"),
    "venture_financing": ("股权/创投融资", "Equity or venture financing"),
    "foreign_debt_financing": ("借用外债", "Borrows from abroad"),
    "leasing_business": ("融资租赁业务", "Financial leasing business"),
    "factoring": ("商业保理", "Commercial factoring"),
    "financing_guarantee": ("融资担保", "Financing guarantees"),
    "green_finance": ("绿色金融", "Green finance"),
    "environmental_rights_trading": (
        "用能权/排污权/水权交易",
        "Trades energy-use, emission or water rights",
    ),
    "power_market_trading": ("电力市场化交易", "Buys power on the market"),
    "industrial_land": ("取得工业用地", "Acquires industrial land"),
    "patent_application": ("专利申请", "Files patents"),
    "tech_transfer": ("技术转移/产学研合作", "Technology transfer or research partnerships"),
    "hires_foreign_professionals": ("聘用境外专业人才", "Hires professionals from abroad"),
    "hires_high_level_talent": ("引进高层次人才", "Recruits high-level talent"),
    "foreign_scientist_projects": (
        "外籍科学家领衔承担政府支持的科技项目",
        "A foreign scientist leads (or would lead) a government-funded research project for it",
    ),
    "postdoc_station": ("博士后科研工作站", "Postdoctoral research station"),
    "investment_promotion_intermediary": (
        "招商引资中介服务",
        "Intermediary in investment promotion",
    ),
    "rail_freight": ("铁路货运/中欧班列", "Rail freight or China-Europe trains"),
    "air_cargo": ("航空货运", "Air cargo"),
    "multimodal_transport": ("多式联运", "Multimodal transport"),
    "rcep_market_trade": (
        "开拓日韩澳新东盟市场",
        "Trades with Japan, Korea, Australia, New Zealand or ASEAN",
    ),
    "c2m_customization": ("反向定制(C2M)", "Consumer-to-manufacturer (C2M) production"),
    "standards_setting": ("参与行业标准制定", "Takes part in setting industry standards"),
}

# The IC enterprise's role, as the national income-tax rules tell them apart (国发〔2020〕8号;
# 财政部 税务总局 发展改革委 工业和信息化部公告2020年第45号): manufacturers by line width, the
# rest of the chain by the profit-year windows.
IC_ROLES: Final[Labels] = {
    "manufacturing": ("集成电路生产(制造)", "Manufacturing (a fab)"),
    "design": ("集成电路设计", "Design"),
    "equipment": ("集成电路装备", "Equipment"),
    "materials": ("集成电路材料", "Materials"),
    "packaging_testing": ("集成电路封装、测试", "Packaging and testing"),
}

SME_CLASSES: Final[Labels] = {
    "micro": ("微型企业", "micro enterprise"),
    "small": ("小型企业", "small enterprise"),
    "medium": ("中型企业", "medium enterprise"),
    "large": ("大型企业", "large enterprise"),
}


def label(labels: Labels, value: str, lang: str) -> str:
    """The label of a vocabulary value in the language asked for; the value itself if unlabelled."""
    pair = labels.get(value)
    if pair is None:
        return value
    return pair[0] if lang == "zh" else pair[1]
