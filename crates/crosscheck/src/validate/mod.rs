//! Check one table against a [`Schema`]: every cell against its field's type, format and
//! constraints, `unique` and `primaryKey` across rows. Findings say file, row, line, column,
//! the raw value, the rule, and a message in Japanese and English. Totals are true totals.

mod cast;
mod datetime;
mod number;
mod pattern;
pub(crate) mod rows;
pub(crate) mod schema;

use crate::read::table::Table;
use crate::report::{msg, Issue, Side, Validation, ValidationSummary};
use crate::value::excel::excel_error;
use cast::{cast, jp_format, Broken, Logical};
use rustc_hash::FxHashMap;
use schema::{Field, FieldsMatch, Schema};
use std::borrow::Cow;

/// The rows (0-based) that share a value: most values are on one row, which needs no list.
enum Rows {
    One(usize),
    Many(Vec<usize>),
}

impl Rows {
    fn add(&mut self, r: usize) {
        match self {
            Rows::One(first) => *self = Rows::Many(vec![*first, r]),
            Rows::Many(rows) => rows.push(r),
        }
    }

    /// All the rows when there are several.
    fn repeated(&self) -> Option<&[usize]> {
        match self {
            Rows::One(_) => None,
            Rows::Many(rows) => Some(rows),
        }
    }
}

