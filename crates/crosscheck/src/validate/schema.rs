//! Validation rules: a Frictionless Data Table Schema (https://specs.frictionlessdata.io/table-schema/),
//! read into checked rules. A schema that is itself wrong is an error naming the field and the
//! property.
//!
//! Supported: `fields` (name, type, format, constraints: required, unique, pattern, minLength,
//! maxLength, minimum, maximum, enum; number options decimalChar, groupChar, bareNumber; boolean
//! trueValues/falseValues), `missingValues`, `primaryKey`. Types: string (formats default, email,
//! uri, uuid), integer, number, boolean, date (default, any, or a pattern such as %Y/%m/%d),
//! datetime, time, year, yearmonth, any.
//!
//! Japanese formats are a field property of their own, `jpFormat`, which other Table Schema tools
//! ignore (fields may carry extra properties), so the schema stays valid: `postal-code`
//! (NNN-NNNN), `phone` (a Japanese phone number), `era-date` (令和6年4月1日 — a date that exists
//! in that era). A `date` field with format `any` reads 2024-04-01, 2024/4/1, 2024年4月1日 and era
//! dates alike.

use super::cast::{cast, Logical};
use super::number::{Num, Syntax};
use super::pattern::Pattern;
use crate::error::{Error, ErrorKind, Result};
use serde_json::{Map, Value};
use std::borrow::Cow;

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Type {
    String,
    Integer,
    Number,
    Boolean,
    Date,
    Datetime,
    Time,
    Year,
    Yearmonth,
    Object,
    Array,
    Any,
}

/// How a date field's values must be written.
#[derive(Debug, Clone, PartialEq)]
pub enum DateFormat {
    /// YYYY-MM-DD.
    Default,
    /// Any spelling crosscheck reads: 2024-04-01, 2024/4/1, 2024年4月1日, 令和6年4月1日, ….
    Any,
    /// A strptime-like pattern: %Y, %m, %d and literal text.
    Pattern(Vec<DatePart>),
}

#[derive(Debug, Clone, PartialEq)]
pub enum DatePart {
    Year,
    Month,
    Day,
    Literal(String),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StringFormat {
    Default,
    Email,
    Uri,
    Uuid,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum JpFormat {
    PostalCode,
    Phone,
    EraDate,
}

/// A bound (`minimum`, `maximum`, `exclusiveMinimum`, `exclusiveMaximum`): its rule, the value
/// as written for messages, and the value as the field's type reads it.
#[derive(Debug, Clone)]
pub struct Bound {
    pub rule: &'static str,
    /// Whether a value below, equal to, above the bound meets it: decided once, not by the
    /// rule's name for every cell.
    pub accepts: [bool; 3],
    pub shown: String,
    pub value: Logical<'static>,
}

/// An `enum`: the values as written for messages, and as the field's type reads them (read once,
/// not for every cell: a prefecture column of a million rows compared each cell with 47 values
/// read anew).
#[derive(Debug, Clone)]
pub struct Enum {
    pub shown: Vec<String>,
    pub values: Vec<Logical<'static>>,
}

/// How a v2 schema's fields meet the file's columns (`fieldsMatch`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldsMatch {
    /// The file's columns are the fields, in order (v2's default).
    Exact,
    /// The same columns, in any order.
    Equal,
    /// Every field is a column; other columns are listed, not checked (a v1 schema).
    Subset,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub name: String,
    pub kind: Type,
    pub string_format: StringFormat,
    pub date_format: DateFormat,
    pub jp_format: Option<JpFormat>,
    pub decimal_char: char,
    pub group_char: Option<char>,
    pub bare_number: bool,
    pub true_values: Vec<String>,
    pub false_values: Vec<String>,
    pub required: bool,
    pub unique: bool,
    pub pattern: Option<Pattern>,
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    /// In the order checked: minimum, exclusiveMinimum, maximum, exclusiveMaximum.
    pub bounds: Vec<Bound>,
    pub enumeration: Option<Enum>,
    /// The values that mean "empty" in this field: its own `missingValues` (v2), else the
    /// schema's.
    pub missing_values: Vec<String>,
}

#[derive(Debug, Clone)]
pub struct Schema {
    pub fields: Vec<Field>,
    pub primary_key: Vec<String>,
    pub fields_match: FieldsMatch,
}

const TYPES: [(&str, Type); 12] = [
    ("string", Type::String),
    ("integer", Type::Integer),
    ("number", Type::Number),
    ("boolean", Type::Boolean),
    ("date", Type::Date),
    ("datetime", Type::Datetime),
    ("time", Type::Time),
    ("year", Type::Year),
    ("yearmonth", Type::Yearmonth),
    ("object", Type::Object),
    ("array", Type::Array),
    ("any", Type::Any),
];

impl Type {
    pub fn name(self) -> &'static str {
        TYPES.iter().find(|(_, t)| *t == self).map_or("any", |(n, _)| n)
    }
}

