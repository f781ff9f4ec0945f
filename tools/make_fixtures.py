#!/usr/bin/env python3
"""Writes the small fixture files under tests/fixtures/.

The fixtures are committed; this script documents how the encoded ones were made (Python's
codecs: cp932 is Windows-31J with the NEC/IBM extensions, as Excel on Japanese Windows writes).
Run it from the repository root: python3 tools/make_fixtures.py
"""
import os

OUT = "tests/fixtures"


def write(name, text, encoding="utf-8", bom=b""):
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(bom + text.encode(encoding))


# --- encodings: the same three customers, with characters that trip strict Shift_JIS ---------
PEOPLE = "customer_id,name,email\nC001,髙橋 一郎,ichiro@example.jp\nC002,山﨑 花子,hanako@example.jp\nC003,①㈱ﾔﾏﾀﾞ商店,shop@example.jp\n"
PLAIN = "customer_id,name,email\nC001,高橋 一郎,ichiro@example.jp\nC002,山崎 花子,hanako@example.jp\nC003,ヤマダ商店,shop@example.jp\n"
write("enc_utf8.csv", PEOPLE)
write("enc_utf8_bom.csv", PEOPLE, bom=b"\xef\xbb\xbf")
write("enc_cp932.csv", PEOPLE.replace("\n", "\r\n"), "cp932")
write("enc_eucjp.csv", PLAIN, "euc_jp")
# Excel's "Unicode text": UTF-16LE with BOM, TAB-separated, CRLF.
write("enc_utf16le.txt", PEOPLE.replace(",", "\t").replace("\n", "\r\n"), "utf-16-le", b"\xff\xfe")
write("enc_utf16be.txt", PEOPLE.replace(",", "\t").replace("\n", "\r\n"), "utf-16-be", b"\xfe\xff")
# Line 3 holds a byte that is not CP932 (0x82 followed by 0xFF).
bad = PLAIN.encode("cp932").split(b"\n")
bad[2] = bad[2].replace(b"C002", b"C0\x82\xff")
with open(os.path.join(OUT, "enc_cp932_bad.csv"), "wb") as f:
    f.write(b"\n".join(bad))

# --- CSV edge cases -------------------------------------------------------------------------
write("edge_quoted.csv", 'customer_id,name,note\nC001,"山田, 太郎","say ""hi"""\nC002,鈴木,"two\nlines"\nC003,佐藤,plain\n')
write("edge_crlf_blank_tail.csv", "customer_id,name\r\nC001,山田\r\nC002,鈴木\r\n\r\n\r\n")
write("edge_no_final_newline.csv", "customer_id,name\nC001,山田\nC002,鈴木")
write("edge_semicolon.csv", "customer_id;name;points\nC001;山田;1,200\nC002;鈴木;300\n")
write("edge_pipe.csv", "customer_id|name\nC001|山田\nC002|鈴木\n")
write("edge_repeated_header.csv", "customer_id,email,email,\nC001,a@x.jp,b@x.jp,1\n")
write("edge_malformed.csv", "customer_id,name,email\nC001,山田,a@x.jp\nC002,鈴木\nC003,佐藤,c@x.jp,extra\nC004,田中,d@x.jp\n")

# --- one pair per finding kind ----------------------------------------------------------------
SRC = "customer_id,name,email,points\n" + "".join(
    f"C{i:03},顧客{i},user{i}@example.jp,{i * 100}\n" for i in range(1, 11)
)
write("kind_source.csv", SRC)


def rows(skip=(), edit=None, extra=()):
    out = ["顧客ID,氏名,メールアドレス,ポイント"]
    for i in range(1, 11):
        if i in skip:
            continue
        r = [f"C{i:03}", f"顧客{i}", f"user{i}@example.jp", str(i * 100)]
        if edit:
            r = edit(i, r)
        out.append(",".join(r))
    out.extend(extra)
    return "\n".join(out) + "\n"


write("kind_missing_list.csv", rows(skip=(4,)))
write("kind_unexpected_list.csv", rows(extra=("C099,顧客99,user99@example.jp,9900",)))
write("kind_duplicate_list.csv", rows(extra=("C005,顧客5,user5@example.jp,500",)))
write("kind_mismatch_list.csv", rows(edit=lambda i, r: r if i != 6 else [r[0], r[1], r[2], "650"]))
# C003's row carries C008's address: the incident's pattern.
write("kind_crosswired_list.csv", rows(edit=lambda i, r: r if i != 3 else [r[0], r[1], "user8@example.jp", r[3]]))
write("kind_malformed_list.csv", rows(edit=lambda i, r: r if i != 7 else r[:3]))

# --- normalisation traps: all equal after the default steps, so no finding ---------------------
write(
    "trap_source.csv",
    "customer_id,name,kana,email,phone,postal_code,points,registered_on\n"
    "ABC123,山田 太郎,ヤマダ タロウ,taro@example.jp,090-1234-5678,100-0001,1200,2024-04-01\n"
    "ABC124,鈴木 花子,スズキ ハナコ,Hanako@Example.JP,03-1234-5678,530-0001,300,2019-05-01\n",
)
write(
    "trap_list.csv",
    "顧客ID,氏名,フリガナ,メールアドレス,電話番号,郵便番号,ポイント,登録日\n"
    "ＡＢＣ１２３,山田\u3000太郎,ﾔﾏﾀﾞ ﾀﾛｳ,TARO@EXAMPLE.JP ,09012345678,〒1000001,\"1,200\",令和6年4月1日\n"
    "ABC124,鈴木  花子,すずき はなこ,hanako@example.jp,０３－１２３４－５６７８,530-0001,¥300,2019/5/1\n",
)