/// A primary key's value: one field's (most keys, without a list per row) or several's.
#[derive(PartialEq, Eq, Hash)]
enum Key<'a> {
    One(Cow<'a, str>),
    Many(Vec<Cow<'a, str>>),
}

/// Each value of `map` on more than one row, with its rows.
fn repeated<K>(map: &FxHashMap<K, Rows>) -> impl Iterator<Item = (&K, &[usize])> {
    map.iter().filter_map(|(k, rows)| rows.repeated().map(|r| (k, r)))
}

/// Check `table` (read from the file called `table.name`) against `schema`.
#[cfg(test)]
pub fn validate(table: &Table, schema: &Schema, side: Side) -> crate::Result<Validation> {
    validate_with(table, schema, side, &mut |_| {})
}

/// Rows checked between two progress reports: ~50 ms in the browser here (a row of ten fields
/// costs ~2.5 µs), so that a PC a few times slower still hears every ~250 ms.
const CHECK_TICK: usize = 20_000;

/// Each field's column in `table`, and the columns no field describes; an error when a field
/// is not a column, or a v2 schema's `fieldsMatch` is not met.
pub(crate) fn columns(table: &Table, schema: &Schema) -> crate::Result<(Vec<usize>, Vec<String>)> {
    let columns: Vec<usize> = schema
        .fields
        .iter()
        .map(|f| {
            table.column_index(&f.name).ok_or_else(|| {
                crate::Error::new(
                    crate::ErrorKind::Schema,
                    format!("the schema's field \"{}\" is not a column of the file", f.name),
                )
                .in_file(&table.name)
                .in_column(&f.name)
                .hint(format!("the file's columns are: {}", table.header.join(", ")))
            })
        })
        .collect::<crate::Result<_>>()?;
    let unknown_columns: Vec<String> =
        table.header.iter().filter(|h| !schema.fields.iter().any(|f| &f.name == *h)).cloned().collect();
    // A v2 schema's fieldsMatch: exact (its default) wants the fields in order, equal in any.
    let in_order = columns.iter().enumerate().all(|(i, &c)| i == c);
    let refused = match schema.fields_match {
        FieldsMatch::Exact if !unknown_columns.is_empty() || !in_order => Some("exact"),
        FieldsMatch::Equal if !unknown_columns.is_empty() => Some("equal"),
        _ => None,
    };
    if let Some(how) = refused {
        let names: Vec<&str> = schema.fields.iter().map(|f| f.name.as_str()).collect();
        return Err(crate::Error::new(
            crate::ErrorKind::Schema,
            format!("the file's columns are not the schema's fields (fieldsMatch \"{how}\": {})", names.join(", ")),
        )
        .in_file(&table.name)
        .hint(format!("the file's columns are: {}; or set \"fieldsMatch\": \"subset\"", table.header.join(", "))));
    }

    Ok((columns, unknown_columns))
}

/// `validate`, telling `tick` the share of the rows checked as it goes.
pub fn validate_with(
    table: &Table,
    schema: &Schema,
    side: Side,
    tick: &mut dyn FnMut(f64),
) -> crate::Result<Validation> {
    let (columns, unknown_columns) = columns(table, schema)?;

    let mut findings = Vec::new();
    let mut bad_row = vec![false; table.len()];
    // Per unique field, and for the primary key: canonical value → rows.
    // Sized for a value a row at once: growing a map of a million values rehashes it ~20 times.
    fn map<K, V>(rows: usize) -> FxHashMap<K, V> {
        FxHashMap::with_capacity_and_hasher(rows, Default::default())
    }
    let mut seen: Vec<FxHashMap<Cow<str>, Rows>> =
        schema.fields.iter().map(|f| map(if f.unique { table.len() } else { 0 })).collect();
    let pk: Vec<usize> =
        schema.primary_key.iter().filter_map(|k| schema.fields.iter().position(|f| &f.name == k)).collect();
    let mut keys: FxHashMap<Key, Rows> = map(if pk.is_empty() { 0 } else { table.len() });
    // A primary key's fields are required too.
    let required: Vec<bool> = schema.fields.iter().enumerate().map(|(i, f)| f.required || pk.contains(&i)).collect();
    let mut logical: Vec<Option<Logical>> = Vec::with_capacity(schema.fields.len());

    for (r, bad) in bad_row.iter_mut().enumerate() {
        if r % CHECK_TICK == CHECK_TICK - 1 {
            tick(r as f64 / table.len() as f64);
        }
        logical.clear();
        for (i, (field, &col)) in schema.fields.iter().zip(&columns).enumerate() {
            let value = table.cell(r, col);
            let Checked { value: v, broken } = check(field, value, required[i]);
            // A value of its type takes part in uniqueness even when it breaks another rule:
            // "abcd" twice under maxLength 3 is also a duplicate.
            if let (true, Some(v), Some(seen)) = (field.unique, &v, seen.get_mut(i)) {
                seen.entry(v.canonical()).and_modify(|rows| rows.add(r)).or_insert(Rows::One(r));
            }
            logical.push(v);
            match broken {
                None => {}
                Some((rule, message)) => {
                    *bad = true;
                    let place = table.place(r);
                    findings.push(Issue::Invalid {
                        file: side,
                        row: place.row,
                        line: place.line,
                        column: field.name.clone(),
                        value: value.to_string(),
                        rule: rule.to_string(),
                        message,
                        cell: table.cell_name(place.line, col),
                    });
                }
            }
        }
        let part = |i: &usize| logical.get(*i).and_then(Option::as_ref).map(Logical::canonical);
        let key = match pk.as_slice() {
            [] => None,
            [one] => part(one).map(Key::One),
            more => more.iter().map(part).collect::<Option<_>>().map(Key::Many),
        };
        if let Some(key) = key {
            keys.entry(key).and_modify(|rows| rows.add(r)).or_insert(Rows::One(r));
        }
    }

    let mut duplicates = Vec::new();
    for (field, seen) in schema.fields.iter().zip(&seen) {
        for (value, rows) in repeated(seen) {
            duplicates.push((rows[0], "unique", vec![field.name.clone()], vec![value.to_string()], rows.to_vec()));
        }
    }
    for (key, rows) in repeated(&keys) {
        let key = match key {
            Key::One(k) => vec![k.to_string()],
            Key::Many(parts) => parts.iter().map(|k| k.to_string()).collect(),
        };
        duplicates.push((rows[0], "primaryKey", schema.primary_key.clone(), key, rows.to_vec()));
    }
    duplicates.sort_by(|a, b| (a.0, a.1).cmp(&(b.0, b.1)));
    for (_, rule, columns, key, rows) in duplicates {
        for &r in &rows {
            bad_row[r] = true;
        }
        let shown: Vec<u64> = rows.iter().map(|&r| table.place(r).row).collect();
        let list = shown.iter().map(u64::to_string).collect::<Vec<_>>().join(", ");
        let (what_ja, what_en) = if rule == "unique" { ("値", "value") } else { ("キー", "key") };
        let message = msg(
            format!("{what_ja}「{}」が {} 行にあります（{list} 行目）", key.join(" / "), rows.len()),
            format!("the {what_en} \"{}\" is on {} rows ({list})", key.join(" / "), rows.len()),
        );
        findings.push(Issue::Duplicate { file: side, rule: rule.to_string(), columns, key, rows: shown, message });
    }
    for m in &table.malformed {
        let cell = table.cell_name(m.line, 0);
        findings.push(Issue::Malformed { file: side, row: m.row, line: m.line, message: m.message(), cell });
    }
    findings.sort_by_key(|f| match f {
        Issue::Invalid { row, .. } | Issue::Malformed { row, .. } => *row,
        Issue::Duplicate { rows, .. } => rows.first().copied().unwrap_or(0),
    });

    let mut summary = ValidationSummary {
        rows: table.records(),
        invalid_rows: bad_row.iter().filter(|&&b| b).count(),
        malformed_rows: table.malformed.len(),
        unknown_columns,
        ..ValidationSummary::default()
    };
    summary.valid_rows = table.len() - summary.invalid_rows;
    for f in &findings {
        match f {
            Issue::Invalid { column, rule, .. } => {
                summary.findings.invalid += 1;
                *summary.columns.entry(column.clone()).or_default().entry(rule.clone()).or_default() += 1;
                *summary.rules.entry(rule.clone()).or_default() += 1;
            }
            Issue::Duplicate { columns, rule, .. } => {
                summary.findings.duplicate += 1;
                for c in columns {
                    *summary.columns.entry(c.clone()).or_default().entry(rule.clone()).or_default() += 1;
                }
                *summary.rules.entry(rule.clone()).or_default() += 1;
            }
            Issue::Malformed { .. } => summary.findings.malformed += 1,
        }
    }
    Ok(Validation { file: table.name.clone(), summary, findings, truncated: false })
}

/// What one cell came to: its value as its type reads it (None when missing or not of its type),
/// and the first rule it breaks.
struct Checked<'a> {
    value: Option<Logical<'a>>,
    broken: Option<Broken>,
}

