//! Realistic, fictional Japanese customer data with known discrepancies: the built-in sample for
//! `npm start` and the page, the test generator, and the `recon-N` benchmark workload.
//!
//! Deterministic: the same spec gives the same bytes. Each customer is derived from `(seed,
//! index)` alone, so a million rows are written without holding a million records in memory.
//! The list is the source shuffled, with Japanese headers in another column order, harmless
//! format variants a second tool would produce (full-width digits, U+3000, half-width kana,
//! hiragana, upper-case mail, 1,200, ¥, 令和 dates) — none of which may be reported — and the
//! injected discrepancies recorded in [`Truth`].

use fastrand::Rng;
use serde::Serialize;

/// The example schemas shipped with crosscheck (`schemas/`): the page offers them, and the
/// sample's list and source each satisfy one.
pub const EXAMPLE_SCHEMAS: [(&str, &str); 2] = [
    ("recipient-list.json", include_str!("../../../schemas/recipient-list.json")),
    ("source-records.json", include_str!("../../../schemas/source-records.json")),
];

#[derive(Debug, Clone, PartialEq)]
pub struct SampleSpec {
    /// Source records (customers).
    pub rows: usize,
    pub seed: u64,
    /// Share of customers given a discrepancy (split between the kinds; at least one of each
    /// when > 0).
    pub rate: f64,
    /// Shuffle the list's row order.
    pub shuffle: bool,
    /// Give the list another column order.
    pub reorder_columns: bool,
    /// Slide the e-mail column of this many consecutive list rows down by one (the incident).
    pub shifted_block: Option<usize>,
    /// List rows with a field missing.
    pub malformed: usize,
    /// The list's delimiter (the source is always comma-separated).
    pub delimiter: u8,
    /// Write the list's cells with harmless variants (full-width digits, half-width kana, …).
    /// Off for the peer benchmark, whose plain joins compare text as it is.
    pub variants: bool,
}

