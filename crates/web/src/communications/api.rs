//! Communications over the JSON API: the lists, one communication, its
//! thread, its files and its export as the reader may see them, and
//! sending, replying, forwarding and acknowledging. Everything goes
//! through `pocdir_communications`, which applies the TLP rules to each
//! way out; this module only reads requests and writes answers.
//!
//! The request bodies are read by [`parse_to`] and [`parse_files`] (pure,
//! exercised by a property test in `crates/testkit/tests/it/communications_api.rs`).

use super::{service, settings};
use crate::http::error::{AppError, ErrorBody};
use crate::http::extract::{ApiJson, PathParams, QueryParams};
use crate::http::identity::SignedIn;
use crate::state::AppState;
use axum::extract::State;
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use base64::Engine as _;
use pocdir_communications::{Compose, Folder, Opened};
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::attachment::{AttachmentDraft, AttachmentType, MAX_FILES};
use pocdir_domain::communication::delivery::{Addressing, Receipts, RecipientStatus, RoleChoice};
use pocdir_domain::communication::e2e::{self, MAX_CIPHERTEXT_LEN, MAX_SEALED_TOTAL_BYTES};
use pocdir_domain::communication::template::{
    CommunicationKind, Content, Sector, TemplateDraft, Urgency, ZonedTime,
};
use pocdir_domain::communication::tlp::{TlpLabel, WayOut};
use pocdir_i18n::{Lang, Translator};
use pocdir_store::{AttachmentMeta, CommunicationMeta, InboxFilter, Recipient};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;
use utoipa::{IntoParams, OpenApi, ToSchema};

/// The most a send or reply body may be: every file at its largest (sealed
/// end to end, the larger), in base64 (4 bytes for 3), an end-to-end
/// ciphertext, plus the template's fields and the JSON around.
pub const MAX_BODY_BYTES: usize =
    MAX_SEALED_TOTAL_BYTES.div_ceil(3) * 4 + MAX_CIPHERTEXT_LEN + 512 * 1024;

/// The most lines one page of a list holds.
pub const MAX_LIMIT: u32 = 100;
const DEFAULT_LIMIT: u32 = 50;

// ---------------------------------------------------------------- requests

/// Which list: `inbox` (received, the default), `sent`, `state` (everything
/// that concerns the reader's State) or `all` (the secretariat: metadata).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum FolderName {
    #[default]
    Inbox,
    Sent,
    State,
    All,
}

impl FolderName {
    fn folder(self) -> Folder {
        match self {
            FolderName::Inbox => Folder::Inbox,
            FolderName::Sent => Folder::Sent,
            FolderName::State => Folder::State,
            FolderName::All => Folder::All,
        }
    }
}

/// A list's query string.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct ListQuery {
    /// `inbox` (the default), `sent`, `state` or `all` (the secretariat).
    pub folder: Option<FolderName>,
    pub kind: Option<CommunicationKind>,
    pub urgency: Option<Urgency>,
    /// `CLEAR`, `GREEN`, `AMBER`, `AMBER+STRICT` or `RED` (also with `TLP:`;
    /// write `+` as `%2B`).
    #[param(example = "AMBER")]
    pub tlp: Option<String>,
    /// Only those the reader received and has not opened.
    pub unread: Option<bool>,
    /// Only those the reader received and has not acknowledged.
    pub unacknowledged: Option<bool>,
    /// The next page: only those older than this id (`next_before` of the
    /// page before).
    pub before: Option<i64>,
    /// Lines on a page, 1 to 100; 50 when absent.
    #[param(minimum = 1, maximum = 100)]
    pub limit: Option<u32>,
}

impl ListQuery {
    /// The folder, the filter and the page size, or why not.
    pub fn parse(&self) -> Result<(Folder, InboxFilter, u32), AppError> {
        let tlp = match self.tlp.as_deref().map(str::trim) {
            None | Some("") => None,
            // A `+` the client did not escape arrives as a space.
            Some(raw) => Some(
                raw.replace(' ', "+")
                    .parse::<TlpLabel>()
                    .map_err(|_| AppError::bad_request("comm-error-tlp-unknown"))?,
            ),
        };
        let limit = self.limit.unwrap_or(DEFAULT_LIMIT);
        if !(1..=MAX_LIMIT).contains(&limit) {
            return Err(AppError::bad_request("error-bad-query"));
        }
        Ok((
            self.folder.unwrap_or_default().folder(),
            InboxFilter {
                kind: self.kind,
                urgency: self.urgency,
                tlp,
                unread: self.unread.unwrap_or(false),
                unacknowledged: self.unacknowledged.unwrap_or(false),
                before_id: self.before,
            },
            limit,
        ))
    }
}