impl<'a> Checked<'a> {
    fn broken(broken: Broken) -> Checked<'a> {
        Checked { value: None, broken: Some(broken) }
    }
}

/// One cell against its field: missing values, Excel's errors, type and format, then the
/// constraints, tested on the value as its type reads it.
fn check<'a>(field: &Field, value: &'a str, required: bool) -> Checked<'a> {
    if field.missing_values.iter().any(|m| m == value) {
        if required {
            return Checked::broken((
                "required",
                msg("値が必要です（空欄です）", "a value is required (the cell is empty)"),
            ));
        }
        return Checked { value: None, broken: None };
    }
    // A failed formula's #N/A is no value of any type: an import must not take it as text.
    if let Some(e) = excel_error(value) {
        return Checked::broken((
            "excel_error",
            msg(
                format!("Excel のエラー値 {e} です（数式が値を出せませんでした）"),
                format!("Excel's error value {e} (a formula that failed)"),
            ),
        ));
    }
    let logical = match cast(field, value) {
        Ok(l) => l,
        Err(broken) => return Checked::broken(broken),
    };
    if let Some(jp) = field.jp_format {
        if let Err(broken) = jp_format(jp, value) {
            return Checked::broken(broken);
        }
    }
    let broken = constraints(field, value, &logical).err();
    Checked { value: Some(logical), broken }
}