impl Default for SampleSpec {
    fn default() -> Self {
        SampleSpec {
            rows: 1000,
            seed: 1,
            rate: 0.01,
            shuffle: true,
            reorder_columns: true,
            shifted_block: None,
            malformed: 0,
            delimiter: b',',
            variants: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub source: Vec<u8>,
    pub list: Vec<u8>,
    pub truth: Truth,
}

/// What the generator injected: what a correct reconciliation must report.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Truth {
    pub source_rows: usize,
    pub list_rows: usize,
    /// Keys of source records left out of the list.
    pub missing: Vec<String>,
    /// Keys of list rows no source record has.
    pub unexpected: Vec<String>,
    /// Keys repeated within one file (one duplicate finding each).
    pub duplicate: Vec<String>,
    /// (key, source column) of each changed value.
    pub mismatch: Vec<(String, String)>,
    /// (key, key of the customer whose e-mail the row carries).
    pub crosswired: Vec<(String, String)>,
    /// The slid block: (first list row, rows).
    pub shifted: Option<(usize, usize)>,
    /// List rows (numbered as the report numbers them) with a field missing.
    pub malformed_rows: Vec<usize>,
}

pub const SOURCE_HEADER: [&str; 10] = [
    "customer_id",
    "name",
    "kana",
    "email",
    "phone",
    "postal_code",
    "prefecture",
    "points",
    "gift_amount",
    "registered_on",
];
pub const LIST_HEADER: [&str; 10] = [
    "顧客ID",
    "氏名",
    "フリガナ",
    "メールアドレス",
    "電話番号",
    "郵便番号",
    "都道府県",
    "ポイント",
    "ギフト金額",
    "登録日",
];

/// The demo pair for `npm start` and the page's "try with sample data": small, and holding
/// every finding kind and every harmless variant.
pub fn demo() -> Sample {
    generate(&SampleSpec {
        rows: 40,
        seed: 2024,
        rate: 0.3,
        shifted_block: Some(4),
        malformed: 1,
        ..SampleSpec::default()
    })
}

// (kanji, katakana reading, romaji). 髙 and 﨑 are CP932 extension characters on purpose.
const SURNAMES: [(&str, &str, &str); 32] = [
    ("佐藤", "サトウ", "sato"),
    ("鈴木", "スズキ", "suzuki"),
    ("髙橋", "タカハシ", "takahashi"),
    ("田中", "タナカ", "tanaka"),
    ("伊藤", "イトウ", "ito"),
    ("渡辺", "ワタナベ", "watanabe"),
    ("山本", "ヤマモト", "yamamoto"),
    ("中村", "ナカムラ", "nakamura"),
    ("小林", "コバヤシ", "kobayashi"),
    ("加藤", "カトウ", "kato"),
    ("吉田", "ヨシダ", "yoshida"),
    ("山田", "ヤマダ", "yamada"),
    ("佐々木", "ササキ", "sasaki"),
    ("山﨑", "ヤマザキ", "yamazaki"),
    ("松本", "マツモト", "matsumoto"),
    ("井上", "イノウエ", "inoue"),
    ("木村", "キムラ", "kimura"),
    ("林", "ハヤシ", "hayashi"),
    ("斎藤", "サイトウ", "saito"),
    ("清水", "シミズ", "shimizu"),
    ("山口", "ヤマグチ", "yamaguchi"),
    ("森", "モリ", "mori"),
    ("池田", "イケダ", "ikeda"),
    ("橋本", "ハシモト", "hashimoto"),
    ("阿部", "アベ", "abe"),
    ("石川", "イシカワ", "ishikawa"),
    ("前田", "マエダ", "maeda"),
    ("藤田", "フジタ", "fujita"),
    ("後藤", "ゴトウ", "goto"),
    ("岡田", "オカダ", "okada"),
    ("長谷川", "ハセガワ", "hasegawa"),
    ("村上", "ムラカミ", "murakami"),
];
const GIVEN: [(&str, &str, &str); 32] = [
    ("太郎", "タロウ", "taro"),
    ("花子", "ハナコ", "hanako"),
    ("一郎", "イチロウ", "ichiro"),
    ("陽子", "ヨウコ", "yoko"),
    ("健太", "ケンタ", "kenta"),
    ("美咲", "ミサキ", "misaki"),
    ("翔太", "ショウタ", "shota"),
    ("愛", "アイ", "ai"),
    ("大輔", "ダイスケ", "daisuke"),
    ("由美", "ユミ", "yumi"),
    ("拓也", "タクヤ", "takuya"),
    ("恵", "メグミ", "megumi"),
    ("直樹", "ナオキ", "naoki"),
    ("さくら", "サクラ", "sakura"),
    ("誠", "マコト", "makoto"),
    ("真由美", "マユミ", "mayumi"),
    ("浩", "ヒロシ", "hiroshi"),
    ("優子", "ユウコ", "yuko"),
    ("亮", "リョウ", "ryo"),
    ("彩", "アヤ", "aya"),
    ("隆", "タカシ", "takashi"),
    ("明美", "アケミ", "akemi"),
    ("健一", "ケンイチ", "kenichi"),
    ("千尋", "チヒロ", "chihiro"),
    ("修", "オサム", "osamu"),
    ("香織", "カオリ", "kaori"),
    ("悠斗", "ユウト", "yuto"),
    ("結衣", "ユイ", "yui"),
    ("蓮", "レン", "ren"),
    ("陽菜", "ヒナ", "hina"),
    ("大翔", "ヒロト", "hiroto"),
    ("葵", "アオイ", "aoi"),
];
/// Names used only for changed values, so a change never equals another customer's name.
const CHANGED_SURNAMES: [&str; 4] = ["五十嵐", "御手洗", "勅使河原", "東海林"];
const DOMAINS: [&str; 4] = ["example.jp", "example.com", "example.ne.jp", "example.co.jp"];
const PREFECTURES: [&str; 47] = [
    "北海道",
    "青森県",
    "岩手県",
    "宮城県",
    "秋田県",
    "山形県",
    "福島県",
    "茨城県",
    "栃木県",
    "群馬県",
    "埼玉県",
    "千葉県",
    "東京都",
    "神奈川県",
    "新潟県",
    "富山県",
    "石川県",
    "福井県",
    "山梨県",
    "長野県",
    "岐阜県",
    "静岡県",
    "愛知県",
    "三重県",
    "滋賀県",
    "京都府",
    "大阪府",
    "兵庫県",
    "奈良県",
    "和歌山県",
    "鳥取県",
    "島根県",
    "岡山県",
    "広島県",
    "山口県",
    "徳島県",
    "香川県",
    "愛媛県",
    "高知県",
    "福岡県",
    "佐賀県",
    "長崎県",
    "熊本県",
    "大分県",
    "宮崎県",
    "鹿児島県",
    "沖縄県",
];
const MOBILE: [&str; 3] = ["090", "080", "070"];

/// One fictional customer, derived from (seed, index) alone.
struct Customer {
    id: String,
    surname: usize,
    given: usize,
    email: String,
    phone: String,
    postal: (u32, u32),
    prefecture: &'static str,
    points: u32,
    gift: u32,
    registered: (i32, u32, u32),
}

fn rng_for(seed: u64, index: u64) -> Rng {
    Rng::with_seed(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93).rotate_left(17))
}

