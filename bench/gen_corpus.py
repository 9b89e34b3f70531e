#!/usr/bin/env python3
"""Deterministic synthetic content for benchmarks, in the content contract's
format (../shared/spec/content-format.md): D departments x Y years, every
section filled with figures that add up (gongkai check passes), narratives of
2-8 KB of Chinese text with headings, a list and a table, and a glossary of
40 terms. Every department is marked illustrative: the data is synthetic.

    bench/gen_corpus.py --departments 1000 --years 3 --out bench/corpus/3000 --seed 1

Same arguments, same bytes. Amounts are whole hundredths of 万元 (exact).

The narratives are recombinations of a few hundred phrases: the whole site
has a small vocabulary (15,622 distinct search tokens at 9,000
department-years), which real disclosures do not. `--rich-text N` ends each
narrative with a section of N characters drawn, by a Zipf law, from 3,500
CJK ideographs (a fixed random choice, as many as the common-use list),
in clauses of 6 to 24: nearly every trigram of it is new, more varied than
real prose, so it bounds from above what a real vocabulary costs the
search index. Without it the bytes are those of the plain corpus.
"""
import argparse
import itertools
import os
import random
import shutil

REGION = "示例市合成区"
DISTRICTS = ["东城", "西城", "南关", "北苑", "河东", "河西", "新华", "建设", "胜利", "和平", "滨河", "城郊"]
DOMAINS = ["教育", "卫生健康", "民政", "财政", "人力资源", "自然资源", "生态环境", "住房建设", "交通运输", "水务",
           "农业农村", "商务", "文化旅游", "应急管理", "审计", "统计", "医疗保障", "市场监管", "体育", "退役军人事务",
           "信访", "司法", "档案", "机关事务", "供销", "科技", "工业信息化", "城市管理", "园林绿化", "市政设施",
           "社会保险", "住房公积金", "国有资产", "粮食储备", "林业", "气象", "地震", "人民防空", "妇女儿童", "残疾人服务"]
KINDS = ["局", "服务中心", "管理所", "事务中心", "综合执法队", "发展中心"]
NATURES = ["行政单位", "参照公务员法管理事业单位", "事业单位"]
RANKS = ["正科级", "副科级", "股级"]
FUNCTIONS = [("2010101", "行政运行"), ("2010102", "一般行政管理事务"), ("2010150", "事业运行"),
             ("2050101", "行政运行"), ("2080201", "行政运行"), ("2080208", "基层政权建设"), ("2100101", "行政运行"),
             ("2101101", "行政单位医疗"), ("2080505", "机关事业单位基本养老保险缴费支出"), ("2210201", "住房公积金"),
             ("2120101", "行政运行"), ("2130101", "行政运行"), ("2140101", "行政运行"), ("2240101", "行政运行")]
PERSONNEL_ECON = [("30101", "基本工资"), ("30102", "津贴补贴"), ("30108", "机关事业单位基本养老保险缴费"),
                  ("30113", "住房公积金")]
PUBLIC_ECON = [("30201", "办公费"), ("30205", "水费"), ("30206", "电费"), ("30211", "差旅费")]
SUBJECTS = ["本部门", "各预算单位", "机关各科室", "所属事业单位", "区财政部门", "项目实施单位", "部门党组", "本单位"]
ACTIONS = ["严格执行", "认真落实", "统筹安排", "进一步规范", "持续加强", "稳步推进", "全面梳理", "切实做好", "优化调整", "逐项核实"]
OBJECTS = ["预算绩效管理", "政府采购程序", "国有资产配置", "公务接待标准", "差旅费报销制度", "项目支出评审", "内部控制制度",
           "财务信息公开", "专项资金监管", "会议费培训费管理", "公务用车使用登记", "结转结余资金清理", "基层服务网点建设",
           "信息化系统运维", "业务人员培训", "应急物资储备", "社区服务设施", "档案数字化整理", "安全生产检查", "民生实事项目"]
PURPOSES = ["确保资金使用安全高效", "提高公共服务水平", "保障机构正常运转", "压减一般性支出", "增强预算约束力",
            "提升群众满意度", "推动重点任务落实", "防范财务风险", "做到应公开尽公开", "厉行节约反对浪费"]
CONNECT = ["同时", "此外", "在此基础上", "与此同时", "按照有关规定", "根据年度工作计划", "结合上年执行情况"]
ITEMS = [("台式计算机", "台", "A02010104"), ("便携式计算机", "台", "A02010105"), ("打印设备", "台", "A02021000"),
         ("复印纸", "箱", "A090101"), ("办公桌椅", "套", "A0601"), ("空调机", "台", "A02061800")]
