//! Finds the Fluent files (`locales/<lang>/*.ftl`) so that a new file needs
//! no list to be edited: writes `ftl_files.rs` with each language's files
//! compiled in.

use std::error::Error;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() -> Result<(), Box<dyn Error>> {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR")?).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut languages = Vec::new();
    for entry in std::fs::read_dir(&root)? {
        let path = entry?.path();
        if path.is_dir() {
            println!("cargo:rerun-if-changed={}", path.display());
            languages.push(path);
        }
    }
    languages.sort();
    let english = ftl_files(&root.join("en"))?;
    let mut out = String::new();
    writeln!(
        out,
        "/// The Fluent files of each language (English's; every language has the same).\n\
         pub const FILES: [&str; {}] = {:?};",
        english.len(),
        english
            .iter()
            .map(|p| file_name(p))
            .collect::<Result<Vec<_>, _>>()?
    )?;
    writeln!(
        out,
        "/// The sources of each file of `lang`.\nfn ftl_sources(lang: Lang) -> &'static [&'static str] {{\n    match lang {{"
    )?;
    for dir in &languages {
        let code = file_name(dir)?;
        let files = ftl_files(dir)?;
        for file in &files {
            println!("cargo:rerun-if-changed={}", file.display());
        }
        let names: Vec<String> = files
            .iter()
            .map(|p| file_name(p))
            .collect::<Result<_, _>>()?;
        if names.len() != english.len() {
            return Err(format!(
                "locales/{code} has {names:?}; every language needs the files of locales/en"
            )
            .into());
        }
        let mut variant = code.clone();
        variant[..1].make_ascii_uppercase();
        writeln!(out, "        Lang::{variant} => &[")?;
        for file in &files {
            writeln!(
                out,
                "            include_str!({:?}),",
                file.display().to_string()
            )?;
        }
        writeln!(out, "        ],")?;
    }
    writeln!(out, "    }}\n}}")?;
    let target = PathBuf::from(std::env::var("OUT_DIR")?).join("ftl_files.rs");
    std::fs::write(target, out)?;
    Ok(())
}

/// The `.ftl` files of one language, sorted by name.
fn ftl_files(dir: &Path) -> Result<Vec<PathBuf>, Box<dyn Error>> {
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.extension().is_some_and(|e| e == "ftl") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn file_name(path: &Path) -> Result<String, Box<dyn Error>> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| format!("{} has no usable name", path.display()).into())
}
