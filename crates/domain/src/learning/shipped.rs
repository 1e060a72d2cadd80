//! The modules pocdir ships, in the six languages, installed as version 1
//! when an installation has none of that name (`data/learning/`).

use super::module::{Module, ModuleProblem};

macro_rules! module_files {
    ($slug:literal, [$($lesson:literal),+]) => {
        vec![
            vec![("module.toml", include_str!(concat!("../../data/learning/", $slug, "/module.toml")))],
            module_files!(@lang $slug, [$($lesson),+], "ar"),
            module_files!(@lang $slug, [$($lesson),+], "en"),
            module_files!(@lang $slug, [$($lesson),+], "es"),
            module_files!(@lang $slug, [$($lesson),+], "fr"),
            module_files!(@lang $slug, [$($lesson),+], "ru"),
            module_files!(@lang $slug, [$($lesson),+], "zh"),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<(&'static str, &'static str)>>()
    };
    (@lang $slug:literal, [$($lesson:literal),+], $lang:literal) => {
        vec![
            $((
                concat!($lesson, ".", $lang, ".md"),
                include_str!(concat!("../../data/learning/", $slug, "/", $lesson, ".", $lang, ".md")),
            ),)+
            (
                concat!("quiz.", $lang, ".toml"),
                include_str!(concat!("../../data/learning/", $slug, "/quiz.", $lang, ".toml")),
            ),
        ]
    };
}

/// The shipped modules' files, by slug.
pub fn files() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "what-a-poc-does",
            module_files!(
                "what-a-poc-does",
                ["01-roles", "02-duties", "03-template-and-tlp"]
            ),
        ),
        (
            "ping-tests",
            module_files!("ping-tests", ["01-why", "02-answering", "03-results"]),
        ),
        (
            "requests-for-assistance",
            module_files!(
                "requests-for-assistance",
                ["01-receiving", "02-answering", "03-closing"]
            ),
        ),
    ]
}

/// The shipped modules, read as an upload would be.
pub fn modules() -> Result<Vec<Module>, Vec<ModuleProblem>> {
    files()
        .into_iter()
        .map(|(_, files)| {
            let files: Vec<(String, Vec<u8>)> = files
                .into_iter()
                .map(|(n, t)| (n.to_owned(), t.as_bytes().to_vec()))
                .collect();
            Module::from_files(&files)
        })
        .collect()
}
