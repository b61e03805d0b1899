//! Generated toy sets: reproducible for a seed, of the documented size, range and class balance.

use backprop_playground::data::generate::{self, Generator};
use ndarray::Array2;

/// All generators, blobs with each allowed class count.
fn all() -> Vec<Generator> {
    let mut list = Generator::ALL.to_vec();
    list.extend([Generator::Blobs(4), Generator::Blobs(5)]);
    list
}

fn class_counts(y: &Array2<f64>, k: usize) -> Vec<usize> {
    let mut counts = vec![0; k];
    for &c in y.column(0) {
        assert!(c.fract() == 0.0 && c >= 0.0 && (c as usize) < k, "class {c} of {k}");
        counts[c as usize] += 1;
    }
    counts
}

#[test]
fn every_generator_gives_the_same_points_for_the_same_seed_and_other_points_for_another() {
    for g in all() {
        let a = g.generate(60, 0.1, 3).unwrap();
        let b = g.generate(60, 0.1, 3).unwrap();
        let c = g.generate(60, 0.1, 4).unwrap();
        assert_eq!(a, b, "{}", g.name());
        assert_ne!(a.0, c.0, "{}", g.name());
    }
}

#[test]
fn every_generator_has_the_documented_size_and_input_range() {
    for g in all() {
        for noise in [0.0, 0.5, 1.0] {
            let (x, y) = g.generate(101, noise, 9).unwrap();
            assert_eq!(x.dim(), (101, g.inputs()), "{}", g.name());
            assert_eq!(y.dim(), (101, 1), "{}", g.name());
            assert!(x.iter().all(|v| (-1.0..=1.0).contains(v)), "{} x outside [−1, 1]", g.name());
            if g.classes().is_none() {
                let bound = 1.0 + noise + 1e-12;
                assert!(y.iter().all(|v| v.abs() <= bound), "{} y outside ±{bound}", g.name());
            }
        }
    }
}

#[test]
fn classes_are_balanced_to_within_one_point() {
    for g in all() {
        let Some(k) = g.classes() else { continue };
        let (_, y) = g.generate(101, 0.2, 1).unwrap();
        let counts = class_counts(&y, k);
        let (min, max) = (counts.iter().min().unwrap(), counts.iter().max().unwrap());
        assert!(max - min <= 1, "{} counts {counts:?}", g.name());
        assert_eq!(counts.iter().sum::<usize>(), 101);
    }
    // 101 = 5 · 20 + 1: class 0 gets the extra point.
    assert_eq!(class_counts(&generate::blobs(101, 5, 0.0, 1).1, 5), vec![21, 20, 20, 20, 20]);
}

#[test]
fn without_noise_circle_points_lie_in_the_disc_or_the_ring_of_their_label() {
    let (x, y) = generate::circle(200, 0.0, 5);
    for (row, label) in x.rows().into_iter().zip(y.column(0)) {
        let r = (row[0] * row[0] + row[1] * row[1]).sqrt();
        if *label == 1.0 {
            assert!(r < 0.5, "r = {r}");
        } else {
            assert!((0.7..=1.0).contains(&r), "r = {r}");
        }
    }
}

#[test]
fn without_noise_xor_labels_are_1_exactly_where_x1_and_x2_share_a_sign() {
    let (x, y) = generate::xor(200, 0.0, 5);
    for (row, label) in x.rows().into_iter().zip(y.column(0)) {
        assert!(row[0].abs() >= 0.05 && row[1].abs() >= 0.05);
        assert_eq!(*label == 1.0, row[0] * row[1] > 0.0);
    }
}

