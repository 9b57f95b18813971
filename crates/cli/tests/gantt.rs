//! `retroplan gantt`: the picture named by -o's extension, written whole;
//! bad input refused with exit 2 and nothing written.

mod common;

use std::path::PathBuf;

fn run(args: &[&str]) -> common::Run {
    common::run(args, "", &common::no_user_templates(), &[])
}

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("gantt-cli");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    let _ = std::fs::remove_file(&path);
    path
}

#[test]
fn writes_svg_png_and_pdf_by_extension() {
    for (name, magic) in [
        ("noel.svg", &b"<svg xmlns"[..]),
        ("noel.png", &b"\x89PNG"[..]),
        ("noel.PDF", &b"%PDF-"[..]),
    ] {
        let path = scratch(name);
        let r = run(&[
            "gantt",
            "examples/promo-noel.toml",
            "-o",
            path.to_str().unwrap(),
        ]);
        assert_eq!(r.code, 0, "{name}: {}", r.stderr);
        let bytes = std::fs::read(&path).unwrap();
        assert!(bytes.starts_with(magic), "{name}");
    }
    // No temporary file left beside them.
    let dir = scratch("x").parent().unwrap().to_path_buf();
    let leftovers: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

#[test]
fn the_svg_goes_to_standard_output_with_dash_and_follows_the_flags() {
    let r = run(&[
        "gantt",
        "examples/promo-noel.toml",
        "-o",
        "-",
        "--zoom",
        "week",
        "--from",
        "2026-12-03",
        "--to",
        "2026-12-31",
        "--lang",
        "en",
        "--no-links",
    ]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("<svg"));
    assert!(r.stdout.contains(">December 2026<"), "English axis");
    assert!(!r.stdout.contains("marker-end"), "no arrows");
    // Week zoom rounds a window out to whole weeks, but --from and --to
    // are kept as given: 29 days of 5 px.
    assert!(
        r.stdout.contains(r#"width="145.0" height"#),
        "29 days × 5 px"
    );
    // The meetings of 1 and 2 December end before the window: left out.
    assert!(!r.stdout.contains("data-id=\"reunion-client-1\""));
    assert!(r.stdout.contains("data-id=\"banniere\""));
}

#[test]
fn refuses_unknown_extensions_backward_windows_and_bad_plans_writing_nothing() {
    let txt = scratch("chart.txt");
    let r = run(&[
        "gantt",
        "examples/promo-noel.toml",
        "-o",
        txt.to_str().unwrap(),
    ]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains(".svg, .png or .pdf"), "{}", r.stderr);
    assert!(!txt.exists());

    let svg = scratch("backwards.svg");
    let r = run(&[
        "gantt",
        "examples/promo-noel.toml",
        "-o",
        svg.to_str().unwrap(),
        "--from",
        "2026-12-20",
        "--to",
        "2026-12-01",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr
            .contains("--from 2026-12-20 is after --to 2026-12-01"),
        "{}",
        r.stderr
    );
    assert!(!svg.exists());

    let plan = scratch("bad.toml");
    std::fs::write(&plan, "name = \"x\"\ndeadline = 2026-13-01\n").unwrap();
    let out = scratch("bad.svg");
    let r = run(&["gantt", plan.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(r.code, 2);
    assert!(r.stderr.contains("bad.toml:2"), "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn a_failed_chart_keeps_the_previous_file() {
    let out = scratch("kept.svg");
    std::fs::write(&out, "previous").unwrap();
    let r = run(&[
        "gantt",
        "examples/promo-noel.toml",
        "-o",
        out.to_str().unwrap(),
        "--from",
        "1950-01-01",
    ]);
    assert_eq!(r.code, 2);
    assert!(
        r.stderr.contains("narrow it with --from and --to"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read_to_string(&out).unwrap(), "previous");
}
