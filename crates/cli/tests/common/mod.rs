//! Running the `retroplan` binary as a user does, for every test binary of
//! this crate: from the repository root, with no locale, the given user
//! template folder and environment.

#![allow(dead_code)]

use std::io::Write;
use std::process::{Command, Stdio};

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// A template folder that does not exist: no user templates.
pub fn no_user_templates() -> String {
    format!("{}/no-user-templates", env!("CARGO_TARGET_TMPDIR"))
}

/// Runs `retroplan ARGS` with `stdin` as standard input, `templates` as the
/// user's template folder, no locale and no colour settings but `env`.
pub fn run(args: &[&str], stdin: &str, templates: &str, env: &[(&str, &str)]) -> Run {
    let mut command = Command::new(env!("CARGO_BIN_EXE_retroplan"));
    command
        .args(args)
        .current_dir(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."))
        .env("RETROPLAN_TEMPLATES", templates)
        .env_remove("LANG")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("NO_COLOR")
        .env_remove("CLICOLOR")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        command.env(k, v);
    }
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary runs");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8(out.stdout).unwrap(),
        stderr: String::from_utf8(out.stderr).unwrap(),
    }
}

/// A small campaign used by the `diff` and `whatif` tests: `brief` (ana,
/// 3 days) then `shooting` (ben, 4) and, beside it, `flyer` (cleo, 3, under
/// way since Mon 8 Mar), both before `launch` (ana, 2); deadline Fri
/// 2027-03-19, today Tue 2027-03-09, no public holidays.
pub const CAMPAIGN: &str = r#"name = "Campagne"
deadline = 2027-03-19
today = 2027-03-09

[calendar]
country = "none"

[[task]]
id = "brief"
title = "Brief"
days = 3
owner = "ana"

[[task]]
id = "shooting"
title = "Shooting"
days = 4
after = ["brief"]
owner = "ben"

[[task]]
id = "launch"
title = "Launch"
days = 2
after = ["shooting", "flyer"]
owner = "ana"

[[task]]
id = "flyer"
title = "Flyer"
days = 3
owner = "cleo"
status = "in_progress"
started = 2027-03-08
"#;
