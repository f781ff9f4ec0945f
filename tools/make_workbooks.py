#!/usr/bin/env python3
"""Writes the workbook fixtures tests/fixtures/wb_* (.xlsx, .xls, .ods) with LibreOffice.

Each workbook is described once below, cell by cell with its type. The script writes it as a
Flat ODS (one XML file, every cell's value type explicit, number formats as ODF data styles),
has LibreOffice (`soffice --headless --convert-to`) save it as .xlsx / .xls / .ods, and writes
the expected reading of the same data as UTF-8 CSV (`wb_*_expected.csv`, `wb_source.csv`):
text as is, dates YYYY-MM-DD, times HH:MM:SS, numbers as the shortest decimal (1200, 12.5),
booleans TRUE/FALSE, error cells as their code (#N/A), empty cells empty. It then checks that
the .xlsx files hold what was meant (cell types, number formats, date1904) and prints a summary.

Run it from the repository root: python3 tools/make_workbooks.py [--keep-fods DIR]
Needs soffice (Debian: apt-get install libreoffice-calc-nogui). The workbooks' bytes change on
every run (LibreOffice stamps the save time); their contents do not.
"""
import argparse
import csv
import datetime as dt
import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
import zipfile
from xml.sax.saxutils import escape

OUT = "tests/fixtures"

# --- cells ------------------------------------------------------------------------------------
# A cell is (kind, value, style, extra). Kinds: s text, n number, d date, t time, b boolean,
# fx formula with its cached number, err formula whose cached value is an error code.


def s(v, style=None):
    return ("s", v, style, None)


def n(v, style=None):
    return ("n", v, style, None)


def d(v, style="date_ja"):
    return ("d", dt.date.fromisoformat(v), style, None)


def t(v, style="time"):
    return ("t", dt.time.fromisoformat(v), style, None)


def b(v):
    return ("b", v, "bool", None)


def fx(formula, cached, style=None):
    return ("fx", cached, style, formula)


def err(formula, code):
    return ("err", code, None, formula)


def blank(style):
    """A styled cell with no value (a formatted empty cell): empty to a reader."""
    return ("blank", "", style, None)


EMPTY = None


def num_text(v):
    """The shortest decimal for a number: 1200, 12.5 (no float noise)."""
    if isinstance(v, int) or float(v).is_integer():
        return str(int(v))
    return repr(float(v))


def expected_text(c):
    if c is None or c[0] == "blank":
        return ""
    kind, v = c[0], c[1]
    if kind == "s":
        return v
    if kind in ("n", "fx"):
        return num_text(v)
    if kind == "d":
        return v.isoformat()
    if kind == "t":
        return v.strftime("%H:%M:%S")
    if kind == "b":
        return "TRUE" if v else "FALSE"
    if kind == "err":
        return v
    raise ValueError(kind)


# --- Flat ODS ---------------------------------------------------------------------------------
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "number": "urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "of": "urn:oasis:names:tc:opendocument:xmlns:of:1.2",
    "calcext": "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
}

# Data styles (number formats). Excel equivalents: yyyy"年"m"月"d"日", yyyy/mm/dd, #,##0, @, hh:mm.
DATA_STYLES = """
<number:date-style style:name="N_DATE_JA" number:language="ja" number:country="JP">
 <number:year number:style="long"/><number:text>年</number:text>
 <number:month/><number:text>月</number:text>
 <number:day/><number:text>日</number:text>
</number:date-style>
<number:date-style style:name="N_DATE_SLASH">
 <number:year number:style="long"/><number:text>/</number:text>
 <number:month number:style="long"/><number:text>/</number:text>
 <number:day number:style="long"/>
</number:date-style>
<number:date-style style:name="N_DATE_ISO">
 <number:year number:style="long"/><number:text>-</number:text>
 <number:month number:style="long"/><number:text>-</number:text>
 <number:day number:style="long"/>
</number:date-style>
<number:number-style style:name="N_THOUSANDS">
 <number:number number:decimal-places="0" number:min-integer-digits="1" number:grouping="true"/>
</number:number-style>
<number:text-style style:name="N_TEXT"><number:text-content/></number:text-style>
<number:time-style style:name="N_TIME">
 <number:hours number:style="long"/><number:text>:</number:text><number:minutes number:style="long"/>
</number:time-style>
<number:boolean-style style:name="N_BOOL"><number:boolean/></number:boolean-style>
"""

