//! Two-way parallelism for the native build: the machines this runs on have two cores or more,
//! and the big steps (reading, comparing) split naturally into two. In WebAssembly there is one
//! thread and the two halves run in turn.

/// How many threads `both` really uses: work is split in this many parts.
pub const THREADS: usize = if cfg!(target_arch = "wasm32") { 1 } else { 2 };

/// Run `a` and `b`, concurrently where threads exist, and return both results.
pub fn both<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    {
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
    #[cfg(target_arch = "wasm32")]
    {
        (a(), b())
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn both_results_come_back_in_order() {
        let data = [1, 2, 3];
        let (a, b) = super::both(|| data.iter().sum::<i32>(), || data.len());
        assert_eq!((a, b), (6, 3));
    }
}
