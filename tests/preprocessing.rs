//! Standardisation statistics against hand-computed values, and the seeded (stratified) split.

mod common;
use backprop_playground::data::split::{self, shuffled, stratified, test_count};
use backprop_playground::data::standardize::{describe, Standardizer};
use common::*;
use ndarray::array;

#[test]
fn standardisation_uses_the_population_mean_and_standard_deviation_of_each_column() {
    // Column 0: 2 4 4 4 5 5 7 9 has mean 5 and deviations −3 −1 −1 −1 0 0 2 4, whose squares
    // sum to 32: variance 32/8 = 4, std 2. Column 1: mean 0.25, deviations ±0.25, std 0.25.
    let x = array![[2.0, 0.0], [4.0, 0.5], [4.0, 0.0], [4.0, 0.5], [5.0, 0.0], [5.0, 0.5], [7.0, 0.0], [9.0, 0.5]];
    let s = Standardizer::fit(x.view());
    assert_vec(s.mean.iter(), &[5.0, 0.25]);
    assert_vec(s.std.iter(), &[2.0, 0.25]);
    let z = s.transform(x.view());
    assert_vec(z.column(0).iter(), &[-1.5, -0.5, -0.5, -0.5, 0.0, 0.0, 1.0, 2.0]);
    assert_vec(z.column(1).iter(), &[-1.0, 1.0, -1.0, 1.0, -1.0, 1.0, -1.0, 1.0]);
    let stats = describe(x.view());
    assert_eq!((stats[0].min, stats[0].max), (2.0, 9.0));
}

#[test]
fn test_rows_are_scaled_with_the_training_statistics_and_scale_back_exactly() {
    let train = array![[1.0, 10.0], [3.0, 30.0]];
    let s = Standardizer::fit(train.view());
    // mean [2, 20], std [1, 10]
    let test = array![[4.0, 0.0]];
    let z = s.transform(test.view());
    assert_matrix(z.view(), &[&[2.0, -2.0]]);
    assert_matrix(s.inverse(z.view()).view(), &[&[4.0, 0.0]]);
}

#[test]
fn a_constant_column_is_centred_and_not_divided_by_zero() {
    let x = array![[0.1, 1.0], [0.1, 2.0], [0.1, 3.0]];
    let s = Standardizer::fit(x.view());
    assert_eq!(s.std[0], 0.0);
    assert_eq!(s.mean[0], 0.1, "the mean of a constant column is the value itself, not a rounded sum");
    let z = s.transform(array![[0.1, 2.0], [0.6, 2.0]].view());
    assert_matrix(z.view(), &[&[0.0, 0.0], &[0.5, 0.0]]);
}

#[test]
fn the_test_share_is_rounded_and_leaves_both_parts_non_empty() {
    assert_eq!(test_count(150, 0.2), 30);
    assert_eq!(test_count(10, 0.25), 3, "2.5 rounds up");
    assert_eq!(test_count(2, 0.1), 1);
    assert_eq!(test_count(2, 0.9), 1);
    assert_eq!(test_count(5, 0.9), 4);
}

#[test]
fn a_stratified_split_keeps_each_class_share_and_is_reproducible() {
    let classes: Vec<usize> = (0..150).map(|i| i / 50).collect();
    let a = stratified(&classes, 30, 7);
    assert_eq!(a, stratified(&classes, 30, 7));
    assert_ne!(a, stratified(&classes, 30, 8));
    for c in 0..3 {
        assert_eq!(a.test.iter().filter(|&&i| classes[i] == c).count(), 10, "class {c}");
    }
    let mut all: Vec<usize> = a.train.iter().chain(&a.test).copied().collect();
    all.sort_unstable();
    assert_eq!(all, (0..150).collect::<Vec<_>>(), "every row lands in exactly one part");
    assert!(a.train.windows(2).all(|w| w[0] < w[1]) && a.test.windows(2).all(|w| w[0] < w[1]));
}

#[test]
fn uneven_class_shares_are_rounded_by_largest_remainder() {
    // Sizes 5, 3, 2 of 10 rows, 3 to test: exact shares 1.5, 0.9, 0.6 → 1 each.
    let classes = [0, 0, 0, 0, 0, 1, 1, 1, 2, 2];
    let rows = stratified(&classes, 3, 1);
    let per_class: Vec<usize> = (0..3).map(|c| rows.test.iter().filter(|&&i| classes[i] == c).count()).collect();
    assert_eq!(per_class, [1, 1, 1]);
}

#[test]
fn a_shuffled_split_is_reproducible_and_matches_the_older_split_function() {
    let a = shuffled(20, 5, 3);
    assert_eq!(a, shuffled(20, 5, 3));
    assert_eq!((a.train.len(), a.test.len()), (15, 5));
    let x = ndarray::Array2::from_shape_fn((20, 1), |(i, _)| i as f64);
    let ((x_train, _), (x_test, _)) = split::split(&x, &x, 0.25, 3);
    assert_eq!(x_test.column(0).to_vec(), a.test.iter().map(|&i| i as f64).collect::<Vec<_>>());
    assert_eq!(x_train.nrows(), 15);
}
