//! The runs in parallel, reproducible whatever the number of threads.
//!
//! The runs are cut into chunks of a fixed size that does not depend on the
//! thread count; chunk `i` draws from its own ChaCha stream (`seed`, stream
//! `i`), writes its runs into its own slices of preallocated arrays, and
//! criticality is counted in integers, whose sums do not depend on the order
//! of addition. So a seed gives the same report on one thread or sixty-four.

use std::sync::atomic::{AtomicU32, Ordering};

use rand::SeedableRng;
use rand_chacha::ChaCha8Rng;
use rayon::prelude::*;

use crate::risk::network::Network;
use crate::risk::run::{Scratch, run};

/// Runs per chunk: large enough that a chunk outweighs its scheduling,
/// small enough that two threads share the work evenly from a few thousand runs.
pub(super) const CHUNK: usize = 256;

/// Every run's results, in run order.
pub(super) struct Samples {
    /// Position of the finish minus the work start.
    pub work_days: Vec<f64>,
    pub needed: Vec<f64>,
    pub on_time: Vec<bool>,
    /// Runs in which each task (by position) is critical, then runs in
    /// which it is on the least margin: `2 n` counts.
    pub counts: Vec<u32>,
}

pub(super) fn sample(
    net: &Network,
    runs: u32,
    seed: u64,
    progress: &(dyn Fn(u32) + Sync),
) -> Samples {
    let runs = runs as usize;
    let n = net.len();
    let mut work_days = vec![0.0f64; runs];
    let mut needed = vec![0.0f64; runs];
    let mut on_time = vec![false; runs];
    let done = AtomicU32::new(0);
    let counts = work_days
        .par_chunks_mut(CHUNK)
        .zip(needed.par_chunks_mut(CHUNK))
        .zip(on_time.par_chunks_mut(CHUNK))
        .enumerate()
        .fold(
            || (Scratch::new(net), vec![0u32; 2 * n]),
            |(mut scratch, mut counts), (chunk, ((work_days, needed), on_time))| {
                let mut rng = ChaCha8Rng::seed_from_u64(seed);
                rng.set_stream(chunk as u64);
                for r in 0..work_days.len() {
                    let outcome = run(net, &mut scratch, &mut rng, &mut counts);
                    work_days[r] = outcome.finish - net.work_start;
                    needed[r] = outcome.needed;
                    on_time[r] = outcome.on_time;
                }
                let len = work_days.len() as u32;
                progress(done.fetch_add(len, Ordering::Relaxed) + len);
                (scratch, counts)
            },
        )
        .map(|(_, counts)| counts)
        .reduce(
            || vec![0u32; 2 * n],
            |mut a, b| {
                for (a, b) in a.iter_mut().zip(&b) {
                    *a += b;
                }
                a
            },
        );
    Samples {
        work_days,
        needed,
        on_time,
        counts,
    }
}