/// The constraints of a value of the field's type: the first one it breaks.
fn constraints(field: &Field, value: &str, logical: &Logical) -> Result<(), Broken> {
    if let Some(p) = &field.pattern {
        if !p.matches(value) {
            return Err((
                "pattern",
                msg(
                    format!("「{value}」はパターン {} に合いません", p.source),
                    format!("\"{value}\" does not match the pattern {}", p.source),
                ),
            ));
        }
    }
    if field.min_length.is_some() || field.max_length.is_some() {
        // A collection's length is its items; a text's, its characters (counted only here).
        let (length, ja_unit, en_unit) = match logical {
            Logical::Json(v) => {
                (v.as_array().map(Vec::len).or(v.as_object().map(|o| o.len())).unwrap_or(0), "個", "items")
            }
            _ => (value.chars().count(), "文字", "characters"),
        };
        if let Some(min) = field.min_length.filter(|&m| length < m) {
            return Err((
                "minLength",
                msg(
                    format!("「{value}」は {length} {ja_unit}です（{min} {ja_unit}以上が必要）"),
                    format!("\"{value}\" is {length} {en_unit} long; at least {min} are required"),
                ),
            ));
        }
        if let Some(max) = field.max_length.filter(|&m| length > m) {
            return Err((
                "maxLength",
                msg(
                    format!("「{value}」は {length} {ja_unit}です（{max} {ja_unit}まで）"),
                    format!("\"{value}\" is {length} {en_unit} long; at most {max} are allowed"),
                ),
            ));
        }
    }
    if let Some(allowed) = &field.enumeration {
        if !allowed.values.iter().any(|a| a.same(logical)) {
            return Err((
                "enum",
                msg(
                    format!("「{value}」は次のどれでもありません: {}", choices(&allowed.shown, "、")),
                    format!("\"{value}\" is not one of: {}", choices(&allowed.shown, ", ")),
                ),
            ));
        }
    }
    for b in &field.bounds {
        // Unordered (NaN, or a zoned against a floating datetime) satisfies no bound.
        let order = logical.compare(&b.value);
        let ok = order.is_some_and(|o| b.accepts[(o as i8 + 1) as usize]);
        if !ok {
            let shown = &b.shown;
            let (ja, en) = match b.rule {
                // NaN, or a datetime without a zone against a bound with one (or the reverse).
                _ if order.is_none() => (
                    format!("{} {shown} と比べられません", b.rule),
                    format!("cannot be compared with the {} {shown}", b.rule),
                ),
                "minimum" => (format!("最小値 {shown} より小さい値です"), format!("is less than the minimum {shown}")),
                "exclusiveMinimum" => (format!("{shown} より大きくありません"), format!("is not more than {shown}")),
                "maximum" => (format!("最大値 {shown} より大きい値です"), format!("is more than the maximum {shown}")),
                _ => (format!("{shown} より小さくありません"), format!("is not less than {shown}")),
            };
            return Err((b.rule, msg(format!("「{value}」は{ja}"), format!("\"{value}\" {en}"))));
        }
    }
    Ok(())
}

