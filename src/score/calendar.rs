//! A calendar of work in progress: how many things run in each month, so the next one starts
//! where there is room. The roadmap staggers actions by the team's capacity with it, and the
//! placement paces pilots by how many the culture can run at once.

/// How many things run in each month, as they are placed.
pub(crate) struct Running {
    counts: Vec<usize>,
    at_once: usize,
    /// Every month from 1 to this one's predecessor is full (months count from 1).
    open_from: u32,
}

impl Running {
    pub(crate) fn new(at_once: usize) -> Running {
        Running { counts: Vec::new(), at_once: at_once.max(1), open_from: 1 }
    }

    fn full(&self, month: u32) -> bool {
        self.counts.get(month as usize).is_some_and(|&n| n >= self.at_once)
    }

    pub(crate) fn add(&mut self, [start, end]: [u32; 2]) {
        if self.counts.len() <= end as usize {
            self.counts.resize(end as usize + 1, 0);
        }
        for month in start..=end {
            self.counts[month as usize] += 1;
        }
        while self.full(self.open_from) {
            self.open_from += 1;
        }
    }

    /// The first month from `start` that begins a run of `months` months with room in each.
    /// When the run from `start` holds a full month, so does every run starting from there up
    /// to that month, so the search jumps past it.
    pub(crate) fn first_room(&self, start: u32, months: u32) -> u32 {
        let mut start = start.max(self.open_from);
        while let Some(full) = (start..start + months).find(|&m| self.full(m)) {
            start = full + 1;
        }
        start
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What `first_room` must give, computed the plain way: each run slides a month at a time
    /// until no month of it has `at_once` others running.
    fn month_by_month(runs: &[[u32; 2]], at_once: usize) -> Vec<[u32; 2]> {
        let mut placed: Vec<[u32; 2]> = Vec::new();
        let busy = |m: u32, placed: &[[u32; 2]]| placed.iter().filter(|r| r[0] <= m && m <= r[1]).count();
        for &[mut start, mut end] in runs {
            while (start..=end).any(|m| busy(m, &placed) >= at_once) {
                start += 1;
                end += 1;
            }
            placed.push([start, end]);
        }
        placed
    }

    proptest! {
        #[test]
        fn each_run_starts_where_sliding_month_by_month_would(
            runs in prop::collection::vec((1u32..=12, 0u32..4), 0..40),
            at_once in 1usize..4,
        ) {
            let runs: Vec<[u32; 2]> = runs.into_iter().map(|(start, extra)| [start, start + extra]).collect();
            let mut running = Running::new(at_once);
            let mut placed = Vec::new();
            for &[start, end] in &runs {
                let from = running.first_room(start, end - start + 1);
                running.add([from, from + (end - start)]);
                placed.push([from, from + (end - start)]);
            }
            prop_assert_eq!(placed, month_by_month(&runs, at_once));
        }
    }
}