GLOSSARY = [
    ("general-public-income", "一般公共预算拨款收入", ["一般公共预算拨款"]), ("government-fund-income", "政府性基金预算拨款收入", []),
    ("business-income", "事业收入", []), ("other-income", "其他收入", []), ("carryover", "上年结转", ["年初结转和结余"]),
    ("basic-expenditure", "基本支出", []), ("project-expenditure", "项目支出", []), ("personnel-expenses", "人员经费", []),
    ("public-expenses", "日常公用经费", ["公用经费"]), ("three-public", "“三公”经费", ["三公经费"]),
    ("outbound", "因公出国（境）费", []), ("vehicle-purchase", "公务用车购置费", []), ("vehicle-operation", "公务用车运行维护费", []),
    ("reception", "公务接待费", []), ("operating-expenses", "机关运行经费", []), ("carry-forward", "结转下年", ["年末结转和结余"]),
    ("procurement", "政府采购", []), ("performance-goal", "绩效目标", []), ("performance-indicator", "绩效指标", []),
    ("final-accounts", "部门决算", []), ("department-budget", "部门预算", []), ("budget-unit", "预算单位", []),
    ("functional-classification", "支出功能分类", ["功能分类"]), ("economic-classification", "支出经济分类", ["经济分类"]),
    ("state-assets", "国有资产", []), ("fixed-assets", "固定资产", []), ("special-account", "财政专户管理资金", []),
    ("state-capital", "国有资本经营预算", []), ("transfer-payment", "转移支付", []), ("meeting-fees", "会议费", []),
    ("training-fees", "培训费", []), ("pension-contribution", "机关事业单位基本养老保险缴费", []),
    ("housing-fund", "住房公积金", []), ("medical-insurance", "职工基本医疗保险缴费", []), ("office-fees", "办公费", []),
    ("travel-fees", "差旅费", []), ("budget-disclosure", "预算公开", []), ("final-disclosure", "决算公开", []),
    ("internal-control", "内部控制", []), ("performance-evaluation", "绩效评价", [])]


def wan(v):
    """Hundredths of 万元 as a literal."""
    return f"{v // 100}.{v % 100:02d}"


def split(rng, total, k):
    cuts = sorted(rng.randint(0, total) for _ in range(k - 1))
    bounds = [0] + cuts + [total]
    return [bounds[i + 1] - bounds[i] for i in range(k)]


def sentence(rng, amount=None):
    s = f"{rng.choice(CONNECT)}，{rng.choice(SUBJECTS)}{rng.choice(ACTIONS)}{rng.choice(OBJECTS)}"
    if amount is not None:
        s += f"，安排资金{wan(amount)}万元"
    return s + f"，{rng.choice(PURPOSES)}。"


def narrative(rng, name, year, figures):
    target = rng.randint(2048, 8192)
    num = ["一", "二", "三", "四", "五", "六", "七", "八"]
    out = [f"## 一、{year}年工作任务\n\n{name}{year}年收支预算{wan(figures['total'])}万元。" + sentence(rng) + "\n"]
    if rng.random() < 0.1:  # some English, for word queries
        out.append(f"本部门推行绩效预算（Performance Budgeting），{rng.choice(PURPOSES)}。\n")
    section = 1
    while len("\n".join(out).encode()) < target:
        section += 1
        heading = rng.choice(OBJECTS)
        out.append(f"## {num[min(section, 8) - 1]}、{heading}\n")
        out.append("".join(sentence(rng, rng.randint(100, 50000) if rng.random() < 0.4 else None)
                           for _ in range(rng.randint(2, 5))) + "\n")
        if section % 3 == 0:
            out.append("\n".join(f"- {rng.choice(OBJECTS)}{wan(rng.randint(100, 20000))}万元，{rng.choice(PURPOSES)}；"
                                 for _ in range(rng.randint(2, 4))) + "\n")
        if section == 4:
            rows = "\n".join(f"| {rng.choice(OBJECTS)} | {wan(rng.randint(100, 9000))} | {rng.choice(SUBJECTS)} |"
                             for _ in range(rng.randint(2, 4)))
            out.append(f"| 项目 | 金额（万元） | 实施单位 |\n| --- | ---: | --- |\n{rows}\n")
    return "\n".join(out)


class RichText:
    """Text with a large vocabulary (--rich-text), from its own generator so
    that the plain corpus's bytes do not depend on it."""

    def __init__(self, seed):
        chooser = random.Random(seed * 7_000_003)
        self.chars = [chr(c) for c in chooser.sample(range(0x4E00, 0x9FA6), 3500)]
        self.cum_weights = list(itertools.accumulate(1.0 / (k + 1) for k in range(len(self.chars))))
        self.seed = seed

    def section(self, department, year, length):
        rng = random.Random(self.seed * 9_000_011 + department * 131 + year)
        out, n = [], 0
        while n < length:
            clause = rng.randint(6, 24)
            out.extend(rng.choices(self.chars, cum_weights=self.cum_weights, k=clause))
            out.append(rng.choice("，，，。；"))
            n += clause + 1
        return "\n## 补充说明\n\n" + "".join(out) + "\n"


