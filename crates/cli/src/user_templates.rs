//! The user's template folder: `RETROPLAN_TEMPLATES` when set, else
//! `retroplan/templates` in the platform's data directory
//! (`~/.local/share` on Linux, `~/Library/Application Support` on macOS,
//! `%APPDATA%` on Windows).

use std::path::{Path, PathBuf};

use anyhow::Context;
use retroplan_templates::Catalog;

pub const ENV: &str = "RETROPLAN_TEMPLATES";

pub fn folder() -> anyhow::Result<PathBuf> {
    if let Some(dir) = std::env::var_os(ENV).filter(|v| !v.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    dirs::data_dir()
        .map(|d| d.join("retroplan").join("templates"))
        .with_context(|| {
            format!("no data directory is known on this system: set {ENV} to a folder")
        })
}

/// `(file name, text)` of each `.toml` file of the folder, sorted by name;
/// a missing folder has none.
fn read_folder(dir: &Path) -> anyhow::Result<Vec<(String, String)>> {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(e)
                .with_context(|| format!("cannot read the template folder {}", dir.display()));
        }
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "toml") {
            let text = std::fs::read_to_string(&path)
                .with_context(|| format!("cannot read the template {}", path.display()))?;
            let name = path
                .file_name()
                .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
            files.push((name, text));
        }
    }
    files.sort();
    Ok(files)
}

/// Built-in templates and the user's; user files that are not templates are
/// reported on standard error and left out.
pub fn catalog() -> anyhow::Result<Catalog> {
    let dir = folder()?;
    let (catalog, errors) = Catalog::builtin().with_user(read_folder(&dir)?);
    for e in errors {
        eprintln!("warning: {e} (in {}); it is left out", dir.display());
    }
    Ok(catalog)
}
