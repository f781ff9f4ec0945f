//! The fictional customers: name, kana and romaji tables, e-mail domains, prefectures, and
//! [`customer`], which derives one customer from `(seed, index)` alone.

use fastrand::Rng;

// (kanji, katakana reading, romaji). 髙 and 﨑 are CP932 extension characters on purpose.
pub(crate) const SURNAMES: [(&str, &str, &str); 32] = [
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
pub(crate) const GIVEN: [(&str, &str, &str); 32] = [
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
pub(crate) struct Customer {
    pub(crate) id: String,
    pub(crate) surname: usize,
    pub(crate) given: usize,
    pub(crate) email: String,
    pub(crate) phone: String,
    pub(crate) postal: (u32, u32),
    pub(crate) prefecture: &'static str,
    pub(crate) points: u32,
    pub(crate) gift: u32,
    pub(crate) registered: (i32, u32, u32),
}

pub(crate) fn rng_for(seed: u64, index: u64) -> Rng {
    Rng::with_seed(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) ^ index.wrapping_mul(0xD6E8_FEB8_6659_FD93).rotate_left(17))
}

pub(crate) fn customer(seed: u64, index: u64) -> Customer {
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
