//! Help: one page per role (what the role is for, how to do each of its
//! tasks), one on one's own account, and an index with how a State joins and
//! what the labels and statuses mean. Public: nothing in it is
//! confidential, and a newcomer may read it before having an account.

use crate::http::error::AppError;
use crate::http::extract::PathParams;
use crate::http::page::{render, PageCtx};
use askama::Template;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::account::AccountKind;

/// A help page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Topic {
    Secretariat,
    Nominator,
    /// Diplomatic and technical PoCs do the same things in the portal.
    Poc,
    Auditor,
    Reporter,
    /// One's own account: signing in, the second factor, tokens.
    Account,
    /// Capacity building, shared by the roles that take part in it:
    /// requests and offers, funding, readiness, e-learning, the lexicon,
    /// the library.
    Capacity,
}

impl Topic {
    pub const ALL: [Topic; 7] = [
        Topic::Secretariat,
        Topic::Nominator,
        Topic::Poc,
        Topic::Auditor,
        Topic::Reporter,
        Topic::Account,
        Topic::Capacity,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Topic::Secretariat => "secretariat",
            Topic::Nominator => "nominator",
            Topic::Poc => "poc",
            Topic::Auditor => "auditor",
            Topic::Reporter => "reporter",
            Topic::Account => "account",
            Topic::Capacity => "capacity",
        }
    }

    pub fn href(self) -> &'static str {
        match self {
            Topic::Secretariat => "/help/secretariat",
            Topic::Nominator => "/help/nominator",
            Topic::Poc => "/help/poc",
            Topic::Auditor => "/help/auditor",
            Topic::Reporter => "/help/reporter",
            Topic::Account => "/help/account",
            Topic::Capacity => "/help/capacity",
        }
    }

    pub fn from_slug(slug: &str) -> Option<Topic> {
        Topic::ALL.into_iter().find(|t| t.slug() == slug)
    }

    /// The help of the role an account of `kind` plays.
    pub fn for_kind(kind: AccountKind) -> Topic {
        match kind {
            AccountKind::Secretariat => Topic::Secretariat,
            AccountKind::Nominator => Topic::Nominator,
            AccountKind::DiplomaticPoc | AccountKind::TechnicalPoc => Topic::Poc,
            AccountKind::Auditor => Topic::Auditor,
            AccountKind::Reporter => Topic::Reporter,
        }
    }

    /// The message id of the page's title (`help-<slug>-title`).
    pub fn title_id(self) -> &'static str {
        match self {
            Topic::Secretariat => "help-secretariat-title",
            Topic::Nominator => "help-nominator-title",
            Topic::Poc => "help-poc-title",
            Topic::Auditor => "help-auditor-title",
            Topic::Reporter => "help-reporter-title",
            Topic::Account => "help-account-title",
            Topic::Capacity => "help-capacity-title",
        }
    }

    /// The message id of what the role is for.
    pub fn purpose_id(self) -> &'static str {
        match self {
            Topic::Secretariat => "help-secretariat-purpose",
            Topic::Nominator => "help-nominator-purpose",
            Topic::Poc => "help-poc-purpose",
            Topic::Auditor => "help-auditor-purpose",
            Topic::Reporter => "help-reporter-purpose",
            Topic::Account => "help-account-purpose",
            Topic::Capacity => "help-capacity-purpose",
        }
    }

    /// Its tasks: (anchor, heading id, text id), in the order they come up.
    pub fn tasks(self) -> &'static [(&'static str, &'static str, &'static str)] {
        match self {
            Topic::Secretariat => &[
                ("verify", "help-task-verify", "help-task-verify-text"),
                (
                    "revalidation",
                    "help-task-overdue",
                    "help-task-overdue-text",
                ),
                ("import", "help-task-import", "help-task-import-text"),
                ("outbox", "help-task-outbox", "help-task-outbox-text"),
                ("refusals", "help-task-refusals", "help-task-refusals-text"),
                (
                    "communications",
                    "help-task-communications-metadata",
                    "help-task-communications-metadata-text",
                ),
                ("reporters", "reporters-help-vet", "reporters-help-vet-text"),
                (
                    "reports",
                    "reports-help-metadata",
                    "reports-help-metadata-text",
                ),
            ],
            Topic::Nominator => &[
                ("nominate", "help-task-nominate", "help-task-nominate-text"),
                ("edit", "help-task-edit", "help-task-edit-text"),
                ("withdraw", "help-task-withdraw", "help-task-withdraw-text"),
                (
                    "revalidation",
                    "help-task-confirm",
                    "help-task-confirm-text",
                ),
                ("reads", "help-task-reads", "help-task-reads-text"),
                ("state-proof", "audit-proof-help", "audit-proof-help-text"),
                ("crisis-pack", "crisis-pack-help", "crisis-pack-help-text"),
            ],
            Topic::Poc => &[
                ("search", "help-task-search", "help-task-search-text"),
                ("entry", "help-task-own-entry", "help-task-own-entry-text"),
                ("export", "help-task-export", "help-task-export-text"),
                ("crisis-pack", "crisis-pack-help", "crisis-pack-help-text"),
                ("reads", "help-task-reads", "help-task-reads-text"),
                (
                    "communications",
                    "help-task-communications",
                    "help-task-communications-text",
                ),
                (
                    "communications-send",
                    "help-task-communications-send",
                    "help-task-communications-send-text",
                ),
                (
                    "communications-read",
                    "help-task-communications-read",
                    "help-task-communications-read-text",
                ),
                (
                    "communications-reply",
                    "help-task-communications-reply",
                    "help-task-communications-reply-text",
                ),
                (
                    "communications-forward",
                    "help-task-communications-forward",
                    "help-task-communications-forward-text",
                ),
                ("end-to-end", "comm-e2e-help", "comm-e2e-help-text"),
                ("reports", "reports-help-poc", "reports-help-poc-text"),
            ],
            Topic::Auditor => &[
                ("log", "help-task-log", "help-task-log-text"),
                (
                    "verify-log",
                    "help-task-verify-log",
                    "help-task-verify-log-text",
                ),
                (
                    "revalidation",
                    "help-task-audit-due",
                    "help-task-audit-due-text",
                ),
            ],
            Topic::Reporter => &[
                ("public", "help-task-public", "help-task-public-text"),
                ("send-report", "reports-help-send", "reports-help-send-text"),
                ("reports", "reports-help-follow", "reports-help-follow-text"),
                ("apply", "reporters-help-apply", "reporters-help-apply-text"),
                (
                    "status",
                    "reporters-help-status",
                    "reporters-help-status-text",
                ),
            ],
            Topic::Account => &[
                ("sign-in", "help-task-sign-in", "help-task-sign-in-text"),
                ("recovery", "help-task-recovery", "help-task-recovery-text"),
                ("password", "help-task-password", "help-task-password-text"),
                ("tokens", "help-task-tokens", "help-task-tokens-text"),
                ("taxii", "help-task-taxii", "help-task-taxii-text"),
                ("e2e-key", "comm-e2e-help-key", "comm-e2e-help-key-text"),
            ],
            Topic::Capacity => &[
                (
                    "requests",
                    "capacity-help-requests",
                    "capacity-help-requests-text",
                ),
                (
                    "funding",
                    "capacity-help-funding",
                    "capacity-help-funding-text",
                ),
                (
                    "readiness",
                    "capacity-help-readiness",
                    "capacity-help-readiness-text",
                ),
                ("learning", "learning-help", "learning-help-text"),
                ("lexicon", "lexicon-help", "lexicon-help-text"),
                ("library", "library-help", "library-help-text"),
            ],
        }
    }
}