fn customer(seed: u64, index: u64) -> Customer {
    let mut r = rng_for(seed, index);
    let (surname, given) = (r.usize(..SURNAMES.len()), r.usize(..GIVEN.len()));
    // The index in the local part keeps every address unique; the multiplier (prime, so a
    // bijection modulo 10⁸) keeps every phone number unique.
    let email = format!("{}.{}{}@{}", GIVEN[given].2, SURNAMES[surname].2, index, DOMAINS[r.usize(..DOMAINS.len())]);
    let number = (index.wrapping_mul(7919).wrapping_add(12_345)) % 100_000_000;
    let phone = format!("{}-{:04}-{:04}", MOBILE[(index % 3) as usize], number / 10_000, number % 10_000);
    Customer {
        id: format!("C{:07}", index + 1),
        surname,
        given,
        email,
        phone,
        postal: (r.u32(1..1000), r.u32(0..10_000)),
        prefecture: PREFECTURES[r.usize(..PREFECTURES.len())],
        points: r.u32(0..20) * 100 + r.u32(0..100) * 5,
        gift: [0, 500, 1000, 1000, 3000, 5000][r.usize(..6)],
        registered: (r.i32(2012..=2026), r.u32(1..=12), r.u32(1..=28)),
    }
}

/// A value changed into one no other customer has (so it is a mismatch, not a cross-wire).
#[derive(Clone, Copy)]
enum Change {
    Name,
    Email,
    Phone,
    Points,
    Gift,
    Registered,
}

const CHANGES: [(Change, &str); 6] = [
    (Change::Points, "points"),
    (Change::Email, "email"),
    (Change::Name, "name"),
    (Change::Phone, "phone"),
    (Change::Gift, "gift_amount"),
    (Change::Registered, "registered_on"),
];

#[derive(Clone, Copy, Default)]
struct Edit {
    change: Option<Change>,
    /// Carry this customer's e-mail instead of one's own.
    email_of: Option<u64>,
}

