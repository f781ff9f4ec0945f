"""datacompy (pandas): the comparison a Python user would write for the same job.

`datacompy_peer.py DIR [LIST]`: the list is list.csv unless named; a .xlsx list is read with
pandas.read_excel (openpyxl), every cell as text as read_csv gives it."""
import json, resource, sys, time

start = time.perf_counter()
import pandas as pd
import datacompy

PAIRS = [("customer_id", "顧客ID"), ("name", "氏名"), ("kana", "フリガナ"), ("email", "メールアドレス"),
         ("phone", "電話番号"), ("postal_code", "郵便番号"), ("prefecture", "都道府県"), ("points", "ポイント"),
         ("gift_amount", "ギフト金額"), ("registered_on", "登録日")]
d = sys.argv[1]
name = sys.argv[2] if len(sys.argv) > 2 else "list.csv"
s = pd.read_csv(f"{d}/source.csv", dtype=str, keep_default_na=False)
read = pd.read_excel if name.endswith(".xlsx") else pd.read_csv
l = read(f"{d}/{name}", dtype=str, keep_default_na=False).rename(columns={b: a for a, b in PAIRS})
sdup = set(s["customer_id"][s["customer_id"].duplicated()])
ldup = set(l["customer_id"][l["customer_id"].duplicated()])
missing = len(set(s["customer_id"]) - set(l["customer_id"]))
unexpected = len(set(l["customer_id"]) - set(s["customer_id"]))
dups = sdup | ldup
Compare = getattr(datacompy, "PandasCompare", None) or datacompy.Compare  # renamed in datacompy 0.17
c = Compare(s[~s["customer_id"].isin(dups)], l[~l["customer_id"].isin(dups)], join_columns="customer_id")
differences = int(sum(col["unequal_cnt"] for col in c.column_stats))
ms = (time.perf_counter() - start) * 1000
peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
print(json.dumps({"ms": ms, "counts": {"missing": missing, "unexpected": unexpected, "duplicate": len(sdup) + len(ldup),
                                       "differences": differences}, "peak_rss": peak}))