/// Where in the schema a problem is, for the error message.
struct At<'a> {
    file: &'a str,
    field: Option<(usize, &'a str)>,
}

impl At<'_> {
    fn error(&self, property: &str, message: impl std::fmt::Display) -> Error {
        let place = match self.field {
            Some((i, name)) if !name.is_empty() => format!("field {} (\"{name}\"), {property}", i + 1),
            Some((i, _)) => format!("field {}, {property}", i + 1),
            None => property.to_string(),
        };
        Error::new(ErrorKind::Schema, format!("{place}: {message}"))
            .in_file(self.file)
            .hint("fix the schema; see the Table Schema section of the README")
    }
}

impl Schema {
    /// Read a Table Schema from JSON text; `file` names it in errors.
    #[cfg(test)]
    pub fn from_json(text: &str, file: &str) -> Result<Schema> {
        let value: Value = serde_json::from_str(text.trim_start_matches('\u{FEFF}')).map_err(|e| {
            Error::new(ErrorKind::Schema, format!("not valid JSON: {e}"))
                .in_file(file)
                .at_line(e.line() as u64)
                .hint("the schema must be one JSON object with a \"fields\" list")
        })?;
        Schema::from_value(&value, file)
    }

    pub fn from_value(value: &Value, file: &str) -> Result<Schema> {
        let top = At { file, field: None };
        let obj = value.as_object().ok_or_else(|| top.error("schema", "must be a JSON object"))?;
        let fields = obj
            .get("fields")
            .and_then(Value::as_array)
            .ok_or_else(|| top.error("fields", "is missing or not a list of field descriptors"))?;
        if fields.is_empty() {
            return Err(top.error("fields", "is empty: describe at least one column"));
        }
        let v2 = obj.get("$schema").and_then(Value::as_str).is_some_and(names_v2);
        if v2 {
            // v2's parts crosscheck does not check are refused by name, never ignored.
            for key in ["uniqueKeys", "categories", "categoriesOrdered"] {
                if obj.contains_key(key) {
                    return Err(top.error(key, "is not supported yet"));
                }
            }
        }
        let missing_values = match obj.get("missingValues") {
            None => vec![String::new()],
            Some(v) => missing(v).ok_or_else(|| top.error("missingValues", MISSING_VALUES))?,
        };
        let fields_match = match obj.get("fieldsMatch") {
            _ if !v2 => FieldsMatch::Subset,
            None => FieldsMatch::Exact,
            Some(Value::String(m)) if m == "exact" => FieldsMatch::Exact,
            Some(Value::String(m)) if m == "equal" => FieldsMatch::Equal,
            Some(Value::String(m)) if m == "subset" => FieldsMatch::Subset,
            Some(Value::String(m)) if m == "superset" || m == "partial" => {
                return Err(top.error("fieldsMatch", format!("\"{m}\" is not supported (use exact, equal or subset)")))
            }
            Some(_) => return Err(top.error("fieldsMatch", "must be exact, equal, subset, superset or partial")),
        };
        let mut parsed: Vec<Field> = Vec::with_capacity(fields.len());
        for (i, f) in fields.iter().enumerate() {
            let field = parse_field(i, f, file, &missing_values, v2)?;
            if parsed.iter().any(|p| p.name == field.name) {
                return Err(At { file, field: Some((i, &field.name)) }.error("name", "is used by an earlier field too"));
            }
            parsed.push(field);
        }
        let primary_key = match obj.get("primaryKey") {
            None => Vec::new(),
            Some(Value::String(s)) => vec![s.clone()],
            Some(v) => strings(v).ok_or_else(|| top.error("primaryKey", "must be a field name or a list of names"))?,
        };
        for k in &primary_key {
            if !parsed.iter().any(|f| &f.name == k) {
                return Err(top.error("primaryKey", format!("names \"{k}\", which is not a field")));
            }
        }
        if obj.contains_key("foreignKeys") {
            return Err(top.error("foreignKeys", "is not supported: one file is validated at a time"));
        }
        Ok(Schema { fields: parsed, primary_key, fields_match })
    }
}

