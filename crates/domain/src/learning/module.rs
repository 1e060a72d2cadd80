//! A module as the secretariat uploads it: a folder of files, read into
//! one checked `Module` or refused with every problem and the file (and
//! line) it is in.
//!
//! ```text
//! module.toml              format, slug, mastery, quiz minutes, lessons, answers
//! <lesson>.<lang>.md       one per lesson and language, starting "# Title"
//! quiz.<lang>.toml         title, summary and the questions in that language
//! ```
//!
//! The answers live in `module.toml` only, so that no translation can
//! change which choice is right; every language must ask the same number
//! of questions with the same number of choices.

use super::lesson;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const FORMAT: &str = "pocdir-learning-module/1";
pub const LANGUAGES: [&str; 6] = ["ar", "en", "es", "fr", "ru", "zh"];
/// The language every module must have: the reference for the others.
pub const REFERENCE_LANGUAGE: &str = "en";
pub const MAX_FILE_BYTES: usize = 256 * 1024;
pub const MAX_TOTAL_BYTES: usize = 2 * 1024 * 1024;
pub const MAX_FILES: usize = 200;
const MAX_LESSONS: usize = 20;
const MAX_QUESTIONS: usize = 50;
const MAX_CHOICES: usize = 6;

/// A module, checked: what the store keeps as one version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Module {
    pub slug: String,
    pub mastery_percent: u8,
    pub quiz_minutes: u32,
    /// The lessons' keys, in order.
    pub lessons: Vec<String>,
    /// The right choice of each question, counted from 1.
    pub answers: Vec<u8>,
    /// The texts by language.
    pub texts: BTreeMap<String, ModuleText>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ModuleText {
    pub title: String,
    pub summary: String,
    pub lessons: Vec<Lesson>,
    pub questions: Vec<Question>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lesson {
    pub title: String,
    /// The Markdown, title line included.
    pub markdown: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    pub text: String,
    pub choices: Vec<String>,
}

/// One thing wrong with an upload: the file, the line when known, and a
/// Fluent id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ModuleProblem {
    pub file: String,
    pub line: Option<usize>,
    pub message_id: &'static str,
}

