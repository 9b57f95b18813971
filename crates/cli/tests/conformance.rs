//! The hand-checked cases of `../shared/conformance/` (beside the repository)
//! run against the binary under test, so that `cargo test` fails when one
//! does. `.ci/run` also runs them against the release build.

use std::path::Path;
use std::process::Command;

#[test]
fn shared_conformance_cases_pass() {
    let checker =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/conformance/check.py");
    assert!(
        checker.exists(),
        "the conformance cases are expected at {} (the shared/ folder beside the repository)",
        checker.display()
    );
    let out = Command::new("python3")
        .arg(&checker)
        .arg(env!("CARGO_BIN_EXE_retroplan"))
        .output()
        .expect("python3 runs the conformance checker");
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "conformance cases failed:\n{report}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(report.contains(" passed, 0 failed"), "{report}");
}
