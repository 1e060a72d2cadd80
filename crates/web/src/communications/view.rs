//! What the communications pages share: a TLP label as TLP 2.0 shows it,
//! the names of States, times, and a communication's refusals as the form
//! shows them.

use crate::http::error::AppError;
use crate::http::form_errors::FormErrors;
use crate::http::page::PageCtx;
use crate::state::AppState;
use pocdir_communications::CommError;
use pocdir_domain::communication::e2e::E2eProblem;
use pocdir_domain::communication::tlp::TlpLabel;
use std::collections::BTreeMap;

/// A TLP label as the pages show it: `TLP:AMBER+STRICT` in capitals,
/// never translated, in its colour on black; its meaning in the reader's
/// language beside it.
#[derive(Debug, Clone)]
pub struct TlpView {
    /// `TLP:AMBER+STRICT`.
    pub label: &'static str,
    /// The form's value: `AMBER+STRICT`.
    pub code: &'static str,
    pub class: &'static str,
    pub meaning: String,
    pub amber: bool,
    pub red: bool,
}

impl TlpView {
    pub fn of(page: &PageCtx, label: TlpLabel) -> TlpView {
        TlpView {
            label: label.as_str(),
            code: label.code(),
            class: label.css_class(),
            meaning: page.t(label.meaning_message()),
            amber: label == TlpLabel::Amber,
            red: label == TlpLabel::Red,
        }
    }

    /// The form's value as an element id: `amber-strict`.
    pub fn slug(&self) -> String {
        self.code.to_ascii_lowercase().replace('+', "-")
    }
}

/// Every participant's name in the reader's language, by code (one query).
pub async fn state_names(
    state: &AppState,
    page: &PageCtx,
) -> Result<BTreeMap<String, String>, AppError> {
    Ok(state
        .store
        .participants()
        .await?
        .into_iter()
        .map(|p| {
            let name = p.names.in_language(page.lang.code()).to_string();
            (p.code, name)
        })
        .collect())
}

/// A State's name from `names`, or its code.
pub fn name_of(names: &BTreeMap<String, String>, code: &str) -> String {
    names.get(code).cloned().unwrap_or_else(|| code.to_string())
}

/// A moment as its writer gave it: `2027-01-15 09:00 (Europe/Berlin)`.
pub fn zoned(page: &PageCtx, t: &pocdir_domain::communication::template::ZonedTime) -> String {
    page.tr.t_args(
        "comm-page-zoned-time",
        &[
            (
                "time",
                pocdir_i18n::FluentArg::Text(t.local.replace('T', " ")),
            ),
            ("zone", pocdir_i18n::FluentArg::Text(t.zone.clone())),
        ],
    )
}

/// A file's size in KB or MB, in the reader's language.
pub fn file_size(page: &PageCtx, bytes: i64) -> String {
    if bytes >= 1024 * 1024 {
        page.tr
            .tn("comm-page-size-mb", "size", bytes / (1024 * 1024))
    } else {
        page.tr
            .tn("comm-page-size-kb", "size", (bytes + 1023) / 1024)
    }
}

/// A moment in the reader's language.
pub fn when(page: &PageCtx, t: time::OffsetDateTime) -> String {
    crate::http::format::local::minute(&page.tr, t)
}

/// The label of a form field, for the error summary.
pub fn field_label(page: &PageCtx, field: &str) -> String {
    let id = match field {
        "kind" => "comm-page-field-kind",
        "urgency" => "comm-page-field-urgency",
        "tlp" => "comm-page-field-tlp",
        "to" | "states" | "accounts" => "comm-page-field-to",
        "subject" => "comm-field-subject",
        "started_local" | "started_zone" => "comm-field-started",
        "detected_local" | "detected_zone" => "comm-field-detected",
        "sectors" => "comm-field-sectors",
        "impact" => "comm-field-impact",
        "requested_action" => "comm-field-requested-action",
        "respond_by_local" | "respond_by_zone" => "comm-field-respond-by",
        "text" => "comm-page-field-text",
        "text_language" => "comm-page-field-text-language",
        "attachments" => "comm-page-field-attachments",
        "e2e" => "comm-e2e-legend",
        _ => "comm-page-field-to",
    };
    page.t(id)
}

/// A refusal the form shows beside its fields; any other error is given
/// back to become an error page.
pub fn form_errors(page: &PageCtx, e: CommError) -> Result<FormErrors, CommError> {
    let mut errors = FormErrors::default();
    match e {
        CommError::Invalid(list) => {
            for f in list {
                errors.add(&f.field, field_label(page, &f.field), page.t(f.message_id));
            }
        }
        CommError::Addressing(problem) => {
            errors.add("to", field_label(page, "to"), page.t(problem.message_id()));
        }
        CommError::Tlp(refusal) => {
            errors.add("to", field_label(page, "to"), page.t(refusal.message_id()));
        }
        CommError::E2e(problem) => {
            errors.add("e2e", field_label(page, "e2e"), e2e_message(page, &problem));
        }
        other => return Err(other),
    }
    errors.order_by(&FORM_ORDER);
    Ok(errors)
}

/// The compose form's fields in their order (for the error summary).
/// An end-to-end refusal in the reader's language, naming each person
/// concerned (with the reason, for a missing or unusable key).
pub fn e2e_message(page: &PageCtx, problem: &E2eProblem) -> String {
    let names = match problem {
        E2eProblem::Keys(people) => people
            .iter()
            .map(|(name, why)| format!("{name} ({})", page.t(why.message_id())))
            .collect::<Vec<_>>()
            .join(", "),
        other => other.names().join(", "),
    };
    let position = problem.file_position().unwrap_or(0);
    page.tr.t_args(
        problem.message_id(),
        &[
            ("names", pocdir_i18n::FluentArg::Text(names)),
            (
                "n",
                pocdir_i18n::FluentArg::Number(i64::try_from(position).unwrap_or(i64::MAX)),
            ),
        ],
    )
}

pub const FORM_ORDER: [&str; 21] = [
    "kind",
    "urgency",
    "tlp",
    "to",
    "states",
    "accounts",
    "subject",
    "started_local",
    "started_zone",
    "detected_local",
    "detected_zone",
    "sectors",
    "impact",
    "requested_action",
    "respond_by_local",
    "respond_by_zone",
    "text",
    "text_language",
    "attachments",
    "e2e",
    "label",
];
