//! Fewer points for drawing a long series, keeping its shape: a 100,000-epoch run is drawn with
//! about two points per pixel column, and the data themselves are never dropped.

/// At most `2 × buckets + 2` of the points (i, y(i)), i = 0 … n − 1, in index order: the lowest
/// and the highest of each run of consecutive indices (a bucket, one per pixel column), plus the
/// first and the last point. Points where `y` is None are skipped.
///
/// Min/max per bucket keeps every spike and dip visible, which averaging would hide; a series
/// short enough already comes back whole.
pub fn min_max(n: usize, y: impl Fn(usize) -> Option<f64>, buckets: usize) -> Vec<(usize, f64)> {
    let buckets = buckets.max(1);
    if n <= 2 * buckets + 2 {
        return (0..n).filter_map(|i| y(i).map(|v| (i, v))).collect();
    }
    let mut out = Vec::with_capacity(2 * buckets + 2);
    let first = (0..n).find_map(|i| y(i).map(|v| (i, v)));
    let last = (0..n).rev().find_map(|i| y(i).map(|v| (i, v)));
    out.extend(first);
    for b in 0..buckets {
        let (from, to) = (b * n / buckets, (b + 1) * n / buckets);
        let mut low: Option<(usize, f64)> = None;
        let mut high: Option<(usize, f64)> = None;
        for i in from..to {
            if let Some(v) = y(i) {
                if low.is_none_or(|(_, l)| v < l) {
                    low = Some((i, v));
                }
                if high.is_none_or(|(_, h)| v > h) {
                    high = Some((i, v));
                }
            }
        }
        let (Some(low), Some(high)) = (low, high) else { continue };
        let (a, b) = if low.0 <= high.0 { (low, high) } else { (high, low) };
        for p in [a, b] {
            if out.last().is_none_or(|&(i, _)| i < p.0) {
                out.push(p);
            }
        }
    }
    if let Some(last) = last {
        if out.last().is_none_or(|&(i, _)| i < last.0) {
            out.push(last);
        }
    }
    out
}
