//! The log's entries as sentences in the reader's language ("Ayesha
//! Malik read the entry of the technical PoC of Pakistan."), with the
//! names of the accounts and States they concern and links to the
//! objects. A plain function of an entry and the names the page looked
//! up, without I/O; the audit page, and any other page that lists
//! entries, looks the names up once and calls it.

use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::poc::PocRole;
use pocdir_domain::log::entry::LogEntry;
use pocdir_i18n::{FluentArg, Translator};
use std::collections::HashMap;

/// A piece of a sentence: plain words, or a name (isolated on the page,
/// so that a Latin name keeps its order in Arabic text), or a link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Segment {
    pub text: String,
    /// A name the page isolates with `<bdi>`.
    pub name: bool,
    pub href: Option<String>,
}

impl Segment {
    fn words(text: &str) -> Segment {
        Segment {
            text: text.to_string(),
            name: false,
            href: None,
        }
    }
}

/// An account as the sentences name it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AccountName {
    pub display_name: String,
    pub kind: AccountKind,
    pub participant: Option<String>,
    /// Whether the reader may see the person's name: the policy's view of
    /// the account's State (the auditor sees the directory without people,
    /// so not a PoC's name).
    pub shown: bool,
}

/// What the page knows of the objects its entries name.
#[derive(Debug, Clone, Default)]
pub struct Names {
    pub accounts: HashMap<i64, AccountName>,
    /// A PoC's role and State.
    pub pocs: HashMap<i64, (PocRole, String)>,
    /// A State's name in the reader's language, by code.
    pub states: HashMap<String, String>,
}

impl Names {
    fn state(&self, code: &str) -> String {
        self.states
            .get(code)
            .cloned()
            .unwrap_or_else(|| code.to_string())
    }
}

/// The ids an entry's object names (`poc:12`, `participant:PAK/pocs`).
pub fn object_ref(object: &str) -> Option<(&str, &str)> {
    let head = object.split('/').next().unwrap_or(object);
    head.split_once(':')
}

/// Marks where the actor and the object go in a translated sentence:
/// characters of Unicode's private use area, which no message holds.
const ACTOR: &str = "\u{E000}";
const OBJECT: &str = "\u{E001}";

fn text(s: &str) -> FluentArg {
    FluentArg::Text(s.to_string())
}

/// Who acted, as the sentences name them (a name only where `names` says
/// the reader may see it).
pub fn actor(tr: &Translator, e: &LogEntry, names: &Names) -> Segment {
    let kind_of = |kind: AccountKind, participant: Option<&str>, id: i64| match participant {
        Some(p) => tr.t_args(
            "values-actor-kind-of",
            &[
                ("kind", text(&tr.t(kind.label_message()))),
                ("state", text(&names.state(p))),
            ],
        ),
        None => tr.t_args(
            "values-actor-numbered",
            &[
                ("kind", text(&tr.t(kind.label_message()))),
                ("id", text(&id.to_string())),
            ],
        ),
    };
    let Some(id) = e.actor_account_id else {
        let id = match e.actor_kind.as_str() {
            "console" => "values-actor-console",
            // Asked for a password reset before signing in.
            "anonymous" => "values-actor-anonymous",
            _ => "values-actor-system",
        };
        return Segment::words(&tr.t(id));
    };
    let text = match names.accounts.get(&id) {
        Some(a) if a.shown && !a.display_name.trim().is_empty() => a.display_name.clone(),
        Some(a) => kind_of(a.kind, a.participant.as_deref(), id),
        None => match e.actor_kind.parse::<AccountKind>() {
            Ok(kind) => kind_of(kind, e.actor_participant.as_deref(), id),
            Err(_) => format!("{} #{id}", e.actor_kind),
        },
    };
    Segment {
        text,
        name: true,
        href: None,
    }
}