/// Whether `$schema` names Table Schema v2 (`https://datapackage.org/profiles/2.0/tableschema.json`).
fn names_v2(profile: &str) -> bool {
    profile.contains("/2.0/") || profile.contains("profiles/2.")
}

fn strings(v: &Value) -> Option<Vec<String>> {
    v.as_array()?.iter().map(|s| s.as_str().map(str::to_string)).collect()
}

const MISSING_VALUES: &str = "must be a list of strings (or, in v2, of {\"value\": …} objects)";

/// `missingValues`: strings, or v2's objects with a `value` (and a `label`, which is for people).
fn missing(v: &Value) -> Option<Vec<String>> {
    v.as_array()?
        .iter()
        .map(|m| match m {
            Value::String(s) => Some(s.clone()),
            Value::Object(o) => o.get("value").and_then(Value::as_str).map(str::to_string),
            _ => None,
        })
        .collect()
}

fn parse_field(i: usize, value: &Value, file: &str, schema_missing: &[String], v2: bool) -> Result<Field> {
    let unnamed = At { file, field: Some((i, "")) };
    let obj: &Map<String, Value> =
        value.as_object().ok_or_else(|| unnamed.error("descriptor", "must be a JSON object"))?;
    let name = match obj.get("name") {
        Some(Value::String(n)) if !n.is_empty() => n.as_str(),
        _ => return Err(unnamed.error("name", "is missing or empty")),
    };
    let at = At { file, field: Some((i, name)) };
    let text = |key: &str| -> Result<Option<&str>> {
        match obj.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.as_str())),
            Some(_) => Err(at.error(key, "must be a string")),
        }
    };
    let kind = match text("type")? {
        None => Type::String,
        Some(t) => TYPES.iter().find(|(n, _)| *n == t).map(|(_, k)| *k).ok_or_else(|| {
            let known: Vec<&str> = TYPES.iter().map(|(n, _)| *n).collect();
            at.error("type", format!("\"{t}\" is not supported (use one of: {})", known.join(", ")))
        })?,
    };
    let format = text("format")?.filter(|f| *f != "default");
    let mut string_format = StringFormat::Default;
    let mut date_format = DateFormat::Default;
    match (kind, format) {
        (_, None) => {}
        (Type::String, Some("email")) => string_format = StringFormat::Email,
        (Type::String, Some("uri")) => string_format = StringFormat::Uri,
        (Type::String, Some("uuid")) => string_format = StringFormat::Uuid,
        (Type::Date, Some("any")) => date_format = DateFormat::Any,
        (Type::Date, Some(p)) if p.contains('%') => date_format = DateFormat::Pattern(date_pattern(p, &at)?),
        (_, Some("any")) if kind != Type::String => {}
        (_, Some(f)) => return Err(at.error("format", format!("\"{f}\" is not a format of type {}", kind.name()))),
    }
    let jp_format = match text("jpFormat")? {
        None => None,
        Some("postal-code") => Some(JpFormat::PostalCode),
        Some("phone") => Some(JpFormat::Phone),
        Some("era-date") => Some(JpFormat::EraDate),
        Some(f) => return Err(at.error("jpFormat", format!("\"{f}\" is unknown (use postal-code, phone or era-date)"))),
    };
    let one_char = |key: &str, default: Option<char>| -> Result<Option<char>> {
        match text(key)? {
            None => Ok(default),
            Some(s) if s.chars().count() == 1 => Ok(s.chars().next()),
            Some(_) => Err(at.error(key, "must be exactly one character")),
        }
    };
    let decimal_char = one_char("decimalChar", Some('.'))?.unwrap_or('.');
    let group_char = one_char("groupChar", None)?;
    let bare_number = match obj.get("bareNumber") {
        None => true,
        Some(Value::Bool(b)) => *b,
        Some(_) => return Err(at.error("bareNumber", "must be true or false")),
    };
    let list = |key: &str, default: &[&str]| -> Result<Vec<String>> {
        match obj.get(key) {
            None => Ok(default.iter().map(|s| s.to_string()).collect()),
            Some(v) => strings(v).ok_or_else(|| at.error(key, "must be a list of strings")),
        }
    };
    let true_values = list("trueValues", &["true", "True", "TRUE", "1"])?;
    let false_values = list("falseValues", &["false", "False", "FALSE", "0"])?;

    let empty = Map::new();
    let constraints = match obj.get("constraints") {
        None => &empty,
        Some(Value::Object(c)) => c,
        Some(_) => return Err(at.error("constraints", "must be a JSON object")),
    };
    let flag = |key: &str| -> Result<bool> {
        match constraints.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(_) => Err(at.error(&format!("constraints.{key}"), "must be true or false")),
        }
    };
    let length = |key: &str| -> Result<Option<usize>> {
        match constraints.get(key) {
            None => Ok(None),
            Some(v) => v.as_u64().map(|n| Some(n as usize)).ok_or_else(|| {
                at.error(&format!("constraints.{key}"), "must be a whole number of characters (0 or more)")
            }),
        }
    };
    let pattern = match constraints.get("pattern") {
        None => None,
        Some(Value::String(p)) => Some(
            Pattern::new(p)
                .map_err(|e| at.error("constraints.pattern", format!("is not a valid regular expression: {e}")))?,
        ),
        Some(_) => return Err(at.error("constraints.pattern", "must be a string")),
    };
    if v2 {
        for key in ["categories", "categoriesOrdered"] {
            if obj.contains_key(key) {
                return Err(at.error(key, "is not supported yet"));
            }
        }
        if constraints.contains_key("jsonSchema") {
            return Err(at.error("constraints.jsonSchema", "is not supported yet"));
        }
    }
    let missing_values = match obj.get("missingValues") {
        None => schema_missing.to_vec(),
        Some(v) => missing(v).ok_or_else(|| at.error("missingValues", MISSING_VALUES))?,
    };
    let field = Field {
        name: name.to_string(),
        kind,
        string_format,
        date_format,
        jp_format,
        decimal_char,
        group_char,
        bare_number,
        true_values,
        false_values,
        required: flag("required")?,
        unique: flag("unique")?,
        pattern,
        min_length: length("minLength")?,
        max_length: length("maxLength")?,
        bounds: Vec::new(),
        enumeration: None,
        missing_values,
    };
    let mut field = field;
    // Bounds and enum values are read as the field reads its cells, so the field comes first.
    for rule in ["minimum", "exclusiveMinimum", "maximum", "exclusiveMaximum"] {
        if let Some(v) = constraints.get(rule) {
            let bound = bound(&field, rule, v, &at)?;
            field.bounds.push(bound);
        }
    }
    field.enumeration = match constraints.get("enum") {
        None => None,
        Some(Value::Array(items)) if !items.is_empty() => {
            let shown = items.iter().map(shown).collect();
            // A missing value never reaches the enum: one listed there is no value to read.
            let values = items
                .iter()
                .filter(|v| !v.as_str().is_some_and(|s| field.missing_values.iter().any(|m| m == s)))
                .map(|v| {
                    constraint_value(&field, v).ok_or_else(|| {
                        at.error("constraints.enum", format!("{} is not a value of type {}", v, field.kind.name()))
                    })
                })
                .collect::<Result<_>>()?;
            Some(Enum { shown, values })
        }
        Some(_) => return Err(at.error("constraints.enum", "must be a non-empty list")),
    };
    if let (Some(min), Some(max)) = (field.min_length, field.max_length) {
        if min > max {
            return Err(at.error("constraints", format!("minLength {min} is more than maxLength {max}")));
        }
    }
    Ok(field)
}