/// To whom: `{"states": ["FRA"], "roles": "technical"}` (the PoCs of those
/// roles of each State; `roles` is `both` when absent) or `{"pocs": [12, 15]}`
/// (named PoC accounts). `TLP:RED` needs named PoCs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(default, deny_unknown_fields)]
pub struct ToBody {
    /// ISO 3166-1 alpha-3 codes of participating States.
    pub states: Option<Vec<String>>,
    pub roles: Option<RoleChoice>,
    /// Account ids of PoCs (as `/api/v1/me` gives them).
    pub pocs: Option<Vec<i64>>,
}

/// One file, its bytes in base64 (standard alphabet, padded or not).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct FileBody {
    /// The file's name; its ending must agree with its content (PDF, PNG,
    /// JPEG or UTF-8 text).
    pub name: String,
    pub content_base64: String,
}

/// A new communication: the template, to whom, and files (at most 5, each
/// at most 5 MiB, 10 MiB in all).
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SendRequest {
    pub template: TemplateDraft,
    pub to: ToBody,
    #[serde(default)]
    pub attachments: Vec<FileBody>,
    /// Sent end to end: an ASCII-armored OpenPGP message, encrypted by the
    /// client to the OpenPGP key on each recipient's PoC entry and to the
    /// sender's own, holding the subject, fields and text (the template's
    /// content fields then empty; its kind, urgency, label and text
    /// language as usual). Only `TLP:RED` and `TLP:AMBER+STRICT`, to named
    /// PoCs; each of `attachments` is then a binary OpenPGP message to the
    /// same keys (its name is not kept). pocdir checks who it is encrypted
    /// to, never what it says.
    #[serde(default)]
    pub ciphertext: Option<String>,
}

/// A reply: it goes to the sender and every recipient of the communication
/// answered (but the replier), in its thread.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ReplyRequest {
    pub template: TemplateDraft,
    #[serde(default)]
    pub attachments: Vec<FileBody>,
    /// Sent end to end: an ASCII-armored OpenPGP message, encrypted by the
    /// client to the OpenPGP key on the PoC entry of everyone the reply goes to and to the
    /// sender's own, holding the subject, fields and text (the template's
    /// content fields then empty; its kind, urgency, label and text
    /// language as usual). Only `TLP:RED` and `TLP:AMBER+STRICT`; each of `attachments` is then a binary OpenPGP message to the
    /// same keys (its name is not kept). pocdir checks who it is encrypted
    /// to, never what it says.
    #[serde(default)]
    pub ciphertext: Option<String>,
}

/// A forward: the communication's content and files under `tlp` (the same
/// label or a stricter one) to `to`.
#[derive(Debug, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ForwardRequest {
    /// `CLEAR`, `GREEN`, `AMBER`, `AMBER+STRICT` or `RED` (also with `TLP:`).
    #[serde(default)]
    pub tlp: String,
    pub to: ToBody,
}

/// Who `to` names, or the field's problem.
pub fn parse_to(to: &ToBody) -> Result<Addressing, Vec<(String, &'static str)>> {
    let problem = |id: &'static str| vec![("to".to_string(), id)];
    match (&to.states, &to.pocs) {
        (Some(states), None) => Ok(Addressing::States {
            states: states.clone(),
            roles: to.roles.unwrap_or(RoleChoice::Both),
        }),
        (None, Some(pocs)) if to.roles.is_none() => Ok(Addressing::Named {
            accounts: pocs.clone(),
        }),
        (None, None) => Err(problem("comm-error-nobody")),
        _ => Err(problem("comm-api-error-to-either")),
    }
}