/// A term and what it means, for the glossary.
pub struct Term {
    pub term: String,
    pub meaning: String,
}

fn glossary(page: &PageCtx) -> Vec<Term> {
    // The statuses' own labels (as the pages show them), then what they mean.
    let pairs: [(&str, &str); 12] = [
        ("poc-status-pending", "help-term-pending"),
        ("poc-status-active", "help-term-active"),
        ("poc-status-rejected", "help-term-rejected"),
        ("poc-status-withdrawn", "help-term-withdrawn"),
        ("poc-pending-update", "help-term-pending-update"),
        ("poc-pending-withdraw", "help-term-pending-withdraw"),
        ("help-term-due-label", "help-term-due"),
        ("help-term-tlp-red-label", "help-term-tlp-red"),
        (
            "help-term-tlp-amber-strict-label",
            "help-term-tlp-amber-strict",
        ),
        ("help-term-tlp-amber-label", "help-term-tlp-amber"),
        ("help-term-tlp-green-label", "help-term-tlp-green"),
        ("help-term-tlp-clear-label", "help-term-tlp-clear"),
    ];
    pairs
        .iter()
        .map(|(term, meaning)| Term {
            term: page.t(term),
            meaning: page.t(meaning),
        })
        .collect()
}

pub struct TaskView {
    pub anchor: &'static str,
    pub heading: String,
    pub text: String,
}

pub struct TopicLink {
    pub href: &'static str,
    pub title: String,
}

#[derive(Template)]
#[template(path = "home/help.html")]
pub struct HelpPage {
    pub page: PageCtx,
    /// None on the index.
    pub title: String,
    pub purpose: String,
    pub tasks: Vec<TaskView>,
    pub topics: Vec<TopicLink>,
    pub terms: Vec<Term>,
    pub index: bool,
}

fn topics(page: &PageCtx) -> Vec<TopicLink> {
    Topic::ALL
        .into_iter()
        .map(|t| TopicLink {
            href: t.href(),
            title: page.t(t.title_id()),
        })
        .collect()
}

/// Every role's help, how a State joins, and the labels.
pub async fn index(page: PageCtx) -> Response {
    let p = HelpPage {
        title: page.t("help-title"),
        purpose: page.t("help-intro"),
        tasks: Vec::new(),
        topics: topics(&page),
        terms: glossary(&page),
        index: true,
        page,
    };
    render(StatusCode::OK, &p)
}

/// The help of one role.
pub async fn topic(
    page: PageCtx,
    PathParams(slug): PathParams<String>,
) -> Result<Response, AppError> {
    let topic = Topic::from_slug(&slug).ok_or_else(AppError::not_found)?;
    let p = HelpPage {
        title: page.t(topic.title_id()),
        purpose: page.t(topic.purpose_id()),
        tasks: topic
            .tasks()
            .iter()
            .map(|(anchor, heading, text)| TaskView {
                anchor,
                heading: page.t(heading),
                text: page.t(text),
            })
            .collect(),
        topics: topics(&page),
        terms: glossary(&page),
        index: false,
        page,
    };
    Ok(render(StatusCode::OK, &p))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_topic_and_every_topic_its_slug() {
        for kind in AccountKind::ALL {
            let t = Topic::for_kind(kind);
            assert_eq!(Topic::from_slug(t.slug()), Some(t));
            assert_eq!(t.href(), format!("/help/{}", t.slug()));
        }
        assert_eq!(Topic::from_slug("nobody"), None);
    }
}
