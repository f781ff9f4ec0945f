//! Two-way parallelism for the native build: the machines this runs on have two cores or more,
//! and the big steps (reading, comparing) split naturally into two. In WebAssembly there is one
//! thread and the two halves run in turn; the CLI's `--threads 1` asks for that natively too.

use std::sync::atomic::{AtomicBool, Ordering};

/// Set once by the CLI before any work (`--threads 1`); the results are the same either way.
static ONE_THREAD: AtomicBool = AtomicBool::new(false);

/// How many threads `both` really uses: work is split in this many parts.
pub fn threads() -> usize {
    if cfg!(target_arch = "wasm32") || ONE_THREAD.load(Ordering::Relaxed) {
        1
    } else {
        2
    }
}

/// Use one thread (`n` ≤ 1) or two (any larger `n`: the work splits in two) from now on.
pub fn set_threads(n: usize) {
    ONE_THREAD.store(n <= 1, Ordering::Relaxed);
}

/// Run `a` and `b`, concurrently where threads exist, and return both results.
pub fn both<A: Send, B: Send>(a: impl FnOnce() -> A + Send, b: impl FnOnce() -> B + Send) -> (A, B) {
    #[cfg(not(target_arch = "wasm32"))]
    if threads() > 1 {
        return on_two_threads(a, b);
    }
    (a(), b())
}

/// `both`, with `between` run after `a` and before `b` when they take turns on one thread (a
/// progress report halfway); on two threads it is not run.
pub fn both_telling<A: Send, B: Send>(
    a: impl FnOnce() -> A + Send,
    between: impl FnOnce(),
    b: impl FnOnce() -> B + Send,
) -> (A, B) {
    if threads() > 1 {
        return both(a, b);
    }
    let a = a();
    between();
    (a, b())
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
    #[test]
    fn both_results_come_back_in_order() {
        let data = [1, 2, 3];
        let (a, b) = super::both(|| data.iter().sum::<i32>(), || data.len());
        assert_eq!((a, b), (6, 3));
    }

    #[test]
    fn one_thread_when_asked() {
        super::set_threads(1);
        let one = super::threads();
        let caller = std::thread::current().id();
        let (a, b) = super::both(|| std::thread::current().id(), || std::thread::current().id());
        super::set_threads(2);
        assert_eq!((one, a, b), (1, caller, caller));
        assert_eq!(super::threads(), if cfg!(target_arch = "wasm32") { 1 } else { 2 });
    }
}
