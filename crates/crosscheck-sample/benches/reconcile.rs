//! `cargo bench -p crosscheck-sample --bench reconcile [-- ROWS…]`: reconcile generated recon-N pairs (10 columns of
//! realistic Japanese customer data, list shuffled and re-headed, ~1 % injected discrepancies)
//! end to end from bytes, and print time, throughput and peak memory. The counts are checked
//! against the generator's ground truth so the figures are for the real job.
//!
//! Each size is run twice: recon-N, and recon-N-keyless (the same pair with the list's
//! customer-ID column left out, each row to be paired by the columns that identify a person).
//! A run the core refuses is a "failed" row, one whose counts differ from the truth is marked
//! ✗ with them; either way every row is printed, and the bench then exits non-zero.
//!
//! A plain bench binary (no criterion): runs are seconds long, so a median of a few runs says
//! what we need, and it can read the process's peak memory, which criterion cannot.

use crosscheck::{reconcile, Input, Options};
use crosscheck_sample::{generate, SampleSpec};
use std::process::ExitCode;
use std::time::Instant;

const RUNS: usize = 3;

fn main() -> ExitCode {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.replace('_', "").parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![100_000, 1_000_000] } else { sizes };
    println!(
        "| workload | input MB | median s | min–max s | rows/s (both files) | MB/s | peak RSS MB | peak / input |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mut right = true;
    for n in sizes {
        for keyless in [false, true] {
            right &= bench(n, keyless);
        }
    }
    if right {
        ExitCode::SUCCESS
    } else {
        eprintln!("reconcile: a run failed or its counts differ from the generator's truth (rows marked above)");
        ExitCode::FAILURE
    }
}

/// One workload's row; false when the core refused it or its counts were not the truth's.
fn bench(n: usize, keyless: bool) -> bool {
    let name = format!("recon-{}{}", label(n), if keyless { "-keyless" } else { "" });
    // Written to disk and read back per run, as the CLI does, so the process holds only the
    // inputs being reconciled when its peak memory is read.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../target/bench/{name}"));
    let truth = {
        let sample = generate(&SampleSpec { rows: n, seed: 1, keyless, ..SampleSpec::default() });
        std::fs::create_dir_all(&dir).expect("bench dir");
        std::fs::write(dir.join("source.csv"), &sample.source).expect("write source");
        std::fs::write(dir.join("list.csv"), &sample.list).expect("write list");
        sample.truth
    };
    let mut input_bytes = 0;
    let mut times = Vec::new();
    let mut peak = 0usize;
    let mut wrong = Vec::new();
    for _ in 0..RUNS {
        let s = std::fs::read(dir.join("source.csv")).expect("read source");
        let l = std::fs::read(dir.join("list.csv")).expect("read list");
        input_bytes = s.len() + l.len();
        reset_peak_rss();
        let start = Instant::now();
        let report = match reconcile(Input::new("source.csv", s), Input::new("list.csv", l), &Options::default()) {
            Ok(report) => report,
            Err(e) => {
                let why = e.to_string().replace('|', "/").replace('\n', " ");
                println!("| {name} | {:.0} | failed: {why} | — | — | — | — | — |", input_bytes as f64 / 1e6);
                return false;
            }
        };
        times.push(start.elapsed().as_secs_f64());
        // Peak while reconciling, the two inputs (which reconcile consumes) included.
        peak = peak.max(peak_rss());
        let f = &report.summary.findings;
        // Unexpected rows by row: a keyless list has no key to name them by.
        let counts = [
            ("missing", f.missing, truth.missing.len()),
            ("unexpected", f.unexpected, truth.unexpected_rows.len()),
            ("duplicate", f.duplicate, truth.duplicate.len()),
            ("mismatch", f.mismatch, truth.mismatch.len()),
            ("crosswired", f.crosswired, truth.crosswired.len()),
        ];
        wrong = counts.iter().filter(|c| c.1 != c.2).map(|(k, got, want)| format!("{k} {got} (want {want})")).collect();
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let mb = input_bytes as f64 / 1e6;
    let mark = if wrong.is_empty() { String::new() } else { format!(" ✗ {}", wrong.join(", ")) };
    println!(
        "| {name}{mark} | {:.0} | {:.3} | {:.3}–{:.3} | {:.2} M | {:.0} | {:.0} | {:.2}× |",
        mb,
        median,
        times[0],
        times[times.len() - 1],
        2.0 * n as f64 / median / 1e6,
        mb / median,
        peak as f64 / 1e6,
        peak as f64 / input_bytes as f64,
    );
    wrong.is_empty()
}

fn label(n: usize) -> String {
    if n.is_multiple_of(1_000_000) {
        format!("{}M", n / 1_000_000)
    } else if n.is_multiple_of(1000) {
        format!("{}k", n / 1000)
    } else {
        n.to_string()
    }
}

/// Linux: writing 5 to clear_refs resets the peak-RSS mark (VmHWM) to the current RSS.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn peak_rss() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<usize>().ok())
        })
        .map_or(0, |kb| kb * 1024)
}
