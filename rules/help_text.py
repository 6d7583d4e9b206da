"""Plain-words help for the profile's questions and tags, in Chinese and English.

``FIELD_HELP`` explains each profile key of CONTRACT.md (what it means, where the owner finds the
answer, what a term of art means); ``TAG_HELP`` says in one line what ticking a sector or activity
tag means. Pure data: no Qt, so the command line and reports may use it too.

Facts come from /work/shared/domain/FACTS.md and the notice (鄂政办发〔2021〕7号); what that file
marks UNVERIFIED (e.g. the 2021 conditions for an encouraged software enterprise) is not stated.
"""

from __future__ import annotations

from typing import Final

Help = dict[str, tuple[str, str]]

FIELD_HELP: Final[Help] = {
    "name": (
        "企业全称，与营业执照上的“名称”一致。",
        "The company's full registered name, as shown under 'Name' on the business licence.",
    ),
    "credit_code": (
        "统一社会信用代码是印在营业执照上的18位代码，由数字和大写英文字母组成，最后一位是校验位。"
        "填写后系统会核对校验位，帮您发现抄错的字符。",
        "The unified social credit code is the 18-character code printed on the business licence "
        "(digits and capital letters; the last one is a check character). The app verifies the "
        "check character to catch typing mistakes.",
    ),
    "zone": (
        "企业注册并实际经营所在的区域。湖北自贸试验区只包括武汉、襄阳、宜昌三个片区"
        "（武汉片区位于东湖高新区内，但不是整个高新区），协同区、联动创新区和其他开发区不在自贸试验区内。"
        "请用营业执照上的住所对照片区范围，拿不准可向所在片区管理机构确认。",
        "Where the company is registered and actually operates. The Hubei FTZ consists only of the "
        "Wuhan, Xiangyang and Yichang areas (the Wuhan area lies within, but is not all of, "
        "the East Lake High-tech Zone); linkage or coordination zones and other development "
        "zones are outside it. Compare the address on the business licence with the area's "
        "boundaries and ask the area's administration if unsure.",
    ),
    "city": (
        "企业注册地所在的市（州），见营业执照上的住所。",
        "The prefecture-level city where the company is registered; see the address on the "
        "business licence.",
    ),
    "industry_code": (
        "企业主营业务所属的国民经济行业分类代码（GB/T 4754-2017，注意与2011版编号不同），"
        "如C3976（光电子器件制造）、I6520（集成电路设计）。"
        "通常可在电子税务局的纳税人信息或统计登记资料中查到；只知道门类时填字母即可，如C（制造业）。",
        "The GB/T 4754-2017 industry code of the company's main business (the 2011 edition numbers "
        "differ), e.g. C3976 (optoelectronic devices) or I6520 (IC design). It is usually shown in "
        "the taxpayer information of the e-tax bureau or in statistical registration records; if "
        "you only know the section, enter its letter, e.g. C (manufacturing).",
    ),
    "sectors": (
        "勾选企业实际从事的重点产业领域，可多选；一项都不涉及也是有效回答。"
        "不少措施只面向特定领域，例如第2条企业所得税15%优惠面向光电子信息、人工智能、生物医药、"
        "新能源汽车和智能网联汽车等关键领域。",
        "Tick every key industry field the company actually works in; ticking none is a valid "
        "answer too. Several measures target particular fields: measure 2's 15% income tax, for "
        "instance, covers key fields such as optoelectronics, AI, biomedicine, new-energy vehicles "
        "and intelligent connected vehicles.",
    ),
    "activities": (
        "勾选企业正在开展或计划开展的业务，可多选；一项都不涉及也是有效回答。"
        "许多措施只对有相应业务的企业有意义，例如进口3C目录产品免办认证、跨境人民币结算便利。",
        "Tick everything the company does now or plans to do; ticking none is a valid answer too. "
        "Many measures only matter to companies with the matching business, such as the CCC "
        "exemption for certain imports or easier cross-border RMB settlement.",
    ),
    "core_link_rnd_production": (
        "通知第2条的企业所得税15%优惠面向“从事光电子信息、人工智能、生物医药、新能源汽车和智能网联汽车"
        "等关键领域核心环节生产研发的企业”。通常理解为企业自己生产或研发该领域产业链中的关键产品、"
        "部件或技术，而不只是销售、代理或提供一般配套服务。"
        "通知没有列出核心环节目录，请按主营产品和研发项目如实判断。",
        "Measure 2 (15% income tax) is for enterprises 'engaged in production or R&D of core links "
        "in key fields such as optoelectronic information, artificial intelligence, biomedicine, "
        "new-energy vehicles and intelligent connected vehicles'. In plain words: the company "
        "itself makes or develops key products, components or technologies of such a field, "
        "rather than only trading them or offering general support services. The notice gives "
        "no catalogue of core links, so judge by your main products and R&D projects.",
    ),
    "employees": (
        "企业的从业人员人数，即《中小企业划型标准规定》（工信部联企业〔2011〕300号）划分企业规模"
        "所用的人数。一般按上年末实际在职人数填写，可参考工资发放或社保缴纳名单。",
        "The number of people the company employs, the headcount the 2011 SME classification "
        "standard (MIIT and others) uses to size a company. Usually take the headcount at the end "
        "of last year, e.g. from the payroll or the social-insurance list.",
    ),
    "annual_revenue": (
        "上一年度的营业收入，单位万元（例如1200万元填1200），见上年财务报表利润表中的“营业收入”。"
        "它与从业人员、资产总额一起，按工信部联企业〔2011〕300号判断企业是否属于中小微企业。",
        "Last year's operating revenue in units of 10,000 CNY (12 million CNY is 1200), from the "
        "'operating revenue' line of last year's income statement. With headcount and total assets "
        "it decides, under the 2011 SME classification standard, whether the company is an SME.",
    ),
    "total_assets": (
        "资产总额，单位万元，见上年末资产负债表中的“资产总计”。"
        "按工信部联企业〔2011〕300号划型时，建筑业、租赁和商务服务业等行业要用到它；"
        "金融业企业按银发〔2015〕309号只看资产总额（信托公司本应看信托资产，本工具以资产总额代替）。",
        "Total assets in units of 10,000 CNY, from the 'total assets' line of last year-end's "
        "balance sheet. The 2011 SME classification standard uses it for construction, leasing "
        "and business services, among others; finance companies are sized by total assets alone "
        "(the 2015 finance-sector standard; a trust company by its trust assets, for which this "
        "tool uses its total "
        "assets).",
    ),
    "established": (
        "营业执照上的“成立日期”。部分措施要看企业成立了多久，例如高新技术企业要求注册成立一年以上。",
        "The date of establishment on the business licence. Some measures depend on how long the "
        "company has existed; a high-tech enterprise, for example, must have been registered for "
        "at least a year.",
    ),
    "first_profit_year": (
        "首个获利年度，指企业开始生产经营后，第一个应纳税所得额（弥补以前年度亏损后）大于零的纳税年度，"
        "可查历年企业所得税年度纳税申报表。集成电路和软件企业“两免三减半”、第2条的15%优惠都从这一年起算。"
        "尚未获利请选择“尚未获利”。",
        "The first tax year, after the company began operating, in which its taxable income (after "
        "offsetting earlier losses) was above zero; see your annual corporate income tax returns. "
        "The IC and software relief ('2 years exempt, 3 years halved') and measure 2's 15% rate "
        "both count from this year. If the company has made no profit yet, choose 'not yet "
        "profitable'.",
    ),
    "rd_expense_ratio": (
        "上一年度研发费用占销售（营业）收入的百分比，例如研发费用50万元、收入1000万元即填5。"
        "研发费用见利润表中的“研发费用”或企业所得税研发费用加计扣除申报资料。"
        "高新技术企业认定看近三年的比例，销售收入5000万元以下的要求不低于5%。",
        "Last year's R&D spending as a percentage of sales revenue: 0.5 million CNY of R&D on "
        "10 million CNY of revenue is 5. Take R&D spending from the income statement's 'R&D "
        "expenses' line or the R&D super-deduction part of your income tax filing. High-tech "
        "enterprise recognition looks at the last three years: at least 5% for sales up to "
        "50 million CNY.",
    ),
    "high_tech_enterprise": (
        "高新技术企业是按《高新技术企业认定管理办法》（国科发火〔2016〕32号）认定、"
        "取得高新技术企业证书的企业，证书有效期3年。证书仍在有效期内才选“是”，可看证书上的发证日期。",
        "A high-tech enterprise (HTE) holds a certificate issued under the 2016 High-tech "
        "Enterprise Recognition Measures; the certificate is valid for 3 years. Answer yes only if "
        "the certificate is still valid (check its date of issue).",
    ),
    "tech_sme": (
        "科技型中小企业是按《科技型中小企业评价办法》（国科发政〔2017〕115号）参加评价、"
        "进入国家科技型中小企业信息库并取得入库登记编号的企业。入库每年评价一次，本年度已入库才选“是”。",
        "A tech-based SME has been evaluated under the 2017 Tech-based SME Evaluation Measures and "
        "entered in the national tech-SME database with a registration number. The evaluation is "
        "repeated every year, so answer yes only if the company is registered for this year.",
    ),
    "specialized_sme": (
        "“专精特新”企业指专业化、精细化、特色化、新颖化的中小企业，由省经信厅或工业和信息化部认定"
        "（国家级称专精特新“小巨人”企业）。已列入省级或国家级专精特新企业名单时选“是”。",
        "A 'specialised, refined, distinctive and innovative' SME (zhuanjingtexin) is a small or "
        "medium enterprise recognised as such by the Hubei Department of Economy and Information "
        "Technology or by MIIT (national ones are called 'little giants'). Answer yes if the "
        "company is on a provincial or national list.",
    ),
    "ic_enterprise": (
        "集成电路企业指从事集成电路生产（制造）、设计、装备、材料、封装或测试的企业。"
        "能否享受国发〔2020〕8号的税收优惠，要看是否符合国家规定的条件，以发改、工信部门的要求为准。",
        "An integrated-circuit enterprise manufactures or designs chips, packages or tests them, "
        "or makes IC equipment or materials. Whether it gets the tax relief of the State "
        "Council's 2020 IC and software policy (Guofa [2020] No. 8) depends on national "
        "conditions set by the development-and-reform and industry departments.",
    ),
    "ic_role": (
        "国家的集成电路所得税优惠按企业类别分别规定：生产（制造）企业按生产线线宽分档（28、65、130纳米），"
        "设计、装备、材料、封装、测试企业自获利年度起“两免三减半”。既设计又制造的企业，选其申报优惠所依据的类别。",
        "The national IC income-tax rules differ by kind of enterprise: manufacturers (fabs) by "
        "line width (28, 65 or 130 nm), designers, equipment and materials makers, packagers and "
        "testers by 2 years exempt and 3 at half rate from the first profitable year. A company "
        "that both designs and makes chips picks the kind it claims the relief as.",
    ),
    "ic_line_width_nm": (
        "仅集成电路生产（制造）企业填写：生产线能达到的最小线宽，单位纳米（如28、65、130）。"
        "国发〔2020〕8号按28、65、130纳米分档给予企业所得税减免。",
        "For IC manufacturers only: the finest line width the production line achieves, in "
        "nanometres (e.g. 28, 65 or 130). The 2020 IC and software policy grants different "
        "income-tax relief at 28, 65 and 130 nm.",
    ),
    "software_enterprise": (
        "软件企业指以软件产品开发销售或软件服务为主营业务的企业。"
        "能否享受国发〔2020〕8号的软件企业所得税优惠，要看是否符合国家规定的条件，以发改、工信部门的要求为准。",
        "A software enterprise mainly develops and sells software products or provides software "
        "services. Whether it gets the software income-tax relief of the 2020 IC and software "
        "policy depends on national conditions set by the development-and-reform and industry "
        "departments.",
    ),
    "foreign_invested": (
        "外商投资企业指全部或部分由外国投资者投资、在中国境内登记设立的企业（港澳台投资参照适用）。"
        "营业执照“类型”一栏通常会注明，如“外商投资”“外国法人独资”。",
        "A company registered in China and wholly or partly owned by foreign investors (investment "
        "from Hong Kong, Macao and Taiwan is treated alike). The 'type' on the business licence "
        "usually says so, e.g. foreign-invested or wholly foreign-owned.",
    ),
    "medical_institution": (
        "本单位是医院、诊所等医疗机构，通常持有《医疗机构执业许可证》。"
        "药物临床试验、急需进口新药定点使用等措施面向医疗机构。",
        "The applicant is a hospital, clinic or other medical institution, usually holding a "
        "medical institution practising licence. Measures on clinical trials and the designated "
        "use of urgently needed new drugs from abroad are aimed at medical institutions.",
    ),
    "research_institution": (
        "本单位是高等学校或科研院所，而不是企业。科技成果权属改革、人才试验基地等措施面向这类单位。",
        "The applicant is a university or research institute rather than a company. Measures such "
        "as the reform of rights to research results and talent pilot bases are aimed at them.",
    ),
    "financial_institution": (
        "本单位是经金融监管部门批准、持牌经营金融业务的机构，如银行、证券公司、保险公司。"
        "科技金融创新、金融“监管沙盒”等措施面向这类机构。",
        "The applicant is licensed by the financial regulators to do financial business, such as a "
        "bank, securities firm or insurer. Measures such as tech-finance innovation and the "
        "financial 'regulatory sandbox' are aimed at them.",
    ),
    "key_field_in_catalogue": (
        "通知第2条列举光电子信息、人工智能、生物医药、新能源汽车和智能网联汽车后写有“等关键领域”，"
        "名单是开放的：集成电路、新一代信息技术、高端装备、新材料等相邻领域能否享受15%税率，"
        "以省里（省财政厅、省税务局、省经信厅）确定的领域目录为准。本条尚待国家批准，目录可能尚未公布；"
        "未向上述部门核实前请选“不知道”。",
        "Measure 2 names optoelectronics, AI, biomedicine, new-energy and intelligent connected "
        "vehicles and then says 'and other key fields': the list is open. Whether an adjacent "
        "field such as integrated circuits, new-generation IT, high-end equipment or new "
        "materials qualifies for the 15% rate is for the province's catalogue of fields (set by "
        "the finance and tax departments and the Department of Economy and Information "
        "Technology). The measure still awaits national approval, so the catalogue may not be "
        "published yet; answer 'don't know' until you have checked with those departments.",
    ),
    "in_east_lake": (
        "武汉东湖新技术开发区（东湖高新区、光谷）是国家自主创新示范区，自贸试验区武汉片区在其范围内。"
        "武汉经开区、临空港经开区等武汉的其他开发区不属于东湖高新区。以营业执照的注册地址为准。",
        "Wuhan East Lake High-tech Zone (Optics Valley) is a national demonstration zone for "
        "independent innovation; the FTZ Wuhan area lies inside it. Wuhan's other development "
        "zones (the Economic and Technological Development Zone, the Airport Economic Zone) are "
        "not part of it. The registered address on the business licence decides.",
    ),
    "key_enterprise": (
        "省或市政府发布的重点企业名单，如重点产业链“链主”企业、重点工业企业、重点服务业企业等。"
        "第53条对“重点企业”的高端紧缺人才给予奖励，具体名单和条件以省自贸办和所在市公布的为准；"
        "未核实前请选“不知道”。",
        "Lists of key enterprises published by the province or a city, such as lead companies of "
        "key industrial chains or key industrial or service enterprises. Measure 53 rewards "
        "scarce top talent of 'key enterprises'; the list and its conditions are those the "
        "provincial FTZ office and the city publish. Answer 'don't know' until you have checked.",
    ),
    "in_han_river_basin": (
        "汉江流域在湖北包括十堰、襄阳全境及荆门、随州、孝感、天门、潜江、仙桃、武汉的沿汉江地区，"
        "省外有陕西汉中、安康和河南南阳等地。襄阳片区的汉江流域中欧班列集运中心为这一地区的货物集结发运。",
        "The Han River basin covers all of Shiyan and Xiangyang and the lands along the Han in "
        "Jingmen, Suizhou, Xiaogan, Tianmen, Qianjiang, Xiantao and Wuhan; outside Hubei, "
        "Hanzhong and Ankang in Shaanxi and Nanyang in Henan among others. The China-Europe "
        "consolidation centre in the Xiangyang area gathers this region's goods for the trains.",
    ),
    "imports_via_yichang": (
        "宜昌的进境口岸包括三峡机场航空口岸和宜昌港水运口岸。药品进口口岸和进境水果、肉类、冰鲜水产品"
        "指定监管场地供经宜昌进口的企业使用，不限于注册在宜昌的企业。",
        "Yichang's ports of entry are Sanxia airport and the Yichang river port. The drug import "
        "port and the designated inspection sites for fruit, meat and chilled seafood serve any "
        "company importing through Yichang, not only companies registered there.",
    ),
}