# Cell styles: name -> (data style, extra properties XML).
BOLD = '<style:text-properties fo:font-weight="bold" style:font-weight-asian="bold"/>'
CELL_STYLES = {
    "date_ja": ("N_DATE_JA", ""),
    "date_slash": ("N_DATE_SLASH", ""),
    "date_iso": ("N_DATE_ISO", ""),
    "thousands": ("N_THOUSANDS", ""),
    "text": ("N_TEXT", ""),
    "time": ("N_TIME", ""),
    "bool": ("N_BOOL", ""),
    "title": (None, '<style:text-properties fo:font-size="14pt" style:font-size-asian="14pt" '
                    'fo:font-weight="bold" style:font-weight-asian="bold"/>'),
    "header": (None, '<style:table-cell-properties fo:background-color="#dde5f0" '
                     'fo:border-bottom="0.06pt solid #000000"/>' + BOLD),
    "total": (None, '<style:table-cell-properties fo:border-top="0.06pt solid #000000"/>' + BOLD),
    "total_thousands": ("N_THOUSANDS", '<style:table-cell-properties '
                        'fo:border-top="0.06pt solid #000000"/>' + BOLD),
}


def cell_xml(c, span=1):
    if c is None:
        return "<table:table-cell/>"
    kind, v, style, formula = c
    if kind == "blank":
        return f'<table:table-cell table:style-name="{style}"/>'
    a = []
    if style:
        a.append(f'table:style-name="{style}"')
    if span > 1:
        a.append(f'table:number-columns-spanned="{span}" table:number-rows-spanned="1"')
    if formula:
        a.append(f'table:formula="{escape(formula, {chr(34): "&quot;"})}"')
    shown = expected_text(c)
    if kind == "s":
        a.append('office:value-type="string" calcext:value-type="string"')
    elif kind in ("n", "fx"):
        a.append(f'office:value-type="float" office:value="{num_text(v)}" calcext:value-type="float"')
    elif kind == "d":
        a.append(f'office:value-type="date" office:date-value="{v.isoformat()}" calcext:value-type="date"')
    elif kind == "t":
        a.append(f'office:value-type="time" office:time-value="PT{v.hour:02}H{v.minute:02}M{v.second:02}S" '
                 'calcext:value-type="time"')
        shown = v.strftime("%H:%M")
    elif kind == "b":
        a.append(f'office:value-type="boolean" office:boolean-value="{"true" if v else "false"}" '
                 'calcext:value-type="boolean"')
    elif kind == "err":
        # How LibreOffice itself stores a formula's cached error in ODF.
        a.append('office:value-type="string" office:string-value="" calcext:value-type="error"')
    out = f'<table:table-cell {" ".join(a)}><text:p>{escape(shown)}</text:p></table:table-cell>'
    return out + "<table:covered-table-cell/>" * (span - 1)


class Sheet:
    def __init__(self, name, rows, widths=(), hidden_cols=(), hidden_rows=(), spans=None):
        self.name, self.rows = name, rows
        self.widths = list(widths)  # cm per column
        self.hidden_cols, self.hidden_rows = set(hidden_cols), set(hidden_rows)  # 0-based
        self.spans = spans or {}  # (row, col) -> columns spanned

    def xml(self):
        out = [f'<table:table table:name="{escape(self.name)}">']
        for i, _ in enumerate(self.widths):
            vis = ' table:visibility="collapse"' if i in self.hidden_cols else ""
            out.append(f'<table:table-column table:style-name="co{self.name_id}_{i}"{vis}/>')
        for r, row in enumerate(self.rows):
            vis = ' table:visibility="collapse"' if r in self.hidden_rows else ""
            out.append(f"<table:table-row{vis}>")
            col = 0
            while col < len(row):
                span = self.spans.get((r, col), 1)
                out.append(cell_xml(row[col], span))
                col += span
            if not row:
                out.append("<table:table-cell/>")
            out.append("</table:table-row>")
        if not self.rows:
            out.append("<table:table-column/><table:table-row><table:table-cell/></table:table-row>")
        out.append("</table:table>")
        return "".join(out)

    def grid(self):
        """The sheet as text, one list per row, trailing empty rows/cells dropped."""
        width = max((len(r) for r in self.rows), default=0)
        return [[expected_text(c) for c in r] + [""] * (width - len(r)) for r in self.rows]