pub const MESSAGE_IDS: [&str; 16] = [
    "learning-problem-no-files",
    "learning-problem-too-large",
    "learning-problem-not-text",
    "learning-problem-unknown-file",
    "learning-problem-duplicate-file",
    "learning-problem-no-manifest",
    "learning-problem-unreadable",
    "learning-problem-format",
    "learning-problem-slug",
    "learning-problem-mastery",
    "learning-problem-minutes",
    "learning-problem-lessons",
    "learning-problem-answers",
    "learning-problem-missing-file",
    "learning-problem-questions",
    "learning-problem-no-reference",
];

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Manifest {
    format: String,
    slug: String,
    mastery_percent: u8,
    quiz_minutes: u32,
    lessons: Vec<String>,
    answers: Vec<u8>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuizFile {
    title: String,
    summary: String,
    #[serde(rename = "question", default)]
    questions: Vec<Question>,
}

fn key_ok(key: &str, min: usize) -> bool {
    (min..=60).contains(&key.len())
        && key
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !key.starts_with('-')
}

/// A file's name without the folders a browser's folder upload puts in it.
fn base_name(name: &str) -> &str {
    name.rsplit(['/', '\\']).next().unwrap_or(name)
}

struct Problems(Vec<ModuleProblem>);

impl Problems {
    fn add(&mut self, file: &str, line: Option<usize>, message_id: &'static str) {
        self.0.push(ModuleProblem {
            file: file.to_owned(),
            line,
            message_id,
        });
    }
}

/// The line a TOML error points at, when it says.
fn toml_line(text: &str, error: &toml::de::Error) -> Option<usize> {
    error
        .span()
        .and_then(|span| text.get(..span.start))
        .map(|before| before.matches('\n').count() + 1)
}

impl Module {
    /// Reads an upload: (file name, bytes) pairs.
    pub fn from_files(files: &[(String, Vec<u8>)]) -> Result<Module, Vec<ModuleProblem>> {
        let mut problems = Problems(Vec::new());
        if files.is_empty() {
            problems.add("", None, "learning-problem-no-files");
            return Err(problems.0);
        }
        let total: usize = files.iter().map(|(_, b)| b.len()).sum();
        if files.len() > MAX_FILES || total > MAX_TOTAL_BYTES {
            problems.add("", None, "learning-problem-too-large");
            return Err(problems.0);
        }
        let mut texts: BTreeMap<&str, &str> = BTreeMap::new();
        for (name, bytes) in files {
            let name = base_name(name);
            if bytes.len() > MAX_FILE_BYTES {
                problems.add(name, None, "learning-problem-too-large");
            } else if let Ok(text) = std::str::from_utf8(bytes) {
                if texts.insert(name, text).is_some() {
                    problems.add(name, None, "learning-problem-duplicate-file");
                }
            } else {
                problems.add(name, None, "learning-problem-not-text");
            }
        }
        let Some(manifest_text) = texts.remove("module.toml") else {
            problems.add("module.toml", None, "learning-problem-no-manifest");
            return Err(problems.0);
        };
        let manifest: Manifest = match toml::from_str(manifest_text) {
            Ok(m) => m,
            Err(e) => {
                problems.add(
                    "module.toml",
                    toml_line(manifest_text, &e),
                    "learning-problem-unreadable",
                );
                return Err(problems.0);
            }
        };
        manifest.check(&mut problems);
        let mut module = Module {
            slug: manifest.slug.clone(),
            mastery_percent: manifest.mastery_percent,
            quiz_minutes: manifest.quiz_minutes,
            lessons: manifest.lessons.clone(),
            answers: manifest.answers.clone(),
            texts: BTreeMap::new(),
        };
        for language in LANGUAGES {
            let quiz_name = format!("quiz.{language}.toml");
            let lesson_names: Vec<String> = manifest
                .lessons
                .iter()
                .map(|l| format!("{l}.{language}.md"))
                .collect();
            let has_any = texts.contains_key(quiz_name.as_str())
                || lesson_names.iter().any(|n| texts.contains_key(n.as_str()));
            if !has_any {
                continue;
            }
            if let Some(text) = read_language(&manifest, &texts, language, &mut problems) {
                module.texts.insert(language.to_owned(), text);
            }
            texts.remove(quiz_name.as_str());
            for n in &lesson_names {
                texts.remove(n.as_str());
            }
        }
        for name in texts.keys() {
            problems.add(name, None, "learning-problem-unknown-file");
        }
        if let Some(reference) = module.texts.get(REFERENCE_LANGUAGE) {
            let shape = choices_per_question(reference);
            for (language, text) in &module.texts {
                if choices_per_question(text) != shape {
                    problems.add(
                        &format!("quiz.{language}.toml"),
                        None,
                        "learning-problem-questions",
                    );
                }
            }
        }
        if !module.texts.contains_key(REFERENCE_LANGUAGE)
            && !problems.0.iter().any(|p| p.file.contains(".en."))
        {
            problems.add(
                &format!("quiz.{REFERENCE_LANGUAGE}.toml"),
                None,
                "learning-problem-no-reference",
            );
        }
        if problems.0.is_empty() {
            Ok(module)
        } else {
            Err(problems.0)
        }
    }

    /// The text in `language`, else English, else any.
    pub fn text(&self, language: &str) -> Option<(&str, &ModuleText)> {
        self.texts
            .get_key_value(language)
            .or_else(|| self.texts.get_key_value(REFERENCE_LANGUAGE))
            .or_else(|| self.texts.iter().next())
            .map(|(l, t)| (l.as_str(), t))
    }

    /// The files that make this module, as an upload would give them.
    pub fn to_files(&self) -> Vec<(String, String)> {
        let answers: Vec<String> = self.answers.iter().map(u8::to_string).collect();
        let lessons: Vec<String> = self.lessons.iter().map(|l| format!("{l:?}")).collect();
        let mut files = vec![(
            "module.toml".to_owned(),
            format!(
                "format = {FORMAT:?}\nslug = {:?}\nmastery_percent = {}\nquiz_minutes = {}\nlessons = [{}]\nanswers = [{}]\n",
                self.slug,
                self.mastery_percent,
                self.quiz_minutes,
                lessons.join(", "),
                answers.join(", ")
            ),
        )];
        for (language, text) in &self.texts {
            for (key, lesson) in self.lessons.iter().zip(&text.lessons) {
                files.push((format!("{key}.{language}.md"), lesson.markdown.clone()));
            }
            let quiz = QuizOut {
                title: &text.title,
                summary: &text.summary,
                question: &text.questions,
            };
            files.push((
                format!("quiz.{language}.toml"),
                toml::to_string(&quiz).unwrap_or_default(),
            ));
        }
        files
    }
}

#[derive(Serialize)]
struct QuizOut<'a> {
    title: &'a str,
    summary: &'a str,
    question: &'a [Question],
}