#[test]
fn gaussian_clouds_are_centred_on_their_documented_centres() {
    let (x, y) = generate::gauss(2000, 0.0, 5);
    for (class, centre) in [(0.0, -0.5), (1.0, 0.5)] {
        let rows: Vec<_> = x.rows().into_iter().zip(y.column(0)).filter(|(_, &c)| c == class).map(|(r, _)| r).collect();
        let mean = rows.iter().map(|r| r[0] + r[1]).sum::<f64>() / (2.0 * rows.len() as f64);
        // σ = 0.1 over 2000 coordinates: the standard error is 0.1/√2000 ≈ 0.002.
        assert!((mean - centre).abs() < 0.01, "class {class}: mean {mean}");
    }
}

#[test]
fn blobs_of_k_classes_sit_around_k_points_on_a_circle_of_radius_0_6() {
    let k = 4;
    let (x, y) = generate::blobs(4000, k, 0.0, 2);
    for c in 0..k {
        let angle = std::f64::consts::FRAC_PI_2 + 2.0 * std::f64::consts::PI * c as f64 / k as f64;
        let rows: Vec<_> =
            x.rows().into_iter().zip(y.column(0)).filter(|(_, &l)| l == c as f64).map(|(r, _)| r).collect();
        let m0 = rows.iter().map(|r| r[0]).sum::<f64>() / rows.len() as f64;
        let m1 = rows.iter().map(|r| r[1]).sum::<f64>() / rows.len() as f64;
        assert!(
            (m0 - 0.6 * angle.cos()).abs() < 0.02 && (m1 - 0.6 * angle.sin()).abs() < 0.02,
            "class {c}: ({m0}, {m1})"
        );
    }
}

#[test]
fn without_noise_spiral_radius_grows_along_each_arm() {
    let (x, y) = generate::spiral(100, 0.0, 1);
    for class in [0.0, 1.0] {
        let radii: Vec<f64> = x
            .rows()
            .into_iter()
            .zip(y.column(0))
            .filter(|(_, &c)| c == class)
            .map(|(r, _)| (r[0] * r[0] + r[1] * r[1]).sqrt())
            .collect();
        assert!(radii.windows(2).all(|w| w[1] > w[0]), "{radii:?}");
        assert!((radii[0] - 0.05).abs() < 1e-12);
    }
}

#[test]
fn without_noise_plane_and_sine_targets_follow_their_formulas() {
    let (x, y) = generate::plane(50, 0.0, 1);
    for (row, t) in x.rows().into_iter().zip(y.column(0)) {
        assert!((t - (row[0] + row[1]) / 2.0).abs() < 1e-15);
    }
    let (x, y) = generate::sine(50, 0.0, 1);
    for (v, t) in x.column(0).iter().zip(y.column(0)) {
        assert!((t - (std::f64::consts::PI * v).sin()).abs() < 1e-12);
    }
}

#[test]
fn generator_names_parse_back_and_blobs_take_3_to_5_classes() {
    for g in Generator::ALL {
        assert_eq!(Generator::parse(g.name(), 3).unwrap(), g);
    }
    assert_eq!(Generator::parse("blobs", 5).unwrap(), Generator::Blobs(5));
    assert_eq!(Generator::parse("xor", 99).unwrap(), Generator::Xor, "classes only matter for blobs");
    let message = Generator::parse("blobs", 6).unwrap_err().to_string();
    assert!(message.contains("generator.classes") && message.contains('6'), "{message}");
    let message = Generator::parse("moons", 3).unwrap_err().to_string();
    assert!(message.contains("generator") && message.contains("moons") && message.contains("spiral"), "{message}");
}

#[test]
fn point_counts_and_noise_outside_their_limits_are_refused() {
    for (n, noise, field, value) in [
        (1, 0.1, "generator.points", "1"),
        (10_001, 0.1, "generator.points", "10001"),
        (10, -0.1, "generator.noise", "-0.1"),
        (10, 1.5, "generator.noise", "1.5"),
        (10, f64::NAN, "generator.noise", "NaN"),
    ] {
        let message = Generator::Circle.generate(n, noise, 1).unwrap_err().to_string();
        assert!(message.contains(field) && message.contains(value), "{message}");
    }
}
