//! The `crosscheck` command: argument parsing and output only; every decision is the library's.
//!
//! Exit codes: 0 = nothing found, 1 = findings, 2 = usage error or unreadable input.

// The library's one error type is large on purpose (it carries the place); see lib.rs.
#![allow(clippy::result_large_err)]

mod files;

use clap::{Args, Parser, Subcommand, ValueEnum};
use crosscheck::render::{self, Lang};
use crosscheck::{ColumnSpec, Error, FileOptions, Options, Pairing, Pick, Remedy, SheetChoice, Threads, Validated};
use files::Files;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(name = "crosscheck", version, about = "Reconcile a recipient list against its source records")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Match SOURCE and LIST by key and report what is missing, unexpected, duplicated, different,
    /// cross-wired, shifted or malformed.
    Reconcile(ReconcileArgs),
    /// Check one FILE against a Table Schema before import: every value against its column's
    /// type, format and constraints, unique values and the primary key.
    Validate(ValidateArgs),
    /// Describe one file: encoding, delimiter, header, rows and what each column holds.
    Inspect(InspectArgs),
}

/// How to read the one file of `validate` and `inspect`.
#[derive(Args)]
struct ReadArgs {
    /// auto, utf-8, utf-16le, utf-16be, cp932, euc-jp.
    #[arg(long, value_name = "ENC")]
    encoding: Option<String>,
    /// auto , tab ; |
    #[arg(long, value_name = "D")]
    delimiter: Option<String>,
    /// A workbook's sheet: its name or 1-based number (default: the first that holds a table).
    #[arg(long, value_name = "SHEET")]
    sheet: Option<String>,
    /// The header's row as Excel numbers it (default: found below title and blank lines).
    #[arg(long, value_name = "N")]
    header_row: Option<u64>,
}

#[derive(Args)]
struct ValidateArgs {
    /// The file to check (CSV/TSV; `-` reads standard input).
    file: String,
    /// The rules: a Frictionless Table Schema (JSON; `-` reads standard input).
    #[arg(long, value_name = "SCHEMA.json")]
    schema: String,
    #[command(flatten)]
    read: ReadArgs,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// List at most N findings (the summary still counts all).
    #[arg(long, value_name = "N")]
    max_findings: Option<usize>,
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Write the rows that broke no rule to FILE as JSON Lines, one row a line, each value cast
    /// as the schema says: {"row", "line", "ok": true, "values": {FIELD: VALUE}} — what to import.
    #[arg(long, value_name = "FILE")]
    passed: Option<PathBuf>,
    /// Write the rows with findings to FILE as JSON Lines: {"row", "line", "ok": false,
    /// "values": {FIELD: TEXT} (null for a malformed row), "findings": [indices into the JSON
    /// report's findings]}.
    #[arg(long, value_name = "FILE")]
    failed: Option<PathBuf>,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum PairingArg {
    Auto,
    Key,
    Consensus,
}

#[derive(Args)]
struct ReconcileArgs {
    /// The source records (CSV/TSV; `-` reads standard input).
    source: String,
    /// The recipient list built from them.
    list: String,
    /// Key column, as COLUMN or SOURCE_COLUMN=LIST_COLUMN; repeat for a composite key.
    #[arg(long, value_name = "COL")]
    key: Vec<String>,
    /// How rows are paired: key (by the key's value), consensus (with the record most of a row's
    /// identifying columns point at), auto (by the key when it is an ID, else by consensus).
    #[arg(long, value_name = "HOW")]
    pairing: Option<PairingArg>,
    /// Pair two columns the automatic mapping missed: SOURCE_COLUMN=LIST_COLUMN (repeatable).
    #[arg(long, value_name = "SRC=LIST")]
    map: Vec<String>,
    /// Options JSON (the same file the page saves; `-` reads standard input); flags given here
    /// override it.
    #[arg(long, value_name = "FILE")]
    config: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Write the report to FILE instead of standard output (never over a file it reads).
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Encoding of SOURCE: auto, utf-8, utf-16le, utf-16be, cp932, euc-jp.
    #[arg(long, value_name = "ENC")]
    source_encoding: Option<String>,
    #[arg(long, value_name = "ENC")]
    list_encoding: Option<String>,
    /// Delimiter of SOURCE: auto , tab ; |
    #[arg(long, value_name = "D")]
    source_delimiter: Option<String>,
    #[arg(long, value_name = "D")]
    list_delimiter: Option<String>,
    /// SOURCE's sheet when it is a workbook: its name or 1-based number (default: the first
    /// sheet that holds a table).
    #[arg(long, value_name = "SHEET")]
    source_sheet: Option<String>,
    #[arg(long, value_name = "SHEET")]
    list_sheet: Option<String>,
    /// SOURCE's header row as Excel numbers it (default: found below title and blank lines).
    #[arg(long, value_name = "N")]
    source_header_row: Option<u64>,
    #[arg(long, value_name = "N")]
    list_header_row: Option<u64>,
    /// List at most N findings (the summary still counts all).
    #[arg(long, value_name = "N")]
    max_findings: Option<usize>,
    /// Language of the text report (default: from LANG).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
    /// Threads to read and compare on: 2 (the default; the work splits in two) or 1. The report
    /// is the same either way.
    #[arg(long, value_name = "N", default_value_t = 2, value_parser = clap::value_parser!(u8).range(1..=2))]
    threads: u8,
}

#[derive(Args)]
struct InspectArgs {
    /// The file to describe (`-` reads standard input).
    file: String,
    #[command(flatten)]
    read: ReadArgs,
    #[arg(long, value_enum, default_value_t = InspectFormat::Text)]
    format: InspectFormat,
    /// Language of the text output (default: from LANG).
    #[arg(long, value_enum)]
    lang: Option<LangArg>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum InspectFormat {
    Text,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Ja,
    En,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Reconcile(args) => reconcile(args),
        Command::Validate(args) => validate(args),
        Command::Inspect(args) => inspect(args),
    };
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("crosscheck: error: {}", in_flags(e));
            ExitCode::from(2)
        }
    }
}

