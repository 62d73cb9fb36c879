"""Hand-read tables of each corpus report (see make_corpus.py).

Every value was read by hand from the stored page (page.txt; page.html where the text extract
runs cells together).  t3 rows not listed are all 0; t4 is the 15 cells in page order
(复议 维持/纠正/其他/尚未审结/总计, then 直接起诉 ×5, then 复议后起诉 ×5).
"""

REPO = "changwu/pingtan-gov-zwgk-archive"
PT = "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqbm/"

ZERO2021 = {"rules": [0, 0, 0], "normative": [0, 0, 0], "license": [0], "penalty": [0], "enforcement": [0],
            "fees": [0]}


def t2_2021(rules, normative, license, penalty, enforcement, fees):
    return {"rules": rules, "normative": normative, "license": [license], "penalty": [penalty],
            "enforcement": [enforcement], "fees": [fees]}


SPECS = {
    "pt-gwh-2019": {
        "org": "平潭综合实验区管委会办公室", "year": 2019, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": PT + "ptzhsyqgwh/zfxxgknb/202001/80577_平潭综合实验区管委会办公室2019年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30: 规范性文件 "222233" = 22 / 22 / 33 and 行政许可 "0+11" = 0 / +1 / 1 in page.html's
        # cells (the text: 审核各部门印发的22条规范性文件); 采购 21 / "5419886元" (the text: 采购信息21条共5419886元).
        # 表三 from page.txt (its cells spaced from （四） on): 12 自然人 = 4 + 1 + 3 + 2 + 2.
        "t2": {"rules": [0, 0, 0], "normative": [22, 22, 33], "license": [0, 1, 1], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [21, "5419886元"]},
        "t3": {"1": [12, 0, 0, 0, 0, 0, 12], "3.1": [4, 0, 0, 0, 0, 0, 4], "3.2": [1, 0, 0, 0, 0, 0, 1],
               "3.4.3": [3, 0, 0, 0, 0, 0, 3], "3.5.2": [2, 0, 0, 0, 0, 0, 2], "3.6": [2, 0, 0, 0, 0, 0, 2],
               "3.7": [12, 0, 0, 0, 0, 0, 12]},
    },
    "pt-gwh-2020": {
        "org": "平潭综合实验区管委会办公室", "year": 2020, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": PT + "ptzhsyqgwh/zfxxgknb/202101/80594_平潭综合实验区管委会办公室2020年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30: 规范性文件 "3336" = 3 / 3 / 36 (2019's 33 + 3) and 行政许可 "1-10" = 1 / -1 / 0 in
        # page.html's cells; 采购 197 / "3601627.4元" (the text: 采购信息197批次涉及金额3601627.4元).  表三 all 0.
        "t2": {"rules": [0, 0, 0], "normative": [3, 3, 36], "license": [1, -1, 0], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [197, "3601627.4元"]},
    },
    "pt-gwh-2021": {
        "org": "平潭综合实验区管委会办公室", "year": 2021, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": PT + "ptzhsyqgwh/zfxxgknb/202201/80610_平潭综合实验区管委会办公室2021年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # Read 2026-11-30: 行政规范性文件 "20 155" = 20 / 1 / 55 in page.html's cells (the text: 2021年发布规范性
        # 文件20份).  表三 from page.txt: 23 自然人 = 2 + 3 + 1 + 17.
        "t2": t2_2021([0, 0, 0], [20, 1, 55], 0, 0, 0, 0),
        "t3": {"1": [23, 0, 0, 0, 0, 0, 23], "3.1": [2, 0, 0, 0, 0, 0, 2], "3.2": [3, 0, 0, 0, 0, 0, 3],
               "3.3.5": [1, 0, 0, 0, 0, 0, 1], "3.4.1": [17, 0, 0, 0, 0, 0, 17], "3.7": [23, 0, 0, 0, 0, 0, 23]},
    },
    "pt-gwh-2022": {
        "org": "平潭综合实验区管委会办公室", "year": 2022, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqgwh/zfxxgknb/202301/80628_平潭综合实验区管委会办公室2022年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30: 行政规范性文件 "34089" = 34 / 0 / 89 in page.html's cells (2021's 55 + 34 = 89; the text
        # says 现行有效件数424件).  表三 "142000016" = 14 自然人 + 2 商业企业 = 16 (14 = 5 + 1 + 2 + 5 + 1; the 2
        # 商业企业 are （六）3.其他 "0200002").  表四 spaced in the text: 直接起诉 维持 1, 总计 1.
        "t2": t2_2021([0, 0, 0], [34, 0, 89], 0, 0, 0, 0),
        "t3": {"1": [14, 2, 0, 0, 0, 0, 16], "3.1": [5, 0, 0, 0, 0, 0, 5], "3.3.5": [1, 0, 0, 0, 0, 0, 1],
               "3.3.6": [2, 0, 0, 0, 0, 0, 2], "3.4.1": [5, 0, 0, 0, 0, 0, 5], "3.6.1": [1, 0, 0, 0, 0, 0, 1],
               "3.6.3": [0, 2, 0, 0, 0, 0, 2], "3.7": [14, 2, 0, 0, 0, 0, 16]},
        "t4": [0, 0, 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
    },
    "pt-gwh-2023": {
        "org": "平潭综合实验区管委会办公室", "year": 2023, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqgwh/zfxxgknb/202401/86761_平潭综合实验区管委会办公室2023年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30: 行政规范性文件 "2159165" = 21 / 59 / 165 in page.html's cells.  表三 from page.txt
        # (agreeing with page.html's first rows): 21 自然人 = 6 + 1 + 14.
        "t2": t2_2021([0, 0, 0], [21, 59, 165], 0, 0, 0, 0),
        "t3": {"1": [21, 0, 0, 0, 0, 0, 21], "3.1": [6, 0, 0, 0, 0, 0, 6], "3.3.6": [1, 0, 0, 0, 0, 0, 1],
               "3.4.1": [14, 0, 0, 0, 0, 0, 14], "3.7": [21, 0, 0, 0, 0, 0, 21]},
    },
    "pt-gwh-2024": {
        "org": "平潭综合实验区管委会办公室", "year": 2024, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqgwh/zfxxgknb/202501/97048_平潭综合实验区管委会办公室2024年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30: 行政规范性文件 "114251" = 11 / 4 / 251 in page.html's cells (2025's report: 251 + 9 - 7
        # = 253).  表三 from page.txt, agreeing with page.html's cells: 19 自然人 = 8 + 7 + 4.
        "t2": t2_2021([0, 0, 0], [11, 4, 251], 0, 0, 0, 0),
        "t3": {"1": [19, 0, 0, 0, 0, 0, 19], "3.1": [8, 0, 0, 0, 0, 0, 8], "3.2": [7, 0, 0, 0, 0, 0, 7],
               "3.4.1": [4, 0, 0, 0, 0, 0, 4], "3.7": [19, 0, 0, 0, 0, 0, 19]},
    },
    "pt-czj-2019": {
        "org": "平潭综合实验区财政金融局", "year": 2019, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": PT + "ptzhsyqczj/zfxxgknb/202001/80560_平潭综合实验区财政金融局2019年度政府信息公开工作年度报告/page.txt",
        # 规范性文件 "1077": 10/7/7 — the 2020 report's 对外公开总数量 11 = 7 + 4 new; 行政处罚 35/0/0 and
        # 采购 2 / "832995元" read from page.html.
        "t2": {"rules": [0, 0, 0], "normative": [10, 7, 7], "license": [3, 0, 0], "other_services": [0, 0, 0],
               "penalty": [35, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [2, "832995元"]},
    },
    "pt-czj-2020": {
        "org": "平潭综合实验区财政金融局", "year": 2020, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": PT + "ptzhsyqczj/zfxxgknb/202101/80589_平潭综合实验区财政金融局2020年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        "t2": {"rules": [0, 0, 0], "normative": [6, 4, 11], "license": [0, 1, 0], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": ["2笔", "984361元"]},
    },
    "pt-czj-2021": {
        "org": "平潭综合实验区财政金融局", "year": 2021, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": PT + "ptzhsyqczj/zfxxgknb/202201/80600_平潭综合实验区财政金融局2021年度政府信息公开工作年度报告/page.txt",
        "t2": t2_2021([0, 0, 0], [3, 0, 3], 0, 0, 0, 7816),
    },
    "pt-czj-2024": {
        "org": "平潭综合实验区财政金融局", "year": 2024, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqczj/zfxxgknb/202501/96895_平潭综合实验区财政金融局2024年度政府信息公开工作年度报告/page.txt",
        "t2": t2_2021([0, 0, 0], [0, 2, 1], 0, 1, 0, 18651.064104),
        "t3": {"1": [2, 0, 0, 0, 0, 0, 2], "3.1": [1, 0, 0, 0, 0, 0, 1], "3.4.1": [1, 0, 0, 0, 0, 0, 1],
               "3.7": [2, 0, 0, 0, 0, 0, 2]},
    },
    "pt-gaj-2019": {
        "org": "平潭综合实验区公安局", "year": 2019, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": PT + "ptzhsyqgaj/zfxxgknb/202001/80569_平潭综合实验区公安局2019年政府信息公开工作年度报告/page.txt",
        # t2 read from page.html (the text runs "4500", "63600", "4300", "124" together); 表三 row 一
        # has an empty 商业企业 cell (&nbsp;) — "0 00000" in the text.
        "t2": {"rules": [0, 0, 0], "normative": [0, 0, 0], "license": [45, 0, 0], "other_services": [0, 0, 0],
               "penalty": [636, 0, 0], "enforcement": [43, 0, 0], "fees": [12, 4], "procurement": [0, 0]},
        "t3": {"1": [0, None, 0, 0, 0, 0, 0]},
    },
    "pt-gaj-2021": {
        "org": "平潭综合实验区公安局", "year": 2021, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": PT + "ptzhsyqgaj/zfxxgknb/202201/80607_平潭综合实验区公安局2021年政府信息公开工作年度报告/page.txt",
        "t2": t2_2021([0, 0, 0], [0, 0, 2], 0, 141, 0, 0),
        "t3": {"1": [1, 0, 0, 0, 0, 0, 1], "3.6.3": [1, 0, 0, 0, 0, 0, 1], "3.7": [1, 0, 0, 0, 0, 0, 1],
               "4": [1, 0, 0, 0, 0, 0, 1]},
    },
    "pt-gaj-2024": {
        "org": "平潭综合实验区公安局", "year": 2024, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqgaj/zfxxgknb/202501/96806_平潭综合实验区公安局2024年政府信息公开工作年度报告/page.txt",
        "t2": t2_2021([0, 0, 0], [0, 0, 5], 52, 19, 7, 0),
        "t3": {"1": [8, 0, 0, 0, 0, 0, 8], "3.1": [3, 0, 0, 0, 0, 0, 3], "3.2": [1, 0, 0, 0, 0, 0, 1],
               "3.4.1": [4, 0, 0, 0, 0, 0, 4], "3.7": [8, 0, 0, 0, 0, 0, 8]},
    },
    "pt-hzs-2020": {
        "org": "平潭综合实验区行政审批局", "year": 2020, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": PT + "ptzhsyqhzs/zfxxgknb/202101/80583_平潭综合实验区行政审批局2020年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        "signature": "平潭综合实验区行政审批局 2021年1月19日 附件下载",
        # 行政许可 "0494246" read from page.html: 0 / 494 / 246.
        "t2": {"rules": [0, 0, 0], "normative": [0, 0, 6], "license": [0, 494, 246], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [0, 0]},
        "t3": {"1": [1, 0, 0, 0, 0, 0, 1], "3.1": [1, 0, 0, 0, 0, 0, 1], "3.7": [1, 0, 0, 0, 0, 0, 1]},
    },
    "pt-hzs-2021": {
        "org": "平潭综合实验区行政审批局", "year": 2021, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": PT + "ptzhsyqhzs/zfxxgknb/202201/80609_平潭综合实验区行政审批局2021年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # 行政规范性文件 "2023" read from page.html: 2 / 0 / 23.
        "t2": t2_2021([0, 0, 0], [2, 0, 23], 3, 0, 0, 16220.85),
        "t3": {"1": [6, 0, 0, 0, 0, 0, 6], "3.1": [5, 0, 0, 0, 0, 0, 5], "3.3.8": [1, 0, 0, 0, 0, 0, 1],
               "3.7": [6, 0, 0, 0, 0, 0, 6]},
    },
    "pt-hzs-2025": {
        "org": "平潭综合实验区行政审批局", "year": 2025, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqhzs/zfxxgknb/202601/104906_平潭综合实验区行政审批局2025年政府信息公开工作年度报告/page.txt",
        # The page's 表二 has no 规章 row at all (blank here).  行政规范性文件 "3024": 3 issued (the text says
        # 新制发规范性文件3件) / 0 / 24.
        "t2": t2_2021([None, None, None], [3, 0, 24], 0, 0, 0, 0),
        "t3": {"1": [6, 0, 0, 0, 0, 0, 6], "3.3.8": [3, 0, 0, 0, 0, 0, 3], "3.4.1": [3, 0, 0, 0, 0, 0, 3],
               "3.7": [6, 0, 0, 0, 0, 0, 6]},
    },
    "pt-gyz-2023": {
        "org": "平潭综合实验区国有资产管理局", "year": 2023, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqgyz/zfxxgknb/202401/86550_平潭综合实验区国有资产管理局2023年度政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "6126" read from page.html: 6 / 1 / 26.
        "t2": t2_2021([0, 0, 0], [6, 1, 26], 0, 0, 0, 0),
    },
    # 平潭综合实验区金井片区管理局 (a 片区管理局, kind "other" like pt-jsp-2023 below).
    "pt-jjp-2019": {
        "org": "平潭综合实验区金井片区管理局", "year": 2019, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202001/80564_平潭综合实验区金井片区管理局2019年政府信息公开工作年度报告/page.txt",
        # 政府集中采购 "3147230元" read from page.html's cells: 3 / "147230元" (header 采购总金额, no unit).
        # 表三、表四 all 0 (cells spaced in page.txt).
        "t2": {"rules": [0, 0, 0], "normative": [0, 0, 0], "license": [0, 0, 0], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [3, "147230元"]},
    },
    "pt-jjp-2020": {
        "org": "平潭综合实验区金井片区管理局", "year": 2020, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202101/80587_平潭综合实验区金井片区管理局2020年政府信息公开工作年度报告/page.txt",
        # The first heading is "一总体情况" (no 、, so in page.html too).  规范性文件 "555" = 5 / 5 / 5 (page.html;
        # the text: 行政法规、规章和规范性文件5条); 政府集中采购 "178810055" read from page.html: 17 / 8810055
        # (header 采购总金额（元）).  表三、表四 all 0.
        "headings": {"1": r"一总体情况"},
        "t2": {"rules": [0, 0, 0], "normative": [5, 5, 5], "license": [0, 0, 0], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [17, 8810055]},
    },
    "pt-jjp-2021": {
        "org": "平潭综合实验区金井片区管理局", "year": 2021, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202201/80601_平潭综合实验区金井片区管理局2021年政府信息公开工作年度报告/page.txt",
        # 规范性文件 "106": 1 / 0 / 6 (the 2020 report's 5 + 1; the text: 规章和规范性文件1条).  表三、表四 all 0.
        "t2": t2_2021([0, 0, 0], [1, 0, 6], 0, 0, 0, 0),
    },
    "pt-jjp-2022": {
        "org": "平潭综合实验区金井片区管理局", "year": 2022, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202301/80617_平潭综合实验区金井片区管理局2022年政府信息公开工作年度报告/page.txt",
        # 规范性文件 "107": 1 / 0 / 7 (6 + 1).  表三 四、结转 shows six 0s ("0 00000"): in page.html its 商业企业
        # cell is empty (&nbsp;), blank here.
        "t2": t2_2021([0, 0, 0], [1, 0, 7], 0, 0, 0, 0),
        "t3": {"4": [0, None, 0, 0, 0, 0, 0]},
    },
    "pt-jjp-2023": {
        "org": "平潭综合实验区金井片区管理局", "year": 2023, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202401/86498_平潭综合实验区金井片区管理局2023年政府信息公开工作年度报告/page.txt",
        # 规范性文件 "007": 0 / 0 / 7.  表三 1 = 不掌握 1 (the text: 收到依申请公开事项1项); 四、结转 "000000":
        # its 商业企业 cell is empty in page.html (<br/>), blank here.
        "t2": t2_2021([0, 0, 0], [0, 0, 7], 0, 0, 0, 0),
        "t3": {"1": [1, 0, 0, 0, 0, 0, 1], "3.4.1": [1, 0, 0, 0, 0, 0, 1], "3.7": [1, 0, 0, 0, 0, 0, 1],
               "4": [0, None, 0, 0, 0, 0, 0]},
    },
    "pt-jjp-2024": {
        "org": "平潭综合实验区金井片区管理局", "year": 2024, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202501/96868_平潭综合实验区金井片区管理局2024年政府信息公开工作年度报告/page.txt",
        # The page's 表二 has no 规章 row (blank here); 行政规范性文件 "001": 0 / 0 / 1.  表三 8 = 予以公开 4 +
        # 保护第三方 1 + 不掌握 2 + 重复申请 1 (the text: 共收到依申请公开8件); 四、结转 "000000": its 商业企业
        # cell is empty in page.html (<br/>), blank here.
        "t2": t2_2021([None, None, None], [0, 0, 1], 0, 0, 0, 0),
        "t3": {"1": [8, 0, 0, 0, 0, 0, 8], "3.1": [4, 0, 0, 0, 0, 0, 4], "3.3.4": [1, 0, 0, 0, 0, 0, 1],
               "3.4.1": [2, 0, 0, 0, 0, 0, 2], "3.5.2": [1, 0, 0, 0, 0, 0, 1], "3.7": [8, 0, 0, 0, 0, 0, 8],
               "4": [0, None, 0, 0, 0, 0, 0]},
    },
    "pt-jjp-2025": {
        "org": "平潭综合实验区金井片区管理局", "year": 2025, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjjp/zfxxgknb/202601/104715_平潭综合实验区金井片区管理局2025年政府信息公开工作年度报告/page.txt",
        # The page puts its own sections 五、信息处理费收取情况 (a table 通知收取件数 / 通知收取金额（元） /
        # 实际收取金额（元）: 0 / 0 / 0) and 六、存在的主要问题及改进措施: read as section 6 (its heading words kept
        # as text) and section 5.  No 规章 row in 表二 (blank here); 规范性文件 "001": 0 / 0 / 1.  表三
        # "110000011" = 11 / 0 ×5 / 11 (the results rows, all 自然人: 部分公开 3 + 不掌握 7 + 逾期不补正 1 = 11).
        "headings": {"5": r"六、\s*存在的主要问题及改进措施", "6": r"五、(?=信息处理费收取情况)"},
        "t2": t2_2021([None, None, None], [0, 0, 1], 0, 0, 0, 0),
        "t3": {"1": [11, 0, 0, 0, 0, 0, 11], "3.2": [3, 0, 0, 0, 0, 0, 3], "3.4.1": [7, 0, 0, 0, 0, 0, 7],
               "3.6.1": [1, 0, 0, 0, 0, 0, 1], "3.7": [11, 0, 0, 0, 0, 0, 11]},
    },
    "pt-gov-2024": {
        "org": "平潭综合实验区", "year": 2024, "format": "2021", "kind": "county_gov",
        "repo": REPO, "commit": "12f00b4205da89f3fa531f747c608e88308a046c",
        "path": "pingtan/zwgk/zfxxgk/zfxxgknb/202503/97791_平潭综合实验区2024年度政府信息公开工作年度报告/page.txt",
        # t2 and t3 checked against page.html (62/33/440, 217/1/…/218, 71, 29, 4, 3, 32, 75 …).  表四
        # "21317000001324019" in the text; read in page.html (2026-11-30, the saved body
        # tests/fixtures/published/real/pt-gov-2024.html): 2/1/3/1/7, 0×5, 13/2/4/0/19.
        "t2": t2_2021([0, 0, 0], [62, 33, 440], 4529, 1100, 65, 18651.06),
        "t3": {"1": [217, 1, 0, 0, 0, 0, 218], "3.1": [71, 0, 0, 0, 0, 0, 71], "3.2": [29, 0, 0, 0, 0, 0, 29],
               "3.3.1": [4, 0, 0, 0, 0, 0, 4], "3.3.4": [3, 0, 0, 0, 0, 0, 3], "3.3.5": [32, 0, 0, 0, 0, 0, 32],
               "3.4.1": [75, 0, 0, 0, 0, 0, 75], "3.5.2": [1, 0, 0, 0, 0, 0, 1], "3.6.1": [1, 0, 0, 0, 0, 0, 1],
               "3.6.3": [1, 1, 0, 0, 0, 0, 2], "3.7": [217, 1, 0, 0, 0, 0, 218]},
        "t4": [2, 1, 3, 1, 7, 0, 0, 0, 0, 0, 13, 2, 4, 0, 19],
    },
    "pt-gwh-2025": {
        "org": "平潭综合实验区管委会办公室", "year": 2025, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqgwh/zfxxgknb/202601/104919_平潭综合实验区管委会办公室2025年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30 from page.txt (cells separated) and the report body of page.html: 行政规范性文件
        # "97253" = 9 / 7 / 253 (the text: 制发9件, 失效或废止7件, 现行有效253件); 表四 "200020000000000" = 复议
        # 维持 2, 总计 2 (the text: 行政复议共2件).
        "t2": t2_2021([0, 0, 0], [9, 7, 253], 0, 0, 0, 0),
        "t3": {"1": [32, 0, 0, 0, 0, 0, 32], "3.1": [8, 0, 0, 0, 0, 0, 8], "3.2": [7, 0, 0, 0, 0, 0, 7],
               "3.3.5": [1, 0, 0, 0, 0, 0, 1], "3.3.6": [2, 0, 0, 0, 0, 0, 2], "3.4.1": [12, 0, 0, 0, 0, 0, 12],
               "3.4.2": [2, 0, 0, 0, 0, 0, 2], "3.7": [32, 0, 0, 0, 0, 0, 32]},
        "t4": [2, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    "pt-jtj-2025": {
        "org": "平潭综合实验区交通与建设局", "year": 2025, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqjtj/zfxxgknb/202601/104920_平潭综合实验区交通与建设局2025年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30: 行政规范性文件 "1024" = 1 / 0 / 24 in page.html's cells; 表三 from page.txt (its
        # cells spaced: "2100000 21" = 21, 0×5, 21); 表四 "315090000000000" = 复议 3/1/5/0/9.
        "t2": t2_2021([0, 0, 0], [1, 0, 24], 0, 0, 0, 0),
        "t3": {"1": [21, 0, 0, 0, 0, 0, 21], "3.1": [10, 0, 0, 0, 0, 0, 10], "3.2": [1, 0, 0, 0, 0, 0, 1],
               "3.4.1": [10, 0, 0, 0, 0, 0, 10], "3.7": [21, 0, 0, 0, 0, 0, 21]},
        "t4": [3, 1, 5, 0, 9, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    "pt-gov-2025": {
        "org": "平潭综合实验区", "year": 2025, "format": "2021", "kind": "county_gov",
        "repo": REPO, "commit": "12f00b4205da89f3fa531f747c608e88308a046c",
        "path": "pingtan/zwgk/zfxxgk/zfxxgknb/202603/105587_平潭综合实验区2025年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30 from page.txt, agreeing with the cells of page.html: 行政规范性文件 "5845546" =
        # 58 / 45 / 546; 表三 "15130000154" = 151 自然人 + 3 商业企业 = 154; 表四 "25380363300630003" =
        # 复议 25/3/8/0/36, 直接起诉 3/3/0/0/6, 复议后起诉 3/0/0/0/3 (the text: 复议36起, 诉讼9起).
        "t2": t2_2021([0, 0, 0], [58, 45, 546], 2418, 644, 64, 4166.241619),
        "t3": {"1": [151, 3, 0, 0, 0, 0, 154], "3.1": [33, 0, 0, 0, 0, 0, 33], "3.2": [38, 0, 0, 0, 0, 0, 38],
               "3.3.5": [3, 0, 0, 0, 0, 0, 3], "3.3.6": [2, 0, 0, 0, 0, 0, 2], "3.3.7": [3, 0, 0, 0, 0, 0, 3],
               "3.3.8": [3, 0, 0, 0, 0, 0, 3], "3.4.1": [49, 1, 0, 0, 0, 0, 50], "3.4.2": [3, 0, 0, 0, 0, 0, 3],
               "3.5.1": [2, 0, 0, 0, 0, 0, 2], "3.6.1": [8, 0, 0, 0, 0, 0, 8], "3.6.2": [2, 0, 0, 0, 0, 0, 2],
               "3.6.3": [1, 0, 0, 0, 0, 0, 1], "3.7": [147, 1, 0, 0, 0, 0, 148], "4": [4, 2, 0, 0, 0, 0, 6]},
        "t4": [25, 3, 8, 0, 36, 3, 3, 0, 0, 6, 3, 0, 0, 0, 3],
    },
    "pt-czj-2025": {
        "org": "平潭综合实验区财政金融局", "year": 2025, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqczj/zfxxgknb/202601/104656_平潭综合实验区财政金融局2025年度政府信息公开工作年度报告/page.txt",
        "t2": t2_2021([0, 0, 0], [0, 1, 0], 0, 1, 0, 4166.214619),
        "t3": {"1": [2, 0, 0, 0, 0, 0, 2], "3.1": [1, 0, 0, 0, 0, 0, 1], "3.4.1": [1, 0, 0, 0, 0, 0, 1],
               "3.7": [2, 0, 0, 0, 0, 0, 2]},
    },
    "pt-gov-2020": {
        "org": "平潭综合实验区", "year": 2020, "format": "2019", "kind": "county_gov",
        "repo": REPO, "commit": "12f00b4205da89f3fa531f747c608e88308a046c",
        "path": "pingtan/zwgk/zfxxgk/zfxxgknb/202103/80595_平潭综合实验区2020年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # 表二 read from the cells of page.html (the text runs every row together): 规章 0/0/7, 规范性文件
        # 77/77/166, 行政许可 396/442/278, 其他对外管理服务事项 10/7/105, 行政处罚 2648/-18/538, 行政强制
        # 126/26/29, 收费 35/-15, 采购 395 / "73802895.90元".  表三 from page.txt: seven digits for seven cells in
        # every row but 一 ("200 000121" = 20/0/0/0/0/1/21) and 总计 ("20 0 00 0 121", the same); as published
        # the results rows add up to 27 (自然人 26), not the 总计 21.
        "t2": {"rules": [0, 0, 7], "normative": [77, 77, 166], "license": [396, 442, 278],
               "other_services": [10, 7, 105], "penalty": [2648, -18, 538], "enforcement": [126, 26, 29],
               "fees": [35, -15], "procurement": [395, "73802895.90元"]},
        "t3": {"1": [20, 0, 0, 0, 0, 1, 21], "3.1": [6, 0, 0, 0, 0, 1, 7], "3.2": [6, 0, 0, 0, 0, 0, 6],
               "3.4.1": [4, 0, 0, 0, 0, 0, 4], "3.4.3": [3, 0, 0, 0, 0, 0, 3], "3.5.2": [3, 0, 0, 0, 0, 0, 3],
               "3.6": [4, 0, 0, 0, 0, 0, 4], "3.7": [20, 0, 0, 0, 0, 1, 21]},
    },
    "pt-gov-2022": {
        "org": "平潭综合实验区", "year": 2022, "format": "2021", "kind": "county_gov",
        "repo": REPO, "commit": "12f00b4205da89f3fa531f747c608e88308a046c",
        "path": "pingtan/zwgk/zfxxgk/zfxxgknb/202302/80629_平潭综合实验区2022年度政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "8855698" = 88 / 55 / 698 (the text: 现行有效698件, 制发88件).  表三 from page.txt
        # ("713000074" = 71 + 3 商业企业 = 74; 上年结转 1; 总计 72/3/…/75, the text: 75件, 自然人72件、商业企业3件);
        # 表四 spaced in the text: 复议 0/1/1/0/2, 直接起诉 1/0/0/0/1 (the text: 诉讼1件、复议2件).
        "t2": t2_2021([0, 0, 0], [88, 55, 698], 10690, 2113, 0, 9116.36),
        "t3": {"1": [71, 3, 0, 0, 0, 0, 74], "2": [1, 0, 0, 0, 0, 0, 1], "3.1": [21, 0, 0, 0, 0, 0, 21],
               "3.2": [8, 1, 0, 0, 0, 0, 9], "3.3.5": [1, 0, 0, 0, 0, 0, 1], "3.3.6": [2, 0, 0, 0, 0, 0, 2],
               "3.3.7": [1, 0, 0, 0, 0, 0, 1], "3.4.1": [37, 0, 0, 0, 0, 0, 37], "3.6.1": [2, 0, 0, 0, 0, 0, 2],
               "3.6.3": [0, 2, 0, 0, 0, 0, 2], "3.7": [72, 3, 0, 0, 0, 0, 75]},
        "t4": [0, 1, 1, 0, 2, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0],
    },
    "pt-gov-2023": {
        "org": "平潭综合实验区", "year": 2023, "format": "2021", "kind": "county_gov",
        "repo": REPO, "commit": "12f00b4205da89f3fa531f747c608e88308a046c",
        "path": "pingtan/zwgk/zfxxgk/zfxxgknb/202403/87885_平潭综合实验区2023年度政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "77132470" read in page.html's cells: 77 / 132 / 470 (the text says 现行有效393件).
        # 表三 from page.txt, agreeing with page.html's cells (80/1/…/81, 22, 19/1/…/20, 31 …); 表四
        # "110024001510102" = 复议 1/1/0/0/2, 直接起诉 4/0/0/1/5, 复议后起诉 1/0/1/0/2 (the text: 复议2件、诉讼7件).
        "t2": t2_2021([0, 0, 0], [77, 132, 470], 2629, 1330, 54, 5949.088667),
        "t3": {"1": [80, 1, 0, 0, 0, 0, 81], "3.1": [22, 0, 0, 0, 0, 0, 22], "3.2": [19, 1, 0, 0, 0, 0, 20],
               "3.3.4": [1, 0, 0, 0, 0, 0, 1], "3.3.6": [1, 0, 0, 0, 0, 0, 1], "3.3.7": [1, 0, 0, 0, 0, 0, 1],
               "3.3.8": [2, 0, 0, 0, 0, 0, 2], "3.4.1": [31, 0, 0, 0, 0, 0, 31], "3.5.2": [1, 0, 0, 0, 0, 0, 1],
               "3.6.1": [1, 0, 0, 0, 0, 0, 1], "3.6.3": [1, 0, 0, 0, 0, 0, 1], "3.7": [80, 1, 0, 0, 0, 0, 81]},
        "t4": [1, 1, 0, 0, 2, 4, 0, 0, 1, 5, 1, 0, 1, 0, 2],
    },
    "pt-jjf-2019": {
        "org": "平潭综合实验区经济发展局", "year": 2019, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": PT + "ptzhsyqjjf/zfxxgknb/202001/80565_平潭综合实验区经济发展局2019年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # The signature is followed by the 印发 line of the document (岚经发〔2020〕2号).  Every table cell is
        # spaced in page.txt; 表三 and 表四 all 0.
        "signature": "平潭综合实验区经济发展局 2020年1月2日 平潭综合实验区经济发展局办公室 2020年1月2日印发 附件下载",
        "t2": {"rules": [0, 0, 0], "normative": [6, 6, 6], "license": [17, 0, 2], "other_services": [0, 0, 0],
               "penalty": [12, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [0, 0]},
    },
    "pt-jjf-2020": {
        "org": "平潭综合实验区经济发展局", "year": 2020, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": PT + "ptzhsyqjjf/zfxxgknb/202101/80578_平潭综合实验区经济发展局2020年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # Signed 2021年1月26日, the 印发 line below it says 2020年1月26日 (岚经发〔2021〕17号).  Every table cell
        # is spaced in page.txt; 表三 and 表四 all 0.
        "signature": "平潭综合实验区经济发展局 2021年1月26日 平潭综合实验区经济发展局办公室 2020年1月26日印发 附件下载",
        "t2": {"rules": [0, 0, 0], "normative": [10, 10, 10], "license": [0, 0, 0], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [0, 0]},
    },
    "pt-jjf-2021": {
        "org": "平潭综合实验区经济发展局", "year": 2021, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": PT + "ptzhsyqjjf/zfxxgknb/202201/80608_平潭综合实验区经济发展局2021年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        "signature": "平潭综合实验区经济发展局 2022年1月13 日 平潭综合实验区经济发展局办公室 2022年1月13日印发 附件下载",
        # Cells spaced in page.txt.  表三 （一）予以公开 and （二）部分公开 show six 0s: in page.html the 总计
        # cell of both rows is empty (&nbsp;), blank here.
        "t2": t2_2021([0, 0, 0], [5, 0, 5], 0, 0, 0, 0),
        "t3": {"3.1": [0, 0, 0, 0, 0, 0, None], "3.2": [0, 0, 0, 0, 0, 0, None]},
    },
    "pt-jjf-2022": {
        "org": "平潭综合实验区经济发展局", "year": 2022, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqjjf/zfxxgknb/202401/86658_平潭综合实验区经济发展局2022年度政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "505" = 5 / 0 / 5 (a cell cannot be "05" or "50" with a 0 left over for 现行有效
        # smaller than 制发); 表三 rows of seven single digits (3 自然人 = 3).
        "t2": t2_2021([0, 0, 0], [5, 0, 5], 0, 0, 0, 0),
        "t3": {"1": [3, 0, 0, 0, 0, 0, 3], "3.2": [3, 0, 0, 0, 0, 0, 3], "3.7": [3, 0, 0, 0, 0, 0, 3]},
    },
    "pt-jjf-2023": {
        "org": "平潭综合实验区经济发展局", "year": 2023, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqjjf/zfxxgknb/202401/86656_平潭综合实验区经济发展局2023年度政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "606" = 6 / 0 / 6; 表三 rows of seven single digits: 本年新收 3 自然人 = 3, every
        # result row and （七）总计 0 (as published; the text says 共收到政府信息公开申请0条).
        "t2": t2_2021([0, 0, 0], [6, 0, 6], 0, 0, 0, 0),
        "t3": {"1": [3, 0, 0, 0, 0, 0, 3]},
    },
    "pt-jjf-2024": {
        "org": "平潭综合实验区经济发展局", "year": 2024, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqjjf/zfxxgknb/202501/97025_平潭综合实验区经济发展局2024年度政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "1129" read in page.html's cells: 11 / 2 / 9.  表三 rows of seven single digits: 新收 3,
        # （四）1.不掌握 3, but （七）总计 0 (as published).
        "t2": t2_2021([0, 0, 0], [11, 2, 9], 0, 0, 0, 0),
        "t3": {"1": [3, 0, 0, 0, 0, 0, 3], "3.4.1": [3, 0, 0, 0, 0, 0, 3]},
    },
    "pt-jjf-2025": {
        "org": "平潭综合实验区经济发展局", "year": 2025, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqjjf/zfxxgknb/202601/104901_平潭综合实验区经济发展局2025年度政府信息公开工作年度报告/page.txt",
        # No signature or date under the text.  行政规范性文件 "164640" read in page.html's cells: 16 / 46 / 40.
        # 表三 rows of seven single digits: 新收 4, 予以公开 3, 不掌握 1, but （七）总计 0; 表四 fifteen single
        # digits "010000000000000": 复议 结果纠正 1, its 总计 0 (as published).
        "t2": t2_2021([0, 0, 0], [16, 46, 40], 0, 0, 0, 0),
        "t3": {"1": [4, 0, 0, 0, 0, 0, 4], "3.1": [3, 0, 0, 0, 0, 0, 3], "3.4.1": [1, 0, 0, 0, 0, 0, 1]},
        "t4": [0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    "pt-gov-2019": {
        "org": "平潭综合实验区", "year": 2019, "format": "2019", "kind": "county_gov",
        "repo": REPO, "commit": "12f00b4205da89f3fa531f747c608e88308a046c",
        "path": "pingtan/zwgk/zfxxgk/zfxxgknb/202001/80576_平潭综合实验区2019年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # 表二 read from page.html (the text runs every row together).
        "t2": {"rules": [0, 0, 0], "normative": [89, 89, 89], "license": [396, 0, 181],
               "other_services": [10, 0, 153], "penalty": [2648, 0, 430], "enforcement": [126, 0, 25],
               "fees": [35, 0], "procurement": [135, "75394432.52元"]},
        "t3": {"1": [23, 0, 0, 0, 0, 0, 23], "3.1": [7, 0, 0, 0, 0, 0, 7], "3.2": [1, 0, 0, 0, 0, 0, 1],
               "3.4.1": [7, 0, 0, 0, 0, 0, 7], "3.4.3": [5, 0, 0, 0, 0, 0, 5], "3.5.2": [3, 0, 0, 0, 0, 0, 3],
               "3.7": [23, 0, 0, 0, 0, 0, 23]},
    },
    "pt-gyz-2019": {
        "org": "平潭综合实验区国有资产管理局", "year": 2019, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": PT + "ptzhsyqgyz/zfxxgknb/202001/80561_平潭综合实验区国有资产管理局 2019年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # 规章 "1411" read from page.html: 14 / 1 / 1.
        "t2": {"rules": [14, 1, 1], "normative": [6, 6, 6], "license": [0, 0, 0], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [0, 0]},
    },
    "pt-hzs-2023": {
        "org": "平潭综合实验区行政审批局", "year": 2023, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqhzs/zfxxgknb/202401/86659_平潭综合实验区行政审批局2023年政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "5416": 5 made (the text: 制定规范性文件5件) / 4 / 16 (the text: 现行有效的规范性文件16件).
        "t2": t2_2021([0, 0, 0], [5, 4, 16], 3, 0, 0, 0),
        "t3": {"1": [7, 0, 0, 0, 0, 0, 7], "3.2": [1, 0, 0, 0, 0, 0, 1], "3.3.8": [2, 0, 0, 0, 0, 0, 2],
               "3.4.1": [4, 0, 0, 0, 0, 0, 4], "3.7": [7, 0, 0, 0, 0, 0, 7]},
        "t4": [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1],
    },
    "pt-gaj-2022": {
        "org": "平潭综合实验区公安局", "year": 2022, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqgaj/zfxxgknb/202301/80624_平潭综合实验区公安局2022年政府信息公开工作年度报告/page.txt",
        "t2": t2_2021([0, 0, 0], [4, 1, 7], 0, 157, 0, 0),
        "t3": {"1": [1, 0, 0, 0, 0, 0, 1], "2": [1, 0, 0, 0, 0, 0, 1], "3.2": [1, 0, 0, 0, 0, 0, 1],
               "3.6.1": [1, 0, 0, 0, 0, 0, 1], "3.7": [2, 0, 0, 0, 0, 0, 2]},
    },
    "pt-hzs-2024": {
        "org": "平潭综合实验区行政审批局", "year": 2024, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqhzs/zfxxgknb/202501/96946_平潭综合实验区行政审批局2024年政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "15621": 15 made / 6 repealed (both stated in the text) / 21.  表四: 15 digits for
        # 15 cells — 复议 结果维持 1, 总计 0.
        "t2": t2_2021([0, 0, 0], [15, 6, 21], 3, 0, 0, 0),
        "t3": {"1": [28, 0, 0, 0, 0, 0, 28], "3.1": [18, 0, 0, 0, 0, 0, 18], "3.2": [6, 0, 0, 0, 0, 0, 6],
               "3.4.1": [4, 0, 0, 0, 0, 0, 4], "3.7": [28, 0, 0, 0, 0, 0, 28]},
        "t4": [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    "pt-czj-2023": {
        "org": "平潭综合实验区财政金融局", "year": 2023, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqczj/zfxxgknb/202401/86688_平潭综合实验区财政金融局2023年度政府信息公开工作年度报告/page.txt",
        "t2": t2_2021([0, 0, 0], [0, 0, 8], 1, 0, 0, 5949.09),
    },
    "pt-hzs-2022": {
        "org": "平潭综合实验区行政审批局", "year": 2022, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqhzs/zfxxgknb/202301/80621_平潭综合实验区行政审批局2022年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # 行政规范性文件 "2025": 2 / 0 / 25 (the 2021 report's 现行有效 23 + 2 new = 25).
        "t2": t2_2021([0, 0, 0], [2, 0, 25], 7677, 0, 0, 0),
        "t3": {"1": [4, 0, 0, 0, 0, 0, 4], "3.1": [4, 0, 0, 0, 0, 0, 4], "3.7": [4, 0, 0, 0, 0, 0, 4]},
    },
    "pt-gov-2021": {
        "org": "平潭综合实验区", "year": 2021, "format": "2021", "kind": "county_gov",
        "repo": REPO, "commit": "12f00b4205da89f3fa531f747c608e88308a046c",
        "path": "pingtan/zwgk/zfxxgk/zfxxgknb/202202/80613_平潭综合实验区2021年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # 行政规范性文件 69 / 3 / 665 read from page.html.  表三 rows: every run of digits has exactly one
        # split into 7 cells whose total column agrees (64/0/0/2/0/4/70 …).  表四 "10203120001200000": the
        # only split into 15 cells whose group totals agree is 1/0/2/0/3, 12/0/0/0/12, 0×5.
        "t2": t2_2021([0, 0, 0], [69, 3, 665], 2293, 1282, 42, 24252.311082),
        "t3": {"1": [64, 0, 0, 2, 0, 4, 70], "3.1": [27, 0, 0, 2, 0, 1, 30], "3.2": [5, 0, 0, 0, 0, 0, 5],
               "3.3.5": [1, 0, 0, 0, 0, 0, 1], "3.3.7": [6, 0, 0, 0, 0, 0, 6], "3.3.8": [1, 0, 0, 0, 0, 0, 1],
               "3.4.1": [22, 0, 0, 0, 0, 3, 25], "3.6.3": [1, 0, 0, 0, 0, 0, 1],
               "3.7": [63, 0, 0, 2, 0, 4, 69], "4": [1, 0, 0, 0, 0, 0, 1]},
        "t4": [1, 0, 2, 0, 3, 12, 0, 0, 0, 12, 0, 0, 0, 0, 0],
    },
    # 片区管理局: the 管委会's area offices that run the towns of their area (kind "other": neither a
    # 县级政府 nor one of its 部门; the nearest to 乡镇/街道 in this crawl).
    "pt-jsp-2023": {
        "org": "平潭综合实验区君山片区管理局", "year": 2023, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202401/86344_平潭综合实验区君山片区管理局2023年政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "0011": 0 / 0 / 11 (a cell cannot be "01" or "00").
        "t2": t2_2021([0, 0, 0], [0, 0, 11], 0, 0, 0, 0),
        "t3": {"1": [2, 0, 0, 0, 0, 0, 2], "3.1": [2, 0, 0, 0, 0, 0, 2], "3.7": [2, 0, 0, 0, 0, 0, 2]},
    },
    "pt-jsp-2019": {
        "org": "平潭综合实验区君山片区管理局", "year": 2019, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202001/80571_平潭综合实验区君山片区管理局2019年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # Read from page.html's cells: 规范性文件 "999" = 9 / 9 / 9 (the 2020 report's 对外公开总数量 11 = 9 + 2 new);
        # 政府集中采购 "978407" = 9 / 78407 (header 采购总金额, no unit).  表三 and 表四 all 0.
        "t2": {"rules": [0, 0, 0], "normative": [9, 9, 9], "license": [0, 0, 0], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [9, 78407]},
    },
    "pt-jsp-2020": {
        "org": "平潭综合实验区君山片区管理局", "year": 2020, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202101/80593_平潭综合实验区君山片区管理局2020年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # Read from page.html's cells: 规范性文件 "2211" = 2 / 2 / 11 (2019's 9 + 2; the text: 规范性文件类信息2条),
        # 行政许可 "0124" = 0 / 12 / 4, 政府集中采购 "4110669053" = 41 / 10669053 (header 采购总金额, no unit).
        # 表三 from page.txt (one digit a cell): 一 "10 0 0 012" = 1 自然人 + 1 其他 = 2 (the text: 依申请公开2件),
        # 予以公开 the same; （七）总计 as published: all 0.
        "t2": {"rules": [0, 0, 0], "normative": [2, 2, 11], "license": [0, 12, 4], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 3, 0], "fees": [0, 0], "procurement": [41, 10669053]},
        "t3": {"1": [1, 0, 0, 0, 0, 1, 2], "3.1": [1, 0, 0, 0, 0, 1, 2]},
    },
    "pt-jsp-2021": {
        "org": "平潭综合实验区君山片区管理局", "year": 2021, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202201/80611_平潭综合实验区君山片区管理局2021年政府信息公开工作年度报告/page.txt",
        # The text extract has Word's style sheet ("Normal 0 7.8 磅 … }") before the report and after the signature.
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        "signature": "平潭综合实验区君山片区管理局 2022年1月7日 Normal 0 7.8 磅 0 2 false false false EN-US ZH-CN X-NONE "
                     "/* Style Definitions */ table.MsoNormalTable {mso-style-name:普通表格; mso-tstyle-rowband-size:0; "
                     "mso-tstyle-colband-size:0; mso-style-noshow:yes; mso-style-priority:99; mso-style-parent:\"\"; "
                     "mso-padding-alt:0cm 5.4pt 0cm 5.4pt; mso-para-margin:0cm; mso-para-margin-bottom:.0001pt; "
                     "mso-pagination:widow-orphan; font-size:10.0pt; font-family:\"Times New Roman\",\"serif\";} 附件下载",
        # Every cell separated by a space in page.txt.  表三: 8 = 予以公开 2 + 不掌握 5 + 其他 1 (the text: 受理 8 件).
        "t2": t2_2021([0, 0, 0], [0, 0, 11], 1, 0, 0, 0),
        "t3": {"1": [5, 0, 0, 0, 0, 3, 8], "3.1": [1, 0, 0, 0, 0, 1, 2], "3.4.1": [3, 0, 0, 0, 0, 2, 5],
               "3.6.3": [1, 0, 0, 0, 0, 0, 1], "3.7": [5, 0, 0, 0, 0, 3, 8]},
    },
    "pt-jsp-2022": {
        "org": "平潭综合实验区君山片区管理局", "year": 2022, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202301/80622_平潭综合实验区君山片区管理局2022年政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # The signature is followed by the document's 抄送 and 印发 lines.
        "signature": "平潭综合实验区君山片区管理局 2023年1月9日 抄送：驻君山片区管理局纪检监察组。 "
                     "君山片区管理局党政办公室 2023年1月9日印发 附件下载",
        # 行政规范性文件 "0011": 0 / 0 / 11 (a cell cannot be "00" or "01").  表三 one digit a cell: every row 0
        # except 不掌握 "3000025" = 3 自然人 + 2 其他 = 5 (the 2021 report's row, left in; the text says
        # 2022年未收到依申请公开事宜).
        "t2": t2_2021([0, 0, 0], [0, 0, 11], 0, 0, 0, 0),
        "t3": {"3.4.1": [3, 0, 0, 0, 0, 2, 5]},
    },
    "pt-jsp-2024": {
        "org": "平潭综合实验区君山片区管理局", "year": 2024, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202501/96904_平潭综合实验区君山片区管理局2024年政府信息公开工作年度报告/page.txt",
        # 行政规范性文件 "0011": 0 / 0 / 11 (the text: 本年度未制发，现行有效件数11件).  表三 and 表四 one digit a
        # cell: 5 = 予以公开 1 + 部分公开 2 + 不掌握 2; 表四 复议 纠正 1, 总计 1.
        "t2": t2_2021([0, 0, 0], [0, 0, 11], 0, 0, 0, 0),
        "t3": {"1": [5, 0, 0, 0, 0, 0, 5], "3.1": [1, 0, 0, 0, 0, 0, 1], "3.2": [2, 0, 0, 0, 0, 0, 2],
               "3.4.1": [2, 0, 0, 0, 0, 0, 2], "3.7": [5, 0, 0, 0, 0, 0, 5]},
        "t4": [0, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    "pt-jsp-2025": {
        "org": "平潭综合实验区君山片区管理局", "year": 2025, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqjsp/zfxxgknb/202601/104809_平潭综合实验区君山片区管理局2025年政府信息公开工作年度报告/page.txt",
        # Its own headings: 一、年度工作核心成效 (for 总体情况), 五、当前存在的突出问题 and 六、下一步改进举措 (the two
        # halves of 存在的主要问题及改进情况: kept together as section 5), 七、其他需说明事项 (for 其他需要报告的事项).
        "headings": {"1": r"一、年度工作核心成效", "5": r"五、当前存在的突出问题", "6": r"七、其他需说明事项"},
        "splits": {"5": ["|六、下一步改进举措"]},
        # The page's 表二 has no 规章 row at all (blank here); its row 规范性文件 "000" = 0 / 0 / 0 (2024: 现行有效 11).
        # 表三 and 表四 one digit a cell: 1 部分公开 (自然人); 表四 复议 维持 1, 总计 1.
        "t2": t2_2021([None, None, None], [0, 0, 0], 0, 0, 0, 0),
        "t3": {"1": [1, 0, 0, 0, 0, 0, 1], "3.2": [1, 0, 0, 0, 0, 0, 1], "3.7": [1, 0, 0, 0, 0, 0, 1]},
        "t4": [1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    "pt-spp-2019": {
        "org": "平潭综合实验区苏平片区管理局", "year": 2019, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqspp/zfxxgknb/202001/80567_平潭综合实验区苏平片区管理局2019年政府信息公开工作年度报告/page.txt",
        "body_start": "苏平片区管理局根据新修订的",
        "t2": {"rules": [0, 0, 0], "normative": [0, 0, 0], "license": [0, 0, 0], "other_services": [0, 1, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [9, "152.2万元"]},
    },
    "pt-spp-2020": {
        # Published as a covering letter (标题 "…关于报送2020年度政府信息公开工作年度报告的函", addressed to
        # "区办公室：") with the whole report below it: the report is taken from "根据《…条例》要求" on; the
        # letter's title stays meta.title, as published.  Tables of the 2019 format.
        "org": "平潭综合实验区苏平片区管理局", "year": 2020, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqspp/zfxxgknb/202101/80586_平潭综合实验区苏平片区管理局关于报送2020年度政府信息公开工作年度报告的函/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》要求",
        "signature": "平潭综合实验区苏平片区管理局 2021年1月26日",
        # Read from page.html's cells: 其他对外管理服务事项 "110" = 1 / 1 / 0, 政府集中采购 "161089059" =
        # 16 / 1089059 (header 采购总金额, no unit); 规范性文件 "0 0　0" = 0 / 0 / 0 (the third cell is "　0").
        # 表三 from page.txt: every row has seven digits, one a cell (the html's cells agree).
        "t2": {"rules": [0, 0, 0], "normative": [0, 0, 0], "license": [0, 0, 0], "other_services": [1, 1, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [16, 1089059]},
        "t3": {"1": [2, 0, 0, 0, 0, 0, 2], "3.1": [2, 0, 0, 0, 0, 0, 2], "3.7": [2, 0, 0, 0, 0, 0, 2]},
    },
    "pt-spp-2021": {
        "org": "平潭综合实验区苏平片区管理局", "year": 2021, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqspp/zfxxgknb/202201/80598_平潭综合实验区苏平片区管理局2021年政府信息公开年度报告/page.txt",
        # 行政规范性文件 "101" = 1 / 0 / 1; 表三 rows of seven digits, one a cell.
        "t2": t2_2021([0, 0, 0], [1, 0, 1], 3, 0, 0, 0),
        "t3": {"1": [1, 0, 0, 0, 0, 0, 1], "3.2": [1, 0, 0, 0, 0, 0, 1], "3.7": [1, 0, 0, 0, 0, 0, 1]},
    },
    "pt-spp-2022": {
        "org": "平潭综合实验区苏平片区管理局", "year": 2022, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqspp/zfxxgknb/202301/80616_平潭综合实验区苏平片区管理局2022年度政府信息公开工作年度报告/page.txt",
        # No signature or date at the end of the page.  表三 rows of seven digits, one a cell.
        "t2": ZERO2021,
        "t3": {"1": [1, 0, 0, 0, 0, 0, 1], "3.2": [1, 0, 0, 0, 0, 0, 1], "3.7": [1, 0, 0, 0, 0, 0, 1]},
    },
    "pt-spp-2023": {
        # The last two parts are "五、信息处理费收取情况" (a table 通知收取件数/通知收取金额/实际收取金额: 0 0 0)
        # and "六、存在的主要问题和改进情况"; there is no "其他需要报告的事项".  Read as published, by content:
        # section 5 = its 六 (the problems), section 6 = its 五 (the 信息处理费, which the 2021 format reports
        # in section 6) -- hence the page-order headings.  No signature or date.  All tables 0.
        "org": "平潭综合实验区苏平片区管理局", "year": 2023, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqspp/zfxxgknb/202401/86521_平潭综合实验区苏平片区管理局2023年度政府信息公开工作年度报告/page.txt",
        "headings": {"6": r"五、\s*信息处理费收取情况", "5": r"六、\s*存在的主要问题和改进情况"},
        "t2": ZERO2021,
    },
    "pt-spp-2024": {
        # Parts 五 (信息处理费) and 六 (problems) as in pt-spp-2023.  No signature or date.
        "org": "平潭综合实验区苏平片区管理局", "year": 2024, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqspp/zfxxgknb/202501/96685_平潭综合实验区苏平片区管理局2024年度政府信息公开工作年度报告/page.txt",
        "headings": {"6": r"五、\s*信息处理费收取情况", "5": r"六、\s*存在的主要问题和改进情况"},
        # 表三 rows of seven digits, one a cell: 新收 2 = 不掌握 1 + （六）3.其他 1.
        "t2": ZERO2021,
        "t3": {"1": [2, 0, 0, 0, 0, 0, 2], "3.4.1": [1, 0, 0, 0, 0, 0, 1], "3.6.3": [1, 0, 0, 0, 0, 0, 1],
               "3.7": [2, 0, 0, 0, 0, 0, 2]},
    },
    "pt-spp-2025": {
        # Parts 五 (信息处理费) and 六 (problems) as in pt-spp-2023.  No signature or date.
        "org": "平潭综合实验区苏平片区管理局", "year": 2025, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqspp/zfxxgknb/202601/104740_平潭综合实验区苏平片区管理局2025年度政府信息公开工作年度报告/page.txt",
        "headings": {"6": r"五、\s*信息处理费收取情况", "5": r"六、\s*存在的主要问题和改进情况"},
        # 表三 rows of seven digits, one a cell: 新收 3 = 部分公开 2 + 信访举报投诉类 1.
        "t2": ZERO2021,
        "t3": {"1": [3, 0, 0, 0, 0, 0, 3], "3.2": [2, 0, 0, 0, 0, 0, 2], "3.5.1": [1, 0, 0, 0, 0, 0, 1],
               "3.7": [3, 0, 0, 0, 0, 0, 3]},
    },
    "pt-htp-2022": {
        # A 2022 report published with the tables of the 2019 format (表二 新制作/上一年项目数量/政府集中采购,
        # 表三（六）其他处理 a single row): kept in that format, as published.
        "org": "平潭综合实验区海坛片区管理局", "year": 2022, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqhtp/zfxxgknb/202301/80619_平潭综合实验区海坛片区管理局 2022年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # 政府集中采购 "00元": 0 / "0元".
        "t2": {"rules": [0, 0, 0], "normative": [0, 0, 0], "license": [0, 0, 0], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [0, "0元"]},
        "t3": {"1": [4, 0, 0, 0, 0, 0, 4], "3.3.4": [1, 0, 0, 0, 0, 0, 1], "3.4.1": [3, 0, 0, 0, 0, 0, 3]},
    },
    "pt-htp-2019": {
        "org": "平潭综合实验区海坛片区管理局", "year": 2019, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqhtp/zfxxgknb/202001/80570_平潭综合实验区海坛片区管理局2019年度政府信息公开工作年度报告/page.txt",
        # Read from page.html's cells: 其他对外管理服务事项 "033" = 0 / 3 / 3, 政府集中采购 "1018703元" =
        # 10 / "18703元".  表三 and 表四 rows of single digits, all 0 (统计期限 2019-09-01 to 2019-12-31: the
        # 片区 was set up in 2019-08).
        "t2": {"rules": [0, 0, 0], "normative": [0, 0, 0], "license": [0, 0, 0], "other_services": [0, 3, 3],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [10, "18703元"]},
    },
    "pt-htp-2020": {
        "org": "平潭综合实验区海坛片区管理局", "year": 2020, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqhtp/zfxxgknb/202101/80579_平潭综合实验区海坛片区管理局2020年度政府信息公开工作年度报告/page.txt",
        # Read from page.html's cells: 其他对外管理服务事项 "203" = 2 / 0 / 3 (上一年 2, though the 2019 report
        # has 0 + 3 = 3 of them), 政府集中采购 "3922533.2元" = 3 / "922533.2元".  规范性文件 "111" = 1 / 1 / 1
        # (the text: 规章和规范性文件1条).  表三 and 表四 all 0 (the text: 片区共受理依申请公开 0 件).
        "t2": {"rules": [0, 0, 0], "normative": [1, 1, 1], "license": [0, 0, 0], "other_services": [2, 0, 3],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [3, "922533.2元"]},
    },
    "pt-htp-2021": {
        # A 2021 report published with the tables of the 2019 format (表二 新制作/上一年项目数量/政府集中采购,
        # 表三（六）其他处理 a single row): kept in that format, as published (like pt-htp-2022).
        "org": "平潭综合实验区海坛片区管理局", "year": 2021, "format": "2019", "kind": "other",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqhtp/zfxxgknb/202201/80599_平潭综合实验区海坛片区管理局 关于2021年度政府信息公开工作年度报告/page.txt",
        # The body opens with the title run into the addressee "区管委会办公室：" (dropped with the title) and
        # ends "此函 平潭综合实验区海坛片区管理局 2022年1月7日 海坛片区管理局党政办公室 2022年1月7日印发"
        # ("此函" left at the end of 第六部分, as in pt-htp-2022).
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        "signature": "平潭综合实验区海坛片区管理局 2022年1月7日 海坛片区管理局党政办公室 2022年1月7日印发",
        # Read from page.html's cells: 政府集中采购 "328291965元" = 3 / "28291965元"; 规范性文件 "444" = 4 / 4 / 4,
        # 行政许可 "111" = 1 / 1 / 1.  表三 （七）总计 "1000000" = 自然人 1, every other cell 0 (page.html),
        # though 新收 and every result row are 0 (the text: 2021年暂未接到群众对依申请公开信息申请).
        "t2": {"rules": [0, 0, 0], "normative": [4, 4, 4], "license": [1, 1, 1], "other_services": [0, 0, 0],
               "penalty": [0, 0, 0], "enforcement": [0, 0, 0], "fees": [0, 0], "procurement": [3, "28291965元"]},
        "t3": {"3.7": [1, 0, 0, 0, 0, 0, 0]},
    },
    "pt-htp-2023": {
        "org": "平潭综合实验区海坛片区管理局", "year": 2023, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqhtp/zfxxgknb/202401/86513_平潭综合实验区海坛片区管理局 2023年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        # The page's 表二 is the 2021 one but has no 规章 row at all (blank here); 规范性文件 header
        # "先行有效件数" (sic).  Its 表三 is the 2019 one: a single （六）其他处理 row (0000000), kept here as the
        # three 3.6.x rows of the 2021 format, all 0 (t3_page_format: make_corpus --check reads the page's rows
        # by the 2019 labels).  Every cell a single 0 (the text: 2023年我局未收到依申请公开事宜).
        "t3_page_format": "2019",
        "t2": t2_2021([None, None, None], [0, 0, 0], 0, 0, 0, 0),
    },
    "pt-htp-2024": {
        "org": "平潭综合实验区海坛片区管理局", "year": 2024, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqhtp/zfxxgknb/202501/96894_平潭综合实验区海坛片区管理局 2024年度政府信息公开工作年度报告/page.txt",
        # No 规章 row in 表二 (blank here), every other cell 0.  表三 rows of seven single digits, checked in
        # page.html's cells: the 总计 column is 0 in every row (一、新收 "5100000" = 自然人 5 / 商业企业 1 / … /
        # 总计 0); 自然人 results 不掌握 4 + 补正后仍不明确 1 + 逾期不补正 1 = 6 against （七）总计 5; the text
        # says 共受理政府信息公开申请6件.  表四 复议 其他结果 1 / 总计 1 (the text: 行政复议1件，当事人后续主动撤诉).
        "t2": t2_2021([None, None, None], [0, 0, 0], 0, 0, 0, 0),
        "t3": {"1": [5, 1, 0, 0, 0, 0, 0], "3.4.1": [4, 0, 0, 0, 0, 0, 0], "3.4.3": [1, 0, 0, 0, 0, 0, 0],
               "3.6.1": [1, 0, 0, 0, 0, 0, 0], "3.6.3": [0, 1, 0, 0, 0, 0, 0], "3.7": [5, 1, 0, 0, 0, 0, 0]},
        "t4": [0, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0],
    },
    "pt-htp-2025": {
        "org": "平潭综合实验区海坛片区管理局", "year": 2025, "format": "2021", "kind": "other",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": "pingtan/zwgk/zfxxgk/dfbmptlj/ptzhsyqpq/ptzhsyqhtp/zfxxgknb/202601/104826_平潭综合实验区海坛片区管理局2025年度政府信息公开工作年度报告/page.txt",
        "signature": "平潭综合实验区海坛片区管理局 2026年1月26日 （此件主动公开）",
        # No 规章 row in 表二 (blank here), every other cell 0.  表三 rows of seven single digits, checked in
        # page.html's cells: the 总计 column is 0 in every row (一、新收 "2000000" = 自然人 2 / … / 总计 0);
        # 自然人 部分公开 1 + 不掌握 1 = （七）总计 2 (the text: 全年共受理政府信息公开申请2件).
        "t2": t2_2021([None, None, None], [0, 0, 0], 0, 0, 0, 0),
        "t3": {"1": [2, 0, 0, 0, 0, 0, 0], "3.2": [1, 0, 0, 0, 0, 0, 0], "3.4.1": [1, 0, 0, 0, 0, 0, 0],
               "3.7": [2, 0, 0, 0, 0, 0, 0]},
    },
    "pt-jtj-2019": {
        "org": "平潭综合实验区交通与建设局", "year": 2019, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "fe0e772aba96fd6e7c66455122fe77e9f57251ff",
        "path": PT + "ptzhsyqjtj/zfxxgknb/202001/80563_平潭综合实验区交通与建设局2019年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        "signature": "平潭综合实验区交通与建设局 2020年1月2日 （联系人：林耀，联系方式：0591-23163407） 附件下载",
        # Read 2026-11-30 from page.html's cells (the text runs them together): 行政许可 "8801" = 88 / 0 / 1,
        # 行政处罚 "2600" = 26 / 0 / 0, 行政事业性收费 "114" = 11 / 4 (the 2020 report's 上一年 15), 政府集中采购
        # "547.9659万元" = 5 / "47.9659万元".
        "t2": {"rules": [0, 0, 0], "normative": [2, 2, 2], "license": [88, 0, 1], "other_services": [0, 0, 0],
               "penalty": [26, 0, 0], "enforcement": [0, 0, 0], "fees": [11, 4], "procurement": [5, "47.9659万元"]},
        "t3": {"1": [1, 0, 0, 0, 0, 0, 1], "3.4.1": [1, 0, 0, 0, 0, 0, 1], "3.7": [1, 0, 0, 0, 0, 0, 1]},
    },
    "pt-jtj-2020": {
        "org": "平潭综合实验区交通与建设局", "year": 2020, "format": "2019", "kind": "department",
        "repo": REPO, "commit": "056fdbf0b5854167661b2fbf732a75baa9aa1c64",
        "path": PT + "ptzhsyqjtj/zfxxgknb/202101/80580_平潭综合实验区交通与建设局2020年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        "signature": "平潭综合实验区交通与建设局 2021年1月26日 （联系人：林耀，联系方式：0591-23163387） 附件下载",
        # Read 2026-11-30 from page.html's cells: 行政许可 "88-720" = 88 / -72 / 0, 行政处罚 "26-260" = 26 / -26 / 0,
        # 行政事业性收费 "15-15" = 15 / -15, 政府集中采购 "263042532" = 26 / 3042532 (header 采购总金额（元）).
        "t2": {"rules": [0, 0, 0], "normative": [3, 3, 5], "license": [88, -72, 0], "other_services": [0, 0, 0],
               "penalty": [26, -26, 0], "enforcement": [0, 0, 0], "fees": [15, -15], "procurement": [26, 3042532]},
        "t3": {"1": [2, 0, 0, 0, 0, 0, 2], "3.4.1": [2, 0, 0, 0, 0, 0, 2], "3.7": [2, 0, 0, 0, 0, 0, 2]},
    },
    "pt-jtj-2021": {
        "org": "平潭综合实验区交通与建设局", "year": 2021, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "ec2c20622bc6953e6953401ce5430fcf17fea6c8",
        "path": PT + "ptzhsyqjtj/zfxxgknb/202201/80603_平潭综合实验区交通与建设局2021年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据《中华人民共和国政府信息公开条例》",
        "signature": "平潭综合实验区交通与建设局 2022年1月7日 （联系人：林耀，联系方式：0591-23163387） 附件下载",
        # 行政规范性文件 "0012": 0 / 0 / 12 (a cell cannot be "00" or "01"; the 2022 report's 4 new + 12 = 16).
        # 表三 from page.txt: 5 = 予以公开 3 + 部分公开 1 + 不掌握 1 (the text says the same).
        "t2": t2_2021([0, 0, 0], [0, 0, 12], 0, 2, 0, 0),
        "t3": {"1": [5, 0, 0, 0, 0, 0, 5], "3.1": [3, 0, 0, 0, 0, 0, 3], "3.2": [1, 0, 0, 0, 0, 0, 1],
               "3.4.1": [1, 0, 0, 0, 0, 0, 1], "3.7": [5, 0, 0, 0, 0, 0, 5]},
    },
    "pt-jtj-2022": {
        "org": "平潭综合实验区交通与建设局", "year": 2022, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqjtj/zfxxgknb/202301/80623_平潭综合实验区交通与建设局2022年度政府信息公开工作年度报告/page.txt",
        "body_start": "根据新修订的《中华人民共和国政府信息公开条例》",
        # Every cell separated by a space in page.txt.  The page has no signature (it ends at 第六部分).  表四's
        # header is spaced too ("尚未 审结").
        "t2": t2_2021([0, 0, 0], [4, 0, 16], 0, 0, 0, 0),
        "t3": {"1": [11, 0, 0, 0, 0, 0, 11], "3.1": [7, 0, 0, 0, 0, 0, 7], "3.4.1": [4, 0, 0, 0, 0, 0, 4],
               "3.7": [11, 0, 0, 0, 0, 0, 11]},
    },
    "pt-jtj-2023": {
        "org": "平潭综合实验区交通与建设局", "year": 2023, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "91d094a45030d3c40a8ba761b5e64fec0b554434",
        "path": PT + "ptzhsyqjtj/zfxxgknb/202402/86867_平潭综合实验区交通与建设局2023年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30: 行政规范性文件 "5615" = 5 / 6 / 15 in page.html's cells; 表三 from page.txt (the total
        # cells spaced: "1400000 14" = 14, 0×5, 14) and checked in page.html: 部分公开 7 + 不掌握 5 + 重复申请 1 +
        # 逾期不补正 1 = 14.
        "t2": t2_2021([0, 0, 0], [5, 6, 15], 0, 0, 0, 0),
        "t3": {"1": [14, 0, 0, 0, 0, 0, 14], "3.2": [7, 0, 0, 0, 0, 0, 7], "3.4.1": [5, 0, 0, 0, 0, 0, 5],
               "3.5.2": [1, 0, 0, 0, 0, 0, 1], "3.6.1": [1, 0, 0, 0, 0, 0, 1], "3.7": [14, 0, 0, 0, 0, 0, 14]},
    },
    "pt-jtj-2024": {
        "org": "平潭综合实验区交通与建设局", "year": 2024, "format": "2021", "kind": "department",
        "repo": REPO, "commit": "16868d19a1d8212230ee4c5df4ce40d00db59a01",
        "path": PT + "ptzhsyqjtj/zfxxgknb/202501/97049_平潭综合实验区交通与建设局2024年度政府信息公开工作年度报告/page.txt",
        # Read 2026-11-30 from page.html's cells: 行政规范性文件 "3123" = 3 / 1 / 23; 表三 "3200000 32" = 32, 0×5, 32
        # (三类内部事务信息), "1000000 10" = 10, 0×5, 10 (不掌握); 9 + 3 + 4 + 32 + 10 = 58.
        "t2": t2_2021([0, 0, 0], [3, 1, 23], 0, 0, 0, 0),
        "t3": {"1": [58, 0, 0, 0, 0, 0, 58], "3.1": [9, 0, 0, 0, 0, 0, 9], "3.2": [3, 0, 0, 0, 0, 0, 3],
               "3.3.1": [4, 0, 0, 0, 0, 0, 4], "3.3.5": [32, 0, 0, 0, 0, 0, 32], "3.4.1": [10, 0, 0, 0, 0, 0, 10],
               "3.7": [58, 0, 0, 0, 0, 0, 58]},
    },
}
