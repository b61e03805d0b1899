//! The core's own JSON reader and writer against serde_json, which wrote and read every session
//! file before: the same text out, the same values in, the same error messages.

use backprop_playground::json::{parse, Value};
use backprop_playground::presets;
use rand::{RngCore, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Our compact text of a float next to serde_json's.
fn both(x: f64) -> (String, String) {
    (Value::from(x).to_string(), serde_json::to_string(&x).unwrap())
}

#[test]
fn floats_are_written_exactly_as_serde_json_wrote_them() {
    let special = [
        0.0,
        -0.0,
        1.0,
        -1.0,
        0.1,
        0.1 + 0.2,
        1e-5,
        1.5e-5,
        1e-6,
        1.234e-7,
        123456789012345.0,
        1e15,
        1e16,
        1.5e16,
        1e21,
        f64::MAX,
        f64::MIN_POSITIVE,
        5e-324,
        123.456,
        -9.87654321e-12,
        1.0 / 3.0,
        9007199254740992.0,
        1e100,
        4.35e-100,
        99999999999999.98,
        0.00012,
        1e-4,
        100.0,
        2.5e-308,
    ];
    for x in special {
        let (ours, theirs) = both(x);
        assert_eq!(ours, theirs, "{x:e}");
    }
    let mut rng = ChaCha8Rng::seed_from_u64(7);
    for _ in 0..200_000 {
        let x = f64::from_bits(rng.next_u64());
        if x.is_finite() {
            let (ours, theirs) = both(x);
            assert_eq!(ours, theirs, "{x:e}");
        }
        // Numbers of everyday size, where the decimal and exponent forms meet.
        let y = (rng.next_u64() as f64 / u64::MAX as f64 - 0.5) * 10f64.powi((rng.next_u64() % 50) as i32 - 25);
        let (ours, theirs) = both(y);
        assert_eq!(ours, theirs, "{y:e}");
    }
}

/// Parses with both and checks the outcome: the same value (written back the same) or the same error.
fn same_reading(text: &str) {
    let ours = parse(text);
    let theirs = serde_json::from_str::<serde_json::Value>(text);
    match (ours, theirs) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.to_string(), b.to_string(), "{text:?}");
            assert_eq!(a.to_string_pretty(), serde_json::to_string_pretty(&b).unwrap(), "{text:?}");
        }
        (Err(a), Err(b)) => assert_eq!(a.to_string(), b.to_string(), "{text:?}"),
        (a, b) => panic!("{text:?}: ours {a:?}, serde_json {b:?}"),
    }
}

#[test]
fn documents_and_errors_read_as_serde_json_read_them() {
    let texts = [
        "",
        " ",
        "{",
        "[",
        "]",
        "}",
        "nul",
        "tru",
        "fals",
        "nulx",
        "true",
        "false",
        "null",
        "1",
        "-",
        "-x",
        "01",
        "-01",
        "1.",
        "1.e5",
        "1e",
        "1e+",
        "1E-3",
        "1e400",
        "-1e400",
        "1e-400",
        "0e99999999999",
        "1e99999999999",
        "1e-99999999999",
        "18446744073709551615",
        "18446744073709551616",
        "-9223372036854775808",
        "-9223372036854775809",
        "-0",
        "-0.0",
        "0.1",
        "123456789012345678901234567890",
        "1.5e300x",
        "\"x\"",
        "\"\\x\"",
        "\"\\ud800\"",
        "\"\\ud800\\n\"",
        "\"\\ud800\\u0041\"",
        "\"\\udc00\"",
        "\"\\u12\"",
        "\"\\u00e9\\ud83d\\ude00\"",
        "\"\u{1}\"",
        "\"abc",
        "\"\\",
        "\"é\\n\\t\\\"\\\\\\/\\b\\f\"",
        "{\"a\":}",
        "{\"a\" 1}",
        "{\"a\":1,}",
        "{\"a\":1 \"b\":2}",
        "{1:2}",
        "{\"a\"",
        "{\"a\":1,",
        "{,}",
        "[1,]",
        "[,1]",
        "[1 2]",
        "[1,",
        "[1",
        "[]",
        "{}",
        "[[]]",
        "[{}]",
        "{\"b\":1,\"a\":[1,{\"c\":null}]}",
        "{\"a\":1,\"a\":2}",
        "\u{feff}{}",
        "{\"v\":1} x",
        "{\"v\":1}\u{a0}",
        " \n\t\r[1 , 2 ]\n ",
        "\n\n  {\"version\": 2 ,\n \"x\": [1, 2}",
        "[true,false,null,-5,2.5,\"s\"]",
        "{\"\":\"\"}",
        "{\"\\u0000\":\"\\u001f\\u007f\"}",
    ];
    for text in texts {
        same_reading(text);
    }
    same_reading(&"[".repeat(200));
    same_reading(&format!("{}{}", "[".repeat(127), "]".repeat(127)));
    same_reading(&format!("{}{}", "[".repeat(126), "]".repeat(126)));
    for name in presets::NAMES {
        same_reading(&presets::session(name).unwrap());
    }
}