/// An error's remedy in this command's own words: its flags.
fn in_flags(mut e: Error) -> Error {
    let said = match e.remedy {
        Some(Remedy::NameKey) => "name the key: --key COLUMN or --key SOURCE_COLUMN=LIST_COLUMN",
        Some(Remedy::PairByKey) => "name the key and pair by it: --key COLUMN --pairing key",
        None => return e,
    };
    e.hint = Some(said.to_string());
    e
}

fn reconcile(args: ReconcileArgs) -> Result<ExitCode, Error> {
    if args.source == "-" && args.list == "-" {
        return Err(Error::options("only one of SOURCE and LIST can be read from standard input"));
    }
    let mut files = Files::default();
    let mut options = match &args.config {
        Some(path) => Options::from_json(&files.text(path, "--config")?).map_err(|e| e.in_file(path.clone()))?,
        None => Options::default(),
    };
    let source = (&args.source_encoding, &args.source_delimiter, &args.source_sheet, args.source_header_row);
    override_file(&mut options.source, source);
    override_file(
        &mut options.list,
        (&args.list_encoding, &args.list_delimiter, &args.list_sheet, args.list_header_row),
    );
    if !args.key.is_empty() {
        options.key = Some(args.key.iter().map(|k| column_arg(k)).collect());
    }
    if let Some(p) = args.pairing {
        options.pairing = match p {
            PairingArg::Auto => Pairing::Auto,
            PairingArg::Key => Pairing::Key,
            PairingArg::Consensus => Pairing::Consensus,
        };
    }
    for m in &args.map {
        match m.split_once('=') {
            Some((s, l)) => options.map.push(ColumnSpec::pair(s, l)),
            None => return Err(Error::options(format!("--map takes SOURCE_COLUMN=LIST_COLUMN, not \"{m}\""))),
        }
    }
    if args.max_findings.is_some() {
        options.max_findings = args.max_findings;
    }
    let source = files.input(&args.source, "SOURCE")?;
    let list = files.input(&args.list, "LIST")?;
    let threads = Threads::new(usize::from(args.threads));
    let report = crosscheck::reconcile_with(source, list, &options, threads, &mut |_| {})?.report;
    let lang = lang(args.lang);
    let bytes = match args.format {
        Format::Text => render::text(&report, lang).into_bytes(),
        Format::Json => (report.to_json() + "\n").into_bytes(),
        Format::Csv => render::csv(&report),
    };
    files.write(args.output.as_ref(), &bytes)?;
    Ok(if report.has_findings() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

fn validate(args: ValidateArgs) -> Result<ExitCode, Error> {
    let mut options = FileOptions::default();
    override_file(&mut options, (&args.read.encoding, &args.read.delimiter, &args.read.sheet, args.read.header_row));
    let mut files = Files::default();
    let schema_name = match args.schema.as_str() {
        "-" => "(stdin)".to_string(),
        path => std::path::Path::new(path).file_name().map_or(path.to_string(), |n| n.to_string_lossy().into_owned()),
    };
    if args.failed.is_some() && args.max_findings.is_some() {
        return Err(Error::options(
            "--failed names each row's findings by their place in the report's list, which --max-findings would cut",
        )
        .hint("drop --max-findings, or write the failed rows in another run"));
    }
    files::apart(&[args.output.as_ref(), args.passed.as_ref(), args.failed.as_ref()])?;
    let schema = files.text(&args.schema, "--schema")?;
    let file = files.input(&args.file, "FILE")?;
    // Every output checked against the inputs before any is written (`--passed p.jsonl -o
    // data.csv` once wrote p.jsonl, then refused -o).
    for path in [&args.output, &args.passed, &args.failed].into_iter().flatten() {
        files.not_an_input(path)?;
    }
    // The schema is read before the file: a wrong one is said before a big file is read.
    let checked = crosscheck::validate_kept(file, &schema, &schema_name, &options, args.max_findings, &mut |_| {})?;
    for (path, pick) in [(&args.passed, Pick::Passed), (&args.failed, Pick::Failed)] {
        if let Some(path) = path {
            files.write_with(Some(path), &mut |w| write_rows(&checked, pick, w))?;
        }
    }
    let report = checked.into_report();
    let bytes = match args.format {
        Format::Text => render::validation_text(&report, &schema_name, lang(args.lang)).into_bytes(),
        Format::Json => (serde_json::to_string_pretty(&report).unwrap_or_default() + "\n").into_bytes(),
        Format::Csv => render::validation_csv(&report.validation),
    };
    files.write(args.output.as_ref(), &bytes)?;
    Ok(if report.validation.has_findings() { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// Rows as JSON Lines, a page at a time: a million rows are never held as JSON at once.
fn write_rows(checked: &Validated, pick: Pick, w: &mut dyn std::io::Write) -> std::io::Result<()> {
    const PAGE: usize = 10_000;
    let mut start = 0;
    loop {
        let page = checked.rows(pick, start, PAGE);
        for row in &page {
            serde_json::to_writer(&mut *w, row)?;
            w.write_all(b"\n")?;
        }
        if page.len() < PAGE {
            return Ok(());
        }
        start += PAGE;
    }
}

fn lang(arg: Option<LangArg>) -> Lang {
    match arg {
        Some(LangArg::Ja) => Lang::Ja,
        Some(LangArg::En) => Lang::En,
        None => Lang::from_locale(&locale()),
    }
}

fn inspect(args: InspectArgs) -> Result<ExitCode, Error> {
    let mut options = FileOptions::default();
    override_file(&mut options, (&args.read.encoding, &args.read.delimiter, &args.read.sheet, args.read.header_row));
    let mut files = Files::default();
    let inspection = crosscheck::inspect(files.input(&args.file, "FILE")?, &options)?;
    let out = match args.format {
        InspectFormat::Json => serde_json::to_string_pretty(&inspection).unwrap_or_default() + "\n",
        InspectFormat::Text => {
            let i = &inspection.input;
            let read_as = match &i.sheet {
                Some(sheet) => format!("{}, sheet \"{sheet}\"", i.encoding),
                None => format!("{}, delimiter \"{}\"", i.encoding, i.delimiter),
            };
            let mut s = format!(
                "{}: {read_as}, {} rows, {} columns, {} malformed, {} blank\n",
                i.name,
                i.rows,
                i.columns.len(),
                inspection.malformed.len(),
                i.blank_records
            );
            if let Some(said) = crosscheck::render::layout_sentence(i, lang(args.lang)) {
                s += &format!("  {said}\n");
            }
            for d in &i.damage {
                s += &format!("  {}\n", crosscheck::render::damage_sentence(d, lang(args.lang)));
            }
            for (n, c) in inspection.columns.iter().enumerate() {
                let steps: Vec<&str> = c.normalize.iter().map(|s| s.name()).collect();
                let kind = serde_json::to_value(c.profile.kind).ok().and_then(|v| v.as_str().map(str::to_string));
                s += &format!(
                    "  {:>2}  {:<16} {:<8} distinct {}/{}  empty {}  normalize: {}\n",
                    n + 1,
                    c.profile.name,
                    kind.unwrap_or_default(),
                    c.profile.distinct,
                    c.profile.sampled,
                    c.profile.empty,
                    steps.join(", ")
                );
            }
            for m in &inspection.malformed {
                s += &format!("  malformed row {} (line {}): {}\n", m.row, m.line, m.message);
            }
            s
        }
    };
    files.write(None, out.as_bytes())?;
    Ok(ExitCode::SUCCESS)
}

/// A file's reading flags (encoding, delimiter, sheet, header row) over its options.
fn override_file(
    o: &mut FileOptions,
    (encoding, delimiter, sheet, header_row): (&Option<String>, &Option<String>, &Option<String>, Option<u64>),
) {
    if header_row.is_some() {
        o.header_row = header_row;
    }
    if let Some(e) = encoding {
        o.encoding = e.clone();
    }
    if let Some(d) = delimiter {
        o.delimiter = d.clone();
    }
    // A number is a position (`--sheet 2`, the second sheet), as in the options JSON.
    if let Some(s) = sheet {
        o.sheet = Some(match s.parse::<usize>() {
            Ok(i) => SheetChoice::Index(i),
            Err(_) => SheetChoice::Name(s.clone()),
        });
    }
}

/// `COL` or `SRC=LIST`.
fn column_arg(arg: &str) -> ColumnSpec {
    match arg.split_once('=') {
        Some((s, l)) => ColumnSpec::pair(s, l),
        None => ColumnSpec::named(arg),
    }
}

fn locale() -> String {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .filter_map(|v| std::env::var(v).ok())
        .find(|v| !v.is_empty())
        .unwrap_or_default()
}