/// The files decoded, or each one's problem. Sizes and types are the
/// domain's checks (`check_attachments`), made by the service.
pub fn parse_files(
    files: &[FileBody],
) -> Result<Vec<AttachmentDraft>, Vec<(String, &'static str)>> {
    if files.len() > MAX_FILES {
        return Err(vec![(
            "attachments".to_string(),
            "comm-error-attachments-too-many",
        )]);
    }
    let mut out = Vec::with_capacity(files.len());
    let mut problems = Vec::new();
    for (i, f) in files.iter().enumerate() {
        let cleaned: String = f
            .content_base64
            .chars()
            .filter(|c| !c.is_ascii_whitespace())
            .collect();
        let trimmed = cleaned.trim_end_matches('=');
        match base64::engine::general_purpose::STANDARD_NO_PAD.decode(trimmed) {
            Ok(bytes) => out.push(AttachmentDraft {
                name: f.name.clone(),
                bytes,
            }),
            Err(_) => problems.push((format!("attachments[{i}]"), "comm-api-error-base64")),
        }
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

/// The label a forward asks for.
fn parse_label(raw: &str) -> Result<TlpLabel, AppError> {
    raw.parse::<TlpLabel>().map_err(|_| {
        let id = if raw.trim().is_empty() {
            "comm-error-tlp-missing"
        } else {
            "comm-error-tlp-unknown"
        };
        AppError::invalid_fields(vec![("tlp".to_string(), id)])
    })
}

// ---------------------------------------------------------------- answers

/// Who sent it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SenderBody {
    pub account_id: i64,
    pub name: String,
    pub kind: AccountKind,
    /// ISO 3166-1 alpha-3.
    pub state: String,
}

impl SenderBody {
    fn of(meta: &CommunicationMeta) -> Self {
        SenderBody {
            account_id: meta.sender_account,
            name: meta.sender_name.clone(),
            kind: meta.sender_kind,
            state: meta.sender_state.clone(),
        }
    }
}

/// Where one recipient is, with the times of each step.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptsBody {
    pub status: RecipientStatus,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub delivered_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub read_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub acknowledged_at: Option<OffsetDateTime>,
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub answered_at: Option<OffsetDateTime>,
}

impl From<Receipts> for ReceiptsBody {
    fn from(r: Receipts) -> Self {
        ReceiptsBody {
            status: r.status(),
            delivered_at: r.delivered_at,
            read_at: r.read_at,
            acknowledged_at: r.acknowledged_at,
            answered_at: r.answered_at,
        }
    }
}

/// One recipient and its receipts.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecipientBody {
    pub account_id: i64,
    pub name: String,
    pub state: String,
    pub kind: AccountKind,
    pub receipts: ReceiptsBody,
}

impl From<&Recipient> for RecipientBody {
    fn from(r: &Recipient) -> Self {
        RecipientBody {
            account_id: r.account_id,
            name: r.name.clone(),
            state: r.state.clone(),
            kind: r.kind,
            receipts: r.receipts.into(),
        }
    }
}

/// One file of a communication (its bytes at `…/attachments/{id}`).
#[derive(Debug, Serialize, ToSchema)]
pub struct AttachmentBody {
    pub id: i64,
    pub name: String,
    pub file_type: AttachmentType,
    pub media_type: String,
    pub size: i64,
    pub sha256: String,
}

impl From<&AttachmentMeta> for AttachmentBody {
    fn from(a: &AttachmentMeta) -> Self {
        AttachmentBody {
            id: a.id,
            name: a.name.clone(),
            file_type: a.file_type,
            media_type: a.file_type.media_type().to_string(),
            size: a.size,
            sha256: a.sha256.clone(),
        }
    }
}

/// What the reader sees: the content, or only the metadata (who, when,
/// kind, urgency, label, status).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ToSchema)]
#[serde(rename_all = "snake_case")]
pub enum SightBody {
    Content,
    Metadata,
}

/// A State whose diplomatic PoCs were alerted because no technical PoC
/// acknowledged in time.
#[derive(Debug, Serialize, ToSchema)]
pub struct EscalationBody {
    pub state: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub at: OffsetDateTime,
}

