//! The pages of nomination and verification: the nominator's forms to
//! propose, update, withdraw and re-confirm its State's PoCs, the
//! secretariat's verification queue, and the re-validation dashboard.
//! They share the API's rules (`crate::pocs`), so a form and a script can
//! never do different things.

use crate::directory::details::role_label;
use crate::directory::pocs::{change_poc, nominate_poc, refuse, Change, PocChange};
use crate::directory::values;
use crate::http::error::AppError;
use crate::http::extract::{FormData, PathParams};
use crate::http::form_errors::FormErrors;
use crate::http::format::local;
use crate::http::identity::SignedIn;
use crate::http::page::{render, safe_next, see_other_done, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_domain::account::AccountKind;
use pocdir_domain::directory::poc::{PendingAction, PhoneDraft, PocDetails, PocDraft, PocStatus};
use pocdir_domain::policy::may_nominate_for;
use pocdir_store::Poc;
use serde::Deserialize;

/// The PoC form as posted. Lists are typed one item per line (e-mails,
/// secure channels) or separated by commas (languages); phones have three
/// rows of number and use.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(default)]
pub struct PocForm {
    pub role: String,
    pub name: String,
    pub title: String,
    pub organisation: String,
    pub emails: String,
    pub phone1: String,
    pub phone1_use: String,
    pub phone2: String,
    pub phone2_use: String,
    pub phone3: String,
    pub phone3_use: String,
    pub secure_channels: String,
    /// Tags separated by commas or spaces (forms before the picker, and
    /// scripts); the page itself sends one language per box below.
    pub languages: String,
    /// The language boxes of the picker: a picked choice, a name or a tag each.
    pub language1: String,
    pub language2: String,
    pub language3: String,
    pub language4: String,
    pub language5: String,
    pub language6: String,
    /// An IANA name, from the picker.
    pub time_zone: String,
    pub hours: String,
    pub notes: String,
    /// ASCII-armored; empty for none.
    pub openpgp_key: String,
    /// The version edited (updates only).
    pub version: Option<i64>,
}

fn lines(s: &str) -> Vec<String> {
    s.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

impl PocForm {
    pub fn to_draft(&self) -> PocDraft {
        let phones = [
            (&self.phone1, &self.phone1_use),
            (&self.phone2, &self.phone2_use),
            (&self.phone3, &self.phone3_use),
        ]
        .into_iter()
        .filter(|(n, _)| !n.trim().is_empty())
        .map(|(n, u)| PhoneDraft {
            number: n.clone(),
            phone_use: u.clone(),
        })
        .collect();
        PocDraft {
            role: self.role.clone(),
            name: self.name.clone(),
            title: self.title.clone(),
            organisation: self.organisation.clone(),
            emails: lines(&self.emails),
            phones,
            secure_channels: lines(&self.secure_channels),
            languages: self.picked_languages(),
            time_zone: self.time_zone.clone(),
            hours: self.hours.clone(),
            notes: self.notes.clone(),
            openpgp_key: self.openpgp_key.clone(),
        }
    }

    /// The boxes of the language picker, in order.
    pub fn language_boxes(&self) -> [&str; LANGUAGE_BOXES] {
        [
            &self.language1,
            &self.language2,
            &self.language3,
            &self.language4,
            &self.language5,
            &self.language6,
        ]
    }

    /// The languages as BCP 47 tags: each box resolved (a choice, a name
    /// in any of the six languages, a tag; a box may hold several tags
    /// separated by commas), then the tags of the `languages` field. A box
    /// that names no language becomes an empty tag, which the rules refuse
    /// for that field, so that nothing is stored that was not meant.
    fn picked_languages(&self) -> Vec<String> {
        let mut out = Vec::new();
        for typed in self.language_boxes() {
            let typed = typed.trim();
            if typed.is_empty() {
                continue;
            }
            match values::resolve_language(typed) {
                Some(tag) => out.push(tag),
                None => out.extend(
                    typed
                        .split(',')
                        .map(|part| values::resolve_language(part).unwrap_or_default()),
                ),
            }
        }
        out.extend(
            self.languages
                .split([',', ' ', '\n'])
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(|l| values::resolve_language(l).unwrap_or_else(|| l.to_string())),
        );
        out
    }

    pub fn from_details(d: &PocDetails, version: i64) -> PocForm {
        let phone = |i: usize| {
            d.phones
                .get(i)
                .map(|(n, u)| {
                    let u = serde_json::to_value(u)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default();
                    (n.clone(), u)
                })
                .unwrap_or_default()
        };
        let (phone1, phone1_use) = phone(0);
        let (phone2, phone2_use) = phone(1);
        let (phone3, phone3_use) = phone(2);
        PocForm {
            role: d.role.as_str().to_string(),
            name: d.name.clone(),
            title: d.title.clone(),
            organisation: d.organisation.clone(),
            emails: d.emails.join("\n"),
            phone1,
            phone1_use,
            phone2,
            phone2_use,
            phone3,
            phone3_use,
            secure_channels: d.secure_channels.join("\n"),
            languages: d.languages.join(", "),
            time_zone: d.time_zone.clone(),
            hours: d.hours.clone(),
            notes: d.notes.clone(),
            // Editing keeps the key unless the nominator changes it.
            openpgp_key: d
                .openpgp
                .as_ref()
                .map(|k| k.armored.clone())
                .unwrap_or_default(),
            version: Some(version),
            // The boxes show the tags of `languages`, one each.
            ..PocForm::default()
        }
    }
}

/// How many languages the picker offers boxes for (a PoC may have more:
/// the last box then holds the rest, separated by commas).
pub const LANGUAGE_BOXES: usize = 6;

/// One box of the language picker as the form shows it.
pub struct LanguageBox {
    pub name: String,
    pub value: String,
    pub label: String,
}

/// The form field that shows the error of an API field (`emails[1]` → `emails`).
fn form_field(api_field: &str) -> String {
    if let Some(rest) = api_field.strip_prefix("phones[") {
        let i: usize = rest
            .split(']')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap_or(0);
        return format!("phone{}", i + 1);
    }
    api_field
        .split(['[', '.'])
        .next()
        .unwrap_or(api_field)
        .to_string()
}

#[derive(Template)]
#[template(path = "directory/poc_form.html")]
pub struct PocFormPage {
    pub page: PageCtx,
    pub action: String,
    pub heading: String,
    pub participant_name: String,
    pub form: PocForm,
    /// Editing: the role is fixed.
    pub editing: bool,
    pub errors: FormErrors,
    /// A problem that is no one field's (e.g. changed since read).
    pub error: Option<String>,
    /// When the page is shown: the pickers' UTC offsets are today's.
    pub now: time::OffsetDateTime,
}

/// The fields of the PoC form, in order, with the message of each label.
const FORM_FIELDS: [(&str, &str); 15] = [
    ("role", "directory-filter-role"),
    ("name", "poc-field-name"),
    ("title", "poc-field-title"),
    ("organisation", "poc-field-organisation"),
    ("emails", "poc-field-emails"),
    ("phone1", "poc-field-phones"),
    ("phone2", "poc-field-phones"),
    ("phone3", "poc-field-phones"),
    ("phones", "poc-field-phones"),
    ("secure_channels", "poc-field-secure-channels"),
    ("languages", "poc-field-languages"),
    ("time_zone", "poc-field-time-zone"),
    ("hours", "poc-field-hours"),
    ("notes", "poc-field-notes"),
    ("openpgp_key", "poc-field-openpgp-key"),
];

/// The words a form shows for a field error whose API message speaks to
/// programmers (standards' names, values to type): plain words instead.
fn plain_words(message_id: &'static str) -> &'static str {
    match message_id {
        "poc-error-role" => "forms-error-role",
        "poc-error-phone" => "forms-error-phone",
        "poc-error-phone-use" => "forms-error-phone-use",
        // The form offers pickers: say to pick, not what to type.
        "poc-error-language" => "values-error-language",
        "poc-error-time-zone" => "values-error-time-zone",
        other => other,
    }
}

impl PocFormPage {
    /// The language boxes with what they hold: a tag stored or typed
    /// earlier shows as its choice ("French — français (fr)").
    pub fn language_boxes(&self) -> Vec<LanguageBox> {
        let tr = &self.page.tr;
        let mut held: Vec<String> = self
            .form
            .language_boxes()
            .iter()
            .map(|b| b.to_string())
            .collect();
        if held.iter().all(|b| b.trim().is_empty()) {
            // Details being edited, or a form of tags: one language per box.
            let tags: Vec<&str> = self
                .form
                .languages
                .split([',', ' ', '\n'])
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect();
            held = vec![String::new(); LANGUAGE_BOXES];
            for (i, tag) in tags.iter().enumerate() {
                let i = i.min(LANGUAGE_BOXES - 1);
                if let Some(slot) = held.get_mut(i) {
                    if !slot.is_empty() {
                        slot.push_str(", ");
                    }
                    slot.push_str(tag);
                }
            }
        }
        held.into_iter()
            .enumerate()
            .map(|(i, value)| {
                let value = if value.contains(',') || value.contains('(') {
                    value
                } else {
                    values::shown_in_box(tr, value.trim())
                };
                LanguageBox {
                    name: format!("language{}", i + 1),
                    label: tr.t1("values-language-slot", "n", &(i + 1).to_string()),
                    value,
                }
            })
            .collect()
    }

    pub fn language_choices(&self) -> Vec<String> {
        values::language_choices(&self.page.tr)
    }

    pub fn zone_groups(&self) -> Vec<values::ZoneGroup> {
        values::zone_groups(&self.page.tr, self.now, &self.form.time_zone)
    }

    pub fn err(&self, field: &str) -> &str {
        self.errors.get(field)
    }

    /// The attributes that tie a field to its error, if it has one.
    pub fn aria(&self, field: &str) -> String {
        if self.errors.has(field) {
            format!(" aria-invalid=\"true\" aria-describedby=\"error-{field}\"")
        } else {
            String::new()
        }
    }

    pub fn phone_use_selected(&self, slot: &str, value: &str) -> bool {
        let current = match slot {
            "1" => &self.form.phone1_use,
            "2" => &self.form.phone2_use,
            _ => &self.form.phone3_use,
        };
        current == value
    }
}

async fn participant_name(
    state: &AppState,
    page: &PageCtx,
    code: &str,
) -> Result<String, AppError> {
    Ok(state
        .store
        .participant(code)
        .await?
        .ok_or_else(AppError::not_found)?
        .names
        .in_language(page.lang.code())
        .to_string())
}

/// The form again, with what was typed and what is wrong with it: each
/// error beside its field and in the summary at the top, in form order.
fn form_again(mut p: PocFormPage, e: AppError) -> Response {
    let status = e.status;
    for (field, id) in &e.fields {
        let field = form_field(field);
        let label = FORM_FIELDS
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, label)| p.page.t(label))
            .unwrap_or_else(|| field.clone());
        let message = p.page.t(plain_words(id));
        p.errors.add(&field, label, message);
    }
    p.errors.order_by(&FORM_FIELDS.map(|(f, _)| f));
    if e.fields.is_empty() {
        p.error = Some(e.message(p.page.lang));
    }
    render(status, &p)
}

pub async fn nominate_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(code): PathParams<String>,
) -> Result<Response, AppError> {
    let code = code.trim().to_ascii_uppercase();
    if !may_nominate_for(&me.actor, &code) {
        return Err(refuse(&state, &me, &format!("participant:{code}/nominate"), &code).await);
    }
    let participant_name = participant_name(&state, &page, &code).await?;
    Ok(render(
        StatusCode::OK,
        &PocFormPage {
            action: format!("/participants/{code}/nominate"),
            heading: page.t("nominate-title"),
            participant_name,
            form: PocForm {
                role: "technical".into(),
                hours: "Mon-Fri 09:00-17:00".into(),
                phone1_use: "office".into(),
                phone2_use: "mobile".into(),
                phone3_use: "24x7".into(),
                ..PocForm::default()
            },
            editing: false,
            errors: FormErrors::default(),
            error: None,
            now: state.clock.now(),
            page,
        },
    ))
}