def budget_toml(rng, name, year):
    personnel = rng.randint(3000, 300000)
    public = rng.randint(500, 60000)
    basic = personnel + public
    project = rng.randint(0, 200000)
    other = rng.choice([0, 0, rng.randint(0, 5000)])
    total = basic + project + other
    carry_forward = rng.choice([0, 0, rng.randint(0, 3000)])
    fund, business, other_income, carryover = (rng.choice([0, rng.randint(0, total // 10)]) for _ in range(4))
    general = total + carry_forward - fund - business - other_income - carryover
    outbound = rng.choice([0, 0, 0, rng.randint(0, 300)])
    vehicle_purchase = rng.choice([0, 0, rng.randint(0, 2000)])
    vehicle_operation = rng.randint(0, min(public // 4, 800))
    reception = rng.randint(0, min(public // 5, 300))
    operating = rng.randint(max(1, public // 2), public)
    lines = [f"# {name} {year}年部门预算（合成数据 synthetic：由 bench/gen_corpus.py 生成）", "",
             f"year = {year}", f'source = "https://example.invalid/{year}"', ""]
    for _ in range(rng.randint(1, 2)):
        lines += ["[[units]]", f'name    = "{name}{rng.choice(["", "机关", "服务站"])}"',
                  f'nature  = "{rng.choice(NATURES)}"', f'rank    = "{rng.choice(RANKS)}"', 'funding = "财政全额拨款"', ""]
    lines += ["[income]", f"general_public     = {wan(general)}", f"government_fund    = {wan(fund)}",
              f"business           = {wan(business)}", f"other              = {wan(other_income)}",
              f"carryover          = {wan(carryover)}", f"total              = {wan(total + carry_forward)}", "",
              "[expenditure]", f"personnel          = {wan(personnel)}", f"public             = {wan(public)}",
              f"basic              = {wan(basic)}", f"project            = {wan(project)}",
              f"other              = {wan(other)}", f"total              = {wan(total)}",
              f"carry_forward      = {wan(carry_forward)}", "",
              "[operating_expenses]", f"amount = {wan(operating)}", "",
              "[three_public]", f"outbound          = {wan(outbound)}", f"vehicle_purchase  = {wan(vehicle_purchase)}",
              f"vehicle_operation = {wan(vehicle_operation)}",
              f"vehicle_total     = {wan(vehicle_purchase + vehicle_operation)}", f"reception         = {wan(reception)}",
              f"total             = {wan(outbound + vehicle_purchase + vehicle_operation + reception)}", "",
              "[three_public.counts]", f"vehicles_owned = {rng.randint(0, 6)}",
              f"reception_batches = {rng.randint(0, 40)}", f"reception_people = {rng.randint(0, 200)}", "",
              "[meetings_training]", f"meeting  = {wan(rng.randint(0, 500))}", f"training = {wan(rng.randint(0, 800))}", "",
              "[notes]", 'duties = """', f"一、负责{rng.choice(DOMAINS)}领域{rng.choice(OBJECTS)}工作。", "",
              f"二、承担{rng.choice(OBJECTS)}和{rng.choice(OBJECTS)}的组织实施。", '"""',
              f'change = "主要是{rng.choice(OBJECTS)}支出{rng.choice(["增加", "减少"])}。"', ""]
    # 项-level function rows: basic and project split over them (rollups are computed).
    rows = rng.sample(FUNCTIONS, rng.randint(2, 5))
    for (code, fname), b, p in zip(rows, split(rng, basic, len(rows)), split(rng, project, len(rows))):
        lines += ["[[by_function]]", f'code    = "{code}"', f'name    = "{fname}"', f"basic   = {wan(b)}",
                  f"project = {wan(p)}", ""]
    # The economic rows of the basic scope add up to basic, as the function rows do.
    for (code, ename), amount in list(zip(PERSONNEL_ECON, split(rng, personnel, len(PERSONNEL_ECON)))) + \
            list(zip(PUBLIC_ECON, split(rng, public, len(PUBLIC_ECON)))):
        lines += ["[[by_economic]]", f'code   = "{code}"', f'name   = "{ename}"', f"amount = {wan(amount)}", ""]
    lines += ["[performance]", f'goal = "{sentence(rng)}"', ""]
    for level1, level2 in [("产出指标", "数量指标"), ("产出指标", "质量指标"), ("效益指标", "社会效益指标"),
                           ("满意度指标", "服务对象满意度指标")][:rng.randint(2, 4)]:
        lines += ["[[performance.indicators]]", f'level1      = "{level1}"', f'level2      = "{level2}"',
                  f'level3      = "{rng.choice(OBJECTS)}完成率"', f'description = "{rng.choice(PURPOSES)}"',
                  'operator    = ">="', f"value       = {rng.randint(80, 100)}", 'unit        = "%"',
                  f'basis       = "{rng.choice(OBJECTS)}有关规定"', ""]
    for _ in range(rng.randint(0, 3)):
        item, measure, catalog = rng.choice(ITEMS)
        quantity, price = rng.randint(1, 20), rng.randint(1, 80)
        lines += ["[[procurement]]", f'project         = "{rng.choice(OBJECTS)}"', f'item            = "{item}"',
                  f'catalog         = "{catalog}"', f'measure         = "{measure}"', f"quantity        = {quantity}",
                  f"unit_price      = {wan(price)}", f"general_public  = {wan(quantity * price)}",
                  f"total           = {wan(quantity * price)}", ""]
    house = rng.randint(1000, 200000)
    office = rng.randint(0, house)
    car = rng.randint(0, 5000)
    lines += ["[assets]", f"as_of            = {year - 1}-12-31", f"total            = {wan(house + car)}",
              f"planned_purchase = {wan(rng.randint(0, 3000))}", "",
              "[[assets.items]]", 'name     = "房屋"', 'measure  = "平方米"', f"quantity = {rng.randint(100, 5000)}",
              f"value    = {wan(house)}", "", "[[assets.items]]", 'name     = "办公用房"', 'part_of  = "房屋"',
              'measure  = "平方米"', f"quantity = {rng.randint(50, 100)}", f"value    = {wan(office)}", "",
              "[[assets.items]]", 'name     = "车辆"', 'measure  = "辆"', f"quantity = {rng.randint(0, 5)}",
              f"value    = {wan(car)}", ""]
    return "\n".join(lines), {"total": total}


def department_names(count):
    names = []
    for i in range(count):
        d = DISTRICTS[i % len(DISTRICTS)]
        domain = DOMAINS[(i // len(DISTRICTS)) % len(DOMAINS)]
        kind = KINDS[(i // (len(DISTRICTS) * len(DOMAINS))) % len(KINDS)]
        round_ = i // (len(DISTRICTS) * len(DOMAINS) * len(KINDS))
        names.append(f"{REGION}{d}{domain}{kind}" + (f"第{round_ + 1}分部" if round_ else ""))
    return names


def write(path, text):
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--departments", type=int, default=100)
    ap.add_argument("--years", type=int, default=3)
    ap.add_argument("--first-year", type=int, default=2019)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--rich-text", type=int, default=0, metavar="N",
                    help="end each narrative with N characters of a large vocabulary (default 0: none)")
    args = ap.parse_args()
    rich = RichText(args.seed) if args.rich_text > 0 else None
    if os.path.exists(args.out):
        shutil.rmtree(args.out)
    os.makedirs(os.path.join(args.out, "departments"))
    write(os.path.join(args.out, "site.toml"),
          f'title = "{REGION}部门预决算公开（合成基准数据）"\nregion = "{REGION}"\nlanguage = "zh-CN"\nunit = "万元"\n'
          f'description = "由 bench/gen_corpus.py 生成的合成数据，仅用于性能测试。"\n')
    rng = random.Random(args.seed)
    glossary = []
    for term_id, name, aliases in GLOSSARY:
        alias_text = f"\naliases    = [{', '.join(chr(34) + a + chr(34) for a in aliases)}]" if aliases else ""
        glossary.append(f'[[term]]\nid         = "{term_id}"\nname       = "{name}"{alias_text}\n'
                        f'definition = "指{rng.choice(SUBJECTS)}为{rng.choice(PURPOSES)}而{rng.choice(ACTIONS)}的{rng.choice(OBJECTS)}相关资金。"\n')
    write(os.path.join(args.out, "glossary.toml"), "# 合成数据\n\n" + "\n".join(glossary))
    for i, name in enumerate(department_names(args.departments)):
        dept_rng = random.Random(args.seed * 1_000_003 + i)
        folder = os.path.join(args.out, "departments", f"dept-{i + 1:05d}")
        os.makedirs(folder)
        write(os.path.join(folder, "department.toml"),
              f'name = "{name}"\ncode = "{900000 + i}"\ncategory = "合成部门"\norder = {i + 1}\nillustrative = true\n')
        for y in range(args.first_year, args.first_year + args.years):
            text, figures = budget_toml(dept_rng, name, y)
            write(os.path.join(folder, f"{y}.toml"), text)
            story = narrative(dept_rng, name, y, figures)
            if rich:
                story += rich.section(i, y, args.rich_text)
            write(os.path.join(folder, f"{y}.md"), story)


if __name__ == "__main__":
    main()