/// How the customer's fields are written: `variants` = the list's harmless spellings.
fn fields(
    c: &Customer,
    seed: u64,
    index: u64,
    variants: bool,
    edit: Edit,
    email_of: Option<&Customer>,
) -> [String; 10] {
    let (s, g) = (SURNAMES[c.surname], GIVEN[c.given]);
    let mut name = format!("{} {}", s.0, g.0);
    let mut kana = format!("{} {}", s.1, g.1);
    let mut email = email_of.map_or_else(|| c.email.clone(), |o| o.email.clone());
    let mut phone = c.phone.clone();
    let mut postal = format!("{:03}-{:04}", c.postal.0, c.postal.1);
    let (mut points, mut gift, mut registered) = (c.points, c.gift, c.registered);
    match edit.change {
        Some(Change::Name) => name = format!("{} {}", CHANGED_SURNAMES[c.surname % CHANGED_SURNAMES.len()], g.0),
        Some(Change::Email) => email = email.replace("@example", "@exmaple"),
        Some(Change::Phone) => phone = format!("050{}", &phone[3..]),
        Some(Change::Points) => points += 1000,
        Some(Change::Gift) => gift += 500,
        Some(Change::Registered) => registered.0 -= 1,
        None => {}
    }
    let mut date = format!("{:04}-{:02}-{:02}", registered.0, registered.1, registered.2);
    let mut gift_text = gift.to_string();
    let mut points_text = points.to_string();
    if variants {
        // Each field gets a harmless variant in about one row of six.
        let mut r = rng_for(seed ^ 0x5151, index);
        let mut pick = |n: usize| if r.usize(..6) == 0 { Some(r.usize(..n)) } else { None };
        if let Some(v) = pick(2) {
            name = if v == 0 { name.replace(' ', "\u{3000}") } else { format!(" {name} ") };
        }
        if let Some(v) = pick(2) {
            kana = if v == 0 { to_half_width_kana(&kana) } else { to_hiragana(&kana) };
        }
        if let Some(v) = pick(2) {
            email = if v == 0 { email.to_uppercase() } else { email.replace('@', "＠") };
        }
        if let Some(v) = pick(2) {
            phone = if v == 0 { phone.replace('-', "") } else { to_full_width_digits(&phone) };
        }
        if let Some(v) = pick(2) {
            postal = if v == 0 { postal.replace('-', "") } else { to_full_width_digits(&postal) };
        }
        if pick(1).is_some() && points >= 1000 {
            points_text = format!("{},{:03}", points / 1000, points % 1000);
        }
        if let Some(v) = pick(2) {
            gift_text = if v == 0 { yen(gift) } else { format!("{gift}円") };
        }
        if let Some(v) = pick(3) {
            let (y, m, d) = registered;
            date = match v {
                0 => format!("{y}/{m}/{d}"),
                1 => format!("{y}年{m}月{d}日"),
                _ => era(y, m, d).unwrap_or(date),
            };
        }
    }
    [c.id.clone(), name, kana, email, phone, postal, c.prefecture.to_string(), points_text, gift_text, date]
}

fn yen(n: u32) -> String {
    if n >= 1000 {
        format!("¥{},{:03}", n / 1000, n % 1000)
    } else {
        format!("¥{n}")
    }
}

/// 令和6年4月1日 / 平成31年4月30日 / 令和元年5月1日 for dates from 平成 on.
fn era(y: i32, m: u32, d: u32) -> Option<String> {
    let (name, first) = if (y, m, d) >= (2019, 5, 1) {
        ("令和", 2019)
    } else if (y, m, d) >= (1989, 1, 8) {
        ("平成", 1989)
    } else {
        return None;
    };
    let n = y - first + 1;
    let year = if n == 1 { "元".to_string() } else { n.to_string() };
    Some(format!("{name}{year}年{m}月{d}日"))
}

fn to_hiragana(s: &str) -> String {
    s.chars()
        .map(|c| if ('\u{30A1}'..='\u{30F6}').contains(&c) { char::from_u32(c as u32 - 0x60).unwrap_or(c) } else { c })
        .collect()
}

fn to_full_width_digits(s: &str) -> String {
    s.chars()
        .map(|c| if c.is_ascii_digit() { char::from_u32(c as u32 - '0' as u32 + '０' as u32).unwrap_or(c) } else { c })
        .collect()
}