/// A constraint's value as JSON writes it, for messages ("100000", 0.5, true).
fn shown(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

/// A schema's constraint numbers as written, where the parsed JSON lost them: serde_json reads
/// a number into an f64 (or a 64-bit integer), so `"maximum": 12345678901234567890123` or
/// `"minimum": 0.10000000000000001` would be checked against a rounded bound. Such a number is
/// put back as its text, which a bound or an enum reads as the field reads a cell; any other
/// number stays as it was. A schema that is not an object of fields is left for `from_value`.
pub fn keep_exact_numbers(text: &str, value: &mut Value) {
    use serde_json::value::RawValue;
    #[derive(serde::Deserialize)]
    struct RawField<'a> {
        #[serde(borrow, default)]
        constraints: Option<std::collections::HashMap<&'a str, &'a RawValue>>,
    }
    #[derive(serde::Deserialize)]
    struct RawSchema<'a> {
        #[serde(borrow, default)]
        fields: Vec<Option<RawField<'a>>>,
    }
    let Ok(raw) = serde_json::from_str::<RawSchema>(text) else { return };
    let exact = |raw: &RawValue, parsed: &mut Value| {
        let written = raw.get().trim();
        let syntax = Syntax { decimal_char: '.', fraction: true };
        if let Value::Number(n) = parsed {
            let (Some(as_written), Some(as_read)) =
                (Num::parse(Cow::Borrowed(written), syntax), Num::parse(Cow::Owned(n.to_string()), syntax))
            else {
                return;
            };
            if !as_written.same(&as_read) {
                *parsed = Value::String(written.to_string());
            }
        }
    };
    let Some(fields) = value.get_mut("fields").and_then(Value::as_array_mut) else { return };
    for (raw, field) in raw.fields.iter().zip(fields.iter_mut()) {
        let (Some(raw), Some(constraints)) = (
            raw.as_ref().and_then(|f| f.constraints.as_ref()),
            field.get_mut("constraints").and_then(Value::as_object_mut),
        ) else {
            continue;
        };
        for (key, parsed) in constraints.iter_mut() {
            let Some(r) = raw.get(key.as_str()) else { continue };
            match parsed {
                Value::Array(items) => {
                    if let Ok(elements) = serde_json::from_str::<Vec<&RawValue>>(r.get()) {
                        for (e, item) in elements.iter().zip(items.iter_mut()) {
                            exact(e, item);
                        }
                    }
                }
                other => exact(r, other),
            }
        }
    }
}