impl Manifest {
    fn check(&self, problems: &mut Problems) {
        let file = "module.toml";
        if self.format != FORMAT {
            problems.add(file, None, "learning-problem-format");
        }
        if !key_ok(&self.slug, 3) {
            problems.add(file, None, "learning-problem-slug");
        }
        if !(50..=100).contains(&self.mastery_percent) {
            problems.add(file, None, "learning-problem-mastery");
        }
        if !(5..=240).contains(&self.quiz_minutes) {
            problems.add(file, None, "learning-problem-minutes");
        }
        let mut seen = std::collections::BTreeSet::new();
        if self.lessons.is_empty()
            || self.lessons.len() > MAX_LESSONS
            || self
                .lessons
                .iter()
                .any(|l| !key_ok(l, 1) || !seen.insert(l.as_str()))
        {
            problems.add(file, None, "learning-problem-lessons");
        }
        if self.answers.is_empty()
            || self.answers.len() > MAX_QUESTIONS
            || self
                .answers
                .iter()
                .any(|a| !(1..=MAX_CHOICES).contains(&usize::from(*a)))
        {
            problems.add(file, None, "learning-problem-answers");
        }
    }
}

fn read_language(
    manifest: &Manifest,
    texts: &BTreeMap<&str, &str>,
    language: &str,
    problems: &mut Problems,
) -> Option<ModuleText> {
    let before = problems.0.len();
    let mut lessons = Vec::new();
    for key in &manifest.lessons {
        let name = format!("{key}.{language}.md");
        let Some(markdown) = texts.get(name.as_str()) else {
            problems.add(&name, None, "learning-problem-missing-file");
            continue;
        };
        for p in lesson::check(markdown) {
            problems.add(&name, Some(p.line), p.message_id);
        }
        lessons.push(Lesson {
            title: lesson::title(markdown).unwrap_or_default(),
            markdown: (*markdown).to_owned(),
        });
    }
    let quiz_name = format!("quiz.{language}.toml");
    let quiz: Option<QuizFile> = match texts.get(quiz_name.as_str()) {
        None => {
            problems.add(&quiz_name, None, "learning-problem-missing-file");
            None
        }
        Some(text) => match toml::from_str::<QuizFile>(text) {
            Ok(quiz) => Some(quiz),
            Err(e) => {
                problems.add(
                    &quiz_name,
                    toml_line(text, &e),
                    "learning-problem-unreadable",
                );
                None
            }
        },
    };
    let quiz = quiz?;
    let questions_fit = quiz.questions.len() == manifest.answers.len()
        && quiz.questions.iter().zip(&manifest.answers).all(|(q, a)| {
            (2..=MAX_CHOICES).contains(&q.choices.len())
                && usize::from(*a) <= q.choices.len()
                && !q.text.trim().is_empty()
                && q.choices.iter().all(|c| !c.trim().is_empty())
        });
    if !questions_fit || quiz.title.trim().is_empty() {
        problems.add(&quiz_name, None, "learning-problem-questions");
    }
    (problems.0.len() == before).then(|| ModuleText {
        title: quiz.title.trim().to_owned(),
        summary: quiz.summary.trim().to_owned(),
        lessons,
        questions: quiz.questions,
    })
}