# --- the incident: 200 customers, list rows 101–160 hold the e-mail of the row above ----------
N = 200
src = ["customer_id,name,email"] + [f"C{i:04},顧客{i},c{i}@example.jp" for i in range(1, N + 1)]
lst = ["顧客ID,氏名,メールアドレス"]
for i in range(1, N + 1):
    email = f"c{i - 1}@example.jp" if 101 <= i <= 160 else f"c{i}@example.jp"
    lst.append(f"C{i:04},顧客{i},{email}")
write("incident_source.csv", "\n".join(src) + "\n")
write("incident_list.csv", "\n".join(lst) + "\n")

# --- validation: a recipient list with one broken rule per row, in three encodings -----------
VALID = (
    "顧客ID,氏名,フリガナ,メールアドレス,電話番号,郵便番号,都道府県,ポイント,ギフト金額,登録日\n"
    "C0000001,髙橋 一郎,タカハシ イチロウ,ichiro@example.jp,090-1234-5678,100-0001,東京都,\"1,200\",\"￥1,000\",令和6年4月1日\n"
    "C0000002,山﨑 花子,ヤマザキ ハナコ,hanako@example.jp,03-1234-5678,1000001,大阪府,300,500,2024/4/1\n"
    "C0000003,鈴木 太郎,スズキ タロウ,taro＠example.jp,090-1234-567,530-0001,京都府,0,0,2024年4月1日\n"
    "C0000004,佐藤 次郎,サトウ ジロウ,jiro@example.jp,06-1234-5678,530-0002,北海道,50,1000,平成31年5月1日\n"
    "C0000001,田中 三郎,タナカ サブロウ,saburo@example.jp,011-123-4567,060-0000,東京,-5,3000,2019-05-01\n"
    "C0000006,伊藤 四郎,イトウ シロウ,,092-123-4567,810-0001,福岡県,10,5000,令和元年5月1日\n"
)
write("validate_list.csv", VALID)
write("validate_list_cp932.csv", VALID.replace("\n", "\r\n"), "cp932")
write("validate_list_utf16le.txt", VALID.replace(",", "\t").replace('"1\t200"', "1,200").replace('"￥1\t000"', "￥1,000").replace("\n", "\r\n"), "utf-16-le", b"\xff\xfe")

# --- a CSV saved from a formatted sheet (Excel: CSV, CP932, CRLF, every line padded to the
# sheet's width, #,##0 figures quoted as shown): two title lines and a blank line above the
# header, a 合計 row whose figure is 5 off the rows' sum, a blank line and a note below.
FORMATTED = [
    ("00301", "林 健一", "kenichi.hayashi@example.jp", 1500),
    ("00302", "清水 愛", "ai.shimizu@example.jp", 2300),
    ("00303", "山口 大樹", "daiki.yamaguchi@example.jp", 800),
    ("00304", "森 結衣", "yui.mori@example.jp", 12000),
    ("00305", "池田 修", "osamu.ikeda@example.jp", 450),
    ("00306", "橋本 美穂", "miho.hashimoto@example.jp", 3100),
    ("00307", "阿部 隆", "takashi.abe@example.jp", 950),
    ("00308", "石川 奈々", "nana.ishikawa@example.jp", 1700),
]
shown = lambda n: f'"{n:,}"' if n >= 1000 else str(n)
lines = ["2024年度 ポイント付与一覧,,,", "作成: 総務部,,,作成日 2024-04-20", ",,,", "顧客ID,氏名,メールアドレス,ポイント"]
lines += [f"{c},{n},{e},{shown(p)}" for c, n, e, p in FORMATTED]
lines += [f"合計,,,{shown(sum(p for *_, p in FORMATTED) + 5)}", ",,,", "※ ポイントは4月20日時点,,,"]
write("formatted_list.csv", "\r\n".join(lines) + "\r\n", "cp932")
write("formatted_source.csv", "customer_id,name,email,points\n" + "".join(f"{c},{n},{e},{p}\n" for c, n, e, p in FORMATTED))

# --- Excel's damage: a list opened in Excel and saved again (CP932, CRLF), beside its source ----
# Excel read 会員番号 and 電話番号 as numbers (leading zeros gone), showed the long JANコード in
# scientific notation, and saved two 登録日 as serial numbers; ポイント is a plain number.
DAMAGE_HEADER = "顧客ID,氏名,会員番号,電話番号,JANコード,登録日,ポイント"


def damage_row(i, excel):
    code, phone, jan, day = f"{i * 1234 + 5:08}", f"090{i:04}{i * 7:04}", f"4901234{i:06}", f"2024/4/{i}"
    if excel and i in (3, 8):
        code = str(int(code))
    if excel and i in (5, 10):
        phone = phone[1:]
    if excel and i in (4, 9):
        jan = "4.90123E+12"
    if excel and i in (6, 11):
        day = str(45383 + i - 1)  # Excel's serial of 2024-04-i
    return f"C{i:03},顧客{i},{code},{phone},{jan},{day},{i * 100}"


write("damage_source.csv", "\n".join([DAMAGE_HEADER] + [damage_row(i, False) for i in range(1, 13)]) + "\n")
write("damage_list.csv", "\r\n".join([DAMAGE_HEADER] + [damage_row(i, True) for i in range(1, 13)]) + "\r\n", "cp932")