SECTOR_HELP: Final[Help] = {
    "optoelectronics": (
        "研发或生产光通信、激光、显示、光电器件等产品",
        "Makes or develops optical communication, laser, display or optoelectronic products",
    ),
    "artificial_intelligence": (
        "研发或应用人工智能算法、机器视觉、智能制造等",
        "Develops or applies AI: algorithms, machine vision, intelligent manufacturing",
    ),
    "biomedicine": (
        "研发或生产药品、生物制品、疫苗等",
        "Develops or makes drugs, biological products or vaccines",
    ),
    "new_energy_vehicles": (
        "生产或研发新能源整车、动力电池、电机电控等",
        "Makes or develops new-energy vehicles or their batteries, motors and controls",
    ),
    "intelligent_connected_vehicles": (
        "研发自动驾驶、车联网、车载智能系统等",
        "Develops autonomous driving, vehicle networking or in-car intelligent systems",
    ),
    "new_generation_it": (
        "从事电子信息、通信、互联网等新一代信息技术",
        "Works in new-generation IT: electronics, communications, the internet",
    ),
    "integrated_circuits": (
        "芯片设计、制造、封装测试或相关装备、材料",
        "Designs, makes, packages or tests chips, or makes IC equipment or materials",
    ),
    "software": (
        "开发、销售软件产品或提供软件和信息技术服务",
        "Develops or sells software, or provides software and IT services",
    ),
    "big_data": (
        "从事数据采集、存储、分析、交易或数据服务",
        "Collects, stores, analyses or trades data, or offers data services",
    ),
    "cloud_computing": (
        "提供云服务器、云平台或云应用服务",
        "Provides cloud infrastructure, platforms or applications",
    ),
    "blockchain": (
        "研发或应用区块链技术、产品或服务",
        "Develops or applies blockchain technology, products or services",
    ),
    "high_end_equipment": (
        "制造数控机床、工程设备、通信设备等高端装备",
        "Makes high-end equipment such as CNC machine tools, engineering or telecom equipment",
    ),
    "new_energy": (
        "从事太阳能、风能、储能等新能源发电或设备",
        "Works in solar, wind, energy storage or other new-energy power or equipment",
    ),
    "new_materials": (
        "研发或生产先进金属、化工、复合材料等新材料",
        "Develops or makes advanced materials: metals, chemicals, composites",
    ),
    "hydrogen_energy": (
        "从事制氢、储运加注、氢燃料电池或氢能汽车",
        "Produces, stores or supplies hydrogen, or makes fuel cells or hydrogen vehicles",
    ),
    "power_battery_recycling": (
        "对退役动力电池梯次利用、回收或提供相关数据服务",
        "Reuses or recycles retired power batteries, or offers related data services",
    ),
    "smart_devices": (
        "生产或研发智能汽车、智能家居、智能终端或机器人",
        "Makes or develops smart cars, smart-home products, smart terminals or robots",
    ),
    "telecom": (
        "建设运营通信网络，或从事5G设备、5G应用",
        "Builds or runs telecom networks, or makes 5G equipment or applications",
    ),
    "medical_devices": (
        "研发、生产或经营医疗器械",
        "Develops, makes or sells medical devices",
    ),
    "medical_services": (
        "提供诊疗、健康服务或国际医疗服务",
        "Provides medical treatment, health services or international medical services",
    ),
    "online_education": (
        "提供在线教育平台、课程或教育信息化服务",
        "Provides online education platforms, courses or education IT services",
    ),
    "online_games": (
        "开发、运营或出版网络游戏",
        "Develops, runs or publishes online games",
    ),
    "cultural_tourism": (
        "提供文化、旅游产品或服务，含文旅贸易",
        "Provides culture or tourism products and services, including their trade",
    ),
    "shipping": (
        "从事水上运输、船舶、航运服务或航运交易",
        "Works in water transport, ships, shipping services or shipping exchanges",
    ),
    "logistics": (
        "提供货物运输、仓储、配送或供应链服务",
        "Provides freight transport, warehousing, delivery or supply-chain services",
    ),
    "aviation": (
        "从事航空运输、机场服务或航空器制造维修",
        "Works in air transport, airport services, or aircraft making and maintenance",
    ),
    "finance": (
        "从事银行、证券、保险等金融业务",
        "Works in banking, securities, insurance or other financial business",
    ),
    "fintech": (
        "用技术为金融机构或金融业务提供产品和服务",
        "Provides technology products or services for financial institutions or finance",
    ),
    "insurance": (
        "经金融监管部门批准经营保险业务的保险公司或其分支机构",
        "An insurer licensed to sell insurance, or its branch",
    ),
    "leasing": (
        "出租设备、无形资产等，从事租赁业务",
        "Leases out equipment, intangible assets or other goods",
    ),
    "testing_certification": (
        "提供检验、检测或认证服务",
        "Provides inspection, testing or certification services",
    ),
    "judicial_appraisal": (
        "经司法行政机关登记、从事司法鉴定业务的机构",
        "A body registered with the justice department to give forensic appraisals",
    ),
    "edible_fungi": (
        "种植、加工或交易食用菌等优势农产品",
        "Grows, processes or trades edible fungi or other farm produce",
    ),
    "service_outsourcing": (
        "承接境内外信息技术、业务流程等外包服务",
        "Does IT, business-process or other outsourced work for clients at home or abroad",
    ),
    "professional_services": (
        "提供法律、会计、设计、咨询、会展等专业服务",
        "Provides law, accounting, design, consulting, exhibition or other professional services",
    ),
}