pub async fn nominate_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(code): PathParams<String>,
    FormData(form): FormData<PocForm>,
) -> Result<Response, AppError> {
    let code = code.trim().to_ascii_uppercase();
    match nominate_poc(&state, &me, &code, &form.to_draft()).await {
        Ok(poc) => Ok(see_other_done(
            &safe_next(Some(&format!("/pocs/{}", poc.id)), "/"),
            "done-nominated",
        )),
        Err(e) if e.status == StatusCode::UNPROCESSABLE_ENTITY => {
            let participant_name = participant_name(&state, &page, &code).await?;
            Ok(form_again(
                PocFormPage {
                    action: format!("/participants/{code}/nominate"),
                    heading: page.t("nominate-title"),
                    participant_name,
                    form,
                    editing: false,
                    errors: FormErrors::default(),
                    error: None,
                    now: state.clock.now(),
                    page,
                },
                e,
            ))
        }
        Err(e) => Err(e),
    }
}

/// The PoC a nominator may change, or the refusal (logged).
pub(crate) async fn own_poc(state: &AppState, me: &SignedIn, id: i64) -> Result<Poc, AppError> {
    let poc = state.store.poc(id).await?.ok_or_else(AppError::not_found)?;
    if !may_nominate_for(&me.actor, &poc.participant) {
        return Err(refuse(state, me, &format!("poc:{id}"), &poc.participant).await);
    }
    Ok(poc)
}

