//! Work spread over the machine's cores, results in input order: the one
//! way the renderer, the exports and the CLI use more than one core.

/// `work` applied to every item, on up to as many threads as the machine
/// has cores, each taking a contiguous run of items; the results come back
/// in the items' order. A panic in `work` is passed on to the caller.
pub fn map<T: Sync, U: Send>(items: &[T], work: impl Fn(&T) -> U + Sync) -> Vec<U> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, items.len().max(1));
    if threads == 1 {
        return items.iter().map(work).collect();
    }
    let run = items.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let work = &work;
        let handles: Vec<_> = items
            .chunks(run)
            .map(|chunk| scope.spawn(move || chunk.iter().map(work).collect::<Vec<U>>()))
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn results_keep_the_order_of_the_items() {
        let items: Vec<u64> = (0..1000).collect();
        let squares = map(&items, |n| n * n);
        assert_eq!(squares, items.iter().map(|n| n * n).collect::<Vec<_>>());
        assert!(map(&[] as &[u8], |n| *n).is_empty());
        assert_eq!(map(&[7], |n| n + 1), vec![8]);
    }

    #[test]
    #[should_panic(expected = "item 3")]
    fn a_panic_in_the_work_reaches_the_caller() {
        let items: Vec<u32> = (0..8).collect();
        map(&items, |n| {
            assert_ne!(*n, 3, "item 3");
            *n
        });
    }
}
