//! Write a generated source/list pair and its ground truth:
//!
//! ```text
//! cargo run --release -p crosscheck-sample --example gen -- [--rows N] [--seed S] [--rate R] [--shifted LEN]
//!     [--malformed N] [--encoding utf-8|cp932|utf-16] [--no-variants] [--demo] [--out-dir DIR]
//! ```
//!
//! Writes DIR/source.csv, DIR/list.csv (the list in the chosen encoding; UTF-16 is written as
//! Excel's "Unicode text": BOM, little-endian, TAB-separated) and DIR/truth.json.

use crosscheck_sample::{demo, generate, SampleSpec};
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), String> {
    let mut spec = SampleSpec::default();
    let mut out_dir = PathBuf::from(".");
    let mut encoding = "utf-8".to_string();
    let mut use_demo = false;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--rows" => spec.rows = number(&value()?)?,
            "--seed" => spec.seed = number(&value()?)? as u64,
            "--rate" => spec.rate = value()?.parse().map_err(|_| "--rate takes a number such as 0.01".to_string())?,
            "--shifted" => spec.shifted_block = Some(number(&value()?)?),
            "--malformed" => spec.malformed = number(&value()?)?,
            "--encoding" => encoding = value()?,
            "--out-dir" => out_dir = PathBuf::from(value()?),
            "--demo" => use_demo = true,
            "--no-variants" => spec.variants = false,
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if encoding == "utf-16" {
        spec.delimiter = b'\t';
    }
    let sample = if use_demo { demo() } else { generate(&spec) };
    let list = match encoding.as_str() {
        "utf-8" => sample.list,
        "cp932" => {
            let text = String::from_utf8(sample.list).map_err(|e| e.to_string())?;
            let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(&text);
            if unmappable {
                return Err("the sample has a character CP932 cannot hold".into());
            }
            bytes.into_owned()
        }
        "utf-16" => {
            let text = String::from_utf8(sample.list).map_err(|e| e.to_string())?;
            let mut bytes = vec![0xFF, 0xFE];
            bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
            bytes
        }
        other => return Err(format!("unknown encoding {other:?} (utf-8, cp932, utf-16)")),
    };
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("{}: {e}", out_dir.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("{}: {e}", path.display()))
    };
    write("source.csv", &sample.source)?;
    write("list.csv", &list)?;
    let truth = serde_json::to_string_pretty(&sample.truth).map_err(|e| e.to_string())?;
    write("truth.json", truth.as_bytes())?;
    println!("wrote {}/source.csv, list.csv, truth.json", out_dir.display());
    Ok(())
}

fn number(text: &str) -> Result<usize, String> {
    text.replace('_', "").parse().map_err(|_| format!("{text:?} is not a whole number"))
}