def fods(sheets, null_date=None):
    for k, sh in enumerate(sheets):
        sh.name_id = k  # column styles are co<sheet>_<column>
    ns = " ".join(f'xmlns:{k}="{v}"' for k, v in NS.items())
    styles = []
    for name, (data, props) in CELL_STYLES.items():
        ds = f' style:data-style-name="{data}"' if data else ""
        styles.append(f'<style:style style:name="{name}" style:family="table-cell" '
                      f'style:parent-style-name="Default"{ds}>{props}</style:style>')
    for sh in sheets:
        for i, w in enumerate(sh.widths):
            styles.append(f'<style:style style:name="co{sh.name_id}_{i}" style:family="table-column">'
                          f'<style:table-column-properties style:column-width="{w}cm"/></style:style>')
    calc = ""
    if null_date:
        calc = (f'<table:calculation-settings><table:null-date table:date-value="{null_date}"/>'
                "</table:calculation-settings>")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        f'<office:document {ns} office:version="1.3" '
        'office:mimetype="application/vnd.oasis.opendocument.spreadsheet">\n'
        "<office:meta><meta:generator>crosscheck tools/make_workbooks.py</meta:generator></office:meta>\n"
        f"<office:styles>{DATA_STYLES}</office:styles>\n"
        f'<office:automatic-styles>{"".join(styles)}</office:automatic-styles>\n'
        f"<office:body><office:spreadsheet>{calc}"
        + "\n".join(sh.xml() for sh in sheets)
        + "</office:spreadsheet></office:body></office:document>\n"
    )


# --- the workbooks ----------------------------------------------------------------------------
# 宛先 (the mailing list). 顧客ID is text with leading zeros: text-format ("@") cells, except
# 00130–00132, plain text in General cells. 00128's ポイント is the mismatch against wb_source;
# 00133 is in wb_source only (missing); 00127's ポイント is =NA() in both (so it agrees).
LIST_HEADER = ["顧客ID", "氏名", "メールアドレス", "ポイント", "登録日", "有効", "時刻"]
LIST_ROWS = [
    # id, name, email, points cell, date cell, active, time
    ("00123", "佐藤 美咲", "misaki.sato@example.jp", n(1200), d("2024-04-01"), True, "09:30"),
    ("00124", "鈴木 健太", "kenta.suzuki@example.jp", n(12.5), d("2024-04-02", "date_slash"), True, "10:15"),
    ("00125", "高橋 由美", "yumi.takahashi@example.jp", n(1234, "thousands"), d("2024-04-03"), False, "11:00"),
    ("00126", "田中 翔", "sho.tanaka@example.jp", fx("of:=[.D2]*2", 2400), d("2024-04-05", "date_slash"), True, "13:45"),
    ("00127", "伊藤 さくら", "sakura.ito@example.jp", err("of:=NA()", "#N/A"), d("2024-04-08"), True, "14:20"),
    ("00128", "渡辺 大輔", "daisuke.watanabe@example.jp", n(500), d("2024-04-10", "date_slash"), True, "15:05"),
    ("00129", "山本 陽菜", "hina.yamamoto@example.jp", n(300), d("2024-04-12"), False, "16:30"),
    ("00130", "中村 拓也", "takuya.nakamura@example.jp", n(800), d("2024-04-15", "date_slash"), True, "09:00"),
    ("00131", "小林 彩", "aya.kobayashi@example.jp", n(150), d("2024-04-18"), True, None),
    ("00132", "加藤 悠人", "yuto.kato@example.jp", n(2000), d("2024-04-22", "date_slash"), True, "17:50"),
]
# The source agrees with the list's readings, except these.
SOURCE_POINTS = {"00128": n(600)}
SOURCE_EXTRA = [("00133", "吉田 真一", "shinichi.yoshida@example.jp", n(700))]