fn editable_details(poc: &Poc) -> Result<Option<PocDetails>, AppError> {
    // A nomination not yet verified is amended; an active PoC gets a proposal.
    Ok(match poc.pending_action {
        Some(PendingAction::Create | PendingAction::Update) => poc.pending_details()?,
        _ => poc.active_details()?,
    })
}

pub async fn edit_form(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let poc = own_poc(&state, &me, id).await?;
    let details = editable_details(&poc)?.ok_or_else(AppError::not_found)?;
    let participant_name = participant_name(&state, &page, &poc.participant).await?;
    Ok(render(
        StatusCode::OK,
        &PocFormPage {
            action: format!("/pocs/{id}/edit"),
            heading: page.t("poc-edit-title"),
            participant_name,
            form: PocForm::from_details(&details, poc.version),
            editing: true,
            errors: FormErrors::default(),
            error: None,
            now: state.clock.now(),
            page,
        },
    ))
}

pub async fn edit_submit(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(mut form): FormData<PocForm>,
) -> Result<Response, AppError> {
    let poc = own_poc(&state, &me, id).await?;
    // The role of a PoC is fixed; the form does not offer to change it.
    form.role = poc.role.as_str().to_string();
    let req = PocChange {
        version: form.version.unwrap_or(0),
        details: Some(form.to_draft()),
        reason: None,
    };
    match change_poc(&state, &me, id, req, Change::Update).await {
        Ok(after) => {
            // A nomination not yet verified is amended; an active PoC gets a proposal.
            let done = if after.pending_action == Some(PendingAction::Create) {
                "done-nomination-amended"
            } else {
                "done-change-proposed"
            };
            Ok(see_other_done(
                &safe_next(Some(&format!("/pocs/{id}")), "/"),
                done,
            ))
        }
        Err(e)
            if matches!(
                e.status,
                StatusCode::UNPROCESSABLE_ENTITY | StatusCode::CONFLICT
            ) =>
        {
            let participant_name = participant_name(&state, &page, &poc.participant).await?;
            Ok(form_again(
                PocFormPage {
                    action: format!("/pocs/{id}/edit"),
                    heading: page.t("poc-edit-title"),
                    participant_name,
                    form,
                    editing: true,
                    errors: FormErrors::default(),
                    error: None,
                    now: state.clock.now(),
                    page,
                },
                e,
            ))
        }
        Err(e) => Err(e),
    }
}

