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
}