def wb_list():
    notes = Sheet("説明", [
        [s("crosscheck のテスト用ブックです（データはすべて架空）。")],
        [s("本体は「宛先」シート。顧客IDは文字列で、先頭の 0 を保持しています。")],
        [s("作成: tools/make_workbooks.py（LibreOffice で保存）")],
    ], widths=[14])
    rows = [[s(h, "header") for h in LIST_HEADER]]
    for i, (cid, name, email, pts, date, active, time) in enumerate(LIST_ROWS):
        id_style = "text" if i < 7 else None
        rows.append([s(cid, id_style), s(name), s(email), pts, date, b(active),
                     t(time) if time else EMPTY])
    main = Sheet("宛先", rows, widths=[2.2, 3, 6, 2.2, 3.5, 1.6, 1.6])
    return [notes, main], main


def wb_source():
    rows = [[s(h, "header") for h in LIST_HEADER[:4]]]
    for cid, name, email, pts, *_ in LIST_ROWS:
        pts = SOURCE_POINTS.get(cid, pts)
        if pts[0] == "fx":  # the source holds the plain value
            pts = n(pts[1])
        rows.append([s(cid, "text"), s(name), s(email), pts])
    for cid, name, email, pts in SOURCE_EXTRA:
        rows.append([s(cid, "text"), s(name), s(email), pts])
    main = Sheet("顧客", rows, widths=[2.2, 3, 6, 2.2])
    return [main], main


def wb_1904():
    main = Sheet("Sheet1", [[s("顧客ID"), s("登録日")], [s("00123", "text"), d("2024-04-01", "date_iso")]],
                 widths=[2.2, 3])
    return [main], main


def wb_empty_then_data():
    empty = Sheet("Sheet1", [])
    main = Sheet("Sheet2", [
        [s("顧客ID"), s("氏名"), s("メールアドレス")],
        [s("00201", "text"), s("松本 純"), s("jun.matsumoto@example.jp")],
        [s("00202", "text"), s("井上 真央"), s("mao.inoue@example.jp")],
        [s("00203", "text"), s("木村 蓮"), s("ren.kimura@example.jp")],
    ], widths=[2.2, 3, 6])
    return [empty, main], main


def wb_formatted():
    # Title merged over A1:E1; column F (内部コード) hidden; data row 00305 (row 9) hidden.
    data = [
        ("00301", "林 健一", "kenichi.hayashi@example.jp", 1500, "2024-04-01", "K-01"),
        ("00302", "清水 愛", "ai.shimizu@example.jp", 2300, "2024-04-03", "K-02"),
        ("00303", "山口 大樹", "daiki.yamaguchi@example.jp", 800, "2024-04-05", "K-03"),
        ("00304", "森 結衣", "yui.mori@example.jp", 12000, "2024-04-08", "K-04"),
        ("00305", "池田 修", "osamu.ikeda@example.jp", 450, "2024-04-10", "K-05"),
        ("00306", "橋本 美穂", "miho.hashimoto@example.jp", 3100, "2024-04-12", "K-06"),
        ("00307", "阿部 隆", "takashi.abe@example.jp", 950, "2024-04-15", "K-07"),
        ("00308", "石川 奈々", "nana.ishikawa@example.jp", 1700, "2024-04-17", "K-08"),
    ]
    rows = [
        [s("2024年度 ポイント付与一覧", "title")],
        [s("作成: 総務部")],
        [],
        [s(h, "header") for h in ("顧客ID", "氏名", "メールアドレス", "ポイント", "付与日", "内部コード")],
    ]
    first = len(rows) + 1
    for cid, name, email, pts, date, code in data:
        rows.append([s(cid, "text"), s(name), s(email), n(pts, "thousands"), d(date), s(code)])
    last = len(rows)
    total = sum(r[3] for r in data)
    rows.append([s("合計", "total"), blank("total"), blank("total"),
                 fx(f"of:=SUM([.D{first}:.D{last}])", total, "total_thousands"), blank("total")])
    rows.append([])
    rows.append([s("※ 金額は税込")])
    main = Sheet("ポイント付与", rows, widths=[2.2, 3, 6, 2.2, 3.5, 2.2],
                 hidden_cols=[5], hidden_rows=[first - 1 + 4], spans={(0, 0): 5})
    return [main], main


