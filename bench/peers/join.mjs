// The join every JS peer does, in Node and in the browser alike (no Node imports here): the
// column pairs a user would write by hand for the recon-N pair (source headers in English, list
// headers in Japanese) and a plain Map join.

export const PAIRS = [
  ['customer_id', '顧客ID'], ['name', '氏名'], ['kana', 'フリガナ'], ['email', 'メールアドレス'],
  ['phone', '電話番号'], ['postal_code', '郵便番号'], ['prefecture', '都道府県'], ['points', 'ポイント'],
  ['gift_amount', 'ギフト金額'], ['registered_on', '登録日'],
];

/** Full outer join on the key: missing and unexpected keys, repeated keys, differing cells. */
export function mapJoin(sourceRows, listRows) {
  const [sk, lk] = PAIRS[0];
  const index = (rows, key) => {
    const map = new Map();
    const dup = new Set();
    for (const r of rows) {
      const k = r[key];
      if (map.has(k)) dup.add(k);
      else map.set(k, r);
    }
    return { map, dup };
  };
  const s = index(sourceRows, sk);
  const l = index(listRows, lk);
  let missing = 0;
  let unexpected = 0;
  let differences = 0;
  for (const k of s.map.keys()) if (!l.map.has(k)) missing++;
  for (const [k, lr] of l.map) {
    const sr = s.map.get(k);
    if (!sr) {
      unexpected++;
      continue;
    }
    if (s.dup.has(k) || l.dup.has(k)) continue;
    for (const [a, b] of PAIRS) if (sr[a] !== lr[b]) differences++;
  }
  return { missing, unexpected, duplicate: s.dup.size + l.dup.size, differences };
}

/**
 * A workbook's first sheet as row objects keyed by its header row, every cell as the text
 * Excel shows (`raw: false`: the number 1200 as "1200"), as a SheetJS user would read it.
 */
export function sheetRows(XLSX, bytes) {
  const book = XLSX.read(bytes, { type: bytes instanceof ArrayBuffer ? 'array' : 'buffer', dense: true });
  return XLSX.utils.sheet_to_json(book.Sheets[book.SheetNames[0]], { raw: false, defval: '' });
}
