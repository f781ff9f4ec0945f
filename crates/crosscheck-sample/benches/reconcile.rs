//! `cargo bench -p crosscheck-sample --bench reconcile [-- ROWS…]`: reconcile generated recon-N pairs (10 columns of
//! realistic Japanese customer data, list shuffled and re-headed, ~1 % injected discrepancies)
//! end to end from bytes, and print time, throughput and peak memory. The counts are checked
//! against the generator's ground truth so the figures are for the real job.
//!
//! A plain bench binary (no criterion): runs are seconds long, so a median of a few runs says
//! what we need, and it can read the process's peak memory, which criterion cannot.

use crosscheck::{reconcile, Input, Options};
use crosscheck_sample::{generate, SampleSpec};
use std::time::Instant;

const RUNS: usize = 3;

fn main() {
    let sizes: Vec<usize> = std::env::args().skip(1).filter_map(|a| a.replace('_', "").parse().ok()).collect();
    let sizes = if sizes.is_empty() { vec![100_000, 1_000_000] } else { sizes };
    println!(
        "| workload | input MB | median s | min–max s | rows/s (both files) | MB/s | peak RSS MB | peak / input |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    for n in sizes {
        bench(n);
    }
}

fn bench(n: usize) {
    // Written to disk and read back per run, as the CLI does, so the process holds only the
    // inputs being reconciled when its peak memory is read.
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../target/bench/recon-{}", label(n)));
    let truth = {
        let sample = generate(&SampleSpec { rows: n, seed: 1, ..SampleSpec::default() });
        std::fs::create_dir_all(&dir).expect("bench dir");
        std::fs::write(dir.join("source.csv"), &sample.source).expect("write source");
        std::fs::write(dir.join("list.csv"), &sample.list).expect("write list");
        sample.truth
    };
    let mut input_bytes = 0;
    let mut times = Vec::new();
    let mut peak = 0usize;
    for _ in 0..RUNS {
        let s = std::fs::read(dir.join("source.csv")).expect("read source");
        let l = std::fs::read(dir.join("list.csv")).expect("read list");
        input_bytes = s.len() + l.len();
        reset_peak_rss();
        let start = Instant::now();
        let report = reconcile(Input::new("source.csv", s), Input::new("list.csv", l), &Options::default())
            .unwrap_or_else(|e| panic!("recon-{n}: {e}"));
        times.push(start.elapsed().as_secs_f64());
        // Peak while reconciling, the two inputs (which reconcile consumes) included.
        peak = peak.max(peak_rss());
        let f = &report.summary.findings;
        assert_eq!(f.missing, truth.missing.len(), "missing");
        assert_eq!(f.unexpected, truth.unexpected.len(), "unexpected");
        assert_eq!(f.duplicate, truth.duplicate.len(), "duplicate");
        assert_eq!(f.mismatch, truth.mismatch.len(), "mismatch");
        assert_eq!(f.crosswired, truth.crosswired.len(), "crosswired");
    }
    times.sort_by(f64::total_cmp);
    let median = times[times.len() / 2];
    let mb = input_bytes as f64 / 1e6;
    println!(
        "| recon-{} | {:.0} | {:.3} | {:.3}–{:.3} | {:.2} M | {:.0} | {:.0} | {:.2}× |",
        label(n),
        mb,
        median,
        times[0],
        times[times.len() - 1],
        2.0 * n as f64 / median / 1e6,
        mb / median,
        peak as f64 / 1e6,
        peak as f64 / input_bytes as f64,
    );
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