WORKBOOKS = [
    # name, builder, formats, null date
    ("wb_list", wb_list, ("xlsx", "xls", "ods"), None),
    ("wb_source", wb_source, ("xlsx", "xls", "ods"), None),
    ("wb_1904", wb_1904, ("xlsx",), "1904-01-01"),
    ("wb_empty_then_data", wb_empty_then_data, ("xlsx", "xls", "ods"), None),
    ("wb_formatted", wb_formatted, ("xlsx",), None),
]
FILTERS = {"xlsx": "xlsx:Calc MS Excel 2007 XML", "xls": "xls:MS Excel 97", "ods": "ods:calc8"}


def write_csv(path, grid):
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerows(grid)
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(buf.getvalue())


def convert(src, fmt, outdir, profile):
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", FILTERS[fmt], "--outdir", outdir, src]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=180)
    out = os.path.join(outdir, os.path.splitext(os.path.basename(src))[0] + "." + fmt)
    if r.returncode != 0 or not os.path.exists(out):
        sys.exit(f"soffice failed on {src} -> {fmt}:\n{r.stdout}\n{r.stderr}")
    return out


def not_a_workbook(path):
    """A real zip (one text file, fixed timestamp) named .xlsx: not SpreadsheetML."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        info = zipfile.ZipInfo("readme.txt", date_time=(2024, 4, 1, 0, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        z.writestr(info, "これは Excel ブックではありません。ただの zip です。\n")


def far_cell(src, path):
    """LibreOffice's wb_1904.xlsx with one more cell, at XFD1048576 (Excel's last): a sheet
    whose used range is 17 billion cells for three filled ones, as a damaged or odd file has."""
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                text = data.decode("utf-8")
                far = '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v></c></row>'
                text = text.replace("</sheetData>", far + "</sheetData>", 1)
                text = re.sub(r'<dimension ref="[^"]*"/>', '<dimension ref="A1:XFD1048576"/>', text)
                data = text.encode("utf-8")
            zout.writestr(item, data)


# --- checks on the .xlsx outputs --------------------------------------------------------------
def xlsx_facts(path):
    with zipfile.ZipFile(path) as z:
        wb = z.read("xl/workbook.xml").decode()
        st = z.read("xl/styles.xml").decode()
        sheets = re.findall(r'<sheet name="([^"]*)"', wb)
        fmts = dict(re.findall(r'<numFmt numFmtId="(\d+)" formatCode="([^"]*)"', st))
        xfs = re.search(r"<cellXfs[^>]*>(.*?)</cellXfs>", st, re.S).group(1)
        xf_fmt = [int(x) for x in re.findall(r'<xf [^>]*?numFmtId="(\d+)"', xfs)]
        cells = {}
        for i in range(1, len(sheets) + 1):
            xml = z.read(f"xl/worksheets/sheet{i}.xml").decode()
            for m in re.finditer(r'<c r="([A-Z]+\d+)"([^>]*?)(?:/>|>(.*?)</c>)', xml, re.S):
                ref, attrs, body = m.group(1), m.group(2), m.group(3) or ""
                typ = re.search(r't="(\w+)"', attrs)
                sty = re.search(r's="(\d+)"', attrs)
                fid = xf_fmt[int(sty.group(1))] if sty else 0
                cells[(i, ref)] = (typ.group(1) if typ else "n", fid, body)
        date1904 = bool(re.search(r'date1904="(1|true)"', wb))
    return sheets, fmts, cells, date1904


BUILTIN = {0: "General", 3: "#,##0", 49: "@"}


def check(cond, what):
    if not cond:
        sys.exit(f"check failed: {what}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--keep-fods", metavar="DIR", help="also keep the Flat ODS sources in DIR")
    args = ap.parse_args()
    if not shutil.which("soffice"):
        sys.exit("soffice not found (apt-get install libreoffice-calc-nogui)")
    version = subprocess.run(["soffice", "--version"], capture_output=True, text=True).stdout.strip()
    tmp = tempfile.mkdtemp(prefix="crosscheck-wb-")
    profile = os.path.join(tmp, "profile")
    made = []
    try:
        for name, build, formats, null_date in WORKBOOKS:
            sheets, main_sheet = build()
            src = os.path.join(tmp, name + ".fods")
            with open(src, "w", encoding="utf-8") as f:
                f.write(fods(sheets, null_date))
            if args.keep_fods:
                os.makedirs(args.keep_fods, exist_ok=True)
                shutil.copy(src, args.keep_fods)
            for fmt in formats:
                out = convert(src, fmt, tmp, profile)
                dest = os.path.join(OUT, os.path.basename(out))
                shutil.copy(out, dest)
                made.append((dest, [sh.name for sh in sheets]))
            csv_name = "wb_source.csv" if name == "wb_source" else f"{name}_expected.csv"
            write_csv(os.path.join(OUT, csv_name), main_sheet.grid())
            made.append((os.path.join(OUT, csv_name), [main_sheet.name]))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    not_a_workbook(os.path.join(OUT, "wb_not_a_workbook.xlsx"))
    made.append((os.path.join(OUT, "wb_not_a_workbook.xlsx"), []))
    far_cell(os.path.join(OUT, "wb_1904.xlsx"), os.path.join(OUT, "wb_far_cell.xlsx"))
    made.append((os.path.join(OUT, "wb_far_cell.xlsx"), ["Sheet1"]))

    # What LibreOffice wrote must still be what was meant.
    sheets, fmts, cells, d1904 = xlsx_facts(os.path.join(OUT, "wb_list.xlsx"))
    check(sheets == ["説明", "宛先"], f"wb_list sheets {sheets}")
    # LibreOffice writes every format it uses as a custom numFmt (ids 164 and up), even "@",
    # "#,##0" and "General", so compare codes, not ids.
    code = lambda i: fmts.get(str(i), BUILTIN.get(i, f"builtin {i}"))  # noqa: E731
    cell = lambda ref: cells[(2, ref)]  # noqa: E731
    fmt = lambda ref: code(cell(ref)[1])  # noqa: E731
    check(cell("A2")[0] == "s" and fmt("A2") == "@", f"A2 text-format string: {cell('A2')}")
    check(cell("A9")[0] == "s" and fmt("A9") == "General", f"A9 General string: {cell('A9')}")
    check("年" in fmt("E2") and "<v>45383</v>" in cell("E2")[2], f"E2 Japanese date: {fmt('E2')}")
    check(fmt("E3") == "yyyy/mm/dd", f"E3 slash date: {fmt('E3')}")
    check(fmt("D4") == "#,##0" and "<v>1234</v>" in cell("D4")[2], f"D4 #,##0: {cell('D4')}")
    check("<f" in cell("D5")[2] and "<v>2400</v>" in cell("D5")[2], f"D5 formula: {cell('D5')}")
    check(cell("D6")[0] == "e" and "#N/A" in cell("D6")[2], f"D6 error: {cell('D6')}")
    check(cell("F2")[0] == "b", f"F2 boolean: {cell('F2')}")
    check(fmt("G2") == "hh:mm", f"G2 time: {fmt('G2')}")
    check(not d1904, "wb_list is 1900-based")
    _, fmts19, cells19, d1904 = xlsx_facts(os.path.join(OUT, "wb_1904.xlsx"))
    check(d1904, "wb_1904.xlsx has date1904")
    check("<v>43921</v>" in cells19[(1, "B2")][2], f"wb_1904 B2 serial 43921: {cells19[(1, 'B2')]}")

    print(version)
    print(f"{'file':40} {'bytes':>7}  sheets")
    total = 0
    for path, names in made:
        size = os.path.getsize(path)
        total += size
        print(f"{path:40} {size:7}  {', '.join(names)}")
    print(f"{'total':40} {total:7}")
    print("wb_list.xlsx number formats in use:")
    used = sorted({c[1] for c in cells.values()} | set(map(int, fmts)))
    for i in used:
        print(f"  {i:4} {code(i)}")


if __name__ == "__main__":
    main()