ACTIVITY_HELP: Final[Help] = {
    "import_goods": ("从境外进口货物", "Imports goods from abroad"),
    "export_goods": ("向境外出口货物", "Exports goods abroad"),
    "processing_trade": (
        "进口原材料或零部件，加工装配后将成品出口",
        "Imports materials or parts, processes or assembles them, and exports the products",
    ),
    "cross_border_ecommerce": (
        "通过跨境电商平台向境外销售或从境外采购商品",
        "Sells to or buys from abroad through cross-border e-commerce platforms",
    ),
    "service_trade_export": (
        "向境外客户提供软件、设计、咨询等服务",
        "Provides services such as software, design or consulting to clients abroad",
    ),
    "cross_border_rmb_settlement": (
        "与境外交易时用人民币收付款",
        "Pays or is paid in RMB in dealings with parties abroad",
    ),
    "cross_border_data_transfer": (
        "需要把数据传到境外或从境外获取数据",
        "Needs to send data abroad or receive data from abroad",
    ),
    "overseas_investment": (
        "在境外设立公司、建厂或并购企业",
        "Invests abroad: sets up companies or plants, or acquires firms",
    ),
    "import_ccc_samples": (
        "进口3C目录产品用作科研、测试或认证检测样品",
        "Imports CCC-listed products as samples for research, testing or certification",
    ),
    "import_ccc_production_equipment": (
        "进口3C目录设备或零部件，配套自己的生产线",
        "Imports CCC-listed equipment or parts for its own production line",
    ),
    "import_ccc_office_supplies": (
        "进口3C目录产品作为自用办公用品",
        "Imports CCC-listed products as its own office supplies",
    ),
    "remanufacturing_import": (
        "进口旧机床、发动机等设备或零部件进行再制造",
        "Imports used machine tools, engines or other equipment or parts to remanufacture them",
    ),
    "after_sales_repair": (
        "设备或备件出境、进境返厂维修",
        "Sends or receives equipment or spare parts across the border for repair",
    ),
    "import_special_biomedical_items": (
        "研发用微生物、人体组织、血液制品等特殊物品进出境",
        "Moves special items such as microbes, human tissue or blood products across the border",
    ),
    "import_live_animals": ("从境外进口活动物", "Imports live animals from abroad"),
    "import_fresh_food": (
        "从境外进口水果、肉类或冰鲜水产品",
        "Imports fruit, meat or chilled seafood from abroad",
    ),
    "import_drugs": ("从境外进口药品", "Imports medicines from abroad"),
    "clinical_trials": ("开展或承接药物临床试验", "Runs or hosts drug clinical trials"),
    "new_drug_development": ("研发新药（含原研药）", "Develops new (original) drugs"),
    "generic_drug_development": (
        "研发仿制药或开展仿制药一致性评价",
        "Develops generic drugs or runs generic-drug consistency evaluations",
    ),
    "medical_device_registration": (
        "申请或持有医疗器械注册证",
        "Applies for or holds medical device registrations",
    ),
    "ip_financing": (
        "用专利、商标等知识产权质押贷款或证券化",
        "Borrows against patents, trademarks or other IP, or securitises IP",
    ),
    "venture_financing": (
        "通过股权投资、天使投资或创投基金融资",
        "Raises equity, angel or venture capital",
    ),
    "foreign_debt_financing": ("向境外借款（借用外债）", "Borrows from lenders abroad"),
    "leasing_business": (
        "作为出租方开展融资租赁业务",
        "Runs a financial leasing business as lessor",
    ),
    "factoring": ("开展商业保理业务", "Runs a commercial factoring business"),
    "financing_guarantee": ("开展融资担保业务", "Runs a financing guarantee business"),
    "green_finance": (
        "使用或提供绿色信贷、绿色债券等绿色金融",
        "Uses or offers green loans, green bonds or other green finance",
    ),
    "environmental_rights_trading": (
        "买卖用能权、排污权或水权",
        "Buys or sells energy-use, emission or water rights",
    ),
    "power_market_trading": (
        "通过电力市场化交易购买电力",
        "Buys electricity through market trading",
    ),
    "industrial_land": (
        "需要取得或租用工业用地",
        "Needs to acquire or rent industrial land",
    ),
    "patent_application": ("申请或计划申请专利", "Files or plans to file patent applications"),
    "tech_transfer": (
        "与高校、科研机构合作研发或转化科技成果",
        "Works with universities or institutes on R&D or putting research results to use",
    ),
    "hires_foreign_professionals": (
        "聘用外籍或持境外职业资格的专业人才",
        "Hires foreign professionals or people holding professional qualifications from abroad",
    ),
    "hires_high_level_talent": (
        "引进高层次人才或高端紧缺人才",
        "Recruits high-level or scarce top talent",
    ),
    "foreign_scientist_projects": (
        "外籍科学家牵头（或拟牵头）承担政府资助的科技项目",
        "A foreign scientist of its leads, or would lead, a government-funded research project",
    ),
    "postdoc_station": (
        "设有或拟申报博士后科研工作站、创新实践基地",
        "Has or plans a postdoctoral research station or innovation practice base",
    ),
    "investment_promotion_intermediary": (
        "作为中介机构为当地引进投资项目",
        "Acts as an intermediary bringing investment projects to the area",
    ),
    "rail_freight": (
        "用铁路或中欧班列运输货物",
        "Ships goods by rail or on China-Europe freight trains",
    ),
    "air_cargo": ("用航空货运运输货物", "Ships goods by air cargo"),
    "multimodal_transport": (
        "用铁水、公铁等多式联运运输货物",
        "Ships goods by multimodal transport such as rail-water or road-rail",
    ),
    "rcep_market_trade": (
        "与日本、韩国、澳大利亚、新西兰或东盟开展贸易",
        "Trades with Japan, Korea, Australia, New Zealand or ASEAN countries",
    ),
    "c2m_customization": (
        "按消费者需求反向定制生产（C2M）",
        "Makes products to order from consumer demand (C2M)",
    ),
    "standards_setting": (
        "参与制定行业或国家标准",
        "Takes part in drafting industry or national standards",
    ),
}

TAG_HELP: Final[Help] = {**SECTOR_HELP, **ACTIVITY_HELP}


def _pick(pair: tuple[str, str] | None, lang: str) -> str:
    if pair is None:
        return ""
    return pair[1] if lang == "en" else pair[0]


def field_help(key: str, lang: str) -> str:
    """The help for a profile key in English if ``lang`` is "en", else Chinese; "" if unknown."""
    return _pick(FIELD_HELP.get(key), lang)


def tag_help(tag: str, lang: str) -> str:
    """The one-line help for a sector or activity tag ("en" or Chinese); "" if unknown."""
    return _pick(TAG_HELP.get(tag), lang)
