//! From the runs to the numbers a planner reads: percentiles by nearest
//! rank, the histogram of finish days, and the positions of the axis as
//! working days.

/// Float noise tolerated when a position becomes a day: a finish at
/// 10.000000001 is the close of day 9, not a day later.
const NOISE: f64 = 1e-9;

/// The working day a run finishes on: an end `e` is the close of working day `ceil(e) - 1`.
pub(super) fn finish_day(end: f64) -> i32 {
    clamp((end - NOISE).ceil()) - 1
}

/// The working day work must start on: a latest start `s` falls in working day `floor(s)`.
pub(super) fn start_day(start: f64) -> i32 {
    clamp((start + NOISE).floor())
}

fn clamp(x: f64) -> i32 {
    // Positions are working-day indices within jiff's years: far inside i32.
    x.clamp(f64::from(i32::MIN / 2), f64::from(i32::MAX / 2)) as i32
}

/// The `percent`th percentile of `sorted` (ascending, not empty), by
/// nearest rank: the smallest value with at least `percent` % of the
/// values at or below it. Integer ranks: no rounding decides it.
pub(super) fn nearest_rank<T: Copy>(sorted: &[T], percent: u32) -> T {
    let n = sorted.len();
    let rank = (percent as usize * n).div_ceil(100).clamp(1, n);
    sorted[rank - 1]
}

/// Bins of finish days: one per working day when they spread over 30 or
/// fewer, else bins of equal whole numbers of days, at most 30. Each bin is
/// (first day, last day, runs), in order, empty bins included.
pub(super) fn histogram(days: &[i32]) -> Vec<(i32, i32, u32)> {
    let (Some(&lo), Some(&hi)) = (days.iter().min(), days.iter().max()) else {
        return Vec::new();
    };
    let spread = (i64::from(hi) - i64::from(lo) + 1) as u64;
    let width = if spread <= 30 { 1 } else { spread.div_ceil(30) };
    let bins = spread.div_ceil(width) as usize;
    let width = width as i64;
    let mut counts = vec![0u32; bins];
    for &d in days {
        counts[((i64::from(d) - i64::from(lo)) / width) as usize] += 1;
    }
    counts
        .into_iter()
        .enumerate()
        .map(|(j, runs)| {
            let from = i64::from(lo) + j as i64 * width;
            let to = (from + width - 1).min(i64::from(hi));
            (from as i32, to as i32, runs)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_ranks() {
        let v: Vec<u32> = (1..=10).collect();
        assert_eq!(nearest_rank(&v, 50), 5);
        assert_eq!(nearest_rank(&v, 51), 6);
        assert_eq!(nearest_rank(&v, 5), 1);
        assert_eq!(nearest_rank(&v, 95), 10);
        assert_eq!(nearest_rank(&v, 100), 10);
        assert_eq!(nearest_rank(&[7], 1), 7);
    }

    #[test]
    fn positions_to_days() {
        // A finish at position 10 is the close of working day 9.
        assert_eq!(finish_day(10.0), 9);
        assert_eq!(finish_day(10.000_000_000_1), 9);
        assert_eq!(finish_day(10.2), 10);
        assert_eq!(start_day(9.999_999_999_9), 10);
        assert_eq!(start_day(9.5), 9);
    }

    #[test]
    fn bins_of_one_day_then_of_several() {
        assert_eq!(
            histogram(&[3, 5, 5, 3, 4]),
            [(3, 3, 2), (4, 4, 1), (5, 5, 2)]
        );
        // 61 days: bins of 3 days, 21 of them, the last cut at the last day.
        let days: Vec<i32> = (0..=60).collect();
        let bins = histogram(&days);
        assert_eq!(bins.len(), 21);
        assert_eq!(bins[0], (0, 2, 3));
        assert_eq!(bins[20], (60, 60, 1));
        assert_eq!(bins.iter().map(|b| b.2).sum::<u32>(), 61);
        // 30 days exactly: one bin per day.
        let days: Vec<i32> = (0..30).collect();
        assert_eq!(histogram(&days).len(), 30);
        assert!(histogram(&[]).is_empty());
    }
}