/// Half-width katakana as old systems export it: ヤマダ → ﾔﾏﾀﾞ.
fn to_half_width_kana(s: &str) -> String {
    const PLAIN: &str = "ｧｱｨｲｩｳｪｴｫｵｶｶｷｷｸｸｹｹｺｺｻｻｼｼｽｽｾｾｿｿﾀﾀﾁﾁｯﾂﾂﾃﾃﾄﾄﾅﾆﾇﾈﾉﾊﾊﾊﾋﾋﾋﾌﾌﾌﾍﾍﾍﾎﾎﾎﾏﾐﾑﾒﾓｬﾔｭﾕｮﾖﾗﾘﾙﾚﾛﾜﾜｲｴｦﾝｳ";
    // Marks per katakana from ァ (U+30A1) to ヴ (U+30F4): 1 = dakuten, 2 = handakuten.
    const MARKS: &[u8] = concat!(
        "0000000000",      // ァアィイゥウェエォオ
        "0101010101",      // カガキギクグケゲコゴ
        "0101010101",      // サ行
        "01010010101",     // タダチヂッツヅテデトド
        "00000",           // ナ行
        "012012012012012", // ハバパ…
        "00000",           // マ行
        "000000",          // ャヤュユョヨ
        "00000",           // ラ行
        "0000001",         // ヮワヰヱヲンヴ
    )
    .as_bytes();
    let plain: Vec<char> = PLAIN.chars().collect();
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let i = (c as u32).wrapping_sub(0x30A1) as usize;
        match (plain.get(i), MARKS.get(i)) {
            (Some(&h), Some(&m)) => {
                out.push(h);
                match m {
                    b'1' => out.push('ﾞ'),
                    b'2' => out.push('ﾟ'),
                    _ => {}
                }
            }
            _ => out.push(match c {
                'ー' => 'ｰ',
                ' ' | '\u{3000}' => ' ',
                _ => c,
            }),
        }
    }
    out
}

/// A row of the list: a customer (maybe edited), a new one, or a broken line.
#[derive(Clone, Copy)]
enum Entry {
    Customer(u64),
    Unexpected(u64),
    Malformed(u64),
}