/// The choices' counts, which must agree across languages: a reader in
/// one language answers the same quiz as a reader in another.
fn choices_per_question(text: &ModuleText) -> Vec<usize> {
    text.questions.iter().map(|q| q.choices.len()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn files(extra: &[(&str, &str)]) -> Vec<(String, Vec<u8>)> {
        let mut out: Vec<(String, Vec<u8>)> = vec![
            (
                "m/module.toml".into(),
                b"format = \"pocdir-learning-module/1\"\nslug = \"demo\"\nmastery_percent = 80\nquiz_minutes = 30\nlessons = [\"01-a\"]\nanswers = [2]\n".to_vec(),
            ),
            ("m/01-a.en.md".into(), b"# A\n\nText.\n".to_vec()),
            (
                "m/quiz.en.toml".into(),
                b"title = \"Demo\"\nsummary = \"S\"\n[[question]]\ntext = \"Q?\"\nchoices = [\"x\", \"y\"]\n".to_vec(),
            ),
        ];
        for (n, t) in extra {
            out.push(((*n).into(), t.as_bytes().to_vec()));
        }
        out
    }

    fn ids(
        result: Result<Module, Vec<ModuleProblem>>,
    ) -> Vec<(String, Option<usize>, &'static str)> {
        result
            .err()
            .unwrap_or_default()
            .into_iter()
            .map(|p| (p.file, p.line, p.message_id))
            .collect()
    }

    #[test]
    fn a_module_reads_and_writes_back_the_same() {
        let module = Module::from_files(&files(&[])).unwrap();
        assert_eq!(module.slug, "demo");
        assert_eq!(module.texts["en"].lessons[0].title, "A");
        let again: Vec<(String, Vec<u8>)> = module
            .to_files()
            .into_iter()
            .map(|(n, t)| (n, t.into_bytes()))
            .collect();
        assert_eq!(Module::from_files(&again).unwrap(), module);
    }

    #[test]
    fn a_lesson_with_script_is_refused_with_its_file_and_line() {
        let mut f = files(&[]);
        f[1].1 = b"# A\n\nok\n<script>alert(1)</script>\n".to_vec();
        assert_eq!(
            ids(Module::from_files(&f)),
            vec![("01-a.en.md".into(), Some(4), "learning-problem-html")]
        );
    }

    #[test]
    fn every_problem_is_named() {
        assert_eq!(
            ids(Module::from_files(&[])),
            vec![("".into(), None, "learning-problem-no-files")]
        );
        let f = files(&[
            ("notes.txt", "x"),
            ("quiz.fr.toml", "title = \"T\"\nsummary = \"S\"\n"),
        ]);
        let found = ids(Module::from_files(&f));
        assert!(
            found.contains(&("notes.txt".into(), None, "learning-problem-unknown-file")),
            "{found:?}"
        );
        assert!(
            found.contains(&("01-a.fr.md".into(), None, "learning-problem-missing-file")),
            "{found:?}"
        );
        assert!(
            found.contains(&("quiz.fr.toml".into(), None, "learning-problem-questions")),
            "{found:?}"
        );
        let mut f = files(&[]);
        f[0].1 = b"format = \"x\"\nslug = \"A B\"\nmastery_percent = 10\nquiz_minutes = 1\nlessons = []\nanswers = [9]\n".to_vec();
        let found: Vec<&str> = ids(Module::from_files(&f))
            .into_iter()
            .map(|(_, _, id)| id)
            .collect();
        for id in [
            "learning-problem-format",
            "learning-problem-slug",
            "learning-problem-mastery",
            "learning-problem-minutes",
            "learning-problem-lessons",
            "learning-problem-answers",
        ] {
            assert!(found.contains(&id), "{id} in {found:?}");
        }
        let mut f = files(&[]);
        f[2].1 = b"title = \"Demo\"\nsummary = \"S\"\n[[question]]\ntext = \n".to_vec();
        assert_eq!(
            ids(Module::from_files(&f)),
            vec![(
                "quiz.en.toml".into(),
                Some(4),
                "learning-problem-unreadable"
            )]
        );
        let f: Vec<(String, Vec<u8>)> = files(&[])
            .into_iter()
            .filter(|(n, _)| !n.ends_with("module.toml"))
            .collect();
        assert_eq!(
            ids(Module::from_files(&f)),
            vec![("module.toml".into(), None, "learning-problem-no-manifest")]
        );
    }

    #[test]
    fn the_shipped_modules_read() {
        for module in super::super::shipped::modules().unwrap() {
            assert_eq!(module.texts.len(), 6, "{}", module.slug);
        }
    }

    proptest! {
        /// Hostile bytes in any file give problems, never a panic.
        #[test]
        fn hostile_files_never_panic(
            which in 0usize..3,
            bytes in proptest::collection::vec(any::<u8>(), 0..300),
        ) {
            let mut f = files(&[]);
            if let Some(file) = f.get_mut(which) {
                file.1 = bytes;
            }
            match Module::from_files(&f) {
                Ok(m) => prop_assert!(m.texts.contains_key("en")),
                Err(problems) => prop_assert!(problems.iter().all(|p| MESSAGE_IDS.contains(&p.message_id) || super::lesson::MESSAGE_IDS.contains(&p.message_id))),
            }
        }
    }
}