fn object(tr: &Translator, e: &LogEntry, names: &Names) -> Segment {
    let numbered = |id_msg: &str, id: &str| Segment::words(&tr.t_args(id_msg, &[("id", text(id))]));
    let Some((kind, id)) = object_ref(&e.object) else {
        return match e.object.trim() {
            "" => Segment::words(&tr.t("values-object-none")),
            other => Segment {
                text: other.to_string(),
                name: true,
                href: None,
            },
        };
    };
    match kind {
        "poc" => {
            let text = match id.parse::<i64>().ok().and_then(|n| names.pocs.get(&n)) {
                Some((role, code)) => tr.t_args(
                    match role {
                        PocRole::Technical => "values-object-poc-technical",
                        PocRole::Diplomatic => "values-object-poc-diplomatic",
                    },
                    &[("state", text(&names.state(code)))],
                ),
                None => tr.t_args("values-object-poc", &[("id", text(id))]),
            };
            Segment {
                text,
                name: false,
                href: Some(format!("/pocs/{id}")),
            }
        }
        "participant" => Segment {
            text: names.state(id),
            name: true,
            href: Some(format!("/participants/{id}")),
        },
        "account" => match id.parse::<i64>().ok().and_then(|n| names.accounts.get(&n)) {
            Some(a) if a.shown && !a.display_name.trim().is_empty() => Segment {
                text: a.display_name.clone(),
                name: true,
                href: None,
            },
            _ => numbered("values-object-account", id),
        },
        "token" => numbered("values-object-token", id),
        "invitation" => numbered("values-object-invitation", id),
        "security_key" => numbered("values-object-security-key", id),
        "mail" => numbered("values-object-mail", id),
        "sealing_key" => numbered("values-object-sealing-key", id),
        "log_key" => numbered("values-object-log-key", id),
        "ping_test" => numbered("values-object-ping-test", id),
        "ping_challenge" => numbered("values-object-ping-challenge", id),
        "reporter" => numbered("reporters-object", id),
        "crisis_pack" => numbered("crisis-pack-object", id),
        "report" => numbered("reports-object", id),
        "taxii_collection" => numbered("taxii-object-collection", id),
        "exercise" => numbered("exercise-object", id),
        "capacity_request" => numbered("capacity-object", id),
        "lexicon_concept" => Segment {
            text: tr.t_args("lexicon-object", &[("id", text(id))]),
            name: false,
            href: Some(format!("/lexicon/concepts/{id}")),
        },
        "lexicon" => Segment {
            text: tr.t("lexicon-object-all"),
            name: false,
            href: Some("/lexicon".to_owned()),
        },
        "library_document" => Segment {
            text: tr.t_args("library-object", &[("id", text(id))]),
            name: false,
            href: Some(format!("/library/{id}")),
        },
        "learning_module" => Segment {
            text: tr.t_args("learning-object", &[("id", text(id))]),
            name: false,
            href: Some(format!("/learning/{id}")),
        },
        _ => Segment {
            text: e.object.clone(),
            name: true,
            href: None,
        },
    }
}

/// The Fluent id of an action's sentence: `poc.propose_update` →
/// `values-log-poc-propose-update`.
pub fn sentence_id(action: &str) -> String {
    format!("values-log-{}", action.replace(['.', '_'], "-"))
}

/// The entry as a sentence in the reader's language; an action this
/// version has no sentence for is still told, with its stored name.
pub fn sentence(tr: &Translator, e: &LogEntry, names: &Names) -> Vec<Segment> {
    let id = sentence_id(&e.action);
    let args = [
        ("actor", text(ACTOR)),
        ("object", text(OBJECT)),
        ("action", text(&e.action)),
    ];
    let mut said = tr.t_args(&id, &args);
    if said == id {
        said = tr.t_args("values-log-other", &args);
    }
    let (who, what) = (actor(tr, e, names), object(tr, e, names));
    let mut out = Vec::new();
    for (i, part) in said.split(ACTOR).enumerate() {
        if i > 0 {
            out.push(who.clone());
        }
        for (j, piece) in part.split(OBJECT).enumerate() {
            if j > 0 {
                out.push(what.clone());
            }
            if !piece.is_empty() {
                out.push(Segment::words(piece));
            }
        }
    }
    out
}

