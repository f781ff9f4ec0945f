//! How far a call is, for a progress bar: the stages, and the share of the bar each one takes —
//! written here once, and handed to the page by the bindings so the worker draws the same bar.

use serde::Serialize;

/// How far a run is.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Progress {
    pub stage: Stage,
    /// Share of the whole run done, 0 to 1.
    pub fraction: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Stage {
    /// Both files at once (natively), or the one file being validated.
    Reading,
    ReadingSource,
    ReadingList,
    /// Validation: each row against the schema.
    Checking,
    Mapping,
    Matching,
    Comparing,
    Done,
}

/// One stage's part of the bar: it runs from `start` to `end`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Span {
    pub stage: Stage,
    pub start: f64,
    pub end: f64,
}

const fn span(stage: Stage, start: f64, end: f64) -> Span {
    Span { stage, start, end }
}

/// A reconcile's bar. Reading takes most of a big run's time, comparing most of the rest; the
/// page reads each file when it is chosen, so its run starts at `Mapping`.
pub const RECONCILE: [Span; 6] = [
    span(Stage::ReadingSource, 0.0, 0.3),
    span(Stage::ReadingList, 0.3, 0.55),
    span(Stage::Reading, 0.0, 0.55),
    span(Stage::Mapping, 0.55, 0.6),
    span(Stage::Matching, 0.6, 0.7),
    span(Stage::Comparing, 0.7, 1.0),
];

/// A reconcile's bar when the options carry a schema: the list is checked against it at the
/// end, with a share of its own (at 1M rows, seconds that were once silent at 100 %).
pub const RECONCILE_CHECKED: [Span; 7] = [
    span(Stage::ReadingSource, 0.0, 0.3),
    span(Stage::ReadingList, 0.3, 0.55),
    span(Stage::Reading, 0.0, 0.55),
    span(Stage::Mapping, 0.55, 0.6),
    span(Stage::Matching, 0.6, 0.65),
    span(Stage::Comparing, 0.65, 0.85),
    span(Stage::Checking, 0.85, 1.0),
];

/// A validation's bar: reading the file, then checking its rows.
pub const VALIDATE: [Span; 2] = [span(Stage::Reading, 0.0, 0.3), span(Stage::Checking, 0.3, 1.0)];

/// The point `f` (0 to 1) of the way through `stage` on `bar`; a stage not on the bar is done.
pub(crate) fn at(bar: &[Span], stage: Stage, f: f64) -> Progress {
    let fraction = match bar.iter().find(|s| s.stage == stage) {
        Some(s) => s.start + (s.end - s.start) * f.clamp(0.0, 1.0),
        None => 1.0,
    };
    Progress { stage, fraction }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_bar_runs_from_zero_to_one_without_gaps() {
        // Read in turn (WebAssembly), then the run: every stage starts where the one before ended.
        let order = [Stage::ReadingSource, Stage::ReadingList, Stage::Mapping, Stage::Matching, Stage::Comparing];
        let mut end = 0.0;
        for stage in order {
            assert_eq!(at(&RECONCILE, stage, 0.0).fraction, end, "{stage:?}");
            end = at(&RECONCILE, stage, 1.0).fraction;
        }
        assert_eq!(end, 1.0);
        let mut end = 0.0;
        for stage in order.into_iter().chain([Stage::Checking]) {
            assert_eq!(at(&RECONCILE_CHECKED, stage, 0.0).fraction, end, "{stage:?}");
            end = at(&RECONCILE_CHECKED, stage, 1.0).fraction;
        }
        assert_eq!(end, 1.0);
        assert_eq!(at(&RECONCILE, Stage::Reading, 1.0).fraction, at(&RECONCILE, Stage::Mapping, 0.0).fraction);
        assert_eq!(at(&VALIDATE, Stage::Reading, 1.0).fraction, at(&VALIDATE, Stage::Checking, 0.0).fraction);
        assert_eq!(at(&VALIDATE, Stage::Checking, 1.0).fraction, 1.0);
        assert_eq!(at(&VALIDATE, Stage::Done, 0.0).fraction, 1.0);
        assert_eq!(at(&VALIDATE, Stage::Checking, 7.0).fraction, 1.0);
    }
}
