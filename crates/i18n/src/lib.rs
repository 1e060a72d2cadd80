//! The six UN languages. Messages live in `locales/<code>/*.ftl` (one file
//! per capability, found by the build: see [`FILES`]) and are compiled into
//! the binary; a message missing from a language falls back to English.

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::Loader;
use std::borrow::Cow;
use std::collections::HashMap;
use unic_langid::LanguageIdentifier;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Templates isolate user text with <bdi> themselves; Fluent's own
        // isolation marks would leak into attributes and JSON.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// One of the six UN languages.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Lang {
    Ar,
    En,
    Es,
    Fr,
    Ru,
    Zh,
}

impl Lang {
    /// In the order of the UN's own language menu.
    pub const ALL: [Lang; 6] = [Lang::Ar, Lang::Zh, Lang::En, Lang::Fr, Lang::Ru, Lang::Es];

    pub fn code(self) -> &'static str {
        match self {
            Lang::Ar => "ar",
            Lang::En => "en",
            Lang::Es => "es",
            Lang::Fr => "fr",
            Lang::Ru => "ru",
            Lang::Zh => "zh",
        }
    }

    /// The language's name in itself, for the language switcher.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ar => "العربية",
            Lang::En => "English",
            Lang::Es => "Español",
            Lang::Fr => "Français",
            Lang::Ru => "Русский",
            Lang::Zh => "中文",
        }
    }

    pub fn is_rtl(self) -> bool {
        matches!(self, Lang::Ar)
    }

    pub fn dir(self) -> &'static str {
        if self.is_rtl() {
            "rtl"
        } else {
            "ltr"
        }
    }

    /// Accepts `fr`, `FR`, `fr-CA`, `zh-Hans-CN`…: the primary subtag decides.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// Picks the best language from an `Accept-Language` header (RFC 9110 q-values).
    pub fn negotiate(accept_language: &str) -> Option<Lang> {
        let mut best: Option<(Lang, f32)> = None;
        for item in accept_language.split(',') {
            let mut parts = item.split(';');
            let tag = parts.next().unwrap_or("").trim();
            let q = parts
                .find_map(|p| p.trim().strip_prefix("q=").map(str::to_string))
                .and_then(|q| q.parse::<f32>().ok())
                .unwrap_or(1.0);
            if q <= 0.0 {
                continue;
            }
            if let Some(lang) = Lang::from_tag(tag) {
                if best.is_none_or(|(_, bq)| q > bq) {
                    best = Some((lang, q));
                }
            }
        }
        best.map(|(l, _)| l)
    }

    fn langid(self) -> LanguageIdentifier {
        self.code().parse().unwrap_or_default()
    }
}

/// Translates message ids into one language.
#[derive(Debug, Clone)]
pub struct Translator {
    lang: Lang,
    langid: LanguageIdentifier,
}

