//! One run: draw the durations, then two passes over the topological
//! order, forward from today (earliest) and backward from the deadline
//! (latest), and what the run says: its finish, the start it needs,
//! whether it is on time, which tasks are critical and which have the
//! thinnest margin.
//!
//! The rules are SCHEDULING.md's on the continuous axis: with `s` a start
//! and `e = s + d` an end, FS `s_S >= e_P + L`, SS `s_S >= s_P + L`,
//! FF `e_S >= e_P + L`, SF `e_S >= s_P + L`; the backward pass is their
//! exact inverse. An unbounded latest date is +inf, which the arithmetic
//! carries through (no +inf minus +inf can occur: durations and lags are finite).

use rand::Rng;

use crate::risk::network::{FINISH, MARGIN, NEEDED, Network, OPEN, STARTED};

/// Float noise allowed before a run counts as late: durations drawn as
/// reals sum with rounding errors far below a millionth of a day.
const LATE_TOLERANCE: f64 = 1e-9;
/// Tasks within this many days of the run's least slack are critical.
const CRITICAL_TOLERANCE: f64 = 1e-6;

/// Per-thread buffers, so that a run allocates nothing.
pub(super) struct Scratch {
    duration: Vec<f64>,
    start: Vec<f64>,
    end: Vec<f64>,
    latest: Vec<f64>,
}

impl Scratch {
    pub fn new(net: &Network) -> Scratch {
        let n = net.len();
        Scratch {
            duration: net.base.clone(),
            start: vec![0.0; n],
            end: vec![0.0; n],
            latest: vec![0.0; n],
        }
    }
}

/// What one run says.
pub(super) struct Outcome {
    /// The end of the work (position on the axis).
    pub finish: f64,
    /// The latest start of the work not started (+inf when there is none).
    pub needed: f64,
    pub on_time: bool,
}

/// Runs the network once with durations drawn from `rng`, and adds one to
/// `counts[i]` for each task critical in this run and to `counts[n + i]`
/// for each task on its least margin (`i` by position, `n` tasks).
pub(super) fn run<R: Rng + ?Sized>(
    net: &Network,
    x: &mut Scratch,
    rng: &mut R,
    counts: &mut [u32],
) -> Outcome {
    let n = net.len();
    for (i, law) in &net.drawn {
        x.duration[*i as usize] = law.sample(rng);
    }

    for i in 0..n {
        let d = x.duration[i];
        let (s, e) = if net.flags[i] & STARTED != 0 {
            net.kept[i]
        } else {
            let mut s = net.floor[i];
            for edge in net.preds(i) {
                let p = edge.other as usize;
                let from = if edge.from_finish {
                    x.end[p]
                } else {
                    x.start[p]
                };
                let mut bound = from + edge.lag;
                if edge.to_finish {
                    bound -= d;
                }
                s = s.max(bound);
            }
            (s, s + d)
        };
        x.start[i] = s;
        x.end[i] = e;
    }

    for i in (0..n).rev() {
        let d = x.duration[i];
        let mut end = net.bound[i];
        for edge in net.succs(i) {
            let j = edge.other as usize;
            let mut anchor = x.latest[j];
            if edge.to_finish {
                anchor += x.duration[j];
            }
            let mut bound = anchor - edge.lag;
            if !edge.from_finish {
                bound += d;
            }
            end = end.min(bound);
        }
        x.latest[i] = (end - d).min(net.fixed[i]);
    }

    let mut finish = f64::NEG_INFINITY;
    let mut needed = f64::INFINITY;
    let mut least = f64::INFINITY;
    let mut least_margin = f64::INFINITY;
    for i in 0..n {
        let flags = net.flags[i];
        if flags & FINISH != 0 {
            finish = finish.max(x.end[i]);
        }
        if flags & NEEDED != 0 {
            needed = needed.min(x.latest[i]);
        }
        if flags & OPEN != 0 {
            // For started work this is its latest end minus its end.
            let slack = x.latest[i] + x.duration[i] - x.end[i];
            least = least.min(slack);
            if flags & MARGIN != 0 {
                least_margin = least_margin.min(slack);
            }
        }
    }
    // When nothing binds (every slack +inf), nothing is critical.
    let cut_of = |least: f64| {
        if least.is_finite() {
            least + CRITICAL_TOLERANCE
        } else {
            f64::NEG_INFINITY
        }
    };
    let (cut, margin_cut) = (cut_of(least), cut_of(least_margin));
    let (critical, margin) = counts.split_at_mut(n);
    for i in 0..n {
        let flags = net.flags[i];
        if flags & OPEN == 0 {
            continue;
        }
        let slack = x.latest[i] + x.duration[i] - x.end[i];
        if slack <= cut {
            critical[i] += 1;
        }
        if flags & MARGIN != 0 && slack <= margin_cut {
            margin[i] += 1;
        }
    }
    Outcome {
        finish: if finish.is_finite() {
            finish
        } else {
            net.work_start
        },
        needed,
        on_time: least >= -LATE_TOLERANCE,
    }
}