/// The sentence as plain text (for tests and for places without links).
pub fn plain(segments: &[Segment]) -> String {
    segments.iter().map(|s| s.text.as_str()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use pocdir_domain::log::action::LogAction;
    use pocdir_i18n::Lang;

    fn entry(action: &str, actor: Option<i64>, kind: &str, object: &str) -> LogEntry {
        LogEntry {
            index: 1,
            at: 0,
            actor_account_id: actor,
            actor_kind: kind.into(),
            actor_participant: Some("PAK".into()),
            action: action.into(),
            object: object.into(),
            participant: Some("FRA".into()),
            content_hash: String::new(),
        }
    }

    fn names(shown: bool) -> Names {
        let mut n = Names::default();
        n.accounts.insert(
            5,
            AccountName {
                display_name: "Ayesha Malik".into(),
                kind: AccountKind::TechnicalPoc,
                participant: Some("PAK".into()),
                shown,
            },
        );
        n.accounts.insert(
            1,
            AccountName {
                display_name: "Hana Sato".into(),
                kind: AccountKind::Secretariat,
                participant: None,
                shown: true,
            },
        );
        n.pocs.insert(12, (PocRole::Technical, "FRA".into()));
        n.states.insert("FRA".into(), "France".into());
        n.states.insert("PAK".into(), "Pakistan".into());
        n
    }

    #[test]
    fn every_action_has_a_sentence_in_six_languages() {
        for lang in Lang::ALL {
            let tr = Translator::new(lang);
            for action in LogAction::ALL {
                let id = sentence_id(action.as_str());
                assert!(tr.has_own(&id), "{id} missing in {lang:?}");
                let s = plain(&sentence(
                    &tr,
                    &entry(action.as_str(), Some(5), "technical_poc", "poc:12"),
                    &names(true),
                ));
                assert!(!s.contains('\u{E000}') && !s.contains('\u{E001}'), "{s}");
                assert!(s.contains("Ayesha Malik"), "{lang:?} {action}: {s}");
            }
        }
    }

    #[test]
    fn a_read_is_told_with_names_and_links_in_several_languages() {
        let e = entry("poc.read", Some(5), "technical_poc", "poc:12");
        let cases = [
            (
                Lang::En,
                "Ayesha Malik read the entry of the technical PoC of France.",
            ),
            (
                Lang::Fr,
                "Ayesha Malik a consulté la fiche du point de contact technique de France.",
            ),
            (Lang::Zh, "Ayesha Malik 查阅了France的技术联络点的条目。"),
            (
                Lang::Ar,
                "اطّلع Ayesha Malik على سجل جهة الاتصال التقنية في France.",
            ),
        ];
        for (lang, want) in cases {
            let s = sentence(&Translator::new(lang), &e, &names(true));
            assert_eq!(plain(&s), want, "{lang:?}");
            let link = s.iter().find(|s| s.href.is_some()).unwrap();
            assert_eq!(link.href.as_deref(), Some("/pocs/12"));
            let name = s.iter().find(|s| s.text == "Ayesha Malik").unwrap();
            assert!(name.name);
        }
    }

    #[test]
    fn a_name_the_reader_may_not_see_is_not_told() {
        // The auditor sees the directory without people.
        let e = entry("poc.read", Some(5), "technical_poc", "poc:12");
        let s = plain(&sentence(&Translator::new(Lang::En), &e, &names(false)));
        assert_eq!(
            s,
            "Technical point of contact of Pakistan read the entry of the technical PoC of France."
        );
        assert!(!s.contains("Ayesha"));
    }

    #[test]
    fn the_secretariat_is_named_and_states_are_linked() {
        let e = entry(
            "participant.status",
            Some(1),
            "secretariat",
            "participant:FRA",
        );
        let s = sentence(&Translator::new(Lang::En), &e, &names(true));
        assert_eq!(plain(&s), "Hana Sato changed the participation of France.");
        assert!(s
            .iter()
            .any(|s| s.href.as_deref() == Some("/participants/FRA")));
        // A refusal names what was asked for, up to its first `/`.
        let e = entry(
            "access.refused",
            Some(1),
            "secretariat",
            "participant:FRA/pocs",
        );
        let s = sentence(&Translator::new(Lang::Ru), &e, &names(true));
        assert_eq!(plain(&s), "Hana Sato: отказано в доступе (France).");
    }

    #[test]
    fn accounts_unknown_to_the_page_and_the_console_are_still_told() {
        let tr = Translator::new(Lang::En);
        let mut e = entry("session.sign_in", Some(9), "secretariat", "account:9");
        e.actor_participant = None;
        assert_eq!(
            plain(&sentence(&tr, &e, &Names::default())),
            "Secretariat #9 signed in."
        );
        let e = LogEntry {
            actor_account_id: None,
            actor_kind: "console".into(),
            ..entry("account.create", None, "console", "account:9")
        };
        assert_eq!(
            plain(&sentence(&tr, &e, &Names::default())),
            "An operator at the console created the account #9."
        );
        // Actions of the accounts and security keys parts.
        let e = LogEntry {
            actor_account_id: None,
            actor_kind: "anonymous".into(),
            ..entry(
                "account.password_reset_request",
                None,
                "anonymous",
                "account:9",
            )
        };
        assert_eq!(
            plain(&sentence(&tr, &e, &Names::default())),
            "Someone not signed in asked for a new password for the account #9."
        );
        let e = entry(
            "security_key.remove",
            Some(1),
            "secretariat",
            "security_key:3",
        );
        assert_eq!(
            plain(&sentence(&tr, &e, &names(true))),
            "Hana Sato removed security key #3."
        );
        // An action of a later version: told with its stored name.
        let e = entry("ping.answer", Some(1), "secretariat", "");
        assert_eq!(
            plain(&sentence(&tr, &e, &names(true))),
            "Hana Sato: “ping.answer” on —."
        );
    }
}
