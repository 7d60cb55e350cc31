//! Work spread over every core: a batch's units, the fonts' measures.
//!
//! Plain threads, not rayon's pool: typst's PDF exporter hands each font's
//! subsetting to rayon's global pool and, while it waits, runs whatever
//! that pool has queued (`rayon::yield_now`). Were a batch's units tasks of
//! the same pool, a thread waiting inside one unit's PDF would start the
//! next unit, and inside that one the next: every unit's layout held in
//! memory at once, nested on one stack (100 units: 2 GB at the peak, 222 MB
//! on these threads). A thread of its own that waits only waits.

use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

/// `f` of each item, in the order of `items`, computed on as many threads as
/// the machine has cores (at most one per item), each taking the next item
/// not yet taken. A panic in `f` is raised again here, once every thread
/// has stopped.
pub fn map_in_order<T, R, F>(items: &[T], f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync,
{
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let threads = cores.min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = AtomicUsize::new(0);
    // Each result goes straight to its place: no second list of them all.
    let slots: Mutex<Vec<Option<R>>> = Mutex::new(items.iter().map(|_| None).collect());
    std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            return;
                        };
                        let result = f(item);
                        let mut slots = slots.lock().unwrap_or_else(|p| p.into_inner());
                        slots[i] = Some(result);
                    }
                })
            })
            .collect();
        let joined: Vec<_> = workers.into_iter().map(|w| w.join()).collect();
        for worker in joined {
            worker.unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        }
    });
    slots
        .into_inner()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
        .into_iter()
        // Every thread ended without a panic, so each took items until none
        // was left and filled its slot.
        .map(|slot| slot.expect("every item was mapped"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_come_in_the_order_of_the_items() {
        let items: Vec<u64> = (0..200).collect();
        let squares = map_in_order(&items, |&n| {
            // Uneven work, so that the threads finish out of order.
            std::thread::sleep(std::time::Duration::from_micros((n % 7) * 50));
            n * n
        });
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert!(map_in_order(&[] as &[u8], |&b| b).is_empty());
        assert_eq!(map_in_order(&[3], |&n| n + 1), vec![4]);
    }

    /// Work that waits on rayon's pool as the PDF writer does (typst's
    /// exporter spawns a font's subsetting there and, waiting for it, runs
    /// whatever the pool has queued) never starts another item on the
    /// thread that waits. On rayon's own threads, it did.
    #[test]
    fn an_item_waiting_on_rayon_never_starts_another_on_its_thread() {
        use std::cell::Cell;
        use std::sync::{Arc, OnceLock};
        thread_local!(static DEPTH: Cell<usize> = const { Cell::new(0) });
        let deepest = AtomicUsize::new(0);
        let items: Vec<u64> = (0..16).collect();
        let doubled = map_in_order(&items, |&n| {
            let depth = DEPTH.with(|d| {
                d.set(d.get() + 1);
                d.get()
            });
            deepest.fetch_max(depth, Ordering::Relaxed);
            let value = Arc::new(OnceLock::new());
            let set = Arc::clone(&value);
            rayon::spawn(move || {
                std::thread::sleep(std::time::Duration::from_millis(2));
                set.get_or_init(|| 2 * n);
            });
            while let Some(rayon::Yield::Executed) = rayon::yield_now() {}
            let doubled = *value.wait();
            DEPTH.with(|d| d.set(d.get() - 1));
            doubled
        });
        assert_eq!(doubled, items.iter().map(|n| 2 * n).collect::<Vec<_>>());
        assert_eq!(deepest.load(Ordering::Relaxed), 1);
    }

    #[test]
    fn a_panic_in_one_item_is_raised_again() {
        let items: Vec<u32> = (0..20).collect();
        let outcome = std::panic::catch_unwind(|| {
            map_in_order(&items, |&n| {
                assert_ne!(n, 5, "item 5");
                n
            })
        });
        let panic = outcome.expect_err("the panic of item 5");
        let message = panic.downcast_ref::<String>().map(String::as_str);
        assert!(message.is_some_and(|m| m.contains("item 5")), "{message:?}");
    }
}