#[derive(Debug, Deserialize)]
pub struct VersionForm {
    pub version: i64,
}

/// Re-validation: the details still hold; back to the PoC, confirmed.
pub async fn confirm_submit(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    FormData(form): FormData<VersionForm>,
) -> Result<Response, AppError> {
    let req = PocChange {
        version: form.version,
        details: None,
        reason: None,
    };
    change_poc(&state, &me, id, req, Change::Confirm).await?;
    Ok(see_other_done(
        &safe_next(Some(&format!("/pocs/{id}")), "/"),
        "done-confirmed",
    ))
}

pub struct QueueRow {
    pub id: i64,
    pub participant: String,
    pub participant_name: String,
    pub role_label: String,
    pub action: String,
    pub name: String,
    pub since: String,
}

#[derive(Template)]
#[template(path = "directory/nominations.html")]
pub struct NominationsPage {
    pub page: PageCtx,
    pub rows: Vec<QueueRow>,
}

/// The secretariat's verification queue, oldest request first.
pub async fn queue(State(state): State<AppState>, page: PageCtx) -> Result<Response, AppError> {
    let names = participant_names(&state, &page).await?;
    let rows = state
        .store
        .pending_pocs()
        .await?
        .into_iter()
        .map(|p| {
            let proposed = match p.pending_details()? {
                Some(d) => Some(d),
                None => p.active_details()?,
            };
            Ok(QueueRow {
                id: p.id,
                participant_name: names.get(&p.participant).cloned().unwrap_or_default(),
                participant: p.participant,
                role_label: role_label(&page, p.role),
                action: p
                    .pending_action
                    .map(|a| page.t(a.label_message()))
                    .unwrap_or_default(),
                name: proposed.map(|d| d.name).unwrap_or_default(),
                since: local::day(&page.tr, p.updated_at),
            })
        })
        .collect::<Result<_, AppError>>()?;
    Ok(render(StatusCode::OK, &NominationsPage { page, rows }))
}

