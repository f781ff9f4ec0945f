//! Two-way parallelism for the native build: the machines this runs on have two cores or more,
//! and the big steps (reading, comparing) split naturally into two. In WebAssembly there is one
//! thread and the two halves run in turn; a caller's `Threads::new(1)` (the CLI's `--threads 1`)
//! asks for that natively too.

/// How many threads a call may use: one, or two (the work splits in two). The report is the same
/// either way; WebAssembly always has one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Threads(u8);

impl Default for Threads {
    fn default() -> Threads {
        Threads::new(2)
    }
}

impl Threads {
    /// One thread for `n` ≤ 1, two for any larger `n`.
    pub fn new(n: usize) -> Threads {
        Threads(if n <= 1 || cfg!(target_arch = "wasm32") { 1 } else { 2 })
    }

    /// How many threads `both` really uses: work is split in this many parts.
    pub fn count(self) -> usize {
        usize::from(self.0)
    }

    /// Run `a` and `b`, concurrently where threads exist, and return both results. A panic in
    /// either is resumed here once both have finished.
    pub(crate) fn both<A: Send, B: Send>(self, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
        #[cfg(not(target_arch = "wasm32"))]
        if self.count() > 1 {
            if let Some(pool) = pool() {
                return pool.join(a, b);
            }
        }
        (a(), b())
    }

    /// `both`, with `between` run after `a` and before `b` when they take turns on one thread (a
    /// progress report halfway); on two threads it is not run.
    pub(crate) fn both_telling<A: Send, B: Send>(
        self,
        a: impl FnOnce() -> A + Send,
        between: impl FnOnce(),
        b: impl FnOnce() -> B + Send,
    ) -> (A, B) {
        if self.count() > 1 {
            return self.both(a, b);
        }
        let a = a();
        between();
        (a, b())
    }
}

/// Rayon's work-stealing join on a pool of our own two threads, made on first use, so two means
/// two whatever the cores or `RAYON_NUM_THREADS`; if the threads cannot be made, the halves take
/// turns. (In WebAssembly there is one thread and no pool.) Against a scoped thread spawned per
/// call it was within noise: a 1M CLI run 0.98× the time, the library benchmark 0.93× (median of
/// 11 interleaved runs).
#[cfg(not(target_arch = "wasm32"))]
fn pool() -> Option<&'static rayon::ThreadPool> {
    static POOL: std::sync::OnceLock<Option<rayon::ThreadPool>> = std::sync::OnceLock::new();
    POOL.get_or_init(|| {
        rayon::ThreadPoolBuilder::new().num_threads(2).thread_name(|i| format!("crosscheck-{i}")).build().ok()
    })
    .as_ref()
}

#[cfg(test)]
mod tests {
    use super::Threads;

    #[test]
    fn both_results_come_back_in_order() {
        let data = [1, 2, 3];
        for threads in [Threads::new(1), Threads::new(2)] {
            let (a, b) = threads.both(|| data.iter().sum::<i32>(), || data.len());
            assert_eq!((a, b), (6, 3));
        }
    }

    #[test]
    fn a_panic_on_either_side_comes_back() {
        for threads in [Threads::new(1), Threads::new(2)] {
            for side in [0, 1] {
                let got = std::panic::catch_unwind(|| {
                    threads.both(|| assert!(side != 0, "a panics"), || assert!(side != 1, "b panics"))
                });
                let payload = got.unwrap_err();
                let message = payload.downcast_ref::<&str>().copied().unwrap_or_default();
                assert_eq!(message, ["a panics", "b panics"][side]);
            }
        }
    }

    #[test]
    fn one_thread_when_asked() {
        let one = Threads::new(1);
        let caller = std::thread::current().id();
        let (a, b) = one.both(|| std::thread::current().id(), || std::thread::current().id());
        assert_eq!((one.count(), a, b), (1, caller, caller));
        assert_eq!(Threads::new(0).count(), 1);
        assert_eq!(Threads::new(8).count(), if cfg!(target_arch = "wasm32") { 1 } else { 2 });
        assert_eq!(Threads::default().count(), if cfg!(target_arch = "wasm32") { 1 } else { 2 });
    }
}