pub fn generate(spec: &SampleSpec) -> Sample {
    let n = spec.rows;
    let seed = spec.seed;
    let mut rng = Rng::with_seed(seed);
    let rate = if spec.rate.is_finite() { spec.rate.clamp(0.0, 1.0) } else { 0.0 };
    let total = (n as f64 * rate).round() as usize;
    let share = |pct: usize| if rate > 0.0 { (total * pct / 100).max(1) } else { 0 };

    // List order before injections: every customer, maybe shuffled.
    let mut order: Vec<u64> = (0..n as u64).collect();
    if spec.shuffle {
        rng.shuffle(&mut order);
    }
    // The slid block (and the row above it, whose value slides in) stays free of other edits.
    let block_len = spec.shifted_block.filter(|&l| l >= 1 && l < n).unwrap_or(0);
    let block_start = if block_len > 0 { 1 + rng.usize(..n - block_len) } else { 0 };
    let mut reserved = vec![false; n];
    if block_len > 0 {
        for &c in &order[block_start - 1..block_start + block_len] {
            reserved[c as usize] = true;
        }
    }
    let mut pool: Vec<u64> = (0..n as u64).filter(|&c| !reserved[c as usize]).collect();
    rng.shuffle(&mut pool);
    let mut take = |k: usize| -> Vec<u64> {
        let k = k.min(pool.len());
        pool.split_off(pool.len() - k)
    };
    let missing = take(share(20));
    let changed = take(share(30));
    let swapped = take(share(10) * 2);
    let list_dups = take(share(10));
    let source_dups = take(share(10));
    let unexpected = share(20);

    let mut truth = Truth::default();
    let mut edits = vec![Edit::default(); n];
    let mut is_missing = vec![false; n];
    for &c in &missing {
        is_missing[c as usize] = true;
        truth.missing.push(customer(seed, c).id);
    }
    for (i, &c) in changed.iter().enumerate() {
        let (change, column) = CHANGES[i % CHANGES.len()];
        edits[c as usize].change = Some(change);
        truth.mismatch.push((customer(seed, c).id, column.to_string()));
    }
    for pair in swapped.chunks_exact(2) {
        let (a, b) = (pair[0], pair[1]);
        edits[a as usize].email_of = Some(b);
        edits[b as usize].email_of = Some(a);
        let (ia, ib) = (customer(seed, a).id, customer(seed, b).id);
        truth.crosswired.push((ia.clone(), ib.clone()));
        truth.crosswired.push((ib, ia));
    }
    for &c in list_dups.iter().chain(&source_dups) {
        truth.duplicate.push(customer(seed, c).id);
    }

    // The list: customers in order, minus the missing; then the extra rows inserted at random
    // places outside the block.
    let mut entries: Vec<Entry> =
        order.iter().filter(|&&c| !is_missing[c as usize]).map(|&c| Entry::Customer(c)).collect();
    let mut block_at = match order.get(block_start) {
        Some(&first) if block_len > 0 => entries.iter().position(|e| matches!(e, Entry::Customer(c) if *c == first)),
        _ => None,
    };
    // Fresh indices for people who are not customers: unexpected rows, broken rows and the
    // second record under a repeated source key.
    let extra_base = n as u64 + 1_000_000;
    let mut extras: Vec<Entry> = list_dups.iter().map(|&c| Entry::Customer(c)).collect();
    extras.extend((0..unexpected as u64).map(|i| Entry::Unexpected(n as u64 + i)));
    extras.extend((0..spec.malformed as u64).map(|i| Entry::Malformed(extra_base + i)));
    for e in extras {
        let mut at = rng.usize(..=entries.len());
        if let Some(b) = block_at {
            // Never between the block's rows, nor between it and the row above it.
            if at >= b && at < b + block_len {
                at = b - 1;
            }
            if at <= b {
                block_at = Some(b + 1);
            }
        }
        entries.insert(at, e);
        if let Entry::Unexpected(i) = e {
            truth.unexpected.push(customer(seed, i).id);
        }
    }
    if let Some(b) = block_at {
        // Row b+i carries the e-mail of row b+i−1: the incident, a column slid down by one.
        for i in (b..b + block_len).rev() {
            if let (Some(Entry::Customer(above)), Some(Entry::Customer(c))) =
                (entries.get(i - 1).copied(), entries.get(i).copied())
            {
                let above_email = edits[above as usize].email_of.unwrap_or(above);
                edits[c as usize].email_of = Some(above_email);
            }
        }
        truth.shifted = Some((b + 1, block_len));
    }

    // Source: customers in id order; a repeated key gets a second, different person after it.
    let mut source = csv::WriterBuilder::new().from_writer(Vec::with_capacity(n * 150 + 200));
    let _ = source.write_record(SOURCE_HEADER);
    let mut is_source_dup = vec![false; n];
    for &c in &source_dups {
        is_source_dup[c as usize] = true;
    }
    let mut source_rows = 0;
    for c in 0..n as u64 {
        let cust = customer(seed, c);
        let _ = source.write_record(fields(&cust, seed, c, false, Edit::default(), None));
        source_rows += 1;
        if is_source_dup[c as usize] {
            let mut other = customer(seed, extra_base + 500_000 + c);
            other.id = cust.id.clone();
            let _ = source.write_record(fields(&other, seed, c, false, Edit::default(), None));
            source_rows += 1;
        }
    }

    let columns: Vec<usize> = {
        let mut cols: Vec<usize> = (0..10).collect();
        if spec.reorder_columns {
            rng.shuffle(&mut cols);
        }
        cols
    };
    let mut list = csv::WriterBuilder::new()
        .delimiter(spec.delimiter)
        .flexible(true)
        .from_writer(Vec::with_capacity(n * 160 + 200));
    let _ = list.write_record(columns.iter().map(|&i| LIST_HEADER[i]));
    for (row, e) in entries.iter().enumerate() {
        let record = match *e {
            Entry::Customer(c) => {
                let edit = edits[c as usize];
                let owner = edit.email_of.map(|o| customer(seed, o));
                fields(&customer(seed, c), seed, c, spec.variants, edit, owner.as_ref())
            }
            Entry::Unexpected(i) => fields(&customer(seed, i), seed, i, spec.variants, Edit::default(), None),
            Entry::Malformed(i) => fields(&customer(seed, i), seed, i, spec.variants, Edit::default(), None),
        };
        let mut cells: Vec<&str> = columns.iter().map(|&i| record[i].as_str()).collect();
        if matches!(e, Entry::Malformed(_)) {
            cells.pop();
            truth.malformed_rows.push(row + 1);
        }
        let _ = list.write_record(cells);
    }
    truth.source_rows = source_rows;
    truth.list_rows = entries.len();
    Sample { source: source.into_inner().unwrap_or_default(), list: list.into_inner().unwrap_or_default(), truth }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crosscheck::{normalize, Step};
    type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

    #[test]
    fn same_spec_same_bytes() {
        let spec = SampleSpec { rows: 300, seed: 9, ..SampleSpec::default() };
        assert_eq!(generate(&spec), generate(&spec));
        assert_ne!(generate(&spec).list, generate(&SampleSpec { seed: 10, ..spec }).list);
    }

    #[test]
    fn truth_counts_add_up() -> TestResult {
        let s = generate(&SampleSpec {
            rows: 1000,
            rate: 0.05,
            malformed: 2,
            shifted_block: Some(60),
            ..SampleSpec::default()
        });
        let t = &s.truth;
        assert_eq!(t.source_rows, 1000 + 5);
        assert_eq!(t.list_rows, 1000 - t.missing.len() + t.unexpected.len() + 5 + 2);
        assert_eq!(t.malformed_rows.len(), 2);
        assert_eq!(t.shifted.map(|s| s.1), Some(60));
        let text = String::from_utf8(s.list)?;
        assert_eq!(text.lines().count(), t.list_rows + 1);
        Ok(())
    }

    #[test]
    fn variants_are_harmless_under_the_default_steps() {
        assert_eq!(
            normalize(&[Step::Nfkc, Step::Katakana, Step::RemoveSpaces], &to_half_width_kana("ヤマダ タロウ")),
            "ヤマダタロウ"
        );
        assert_eq!(to_half_width_kana("ガッコウ パン"), "ｶﾞｯｺｳ ﾊﾟﾝ");
        assert_eq!(normalize(&[Step::Nfkc], &to_half_width_kana("ヴァイオリン")), "ヴァイオリン");
        assert_eq!(to_hiragana("ヤマダ"), "やまだ");
        assert_eq!(era(2024, 4, 1).as_deref(), Some("令和6年4月1日"));
        assert_eq!(era(2019, 5, 1).as_deref(), Some("令和元年5月1日"));
        assert_eq!(era(2019, 4, 30).as_deref(), Some("平成31年4月30日"));
        // The era text the list carries reads back as the same date through the core's date step.
        for (y, m, d) in [(2024, 4, 1), (2019, 5, 1), (1989, 1, 8), (2000, 2, 29)] {
            let text = era(y, m, d).unwrap_or_default();
            assert_eq!(normalize(&[Step::Date], &text), format!("{y:04}-{m:02}-{d:02}"), "{text}");
        }
        assert_eq!(yen(3000), "¥3,000");
    }

    #[test]
    fn tiny_and_odd_specs_do_not_panic() {
        for rows in [0, 1, 2, 3, 5] {
            for block in [None, Some(1), Some(3), Some(10)] {
                let s = generate(&SampleSpec {
                    rows,
                    rate: 1.0,
                    shifted_block: block,
                    malformed: 2,
                    ..SampleSpec::default()
                });
                assert!(s.truth.list_rows >= 2);
            }
        }
        let _ = generate(&SampleSpec { rows: 10, rate: f64::NAN, ..SampleSpec::default() });
    }

    #[test]
    fn the_demo_holds_every_kind() {
        let t = demo().truth;
        assert!(!t.missing.is_empty() && !t.unexpected.is_empty() && t.duplicate.len() >= 2);
        assert!(t.mismatch.len() >= 2 && t.crosswired.len() == 2 && t.shifted.is_some() && t.malformed_rows.len() == 1);
    }

    #[test]
    fn the_example_schemas_are_valid_and_the_sample_meets_them() -> TestResult {
        let s = generate(&SampleSpec { rows: 300, rate: 0.0, variants: false, ..SampleSpec::default() });
        for ((name, schema), bytes) in EXAMPLE_SCHEMAS.iter().zip([&s.list, &s.source]) {
            let options = crosscheck::FileOptions::default();
            let r = crosscheck::validate(crosscheck::Input::new("f.csv", bytes.clone()), schema, name, &options, None)?;
            assert_eq!(r.schema["fields"].as_array().map(Vec::len), Some(10), "{name}");
            assert_eq!(r.validation.summary.findings.invalid, 0, "{name}: {:?}", r.validation.findings.first());
        }
        Ok(())
    }
}
