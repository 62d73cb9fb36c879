"""Every rule the checker applies: a stable code, its level, a one-line Chinese title, what it
checks and where the requirement comes from.

The catalogue is the single list of codes: a finding can only be emitted with a code listed
here (``Context.emit`` refuses others), and ``docs/rules.md`` is generated from it
(``disclosure rules --format markdown``)."""

from __future__ import annotations

from dataclasses import dataclass

ERROR = "error"
WARNING = "warning"
INFO = "info"
LEVELS = (ERROR, WARNING, INFO)
LEVEL_NAMES = {ERROR: "错误", WARNING: "警告", INFO: "提示"}

# Where requirements come from.
_F2021 = "国办公开办函〔2021〕30号《中华人民共和国政府信息公开工作年度报告格式》"
_F2019 = "国办公开办函〔2019〕60号《中华人民共和国政府信息公开工作年度报告格式（试行）》"
_FORMATS = f"{_F2019}；{_F2021}"
_T3_NOTE = "表三表头：“本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和”"
_ART49 = "《中华人民共和国政府信息公开条例》第四十九条"
_ART50 = "《中华人民共和国政府信息公开条例》第五十条"
_PRACTICE = "审查实践（政务公开办、第三方评估常见扣分项）"


@dataclass(frozen=True)
class Rule:
    """A rule of the catalogue: stable code, level, title, description and basis."""

    code: str
    level: str
    title: str
    description: str
    basis: str
    family: str

    def to_json(self) -> dict:
        return {
            "code": self.code,
            "level": self.level,
            "title": self.title,
            "description": self.description,
            "basis": self.basis,
            "family": self.family,
        }


# Families, in the order the reference lists them.
FAMILIES = {
    "arithmetic": "表内勾稽关系",
    "values": "单元格取值",
    "structure": "格式版本与结构",
    "text": "正文与表格",
    "previous": "跨年度核对（--previous）",
    "dates": "公开时限",
    "published": "发布后的版本（审核记录）",
}