/// One communication as the reader may see it: the metadata always; the
/// content and the files only when the TLP label lets this reader see them.
#[derive(Debug, Serialize, ToSchema)]
pub struct CommunicationBody {
    pub id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub forwarded_from: Option<i64>,
    pub sender: SenderBody,
    pub kind: CommunicationKind,
    pub urgency: Urgency,
    /// As TLP 2.0 writes it, e.g. `TLP:AMBER+STRICT`.
    pub tlp: TlpLabel,
    /// What the label asks of the reader (English).
    pub tlp_handling: String,
    /// The roles addressed, when sent to whole States.
    pub addressed_roles: Option<RoleChoice>,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub sent_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub ack_deadline: OffsetDateTime,
    pub sight: SightBody,
    /// Encrypted end to end in the sender's browser: `content.text` is then
    /// an ASCII-armored OpenPGP message to the recipients' and the sender's
    /// keys (the other fields empty); pocdir cannot read it.
    pub e2e: bool,
    /// Subject, fields and text: only with `sight` `content`.
    pub content: Option<Content>,
    /// Only with `sight` `content`.
    pub attachments: Vec<AttachmentBody>,
    /// The reader's own receipts, when a recipient.
    pub mine: Option<ReceiptsBody>,
    /// The recipients whose status this reader may see: all for the
    /// sender's State and the secretariat, their own State's for others.
    pub recipients: Vec<RecipientBody>,
    pub escalations: Vec<EscalationBody>,
}

fn handling(label: TlpLabel) -> String {
    Translator::new(Lang::En).t(label.meaning_message())
}

impl From<Opened> for CommunicationBody {
    fn from(o: Opened) -> Self {
        let meta = &o.record.meta;
        let sees_content = o.content.is_some();
        CommunicationBody {
            id: meta.id,
            thread_id: meta.thread_id,
            parent_id: meta.parent_id,
            forwarded_from: meta.forwarded_from,
            sender: SenderBody::of(meta),
            kind: meta.kind,
            urgency: meta.urgency,
            tlp: meta.tlp,
            tlp_handling: handling(meta.tlp),
            addressed_roles: meta.addressed_roles,
            sent_at: meta.sent_at,
            ack_deadline: meta.ack_deadline,
            e2e: meta.e2e,
            sight: if sees_content {
                SightBody::Content
            } else {
                SightBody::Metadata
            },
            attachments: if sees_content {
                o.record.attachments.iter().map(Into::into).collect()
            } else {
                Vec::new()
            },
            content: o.content,
            mine: o.mine.map(Into::into),
            recipients: o.visible_recipients.iter().map(Into::into).collect(),
            escalations: o
                .record
                .escalations
                .iter()
                .map(|(state, at)| EscalationBody {
                    state: state.clone(),
                    at: *at,
                })
                .collect(),
        }
    }
}

/// One line of a list: metadata only (open it for the content).
#[derive(Debug, Serialize, ToSchema)]
pub struct ListedBody {
    pub id: i64,
    pub thread_id: i64,
    pub parent_id: Option<i64>,
    pub forwarded_from: Option<i64>,
    pub sender: SenderBody,
    pub kind: CommunicationKind,
    pub urgency: Urgency,
    pub tlp: TlpLabel,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub sent_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub ack_deadline: OffsetDateTime,
    /// What opening it will show this reader.
    pub sight: SightBody,
    /// The reader's own receipts, when a recipient.
    pub mine: Option<ReceiptsBody>,
    pub recipient_count: i64,
    pub acknowledged_count: i64,
}

/// A page of a list, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct ListBody {
    pub items: Vec<ListedBody>,
    /// Pass as `before` for the next page; null on the last.
    pub next_before: Option<i64>,
}

/// How many communications the reader received and has not opened.
#[derive(Debug, Serialize, ToSchema)]
pub struct UnreadBody {
    pub unread: i64,
}

/// A communication exported as a file (never `TLP:RED`). The label travels
/// with it: whoever keeps the file keeps to it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ExportBody {
    /// `pocdir-communication/1`.
    pub format: String,
    #[serde(with = "time::serde::rfc3339")]
    #[schema(value_type = String, format = DateTime)]
    pub exported_at: OffsetDateTime,
    /// The label, first: TLP 2.0 asks that it precede the information.
    pub tlp: TlpLabel,
    pub tlp_handling: String,
    pub communication: CommunicationBody,
}

// ---------------------------------------------------------------- handlers