/// The allowed values, shortened when there are many (47 prefectures make a long message).
fn choices(allowed: &[String], sep: &str) -> String {
    const SHOWN: usize = 8;
    let head = allowed.iter().take(SHOWN).cloned().collect::<Vec<_>>().join(sep);
    match allowed.len().checked_sub(SHOWN).filter(|&n| n > 0) {
        Some(more) => format!("{head}{sep}… (+{more})"),
        None => head,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestResult;

    fn run(schema: &str, csv: &str) -> TestResult<Validation> {
        let s = Schema::from_json(schema, "schema.json")?;
        let t = Table::parse("list.csv", csv, None)?;
        Ok(validate(&t, &s, Side::List)?)
    }

    fn rules(v: &Validation) -> Vec<(u64, String, String)> {
        v.findings
            .iter()
            .filter_map(|f| match f {
                Issue::Invalid { row, column, rule, .. } => Some((*row, column.clone(), rule.clone())),
                _ => None,
            })
            .collect()
    }

    fn field(def: &str) -> TestResult<Field> {
        Ok(Schema::from_json(&format!("{{\"fields\": [{def}]}}"), "s.json")?.fields.remove(0))
    }

    fn ok(def: &str, values: &[&str]) -> TestResult {
        let f = field(def)?;
        for v in values {
            assert!(check(&f, v, false).broken.is_none(), "{def}: {v:?} should pass");
        }
        Ok(())
    }

    fn bad(def: &str, rule: &str, values: &[&str]) -> TestResult {
        let f = field(def)?;
        for v in values {
            let broken = check(&f, v, false).broken;
            assert!(broken.is_some(), "{def}: {v:?} should break {rule}");
            if let Some((r, m)) = broken {
                assert_eq!(r, rule, "{def}: {v:?}");
                assert!(!m.ja.is_empty() && !m.en.is_empty());
            }
        }
        Ok(())
    }

    #[test]
    fn types() -> TestResult {
        ok(r#"{"name": "n", "type": "integer"}"#, &["0", "-12", "+7", "1200"])?;
        bad(r#"{"name": "n", "type": "integer"}"#, "type", &["1,200", "1.5", "abc", " 1", "１２"])?;
        ok(r#"{"name": "n", "type": "integer", "groupChar": ","}"#, &["1,200"])?;
        ok(r#"{"name": "n", "type": "integer", "bareNumber": false, "groupChar": ","}"#, &["¥1,200", "1200円"])?;
        ok(r#"{"name": "n", "type": "number"}"#, &["1.5", "-0.25", "1e3", ".5", "NaN"])?;
        bad(r#"{"name": "n", "type": "number"}"#, "type", &["1,5", "e3", "1.2.3"])?;
        ok(r#"{"name": "n", "type": "number", "decimalChar": ",", "groupChar": "."}"#, &["1.200,50"])?;
        ok(r#"{"name": "b", "type": "boolean"}"#, &["true", "FALSE", "1"])?;
        bad(r#"{"name": "b", "type": "boolean"}"#, "type", &["yes", "はい"])?;
        ok(
            r#"{"name": "b", "type": "boolean", "trueValues": ["はい"], "falseValues": ["いいえ"]}"#,
            &["はい", "いいえ"],
        )?;
        ok(r#"{"name": "t", "type": "time"}"#, &["09:30:00"])?;
        bad(r#"{"name": "t", "type": "time"}"#, "type", &["24:00:01", "9:30"])?;
        ok(r#"{"name": "t", "type": "datetime"}"#, &["2024-04-01T09:30:00Z", "2024-04-01T09:30:00+09:00"])?;
        ok(r#"{"name": "y", "type": "year"}"#, &["2024"])?;
        ok(r#"{"name": "y", "type": "yearmonth"}"#, &["2024-04"])?;
        bad(r#"{"name": "y", "type": "yearmonth"}"#, "type", &["2024-13", "2024/04"])?;
        Ok(())
    }

    #[test]
    fn dates_in_each_format() -> TestResult {
        ok(r#"{"name": "d", "type": "date"}"#, &["2024-04-01", "2024-02-29"])?;
        bad(r#"{"name": "d", "type": "date"}"#, "type", &["2024/04/01", "2023-02-29", "2024-4-1"])?;
        ok(r#"{"name": "d", "type": "date", "format": "%Y/%m/%d"}"#, &["2024/04/01", "2024/4/1"])?;
        bad(r#"{"name": "d", "type": "date", "format": "%Y/%m/%d"}"#, "type", &["2024-04-01", "2024/4/31"])?;
        ok(r#"{"name": "d", "type": "date", "format": "%Y年%m月%d日"}"#, &["2024年4月1日"])?;
        ok(
            r#"{"name": "d", "type": "date", "format": "any"}"#,
            &["2024-04-01", "2024/4/1", "2024年4月1日", "令和6年4月1日"],
        )?;
        bad(r#"{"name": "d", "type": "date", "format": "any"}"#, "type", &["平成31年5月1日", "2024-02-30"])?;
        Ok(())
    }

    #[test]
    fn japanese_formats_and_era_boundaries() -> TestResult {
        ok(r#"{"name": "z", "jpFormat": "postal-code"}"#, &["100-0001", "060-0000"])?;
        bad(
            r#"{"name": "z", "jpFormat": "postal-code"}"#,
            "jpFormat",
            &["1000001", "100-001", "１００-０００１", "〒100-0001"],
        )?;
        ok(
            r#"{"name": "p", "jpFormat": "phone"}"#,
            &["090-1234-5678", "09012345678", "03-1234-5678", "(03)1234-5678", "0120-123-456", "050-1234-5678"],
        )?;
        bad(
            r#"{"name": "p", "jpFormat": "phone"}"#,
            "jpFormat",
            &["090-1234-567", "1234-5678", "+81-90-1234-5678", "03--1234-5678", "010-1234-5678"],
        )?;
        ok(
            r#"{"name": "e", "type": "date", "format": "any", "jpFormat": "era-date"}"#,
            &["令和6年4月1日", "平成元年1月8日", "平成31年4月30日", "令和元年5月1日"],
        )?;
        bad(
            r#"{"name": "e", "jpFormat": "era-date"}"#,
            "jpFormat",
            &["平成31年5月1日", "令和元年4月30日", "2024年4月1日", "昭和64年1月8日"],
        )?;
        Ok(())
    }

    #[test]
    fn constraints() -> TestResult {
        ok(r#"{"name": "m", "format": "email"}"#, &["taro@example.jp", "a.b+c@x.co.jp"])?;
        bad(
            r#"{"name": "m", "format": "email"}"#,
            "format",
            &["taro@", "taro＠example.jp", "taro@example", "a b@x.jp"],
        )?;
        bad(r#"{"name": "s", "constraints": {"pattern": "C[0-9]{4}"}}"#, "pattern", &["C12", "c0001"])?;
        bad(r#"{"name": "s", "constraints": {"minLength": 2}}"#, "minLength", &["山"])?;
        ok(r#"{"name": "s", "constraints": {"maxLength": 2}}"#, &["山田"])?;
        bad(r#"{"name": "s", "constraints": {"maxLength": 2}}"#, "maxLength", &["山田太"])?;
        bad(r#"{"name": "n", "type": "integer", "constraints": {"minimum": 0}}"#, "minimum", &["-1"])?;
        bad(r#"{"name": "n", "type": "integer", "constraints": {"maximum": 100}}"#, "maximum", &["101"])?;
        bad(r#"{"name": "d", "type": "date", "constraints": {"minimum": "2020-01-01"}}"#, "minimum", &["2019-12-31"])?;
        ok(r#"{"name": "e", "constraints": {"enum": ["東京都", "大阪府"]}}"#, &["東京都"])?;
        bad(r#"{"name": "e", "constraints": {"enum": ["東京都", "大阪府"]}}"#, "enum", &["京都府"])?;
        ok(r#"{"name": "e", "type": "integer", "constraints": {"enum": [500, 1000]}}"#, &["500", "01000"])?;
        Ok(())
    }

    /// Any text through every type and constraint: never a panic, and a value of its type has
    /// one canonical text, equal to itself.
    #[test]
    fn random_cells_never_panic() -> TestResult {
        let defs = [
            r#"{"name": "v", "type": "integer", "groupChar": ",", "bareNumber": false, "constraints": {"minimum": -5, "enum": [1, "2", 3.0]}}"#,
            r#"{"name": "v", "type": "number", "decimalChar": ",", "groupChar": ".", "constraints": {"exclusiveMaximum": "1e3"}}"#,
            r#"{"name": "v", "type": "number", "constraints": {"minimum": 0.1}}"#,
            r#"{"name": "v", "type": "datetime", "constraints": {"maximum": "2024-01-01T00:00:00Z"}}"#,
            r#"{"name": "v", "type": "time", "constraints": {"minimum": "09:00:00"}}"#,
            r#"{"name": "v", "type": "yearmonth", "constraints": {"minimum": "2000-01"}}"#,
            r#"{"name": "v", "type": "year"}"#,
            r#"{"name": "v", "type": "date", "format": "%Y/%m/%d"}"#,
            r#"{"name": "v", "type": "object", "constraints": {"maxLength": 1}}"#,
            r#"{"name": "v", "type": "boolean", "constraints": {"enum": [true]}}"#,
            r#"{"name": "v", "format": "email", "constraints": {"pattern": "\\w+@\\S+"}}"#,
            r#"{"name": "v", "format": "uri"}"#,
        ];
        let alphabet: Vec<char> = "0123456789+-.,eEnaNIfT:Z@{}[]\" ¥円１日%_ x".chars().collect();
        let mut rng = fastrand::Rng::with_seed(11);
        for def in defs {
            let f = field(def)?;
            for _ in 0..3_000 {
                let len = rng.usize(0..14);
                let v: String = (0..len).map(|_| alphabet[rng.usize(0..alphabet.len())]).collect();
                if let Some(l) = check(&f, &v, false).value {
                    assert!(l.same(&l), "{def}: {v:?}");
                    assert_eq!(l.canonical(), l.clone().into_owned().canonical(), "{def}: {v:?}");
                }
            }
        }
        Ok(())
    }

    #[test]
    fn required_missing_values_unique_and_primary_key() -> TestResult {
        let v = run(
            r#"{"fields": [{"name": "id", "constraints": {"unique": true}}, {"name": "mail", "constraints": {"required": true}},
                           {"name": "pts", "type": "integer"}],
                "missingValues": ["", "-"], "primaryKey": ["id", "pts"]}"#,
            "id,mail,pts\nC1,a@x.jp,1\nC2,-,2\nC1,c@x.jp,1\nC3,d@x.jp,-\nC4,e@x.jp\n",
        )?;
        assert_eq!(
            rules(&v),
            [(2, "mail".to_string(), "required".to_string()), (4, "pts".to_string(), "required".to_string())]
        );
        let dups: Vec<(&str, &[u64])> = v
            .findings
            .iter()
            .filter_map(|f| match f {
                Issue::Duplicate { rule, rows, .. } => Some((rule.as_str(), rows.as_slice())),
                _ => None,
            })
            .collect();
        assert_eq!(dups, [("primaryKey", &[1, 3][..]), ("unique", &[1, 3][..])]);
        // The key as the values' canonical text, part by part ("1" read as an integer).
        let keys: Vec<&[String]> = v
            .findings
            .iter()
            .filter_map(|f| match f {
                Issue::Duplicate { key, .. } => Some(key.as_slice()),
                _ => None,
            })
            .collect();
        assert_eq!(keys, [&["C1".to_string(), "1".to_string()][..], &["C1".to_string()][..]]);
        let s = &v.summary;
        assert_eq!((s.rows, s.valid_rows, s.invalid_rows, s.malformed_rows), (5, 0, 4, 1));
        assert_eq!(s.rows, s.valid_rows + s.invalid_rows + s.malformed_rows);
        assert_eq!(s.rules["required"], 2);
        assert_eq!(s.columns["mail"]["required"], 1);
        assert_eq!(s.findings, crate::report::IssueCounts { invalid: 2, duplicate: 2, malformed: 1 });
        Ok(())
    }

    #[test]
    fn a_field_the_file_lacks_is_an_error_and_extra_columns_are_listed() -> TestResult {
        let s = Schema::from_json(r#"{"fields": [{"name": "郵便番号"}]}"#, "s.json")?;
        let t = Table::parse("list.csv", "id,zip\n1,2\n", None)?;
        let e = validate(&t, &s, Side::List).unwrap_err();
        assert!(
            e.to_string().contains("list.csv: column \"郵便番号\": the schema's field \"郵便番号\" is not a column"),
            "{e}"
        );
        let s = Schema::from_json(r#"{"fields": [{"name": "id"}]}"#, "s.json")?;
        assert_eq!(validate(&t, &s, Side::List)?.summary.unknown_columns, ["zip"]);
        Ok(())
    }
}