async fn participant_names(
    state: &AppState,
    page: &PageCtx,
) -> Result<std::collections::HashMap<String, String>, AppError> {
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

pub struct DueRow {
    pub id: i64,
    pub participant: String,
    pub participant_name: String,
    pub role_label: String,
    /// Empty when the reader sees the directory without people (the auditor).
    pub name: String,
    pub confirmed_at: String,
    pub due: String,
    /// The due date itself, to sort by.
    pub due_at: time::OffsetDateTime,
    pub days_left: i64,
    pub overdue: bool,
    pub can_confirm: bool,
    pub version: i64,
}

#[derive(Template)]
#[template(path = "directory/revalidation.html")]
pub struct RevalidationPage {
    pub page: PageCtx,
    pub every_days: i64,
    pub rows: Vec<DueRow>,
    pub overdue: i64,
    /// The State the page is limited to, if any.
    pub own_state: String,
}

/// Active PoCs by re-validation date: the secretariat and the auditor see
/// every State's, others their own State's. Overdue entries come first.
pub async fn revalidation(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
) -> Result<Response, AppError> {
    let policy = state.config.revalidation_policy();
    let every = policy.every_days;
    let now = state.clock.now();
    let whole = matches!(
        me.account.kind,
        AccountKind::Secretariat | AccountKind::Auditor
    );
    let own = me.account.participant.clone().unwrap_or_default();
    if !whole && own.is_empty() {
        return Err(AppError::forbidden());
    }
    let names = participant_names(&state, &page).await?;
    let pocs = if whole {
        state.store.active_pocs().await?
    } else {
        state
            .store
            .pocs_of(&own)
            .await?
            .into_iter()
            .filter(|p| p.status == PocStatus::Active)
            .collect()
    };
    let people = me.account.kind != AccountKind::Auditor;
    let mut rows: Vec<DueRow> = pocs
        .into_iter()
        .filter_map(|p| {
            let confirmed = p.confirmed_at?;
            let due = policy.due_date(confirmed);
            let name = if people {
                match p.active_details() {
                    Ok(d) => d.map(|d| d.name).unwrap_or_default(),
                    Err(e) => return Some(Err(AppError::from(e))),
                }
            } else {
                String::new()
            };
            Some(Ok(DueRow {
                id: p.id,
                participant_name: names.get(&p.participant).cloned().unwrap_or_default(),
                can_confirm: may_nominate_for(&me.actor, &p.participant),
                participant: p.participant,
                role_label: role_label(&page, p.role),
                name,
                confirmed_at: local::day(&page.tr, confirmed),
                due: local::day(&page.tr, due),
                due_at: due,
                days_left: (due - now).whole_days(),
                overdue: policy.is_overdue(confirmed, now),
                version: p.version,
            }))
        })
        .collect::<Result<_, AppError>>()?;
    rows.sort_by_key(|a| (a.due_at.date(), a.id));
    let overdue = i64::try_from(rows.iter().filter(|r| r.overdue).count()).unwrap_or(i64::MAX);
    Ok(render(
        StatusCode::OK,
        &RevalidationPage {
            every_days: every,
            rows,
            overdue,
            own_state: if whole { String::new() } else { own },
            page,
        },
    ))
}