/// A constraint value in the field's terms: "primitive types as possible in JSON, or … strings
/// that are castable with the type and format rules of the field" (Table Schema, constraints).
fn constraint_value(field: &Field, v: &Value) -> Option<Logical<'static>> {
    let numeric = matches!(field.kind, Type::Integer | Type::Number | Type::Year);
    match v {
        Value::String(s) => cast(field, s).ok().map(Logical::into_owned),
        // JSON's own number: exactly as written (serde_json keeps integers whole and writes a
        // float in its shortest form, 0.1 as "0.1").
        Value::Number(n) if numeric => {
            Num::parse(Cow::Owned(n.to_string()), Syntax { decimal_char: '.', fraction: true }).map(Logical::Number)
        }
        Value::Bool(b) if field.kind == Type::Boolean => Some(Logical::Bool(*b)),
        Value::Number(_) | Value::Bool(_) => cast(field, &v.to_string()).ok().map(Logical::into_owned),
        _ => None,
    }
}

fn bound(field: &Field, rule: &'static str, v: &Value, at: &At) -> Result<Bound> {
    let key = format!("constraints.{rule}");
    let what = match field.kind {
        Type::Integer | Type::Number | Type::Year => "a number",
        Type::Date => "a date such as \"2024-04-01\"",
        Type::Datetime => "a date and time such as \"2024-04-01T09:00:00Z\"",
        Type::Time => "a time such as \"09:00:00\"",
        Type::Yearmonth => "a year and month such as \"2024-04\"",
        _ => return Err(at.error(&key, format!("does not apply to type {}", field.kind.name()))),
    };
    let mut value = constraint_value(field, v);
    // A date bound in any spelling crosscheck reads, whatever the field's own format.
    if value.is_none() && field.kind == Type::Date {
        value = v.as_str().and_then(crate::value::date::parse_date).map(Logical::Date);
    }
    if let Some(Logical::Number(Num::NaN)) = value {
        value = None;
    }
    let value = value.ok_or_else(|| at.error(&key, format!("must be {what}")))?;
    let accepts = match rule {
        "minimum" => [false, true, true],
        "exclusiveMinimum" => [false, false, true],
        "maximum" => [true, true, false],
        _ => [true, false, false],
    };
    Ok(Bound { rule, accepts, shown: shown(v), value })
}

