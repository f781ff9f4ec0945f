//! Two-way parallelism for the native build: the machines this runs on have two cores or more,
//! and the big steps (reading, comparing) split naturally into two. In WebAssembly there is one
//! thread and the two halves run in turn; a caller's `Threads::new(1)` (the CLI's `--threads 1`) asks for that natively too.

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

    /// Run `a` and `b`, concurrently where threads exist, and return both results.
    pub(crate) fn both<A: Send, B: Send>(self, a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
        #[cfg(not(target_arch = "wasm32"))]
        if self.count() > 1 {
            return on_two_threads(a, b);
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

#[cfg(not(target_arch = "wasm32"))]
fn on_two_threads<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    use std::sync::Mutex;
    // Held here as well as lent to the thread, so `a` still runs if no thread can be made.
    let task = Mutex::new(Some(a));
    let take = || task.lock().ok().and_then(|mut t| t.take());
    std::thread::scope(|scope| {
        let spawned = std::thread::Builder::new().spawn_scoped(scope, || take().map(|a| a()));
        let b = b();
        let a = match spawned {
            // A panic on the other thread is a bug: resume it here rather than hide it.
            Ok(handle) => handle.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
            Err(_) => None,
        };
        // `take` yields the task to whichever side gets it first; run it here if the thread
        // could not be made.
        let a = match a.or_else(|| take().map(|a| a())) {
            Some(a) => a,
            None => unreachable!("the task is taken exactly once"), // ok: see above
        };
        (a, b)
    })
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