_RULES = (
    # --- arithmetic (one code per relation kind of formats.py: "sum-" + kind) ---------------
    Rule(
        "sum-balance",
        ERROR,
        "表三每列：新收 + 上年结转 ≠ 办理结果总计 + 结转下年度",
        "表三每一列（六类申请人及总计），“一、本年新收”加“二、上年结转”之和应等于"
        "“（七）总计”加“四、结转下年度继续办理”之和。列出参与计算的全部单元格及差额。"
        "其中某个合计单元格本身已被报告为错误（空白或填错，与其各项之和不符），而按各项之和计算时本关系成立的，"
        "是那个错误的连带，不再报告（表三、表四各条求和规则同此）。",
        f"{_T3_NOTE}（{_FORMATS}）",
        "arithmetic",
    ),
    Rule(
        "sum-results-total",
        ERROR,
        "表三每列：（七）总计 ≠ 各项办理结果之和",
        "表三每一列，“（七）总计”应等于全部办理结果数据行之和（予以公开、部分公开、不予公开 1–8、"
        "无法提供 1–3、不予处理 1–5、其他处理；2021 版其他处理为 1–3 三行）。",
        _FORMATS,
        "arithmetic",
    ),
    Rule(
        "sum-row-total",
        ERROR,
        "表三每行：总计 ≠ 六类申请人之和",
        "表三每一数据行，“总计”列应等于自然人与五类法人或其他组织之和。",
        _FORMATS,
        "arithmetic",
    ),
    Rule(
        "sum-t4-total",
        ERROR,
        "表四每组：总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结",
        "表四行政复议、未经复议直接起诉、复议后起诉三组，各自的“总计”应等于四种结果之和。",
        _FORMATS,
        "arithmetic",
    ),
    Rule(
        "formula-cached-mismatch",
        ERROR,
        "合计单元格的公式缓存值与重新计算的结果不一致",
        "合计单元格是公式，文件中保存的计算结果与按格式重新求和的结果不同"
        "（公式被改动或引用了错误的区域）。",
        _FORMATS,
        "arithmetic",
    ),
    Rule(
        "formula-not-cached",
        INFO,
        "公式没有保存计算结果，已重新计算",
        "工作簿中的合计公式没有缓存值（文件保存前未重新计算，例如由程序生成后未用表格软件打开保存）。"
        "检查时按格式重新求和，不作为错误。",
        _PRACTICE,
        "arithmetic",
    ),
    # --- cell values ------------------------------------------------------------------------
    Rule(
        "value-text",
        ERROR,
        "数量单元格中填了文字",
        "数量单元格只能填数字。填入“22（其中修订16件）”“十二”等文字时无法统计，"
        "显示原文；该单元格不参与勾稽核对。数字后面带的单位与该格不符时（件数格填“251000元”，"
        "万元格填“5000元”）也按文字报告；单位相符的（“2笔”“152.2万元”）按数字读取，只作 value-typing 提示。",
        _FORMATS,
        "values",
    ),
    Rule(
        "value-decimal",
        ERROR,
        "件数单元格中填了小数",
        "件数必须为整数；只有表二收费金额（万元）、采购总金额可以有小数。",
        _FORMATS,
        "values",
    ),
    Rule(
        "value-negative",
        ERROR,
        "件数单元格中填了负数",
        "件数不能为负；只有 2019 版表二“本年增/减”可以为负。",
        _FORMATS,
        "values",
    ),
    Rule(
        "value-na",
        WARNING,
        "单元格填了“/”“-”“不适用”等标记",
        "格式要求此处填数字（没有则填 0）。不适用标记按 0 计算，请改为数字。",
        _FORMATS,
        "values",
    ),
    Rule(
        "value-blank",
        WARNING,
        "单元格空白",
        "空白不等于 0：公开的报告中常见整列或个别单元格空白。每个空白单元格单独报告，"
        "求和时按 0 计算并在消息中注明。",
        _PRACTICE,
        "values",
    ),
    Rule(
        "value-typing",
        INFO,
        "数字的填写方式不规范（全角、空格、文本格式、12.0、千位分隔符、带单位）",
        "单元格的内容能读成数字，但填写方式不规范：全角数字“１２”、前后空格、以文本形式保存的数字、"
        "“12.0”、“1,234”，或数字后带有与该格相符的单位（件数格的“2件”“2笔”“3项”，万元格的“12.5万元”，"
        "未规定单位的 2019 版采购总金额的“832995元”“152.2万元”）。意思明确，已按数字读取，仅作提示。",
        _PRACTICE,
        "values",
    ),
    Rule(
        "formula-text-not-cached",
        WARNING,
        "单位信息或正文中的公式没有保存计算结果",
        "单位信息、正文中的单元格是公式（例如 =A1&\"……\"），而文件中没有保存它的计算结果"
        "（由程序生成或修改后未用表格软件打开保存）。程序不计算公式：有保存的结果时按结果读取，"
        "没有时按空白读取并报告该单元格。请在 Excel/WPS 中打开并保存，或直接填写文字。",
        _PRACTICE,
        "values",
    ),
    # --- format and structure -----------------------------------------------------------------
    Rule(
        "format-year-mismatch",
        ERROR,
        "格式版本与报告年度不符",
        "2019、2020 年度报告使用 2019 版格式；2021 年度及以后使用 2021 版格式。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "format-mixed-version",
        ERROR,
        "报告中混有另一版本格式的行、列或标签",
        "例如 2021 版报告中“（六）其他处理”仍作为一行填报（缺少 1–3 三个子行）、表二使用“规范性文件”"
        "而非“行政规范性文件”、表二使用 2019 版的列（本年新制作数量等）。一行只报告一次；"
        "旧版一行代替了本版的几个子行时，子行的空白和按旧行数字计算即成立的求和关系不再另行报告。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "label-missing",
        ERROR,
        "缺少格式规定的标签、行或列",
        "工作簿中找不到格式规定的行标签、列标签或表头；不得删减格式规定的行列。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "label-altered",
        ERROR,
        "格式规定的标签被改动",
        "标签应与格式逐字一致（全角半角标点、空格、换行不计）。例如“2.其他法律行政止公开”。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "published-label-drift",
        WARNING,
        "已发布报告的表格标签与格式不一致",
        "导入的网页、Word 或 PDF 中，表格的行、列标签与格式规定的文字不同（如“现行有效件数（历史累计）”），"
        "按相似度对应后数据照常读取。是警告而非错误：报告已经发布，且网页转存、排版可能增删字符，"
        "不能确定是填报单位改动了标签；请对照原文核实。用了另一版本格式的标签（如 2021 版报告中的"
        "“规范性文件”）仍按“报告中混有另一版本格式”报错。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "published-heading-drift",
        WARNING,
        "已发布报告的部分标题与格式不一致",
        "导入的报告中，正文部分标题的措辞与格式不同（如“五、存在的主要问题及整改措施”），对应到格式的部分后正文照常读取："
        "先按序号和相近的措辞；仍找不到的部分，再按措辞（“六、存在的主要问题及改进措施”是第五部分，"
        "写“信息处理费”的标题是第六部分）或所在位置（第二部分之前唯一的“一、……”是第一部分）。"
        "是警告而非错误：部分已能确定，措辞差异需要人工判断。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "published-section-order",
        WARNING,
        "已发布报告各部分的顺序与格式不一致（部分标题经推断对应）",
        "导入的报告中，各部分的顺序与格式不同，且其中有部分标题的措辞与格式不同、是按措辞或位置推断对应的"
        "（如先写“五、信息处理费收取情况”、再写“六、存在的主要问题及改进措施”）。是警告而非错误：顺序结论"
        "依赖对标题的推断；标题与格式完全一致时仍按“各部分的顺序与格式不一致”报错。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "section-missing",
        ERROR,
        "缺少格式规定的部分标题",
        "报告应依次包含“一、总体情况”至“六、其他需要报告的事项”六个部分。",
        f"{_ART50}；{_FORMATS}",
        "structure",
    ),
    Rule(
        "section-order",
        ERROR,
        "各部分的顺序与格式不一致",
        "六个部分应按“一、总体情况”至“六、其他需要报告的事项”的顺序排列。",
        f"{_ART50}；{_FORMATS}",
        "structure",
    ),
    Rule(
        "table-missing",
        ERROR,
        "缺少格式规定的表格",
        "表二、表三、表四都应按统一格式填报，不得删除。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "unknown-cell",
        ERROR,
        "出现格式中没有的行或列",
        "报告数据中有本格式版本没有的单元格（增加了行或列）。不得增加格式规定之外的行列。",
        _FORMATS,
        "structure",
    ),
    Rule(
        "structure-other",
        WARNING,
        "读取时发现的其他结构问题",
        "读取工作簿时发现、未归入上述规则的结构问题，消息中给出原因，请人工核对。",
        _PRACTICE,
        "structure",
    ),
    Rule(
        "org-missing",
        ERROR,
        "未填写机关名称",
        "报告应写明发布报告的行政机关名称（用于标题：{机关名称}{年度}年政府信息公开工作年度报告）。",
        _ART49,
        "structure",
    ),
    Rule(
        "year-missing",
        ERROR,
        "未填写或无法识别报告年度",
        "报告年度应为四位数年份，例如 2024。",
        _ART49,
        "structure",
    ),
    Rule(
        "year-future",
        WARNING,
        "报告年度晚于今年",
        "年度报告报告的是已经开始的年度（当年的报告可以在年底前起草）；晚于今年的年度多半是填错了。",
        _ART49,
        "structure",
    ),
    Rule(
        "title-year-mismatch",
        ERROR,
        "标题中的年度与报告年度不符",
        "自定义标题中出现的年份应为报告年度。",
        _PRACTICE,
        "structure",
    ),
    Rule(
        "title-form",
        WARNING,
        "报告标题不是“机关名称+年度+政府信息公开工作年度报告”的形式",
        "填写了报告标题时，应为“{机关名称}{年度}年政府信息公开工作年度报告”：少了“工作”二字"
        "（“政府信息公开年度报告”）、没有写报告年度、没有写本机关名称（或写了另一个机关）时报告。"
        "标题中年份写错另由 title-year-mismatch 报告。级别：警告（标题写法可由本地通知另行规定）。",
        f"{_ART49}；{_PRACTICE}",
        "structure",
    ),
    Rule(
        "label-drift",
        WARNING,
        "部分标题与格式只差“和/及”“的”或“政府信息公开工作”前缀",
        "部分标题与格式规定的写法只差连接词（和/及/与）、“的”字，或省略/多出“政府信息公开工作”等前缀"
        "（如“五、存在的主要问题及改进情况”写成“五、存在主要问题和改进情况”）：意思相同，属于写法漂移，"
        "报告为警告；其他改动仍为 label-altered 错误。",
        _FORMATS,
        "structure",
    ),
    # --- text against tables --------------------------------------------------------------------
    Rule(
        "section-empty",
        WARNING,
        "第一、五、六部分正文为空",
        "“一、总体情况”“五、存在的主要问题及改进情况”“六、其他需要报告的事项”应有正文；"
        "没有需要报告的事项时也应写明“无”。",
        f"{_ART50}；{_F2021}",
        "text",
    ),
    Rule(
        "fee-not-reported",
        WARNING,
        "第六部分没有说明信息处理费收取情况",
        "2021 版格式要求在第六部分报告依据《政府信息公开信息处理费管理办法》收取信息处理费的情况，"
        "未收取也应写明。说到处理费、收费或费用的任何写法都算已说明（“未收取信息处理费”“未发生收费情况”"
        "“没有收取任何费用”“收费0元”）；只有第六部分完全没有提到费用才报告。",
        _F2021,
        "text",
    ),
    Rule(
        "text-year-other",
        WARNING,
        "第一至四部分出现报告年度以外的年份",
        "总体情况和表格说明应讲报告年度的情况；把其他年份当作本报告期间来写（2024 年度报告写“2023年，我局共收到……”"
        "“主要类别2023年，在主动公开的61条……”）常是沿用上年文本。不报告的写法：与上年比较（较/比/同比/与2023年）、"
        "截至/自/于某年、某年以来、年底/年末、日期（2023年12月5日、2023年3月，多为所引文件或事件的日期）、"
        "年份区间（2021-2035年、2021年至2025年）、书名号和文号中的年份、上一年度的决算和本年/下一年度的预算"
        "（“公开了2024年政府预算、2023年政府决算”）、结转至下一年度（“结转至2025年”）。"
        "第五部分出现下一年度（工作计划）属正常。级别：警告（年份是否指本报告期间只能由人判断）。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "text-number-mismatch",
        ERROR,
        "正文引用的数字与表格不符",
        "正文中含义明确的数字与对应单元格不一致。级别政策：只有数字所指的类别唯一、明确是本报告年度时才报错误；"
        "统计口径可能有两种读法时报警告（text-number-unsure）；看不出所指类别的数字不比较。"
        "能识别的写法：收到/受理/接收/新收……申请N件或N条（新收，或新收+上年结转）；上年结转N件；结转下年度/结转至下一年度N件、"
        "N件结转至下年度；办结/答复/办理完毕N件（办理结果总计）；各办理结果类别及其常见说法——予以公开（同意公开、"
        "公开答复、全部公开；“依申请公开答复”也可能指全部答复，与两者都不符时只报警告）、部分公开（部分公开答复）、"
        "不予公开（不予公开答复、不公开）、无法提供、不予处理、其他处理，可用“和/及/与/、”并列（“予以公开及部分公开N件”）；"
        "行政复议N件/起/宗、行政诉讼N件、行政复议和行政诉讼N件、其后的“结果维持/结果纠正/其他结果/尚未审结N件”；"
        "表二的文件数：制发/制定/印发/出台（行政）规范性文件或规章N件/份（本年制发，2019 版为本年新制作数量）、"
        "废止……N件（本年废止）；提到其他年份或“历年、累计、以来”的句子不比较，“500余份”之类约数不比较。"
        "合计单元格空白或填错时，数字与各分项之和相符也不报告（合计本身的错误由勾稽规则报告）；"
        "只有与合计、与分项之和都不相符才报告。引用句子并列出单元格。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "text-generated-outdated",
        ERROR,
        "按表格生成的标准句子与现在的表格不符（表格改动后未重新生成）",
        "正文中有一句与 disclosure 按表三生成的标准句子（new --data --sentences、rollup 写入的“本机关共新收政府信息公开申请X件，"
        "上年结转Y件；办结Z件，其中予以公开A件……；结转下年度继续办理W件。”和“本年新收申请中，自然人提出X件，"
        "法人或其他组织提出Y件。”）字字相同、只有数字不同：多半是生成后又改了表格。这句话的每个数字指哪些单元格是确定的，"
        "所以不符是错误；一条问题列出所有不符的数字，提示重新生成或按表格改正（这句中的数字不再由“正文引用的数字”规则"
        "重复报告）。开头的范围写的是别的地区（如市级部门的报告中写“全省各级行政机关”）时不当作生成的句子，"
        "由“正文引用的数字”规则按通常的写法核对。与现在的表格完全一致的生成句子不作任何报告。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "text-number-unsure",
        WARNING,
        "正文引用的数字可能与表格不符",
        "句子含义可能有两种读法（统计口径为全市/全县/各部门、百分比“予以公开占N%”、“结转N件”未说方向、"
        "“依申请公开答复N件”、“发布规范性文件N件”（可能指上网发布）、“现行有效（的）规范性文件N件”"
        "“现行有效件数N件”（可能是整个规范性文件库的件数）），数字与每一种读法的表格数都对不上，请人工核对。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "text-contradicts-table",
        ERROR,
        "正文表述与表格矛盾",
        "能识别的写法：“没有/未/无收到……申请”“未收到依申请公开”“本年度无政府信息公开申请”而表三新收大于 0"
        "（“未收到该申请人提交的补正”等说补正、材料、答复、缴费的句子不算，含复议、诉讼的句子也不算）；"
        "“均已办结”“所有申请均已按时办理完成”“全部在法定期限内办理完毕/答复完毕”而结转下年度大于 0（说上年结转的不算）；"
        "“均获维持”“结果均为维持”“全部被维持”而表四（句中或其前最近提到的行政复议/诉讼）有结果纠正或尚未审结；"
        "“未发布规范性文件”而表二本年制发件数大于 0；“没有/未发生……行政复议、诉讼”“无复议案件”而表四总计大于 0"
        "（“未被纠错”等说结果的不算）；“没有不予公开……”而该类别大于 0。合计空白或填错时按各项之和计。"
        "级别：错误（句意唯一）。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "text-numbering",
        WARNING,
        "正文小标题编号不连续或层级不对",
        "各部分正文中的小标题应为（一）（二）（三）……依次编号：编号跳过、重复或中途重新从（一）开始时报告；"
        "“一、总体情况”等部分之下的小标题写成“一、二、”（与六个部分的标题同级）时也报告。每部分只报告第一处。",
        f"{_FORMATS}；{_PRACTICE}",
        "text",
    ),
    Rule(
        "text-doubled-word",
        WARNING,
        "正文中词语重复（如“资金资金”）",
        "两到四个汉字的词紧接着重复一次（“资金资金”“政府信息政府信息”），多为编辑时的疏漏。"
        "单字只查“的的”（“统一的的网站界面”）：“的的确确”“有的的确”“目的的”“标的的”不算。"
        "叠字（“认认真真”“一一”）不算。全文合为一条，列出每一处。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "text-unpaired-bracket",
        WARNING,
        "正文中括号不成对",
        "同一段中只有右括号没有左括号（“《……的通知》国办函〔2020〕109号）规定”），或左括号没有闭合；"
        "圆括号、书名号、六角括号和方头括号各自成对（全角、半角圆括号可以互相配对）。只用右括号的列表编号"
        "（“1）”“a)”）不算。多为编辑时的疏漏；全文合为一条，列出每一处。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "text-parts-exceed-total",
        WARNING,
        "正文中“其中”所列各项之和大于总数",
        "正文写出一个总数再用“其中”列出它的各项（“共公布政府信息2602条（其中机构职能类82条，……其他1053条）”，"
        "或括号中“涵盖/包括/含”某一项的细项）：同一单位的各项相加大于总数，必有一个数字写错。各项相加小于总数不算"
        "（“其中”不必列全）；约数（约、近、余、多）不算；各项之后不再是“名称+数字+单位”的分句（“实现……的有45项”“同比增长”）"
        "不计入；能与表格核对的数字（“办结……件，其中予以公开……件”）由正文与表格的规则判断，这里不重复报告。"
        "只作警告：各项口径可能有交叉（同一信息在多个渠道发布）。全文合为一条，列出每一处。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "text-halfwidth-punctuation",
        INFO,
        "中文之间使用了半角标点",
        "两个汉字之间出现半角的 , ; : ? !（应为全角，，；：？！），或紧挨汉字的半角双引号 \"（应为“”）。"
        "全文合为一条提示，给出处数和段数。",
        _PRACTICE,
        "text",
    ),
    Rule(
        "section-thin",
        WARNING,
        "第五部分只有“无”或寥寥数字",
        "“五、存在的主要问题及改进情况”应具体写出存在的问题和改进措施；正文去掉标点后不足 6 个字"
        "（例如只写“无”）时报告（第三方评估常见扣分项）。完全没有正文时由 section-empty 报告。",
        f"{_ART50}；{_PRACTICE}",
        "text",
    ),
    Rule(
        "section-signature",
        INFO,
        "第六部分末尾重复了落款",
        "“六、其他需要报告的事项”的最后一两段是机关名称或日期（落款）：生成的文档统一排印落款，正文中不必重复。",
        _PRACTICE,
        "text",
    ),
    # --- across years -----------------------------------------------------------------------------
    Rule(
        "prev-carry-over",
        ERROR,
        "上年结转与上一年度报告的结转下年度不符",
        "表三每一列，本年度“二、上年结转政府信息公开申请数量”应等于上一年度报告的“四、结转下年度继续办理”。",
        _FORMATS,
        "previous",
    ),
    Rule(
        "prev-in-force",
        WARNING,
        "现行有效件数与上年衔接不上",
        "2021 版表二规章、行政规范性文件：现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数。"
        "文件修订、自然失效会打破这一关系，因此只作警告。",
        _F2021,
        "previous",
    ),
    Rule(
        "prev-org-mismatch",
        WARNING,
        "与上一年度报告的机关名称不同",
        "用于跨年度核对的两份报告应属于同一机关（机构改革更名时请人工确认）。",
        _PRACTICE,
        "previous",
    ),
    Rule(
        "prev-year-not-consecutive",
        ERROR,
        "上一年度报告的年度不是本年度减一",
        "--previous 指定的报告年度应为本报告年度的前一年；年度不衔接时不做结转核对。",
        _PRACTICE,
        "previous",
    ),
    Rule(
        "prev-copied-text",
        WARNING,
        "正文与上一年度报告大量雷同",
        "去掉数字和年份后与上一年度报告完全相同的句子超过一半（第三方评估对重复率超过 50% 的报告扣分）。",
        _PRACTICE,
        "previous",
    ),
    Rule(
        "prev-copied-table",
        WARNING,
        "表格数据与上一年度报告完全相同",
        "某张表的全部数据与上一年度完全相同，且其中至少有 3 个不为 0 的数字是本表自己的（不计各总计和现行有效件数），"
        "可能是沿用了上年的表格。只有一两个数字的表（如全年一两件申请、现行有效件数不变）两年相同是常事，不报告。",
        _PRACTICE,
        "previous",
    ),
    Rule(
        "prev-factor",
        INFO,
        "某项数量与上年相比变化 5 倍以上",
        "表三新收、各办理结果类别、结转下年度，表二行政许可、处罚、强制的处理决定数量：本年与上年都不少于 10，"
        "且一个是另一个的 5 倍以上时提示核对（常见于填错行列或单位）。",
        _PRACTICE,
        "previous",
    ),
    Rule(
        "prev-zero",
        WARNING,
        "上年数量较大的项目本年为 0",
        "同上各项：上年不少于 10，本年为 0（或空白）时报告，常是漏填。",
        _PRACTICE,
        "previous",
    ),
    # --- dates -------------------------------------------------------------------------------------
    Rule(
        "published-late",
        WARNING,
        "发布日期晚于法定期限",
        "县级以上人民政府部门应于每年 1月31日前、县级以上地方人民政府应于每年 3月31日前公布上一年度报告"
        "（meta.kind 为 department / county_gov；meta.deadline 可指定本地通知的期限）。",
        _ART49,
        "dates",
    ),
    Rule(
        "published-early",
        WARNING,
        "发布日期早于报告年度结束",
        "年度报告应在报告年度结束后发布；发布日期早于次年 1月1日，可能是年份填错。",
        _ART49,
        "dates",
    ),
    Rule(
        "published-missing",
        INFO,
        "未填写发布日期，无法核对公开时限",
        "机关类型有法定公开期限（部门 1月31日、县级以上地方人民政府 3月31日）或指定了期限，但没有填写发布日期。",
        _ART49,
        "dates",
    ),
    Rule(
        "meta-invalid",
        WARNING,
        "发布日期、期限或机关类型填写无法识别",
        "meta.published、meta.deadline 应为“2025-01-20”形式的日期；meta.kind 应为 department、"
        "county_gov 或 other。",
        _PRACTICE,
        "dates",
    ),
    Rule(
        "signed-early",
        WARNING,
        "落款日期早于报告年度结束",
        "落款日期（meta.signed，数据中有时）早于次年 1月1日：年度报告应在年度结束后成文，多为年份写错"
        "（例如 2019 年度报告落款“2019年1月3日”）。没有落款日期时不报告（工作簿模板没有此项）。",
        _ART49,
        "dates",
    ),
    Rule(
        "signed-late",
        INFO,
        "落款日期晚于公开期限",
        "落款日期晚于法定或本地规定的公开期限。只作提示：是否逾期以发布日期为准（published-late）。",
        _ART49,
        "dates",
    ),
    # --- fields: what every document must be able to hold ------------------------------------
    Rule(
        "text-invalid-character",
        ERROR,
        "文字中含有文档不能容纳的控制字符",
        "机关名称、单位信息、正文段落或单元格中含有 Word、网页（XML）都不能容纳的控制字符"
        "（U+0000–U+0008、U+000E–U+001F、U+FFFE、U+FFFF，多为从其他系统复制时带入）。"
        "生成的文档会删去这些字符；请在数据中删除它们。指出所在位置和字符编码。",
        "Extensible Markup Language (XML) 1.0 §2.2 Characters；Office Open XML（ECMA-376）",
        "text",
    ),
    Rule(
        "title-too-long",
        WARNING,
        "报告标题或机关名称超过 255 个字符",
        "报告标题（未填写时为“机关名称+年度+年政府信息公开工作年度报告”）或机关名称超过 255 个字符："
        "Word 文档属性只能保存 255 个字符，生成时截短；标题这样长，多半是把别的内容填进了标题或机关名称。",
        "Office Open XML（ECMA-376）文档核心属性；" + _PRACTICE,
        "text",
    ),
    # --- published: the copy a reviewer reviewed (decisions.py, reviewed.py) ------------------
    Rule(
        "published-changed",
        WARNING,
        "发布后内容有变化：与审核过的版本相比，表格数据、正文或发布信息有改动",
        "输入是已发布的网页或文档（.html/.htm/.docx/.pdf/.doc/.wps），审核记录中有审核人员审核过的版本"
        "（disclosure accept 记下的 SHA-256 和表格、段落、发布信息的摘要），而现在的文件与之不同，"
        "并且读出的内容也不同：逐项列出改动，如“表三 予以公开·总计：12 → 13”“一、总体情况 第 2 段 有改动”。"
        "文件确实改过是肯定的，但发布后修改本身不是报告的错误（可能是更正），所以是警告：请核对改动；"
        "认可现在的版本后用 disclosure accept 文件 --reviewed 重新记录。工作簿和 JSON 数据文件不做此项核对。",
        "第三方评估常见核查项：已发布的年度报告是否被改动；" + _PRACTICE,
        "published",
    ),
    Rule(
        "published-reformatted",
        INFO,
        "发布后文件有变化，但内容未变（仅网页格式变化）",
        "同上，文件的 SHA-256 与审核过的版本不同，但表格中每个单元格、每个段落和发布信息都与审核时相同"
        "（网站改版、重新保存、编辑器改了标记）：只作提示。",
        _PRACTICE,
        "published",
    ),
)

CATALOGUE: dict[str, Rule] = {r.code: r for r in _RULES}
assert len(CATALOGUE) == len(_RULES), "duplicate rule code"


def relation_code(kind: str) -> str:
    """The code of the arithmetic rule for a relation kind of ``formats.py``."""
    return "sum-" + kind.replace("_", "-")


def matches(code: str, patterns) -> bool:
    """``patterns``: codes, or prefixes ending in ``*`` (``value-*``)."""
    for p in patterns:
        if p == code or (p.endswith("*") and code.startswith(p[:-1])):
            return True
    return False


def unknown_patterns(patterns) -> list[str]:
    return [p for p in patterns if not any(matches(c, [p]) for c in CATALOGUE)]
