//! Percentiles and summaries of measured samples.

use serde::Serialize;
use std::time::Duration;

/// The nearest-rank percentile of an ascending slice: the smallest value
/// such that at least `p` percent of the samples are at or below it.
/// `p` is clamped to 0..=100; `None` for no samples.
pub fn percentile<T: Copy>(sorted: &[T], p: f64) -> Option<T> {
    let n = sorted.len();
    if n == 0 {
        return None;
    }
    let p = if p.is_nan() { 0.0 } else { p.clamp(0.0, 100.0) };
    // The small tolerance keeps e.g. 0.9 * 10 from rounding up to rank 10.
    let rank = (p / 100.0 * n as f64 - 1e-9).ceil();
    let rank = if rank < 1.0 {
        1
    } else {
        (rank as usize).min(n)
    };
    sorted.get(rank - 1).copied()
}

/// Minimum, median and maximum of a few timings, in milliseconds.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Spread {
    pub samples_ms: Vec<f64>,
    pub min_ms: f64,
    pub median_ms: f64,
    pub max_ms: f64,
}

impl Spread {
    pub fn of(samples: &[Duration]) -> Option<Spread> {
        let mut ms: Vec<f64> = samples.iter().map(|d| d.as_secs_f64() * 1e3).collect();
        let samples_ms = ms.clone();
        ms.sort_by(f64::total_cmp);
        Some(Spread {
            samples_ms,
            min_ms: *ms.first()?,
            median_ms: percentile(&ms, 50.0)?,
            max_ms: *ms.last()?,
        })
    }
}

/// Latency percentiles of one load run, in milliseconds.
#[derive(Debug, Clone, Serialize, PartialEq)]
pub struct Latency {
    pub count: usize,
    pub mean_ms: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
}

impl Latency {
    /// From per-request durations in nanoseconds (any order).
    pub fn of(mut nanos: Vec<u64>) -> Option<Latency> {
        nanos.sort_unstable();
        let ms = |v: u64| v as f64 / 1e6;
        let sum: u128 = nanos.iter().map(|&v| u128::from(v)).sum();
        let count = nanos.len();
        Some(Latency {
            count,
            mean_ms: if count == 0 {
                0.0
            } else {
                sum as f64 / count as f64 / 1e6
            },
            p50_ms: ms(percentile(&nanos, 50.0)?),
            p90_ms: ms(percentile(&nanos, 90.0)?),
            p99_ms: ms(percentile(&nanos, 99.0)?),
            max_ms: ms(*nanos.last()?),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles_of_one_to_a_hundred() {
        let v: Vec<u64> = (1..=100).collect();
        assert_eq!(percentile(&v, 0.0), Some(1));
        assert_eq!(percentile(&v, 1.0), Some(1));
        assert_eq!(percentile(&v, 50.0), Some(50));
        assert_eq!(percentile(&v, 90.0), Some(90));
        assert_eq!(percentile(&v, 99.0), Some(99));
        assert_eq!(percentile(&v, 99.9), Some(100));
        assert_eq!(percentile(&v, 100.0), Some(100));
        assert_eq!(percentile(&v, 250.0), Some(100));
        assert_eq!(percentile(&v, -3.0), Some(1));
    }

    #[test]
    fn small_and_empty_inputs() {
        assert_eq!(percentile::<u64>(&[], 50.0), None);
        assert_eq!(percentile(&[7u64], 0.0), Some(7));
        assert_eq!(percentile(&[7u64], 99.0), Some(7));
        let ten: Vec<u64> = (1..=10).collect();
        assert_eq!(percentile(&ten, 90.0), Some(9));
        assert_eq!(percentile(&ten, 91.0), Some(10));
        // The median of five is the third.
        assert_eq!(percentile(&[1.0, 2.0, 3.0, 4.0, 5.0], 50.0), Some(3.0));
    }

    #[test]
    fn latency_summary_sorts_and_converts_to_milliseconds() {
        let nanos: Vec<u64> = (1..=1000).rev().map(|i| i * 1_000_000).collect();
        let l = Latency::of(nanos).unwrap();
        assert_eq!(l.count, 1000);
        assert_eq!(l.p50_ms, 500.0);
        assert_eq!(l.p90_ms, 900.0);
        assert_eq!(l.p99_ms, 990.0);
        assert_eq!(l.max_ms, 1000.0);
        assert!((l.mean_ms - 500.5).abs() < 1e-9);
        assert!(Latency::of(Vec::new()).is_none());
    }

    #[test]
    fn spread_keeps_samples_in_order_and_takes_the_middle() {
        let d = |ms| Duration::from_millis(ms);
        let s = Spread::of(&[d(30), d(10), d(50), d(20), d(40)]).unwrap();
        assert_eq!(s.samples_ms, vec![30.0, 10.0, 50.0, 20.0, 40.0]);
        assert_eq!((s.min_ms, s.median_ms, s.max_ms), (10.0, 30.0, 50.0));
        assert!(Spread::of(&[]).is_none());
    }
}