#[utoipa::path(get, path = "/api/v1/communications", tag = "communications",
    params(ListQuery),
    responses(
        (status = 200, description = "A page of the folder, newest first; only communications the reader may know of (the `all` folder: the secretariat's metadata list; another kind gets an empty list)", body = ListBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn list(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(query): QueryParams<ListQuery>,
) -> Result<Json<ListBody>, AppError> {
    let (folder, filter, limit) = query.parse()?;
    let settings = settings(&state);
    let listed = service(&state, &settings)
        .list(&me.requester(), folder, &filter, limit)
        .await?;
    let full = listed.len() >= usize::try_from(limit).unwrap_or(usize::MAX);
    let next_before = if full {
        listed.last().map(|l| l.item.meta.id)
    } else {
        None
    };
    let items = listed
        .into_iter()
        .map(|l| {
            let meta = &l.item.meta;
            ListedBody {
                id: meta.id,
                thread_id: meta.thread_id,
                parent_id: meta.parent_id,
                forwarded_from: meta.forwarded_from,
                sender: SenderBody::of(meta),
                kind: meta.kind,
                urgency: meta.urgency,
                tlp: meta.tlp,
                sent_at: meta.sent_at,
                ack_deadline: meta.ack_deadline,
                sight: match l.sight {
                    pocdir_domain::communication::tlp::Sight::Content => SightBody::Content,
                    _ => SightBody::Metadata,
                },
                mine: l.item.receipts.map(Into::into),
                recipient_count: l.item.recipient_count,
                acknowledged_count: l.item.acknowledged_count,
            }
        })
        .collect();
    Ok(Json(ListBody { items, next_before }))
}

#[utoipa::path(get, path = "/api/v1/communications/unread", tag = "communications",
    responses(
        (status = 200, description = "How many communications the reader received and has not opened", body = UnreadBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn unread(
    State(state): State<AppState>,
    me: SignedIn,
) -> Result<Json<UnreadBody>, AppError> {
    let settings = settings(&state);
    let unread = service(&state, &settings).unread(&me.requester()).await?;
    Ok(Json(UnreadBody { unread }))
}

#[utoipa::path(post, path = "/api/v1/communications", tag = "communications",
    request_body = SendRequest,
    responses(
        (status = 201, description = "Sent to every recipient (mails queued, the sending logged); the communication as the sender sees it", body = CommunicationBody),
        (status = 403, description = "`may_not_send`: only PoCs of a participating State send", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: each field's problem (the template, `to`: unknown recipient, a State that does not take part, nobody; `attachments`: too large, too many, a type not allowed or not the one its name says, not base64); or `tlp_refused`: the label forbids it (`TLP:RED` to whole States); or `e2e_refused` (with `ciphertext`): a label other than `TLP:RED` or `TLP:AMBER+STRICT`, content in clear beside it, a reader without a usable OpenPGP key, a ciphertext or file that is not an OpenPGP message encrypted to every reader (the message names them)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn send(
    State(state): State<AppState>,
    me: SignedIn,
    ApiJson(req): ApiJson<SendRequest>,
) -> Result<(StatusCode, Json<CommunicationBody>), AppError> {
    let to = parse_to(&req.to);
    let files = parse_files(&req.attachments);
    let (to, attachments) = match (to, files) {
        (Ok(to), Ok(files)) => (to, files),
        (to, files) => {
            let mut problems = to.err().unwrap_or_default();
            problems.extend(files.err().unwrap_or_default());
            return Err(AppError::invalid_fields(problems));
        }
    };
    let settings = settings(&state);
    let comms = service(&state, &settings);
    let who = me.requester();
    let compose = Compose {
        template: req.template,
        to,
        attachments,
    };
    let id = match &req.ciphertext {
        Some(ciphertext) => comms.send_end_to_end(&who, compose, ciphertext).await?,
        None => comms.send(&who, compose).await?,
    };
    let sent = comms.open(&who, id, WayOut::Api).await?;
    Ok((StatusCode::CREATED, Json(sent.into())))
}

#[utoipa::path(get, path = "/api/v1/communications/{id}", tag = "communications",
    params(("id" = i64, Path, description = "Communication id")),
    responses(
        (status = 200, description = "The communication as the reader may see it (a recipient's first opening of the content is recorded and logged)", body = CommunicationBody),
        (status = 404, description = "No such communication, or one the reader may not know of", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn one(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<CommunicationBody>, AppError> {
    let settings = settings(&state);
    let opened = service(&state, &settings)
        .open(&me.requester(), id, WayOut::Api)
        .await?;
    Ok(Json(opened.into()))
}

#[utoipa::path(get, path = "/api/v1/communications/{id}/thread", tag = "communications",
    params(("id" = i64, Path, description = "Any communication of the thread")),
    responses(
        (status = 200, description = "The thread, oldest first, each as the reader may see it (those it may not know of are left out)", body = [CommunicationBody]),
        (status = 404, description = "No such communication, or one the reader may not know of", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn thread(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<Vec<CommunicationBody>>, AppError> {
    let settings = settings(&state);
    let thread = service(&state, &settings)
        .thread(&me.requester(), id, WayOut::Api)
        .await?;
    Ok(Json(thread.into_iter().map(Into::into).collect()))
}

#[utoipa::path(post, path = "/api/v1/communications/{id}/acknowledge", tag = "communications",
    params(("id" = i64, Path, description = "Communication id")),
    responses(
        (status = 200, description = "Acknowledged (logged); the reader's receipts", body = ReceiptsBody),
        (status = 404, description = "No such communication, or one the reader may not know of", body = ErrorBody),
        (status = 409, description = "`already_acknowledged`, or `not_a_recipient`: only a recipient acknowledges", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn acknowledge(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Json<ReceiptsBody>, AppError> {
    let settings = settings(&state);
    let receipts = service(&state, &settings)
        .acknowledge(&me.requester(), id)
        .await?;
    Ok(Json(receipts.into()))
}

#[utoipa::path(post, path = "/api/v1/communications/{id}/reply", tag = "communications",
    params(("id" = i64, Path, description = "The communication answered")),
    request_body = ReplyRequest,
    responses(
        (status = 201, description = "Sent in the thread to the sender and every recipient of the communication answered; the reply as its sender sees it", body = CommunicationBody),
        (status = 403, description = "`may_not_send`: only PoCs of a participating State send", body = ErrorBody),
        (status = 404, description = "No such communication, or one the reader may not know of", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: each field's problem; or `tlp_refused`: the reader may not see the content it would answer; or `e2e_refused` (with `ciphertext`): a label other than `TLP:RED` or `TLP:AMBER+STRICT`, content in clear beside it, a reader without a usable OpenPGP key, a ciphertext or file that is not an OpenPGP message encrypted to every reader (the message names them)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn reply(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<ReplyRequest>,
) -> Result<(StatusCode, Json<CommunicationBody>), AppError> {
    let attachments = parse_files(&req.attachments).map_err(AppError::invalid_fields)?;
    let settings = settings(&state);
    let comms = service(&state, &settings);
    let who = me.requester();
    let new_id = match &req.ciphertext {
        Some(ciphertext) => {
            comms
                .reply_end_to_end(&who, id, req.template, attachments, ciphertext)
                .await?
        }
        None => comms.reply(&who, id, req.template, attachments).await?,
    };
    let sent = comms.open(&who, new_id, WayOut::Api).await?;
    Ok((StatusCode::CREATED, Json(sent.into())))
}

#[utoipa::path(post, path = "/api/v1/communications/{id}/forward", tag = "communications",
    params(("id" = i64, Path, description = "The communication forwarded")),
    request_body = ForwardRequest,
    responses(
        (status = 201, description = "Forwarded with its files; the forward as its sender sees it", body = CommunicationBody),
        (status = 403, description = "`may_not_send`: only PoCs of a participating State send", body = ErrorBody),
        (status = 404, description = "No such communication, or one the reader may not know of", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: `tlp` or `to`; or `tlp_refused`: the forward would break the label (`TLP:RED` is never forwarded; a label may be kept or tightened, never loosened; `TLP:AMBER` and `TLP:AMBER+STRICT` stay with the forwarder's own State's PoCs, `TLP:GREEN` with PoCs of participating States); the refusal is logged", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn forward(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
    ApiJson(req): ApiJson<ForwardRequest>,
) -> Result<(StatusCode, Json<CommunicationBody>), AppError> {
    let label = parse_label(&req.tlp);
    let to = parse_to(&req.to);
    let (label, to) = match (label, to) {
        (Ok(label), Ok(to)) => (label, to),
        (label, to) => {
            let mut problems = label.err().map(|e| e.fields).unwrap_or_default();
            problems.extend(to.err().unwrap_or_default());
            return Err(AppError::invalid_fields(problems));
        }
    };
    let settings = settings(&state);
    let comms = service(&state, &settings);
    let who = me.requester();
    let new_id = comms.forward(&who, id, label, to).await?;
    let sent = comms.open(&who, new_id, WayOut::Api).await?;
    Ok((StatusCode::CREATED, Json(sent.into())))
}

/// `attachment; filename=…` with the name in ASCII (anything else as `_`)
/// and in full as UTF-8 (RFC 6266).
fn disposition(name: &str) -> HeaderValue {
    let ascii: String = name
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_' | ' ') {
                c
            } else {
                '_'
            }
        })
        .collect();
    let encoded: String = url::form_urlencoded::byte_serialize(name.as_bytes())
        .collect::<String>()
        .replace('+', "%20");
    HeaderValue::from_str(&format!(
        "attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}"
    ))
    .unwrap_or_else(|_| HeaderValue::from_static("attachment"))
}

#[utoipa::path(get, path = "/api/v1/communications/{id}/attachments/{attachment}", tag = "communications",
    params(
        ("id" = i64, Path, description = "Communication id"),
        ("attachment" = i64, Path, description = "Attachment id"),
    ),
    responses(
        (status = 200, description = "The file, typed by its content", content(
            (Vec<u8> = "application/pdf"),
            (Vec<u8> = "image/png"),
            (Vec<u8> = "image/jpeg"),
            (String = "text/plain"),
        )),
        (status = 404, description = "No such communication or file, or one the reader may not know of", body = ErrorBody),
        (status = 422, description = "`tlp_refused`: the reader sees only the metadata (logged)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn attachment(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams((id, attachment_id)): PathParams<(i64, i64)>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let (meta, bytes) = service(&state, &settings)
        .attachment(&me.requester(), id, attachment_id, WayOut::Api)
        .await?;
    let mut response = bytes.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(meta.file_type.media_type()),
    );
    headers.insert(header::CONTENT_DISPOSITION, disposition(&meta.name));
    Ok(response)
}

#[utoipa::path(get, path = "/api/v1/communications/{id}/export", tag = "communications",
    params(("id" = i64, Path, description = "Communication id")),
    responses(
        (status = 200, description = "The communication as a JSON file, its label first, in its name and in the `TLP` header (a read by a recipient is recorded as for the API's read)", body = ExportBody),
        (status = 404, description = "No such communication, or one the reader may not know of", body = ErrorBody),
        (status = 422, description = "`tlp_refused`: `TLP:RED` is never exported, and only a reader of the content exports it (logged)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn export(
    State(state): State<AppState>,
    me: SignedIn,
    PathParams(id): PathParams<i64>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let opened = service(&state, &settings)
        .export(&me.requester(), id)
        .await?;
    let tlp = opened.record.meta.tlp;
    let body = ExportBody {
        format: "pocdir-communication/1".to_string(),
        exported_at: state.clock.now(),
        tlp,
        tlp_handling: handling(tlp),
        communication: opened.into(),
    };
    let mut response = Json(body).into_response();
    // The label travels with the file: in its name (`TLP-AMBER`, as no
    // `:` is allowed in names everywhere) and in the `TLP` header.
    let marking = tlp.as_str().replace(':', "-");
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_DISPOSITION,
        disposition(&format!("pocdir-communication-{id}-{marking}.json")),
    );
    headers.insert("tlp", HeaderValue::from_static(tlp.as_str()));
    Ok(response)
}

/// Whose keys to encrypt an end-to-end message to: named PoCs, or the PoCs
/// of whole States (`TLP:AMBER+STRICT` may go to States), as a send's `to`.
#[derive(Debug, Clone, Default, Deserialize, IntoParams)]
#[serde(default)]
#[into_params(parameter_in = Query)]
pub struct KeysQuery {
    /// The recipients' account ids (as `pocs` of a send), comma-separated.
    pub accounts: String,
    /// Or: ISO 3166-1 alpha-3 codes of States (as `states` of a send),
    /// comma-separated.
    pub states: String,
    /// With `states`: whose PoCs; `both` when absent.
    pub roles: Option<RoleChoice>,
}

impl KeysQuery {
    fn parse(&self) -> Result<Addressing, AppError> {
        let refuse = |id| AppError::invalid_fields(vec![("accounts".to_string(), id)]);
        let listed = |v: &str| {
            v.split(',')
                .map(str::trim)
                .filter(|v| !v.is_empty())
                .map(str::to_string)
                .collect::<Vec<String>>()
        };
        let (accounts, states) = (listed(&self.accounts), listed(&self.states));
        if !states.is_empty() && accounts.is_empty() {
            if states.len() > e2e::MAX_KEYS_ASKED {
                return Err(refuse("comm-api-error-accounts"));
            }
            return Ok(Addressing::States {
                states,
                roles: self.roles.unwrap_or(RoleChoice::Both),
            });
        }
        if !states.is_empty() || self.roles.is_some() {
            return Err(refuse("comm-api-error-to-either"));
        }
        let ids = accounts
            .iter()
            .map(|v| {
                v.parse::<i64>()
                    .map_err(|_| refuse("comm-api-error-accounts"))
            })
            .collect::<Result<Vec<i64>, AppError>>()?;
        if ids.is_empty() || ids.len() > e2e::MAX_KEYS_ASKED {
            return Err(refuse("comm-api-error-accounts"));
        }
        Ok(Addressing::Named { accounts: ids })
    }
}

/// One recipient's key for an end-to-end message.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReaderKeyBody {
    pub account: i64,
    pub name: String,
    /// Upper-case hexadecimal, of the primary key.
    pub fingerprint: String,
    /// The ASCII-armored public key on the person's PoC entry.
    pub key: String,
}

/// The keys to encrypt to, one per account asked.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct ReaderKeysBody {
    pub keys: Vec<ReaderKeyBody>,
}

#[utoipa::path(get, path = "/api/v1/communications/keys", tag = "communications",
    params(KeysQuery),
    responses(
        (status = 200, description = "The OpenPGP key of each account asked, to encrypt an end-to-end message to (with the sender's own, from its PoC entry). A key of another State's PoC is a contact detail: each one handed out is logged as a read of its entry (`poc.read`, path `e2e-key`)", body = ReaderKeysBody),
        (status = 403, description = "`may_not_send`: only PoCs of a participating State send", body = ErrorBody),
        (status = 422, description = "`invalid_fields`: `accounts` is not a comma-separated list of 1 to 200 account ids, or both `accounts` and `states` are given; `invalid_fields` (`to`): an account that is not a PoC of a participating State, a State unknown, not taking part or without PoCs of those roles; or `e2e_refused`: accounts without a usable OpenPGP key (the message names them and why: none, expired, revoked)", body = ErrorBody),
    ),
    security(("bearer" = []), ("session" = [])))]
pub async fn keys(
    State(state): State<AppState>,
    me: SignedIn,
    QueryParams(query): QueryParams<KeysQuery>,
) -> Result<Json<ReaderKeysBody>, AppError> {
    let to = query.parse()?;
    let settings = settings(&state);
    let who = me.requester();
    let keys = service(&state, &settings).reader_keys(&who, &to).await?;
    crate::directory::pocs::access(&state)
        .record_key_reads(
            &who,
            keys.iter().map(|k| {
                (
                    k.entry.participant.as_str(),
                    k.entry.poc_id,
                    k.entry.version,
                )
            }),
        )
        .await?;
    Ok(Json(ReaderKeysBody {
        keys: keys
            .into_iter()
            .map(|k| ReaderKeyBody {
                account: k.account_id,
                name: k.name,
                fingerprint: k.key.fingerprint,
                key: k.key.armored,
            })
            .collect(),
    }))
}

#[derive(OpenApi)]
#[openapi(
    paths(
        list,
        unread,
        keys,
        send,
        one,
        thread,
        acknowledge,
        reply,
        forward,
        attachment,
        export
    ),
    components(schemas(
        FolderName,
        ToBody,
        FileBody,
        SendRequest,
        ReplyRequest,
        ForwardRequest,
        TemplateDraft,
        SenderBody,
        ReceiptsBody,
        RecipientBody,
        AttachmentBody,
        SightBody,
        EscalationBody,
        CommunicationBody,
        ListedBody,
        ListBody,
        UnreadBody,
        ExportBody,
        ReaderKeyBody,
        ReaderKeysBody,
        Content,
        ZonedTime,
        Sector,
        CommunicationKind,
        Urgency,
        TlpLabel,
        RoleChoice,
        RecipientStatus,
        AttachmentType,
        AccountKind,
    ))
)]
struct CommunicationsApi;

/// The API's part of the OpenAPI document.
pub fn openapi() -> utoipa::openapi::OpenApi {
    CommunicationsApi::openapi()
}
