//! Realistic, fictional Japanese customer data with known discrepancies: the built-in sample for
//! `npm start` and the page, the test generator, and the `recon-N` benchmark workload.
//!
//! Deterministic: the same spec gives the same bytes. Each customer is derived from `(seed,
//! index)` alone, so a million rows are written without holding a million records in memory.
//! The list is the source shuffled, with Japanese headers in another column order, harmless
//! format variants a second tool would produce (full-width digits, U+3000, half-width kana,
//! hiragana, upper-case mail, 1,200, ¥, 令和 dates) — none of which may be reported — and the
//! injected discrepancies recorded in [`Truth`].
//!
//! Keyless ([`SampleSpec::keyless`]): the list without its customer-ID column (顧客ID), as a
//! vendor's list reaches staff — name, kana, e-mail, phone … and no key — so each list row can
//! only be paired with a source record by the identifying columns that agree. Nothing else
//! changes: the source is byte for byte the keyed one, and the list is the keyed list with that
//! one column taken out (same rows in the same order, same variants and discrepancies; a broken
//! row still one field short). [`Truth`] then names list rows no source record has by row
//! number only (`unexpected_rows`; their keys are in neither file), and every other finding by
//! the key of the source record involved.

mod customers;
mod generate;
mod row;
mod variants;

pub use generate::{demo, generate};
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
    /// Write the list without its customer-ID column (顧客ID): the vendor list as staff get it,
    /// which can be paired with the source only by the columns that identify a person (e-mail,
    /// phone, name, …). The source keeps its `customer_id` and is the keyed one byte for byte;
    /// the list is the keyed list with that column taken out, every discrepancy injected as in
    /// keyed mode (none of them works by changing a list row's ID, so none goes unseen without
    /// it; see `generate`). In [`Truth`], unexpected rows are only in `unexpected_rows`
    /// (`unexpected` is empty: their keys are in neither file); the other kinds keep the source
    /// record's key.
    pub keyless: bool,
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
            keyless: false,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sample {
    pub source: Vec<u8>,
    pub list: Vec<u8>,
    pub truth: Truth,
}

/// What the generator injected: what a correct reconciliation must report. Keys are source
/// keys (`customer_id`); in a keyless list (no ID column) a key names the source record the list
/// row pairs with, except for unexpected rows, which pair with none and are named by row alone.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Truth {
    /// The list was written without its ID column ([`SampleSpec::keyless`]).
    pub keyless: bool,
    pub source_rows: usize,
    pub list_rows: usize,
    /// Keys of source records left out of the list.
    pub missing: Vec<String>,
    /// Keys of list rows no source record has. Empty when keyless: the list holds no keys, and
    /// these rows' would-be keys are in neither file, so `unexpected_rows` is their record.
    pub unexpected: Vec<String>,
    /// The same unexpected rows by list row (numbered as the report numbers them, ascending),
    /// in both modes.
    pub unexpected_rows: Vec<usize>,
    /// Keys repeated within one file (one duplicate finding each): a list row written twice (when
    /// keyless, two list rows pairing with that one source record), or a second, different
    /// person under the same key in the source (keyed only: keyless, the repeat is seen only
    /// through the ID, so that second person — whose e-mail and phone no list row has — is in
    /// `missing` instead).
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

#[cfg(test)]
mod tests {
    use super::*;
    type TestResult<T = ()> = std::result::Result<T, Box<dyn std::error::Error>>;

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