impl Translator {
    pub fn new(lang: Lang) -> Self {
        Translator {
            lang,
            langid: lang.langid(),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The message `id`; its English text if this language lacks it; the id itself if none has it.
    pub fn t(&self, id: &str) -> String {
        LOCALES
            .try_lookup(&self.langid, id)
            .unwrap_or_else(|| id.to_string())
    }

    /// The message `id` with named arguments.
    pub fn t_args(&self, id: &str, args: &[(&str, FluentArg)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue<'static>> = args
            .iter()
            .map(|(name, value)| (Cow::Owned(name.to_string()), value.to_fluent()))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.langid, id, &map)
            .unwrap_or_else(|| id.to_string())
    }

    /// Shorthand for one string argument, convenient in templates.
    pub fn t1(&self, id: &str, name: &str, value: &str) -> String {
        self.t_args(id, &[(name, FluentArg::Text(value.to_string()))])
    }

    /// Shorthand for one number argument (plural rules apply).
    pub fn tn(&self, id: &str, name: &str, value: impl std::borrow::Borrow<i64>) -> String {
        self.t_args(id, &[(name, FluentArg::Number(*value.borrow()))])
    }

    /// True when this language itself defines `id` (no fallback).
    pub fn has_own(&self, id: &str) -> bool {
        message_ids(&source_ftl(self.lang)).iter().any(|m| m == id)
    }
}

/// A value passed into a message.
#[derive(Debug, Clone)]
pub enum FluentArg {
    Text(String),
    Number(i64),
}

impl FluentArg {
    fn to_fluent(&self) -> FluentValue<'static> {
        match self {
            FluentArg::Text(s) => FluentValue::from(s.clone()),
            FluentArg::Number(n) => FluentValue::from(*n),
        }
    }
}

// `FILES` and `ftl_sources`, from the files found in `locales/` (see build.rs).
include!(concat!(env!("OUT_DIR"), "/ftl_files.rs"));

/// The Fluent sources of one language (all its files), for checks that every
/// language has the same ids.
pub fn source_ftl(lang: Lang) -> String {
    ftl_sources(lang).join("\n")
}

/// The message ids defined in a Fluent source (top-level `id =` lines).
pub fn message_ids(ftl: &str) -> Vec<String> {
    ftl.lines()
        .filter(|l| !l.starts_with([' ', '\t', '#', '.', '-', '[', '*', '}']))
        .filter_map(|l| l.split_once('=').map(|(id, _)| id.trim().to_string()))
        .filter(|id| {
            !id.is_empty()
                && id
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_from_accept_language() {
        assert_eq!(Lang::negotiate("fr-CH, fr;q=0.9, en;q=0.8"), Some(Lang::Fr));
        assert_eq!(Lang::negotiate("de, ar;q=0.5, en;q=0.3"), Some(Lang::Ar));
        assert_eq!(Lang::negotiate("zh-Hans-CN"), Some(Lang::Zh));
        assert_eq!(Lang::negotiate("de, it"), None);
        assert_eq!(Lang::negotiate("ru;q=0, es"), Some(Lang::Es));
        assert_eq!(Lang::negotiate(""), None);
    }

    #[test]
    fn arabic_is_right_to_left() {
        assert_eq!(Lang::Ar.dir(), "rtl");
        assert_eq!(Lang::En.dir(), "ltr");
    }

    #[test]
    fn every_language_parses_and_has_every_english_message() {
        let english = message_ids(&source_ftl(Lang::En));
        // Every variable any English message uses, so that each message resolves fully.
        let mut variables: Vec<String> = source_ftl(Lang::En)
            .split('$')
            .skip(1)
            .map(|rest| {
                rest.chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-')
                    .collect()
            })
            .collect();
        variables.sort();
        variables.dedup();
        assert!(
            english.len() > 20,
            "too few English messages: {}",
            english.len()
        );
        for lang in Lang::ALL {
            let ids = message_ids(&source_ftl(lang));
            let mut unique = ids.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(
                unique.len(),
                ids.len(),
                "{} defines an id twice",
                lang.code()
            );
            for id in &ids {
                assert!(
                    english.contains(id),
                    "{} defines {id} which English lacks",
                    lang.code()
                );
            }
            let tr = Translator::new(lang);
            for id in &english {
                // Every variable any message uses, so that each resolves fully.
                let args: Vec<(&str, FluentArg)> = variables
                    .iter()
                    .map(|name| (name.as_str(), FluentArg::Number(3)))
                    .collect();
                assert_ne!(
                    tr.t_args(id, &args),
                    *id,
                    "{} cannot resolve {id}",
                    lang.code()
                );
                assert!(tr.has_own(id), "{} has no translation of {id}", lang.code());
            }
        }
    }

    #[test]
    fn arguments_and_plurals_fill_in() {
        let en = Translator::new(Lang::En);
        assert!(en.tn("login-locked", "minutes", 1).contains('1'));
        assert!(en
            .tn("account-token-days-invalid", "max", 365)
            .contains("365"));
        let ar = Translator::new(Lang::Ar);
        assert_ne!(
            ar.tn("login-locked", "minutes", 5),
            en.tn("login-locked", "minutes", 5)
        );
    }
}