/// `%Y/%m/%d`, `%Y年%m月%d日`, `%d.%m.%Y` …: the strptime directives a date needs.
fn date_pattern(p: &str, at: &At) -> Result<Vec<DatePart>> {
    let mut parts = Vec::new();
    let mut literal = String::new();
    let mut chars = p.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            literal.push(c);
            continue;
        }
        let part = match chars.next() {
            Some('Y') => DatePart::Year,
            Some('m') => DatePart::Month,
            Some('d') => DatePart::Day,
            Some('%') => {
                literal.push('%');
                continue;
            }
            Some(other) => {
                return Err(at.error("format", format!("%{other} is not supported in a date pattern (use %Y, %m, %d)")))
            }
            None => return Err(at.error("format", "ends with a lone %")),
        };
        if !literal.is_empty() {
            parts.push(DatePart::Literal(std::mem::take(&mut literal)));
        }
        parts.push(part);
    }
    if !literal.is_empty() {
        parts.push(DatePart::Literal(literal));
    }
    for needed in [DatePart::Year, DatePart::Month, DatePart::Day] {
        if !parts.contains(&needed) {
            return Err(at.error("format", "a date pattern needs %Y, %m and %d"));
        }
    }
    Ok(parts)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::TestResult;

    fn schema(text: &str) -> Result<Schema> {
        Schema::from_json(text, "schema.json")
    }

    #[test]
    fn reads_fields_constraints_and_keys() -> TestResult {
        let s = schema(
            r#"{"fields": [
                {"name": "id", "type": "string", "constraints": {"required": true, "pattern": "C[0-9]{4}"}},
                {"name": "points", "type": "integer", "groupChar": ",", "constraints": {"minimum": 0, "maximum": "100000"}},
                {"name": "since", "type": "date", "format": "%Y/%m/%d", "constraints": {"minimum": "2000-01-01"}},
                {"name": "zip", "jpFormat": "postal-code", "x-note": "extra properties are fine"}
              ], "primaryKey": "id", "missingValues": ["", "-"]}"#,
        )?;
        assert_eq!(s.fields.len(), 4);
        let pattern = s.fields[0].pattern.as_ref().ok_or("no pattern")?;
        assert!(pattern.matches("C0001"));
        assert!(!pattern.matches("xC0001"), "anchored");
        assert_eq!(s.fields[1].group_char, Some(','));
        let max = &s.fields[1].bounds[1];
        assert_eq!((max.rule, max.shown.as_str(), max.value.canonical().as_ref()), ("maximum", "100000", "100000"));
        assert_eq!(
            s.fields[2].date_format,
            DateFormat::Pattern(vec![
                DatePart::Year,
                DatePart::Literal("/".into()),
                DatePart::Month,
                DatePart::Literal("/".into()),
                DatePart::Day
            ])
        );
        assert_eq!(s.fields[3].jp_format, Some(JpFormat::PostalCode));
        assert_eq!(s.primary_key, ["id"]);
        assert_eq!(s.fields[0].missing_values, ["", "-"]);
        Ok(())
    }

    #[test]
    fn a_wrong_schema_names_the_field_and_the_problem() {
        let cases = [
            (r#"{"fields": []}"#, "fields: is empty"),
            (r#"{"fields": [{"type": "string"}]}"#, "field 1, name: is missing"),
            (r#"{"fields": [{"name": "a", "type": "text"}]}"#, r#"field 1 ("a"), type: "text" is not supported"#),
            (
                r#"{"fields": [{"name": "a", "type": "integer", "constraints": {"minimum": "x"}}]}"#,
                "constraints.minimum: must be a number",
            ),
            (
                r#"{"fields": [{"name": "a", "constraints": {"pattern": "("}}]}"#,
                "constraints.pattern: is not a valid regular expression",
            ),
            (
                r#"{"fields": [{"name": "a", "constraints": {"minLength": -1}}]}"#,
                "constraints.minLength: must be a whole number",
            ),
            (r#"{"fields": [{"name": "a", "type": "date", "format": "%Y-%q"}]}"#, "%q is not supported"),
            (r#"{"fields": [{"name": "a", "jpFormat": "zip"}]}"#, r#"jpFormat: "zip" is unknown"#),
            (r#"{"fields": [{"name": "a"}, {"name": "a"}]}"#, r#"field 2 ("a"), name: is used by an earlier field"#),
            (r#"{"fields": [{"name": "a"}], "primaryKey": ["b"]}"#, r#"primaryKey: names "b""#),
            (
                r#"{"fields": [{"name": "a", "constraints": {"required": "yes"}}]}"#,
                "constraints.required: must be true or false",
            ),
        ];
        for (text, expected) in cases {
            let e = schema(text).unwrap_err();
            assert_eq!(e.kind, ErrorKind::Schema);
            assert!(e.to_string().contains(expected), "{text}\n→ {e}");
            assert!(e.to_string().starts_with("schema.json: "), "{e}");
        }
        let e = schema("{\"fields\": [\n  {\"name\": }]}").unwrap_err();
        assert_eq!(e.line, Some(2));
    }
}
