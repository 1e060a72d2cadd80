//! The inbox: the reader's folders, filtered by a plain GET form, newest
//! first, a page at a time (`before` the last id shown).

use crate::communications::view::{name_of, state_names, when, TlpView};
use crate::communications::{service, settings};
use crate::http::error::AppError;
use crate::http::extract::QueryParams;
use crate::http::identity::SignedIn;
use crate::http::page::{render, PageCtx};
use crate::state::AppState;
use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pocdir_communications::Folder;
use pocdir_domain::account::AccountKind;
use pocdir_domain::communication::template::{CommunicationKind, Urgency};
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_i18n::FluentArg;
use pocdir_store::InboxFilter;
use serde::Deserialize;

/// How many lines a page shows.
pub const PAGE_SIZE: u32 = 50;

#[derive(Debug, Default, Deserialize)]
pub struct InboxQuery {
    pub folder: Option<String>,
    pub kind: Option<String>,
    pub urgency: Option<String>,
    pub tlp: Option<String>,
    pub unread: Option<String>,
    pub unacknowledged: Option<String>,
    pub before: Option<i64>,
}

/// One choice of a filter's select.
pub struct Choice {
    pub value: String,
    pub label: String,
    pub selected: bool,
}

pub struct FolderLink {
    pub value: &'static str,
    pub label: String,
    pub current: bool,
}

pub struct Row {
    pub id: i64,
    pub tlp: TlpView,
    pub urgency: String,
    pub urgent: bool,
    pub kind: String,
    pub sender_state: String,
    /// Only where the reader may see the content.
    pub subject: Option<String>,
    pub sent: String,
    /// The reader's own status when a recipient, else how many of the
    /// recipients acknowledged.
    pub status: String,
    pub unread: bool,
}

#[derive(Template)]
#[template(path = "communications/inbox.html")]
pub struct InboxPage {
    pub page: PageCtx,
    pub folders: Vec<FolderLink>,
    pub folder: &'static str,
    pub kinds: Vec<Choice>,
    pub urgencies: Vec<Choice>,
    pub tlps: Vec<Choice>,
    pub unread: bool,
    pub unacknowledged: bool,
    /// The filters apply to the reader's own receipts: received mail only.
    pub mine: bool,
    pub rows: Vec<Row>,
    /// The next page's address, when there may be one.
    pub next: Option<String>,
    pub unread_count: i64,
    pub may_send: bool,
    pub metadata_only: bool,
}

fn picked<T: Copy + PartialEq>(
    raw: &Option<String>,
    parse: impl Fn(&str) -> Option<T>,
) -> Option<T> {
    raw.as_deref().filter(|s| !s.is_empty()).and_then(parse)
}

/// The folders a kind of account has.
fn folders_of(kind: AccountKind) -> Vec<Folder> {
    if kind == AccountKind::Secretariat {
        vec![Folder::All]
    } else {
        vec![Folder::Inbox, Folder::Sent, Folder::State]
    }
}

fn enc(s: &str) -> String {
    url::form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

pub async fn inbox(
    State(state): State<AppState>,
    page: PageCtx,
    me: SignedIn,
    QueryParams(q): QueryParams<InboxQuery>,
) -> Result<Response, AppError> {
    let settings = settings(&state);
    let service = service(&state, &settings);
    let who = me.requester();
    let folders = folders_of(me.account.kind);
    let folder = q
        .folder
        .as_deref()
        .and_then(Folder::parse)
        .filter(|f| folders.contains(f))
        .or_else(|| folders.first().copied())
        .unwrap_or(Folder::Inbox);
    let kind = picked(&q.kind, |s| s.parse::<CommunicationKind>().ok());
    let urgency = picked(&q.urgency, |s| s.parse::<Urgency>().ok());
    let tlp = picked(&q.tlp, |s| s.parse::<TlpLabel>().ok());
    let mine = folder == Folder::Inbox;
    let unread = mine && q.unread.is_some();
    let unacknowledged = mine && q.unacknowledged.is_some();
    let filter = InboxFilter {
        kind,
        urgency,
        tlp,
        unread,
        unacknowledged,
        before_id: q.before,
    };
    let listed = service.list(&who, folder, &filter, PAGE_SIZE).await?;
    let names = state_names(&state, &page).await?;
    let subjects = service.subjects(&listed).await?;
    let rows: Vec<Row> = listed
        .iter()
        .map(|l| {
            let m = &l.item.meta;
            let status = match &l.item.receipts {
                Some(r) => page.t(r.status().label_message()),
                None => page.tr.t_args(
                    "comm-page-acknowledged-of",
                    &[
                        ("count", FluentArg::Number(l.item.acknowledged_count)),
                        ("total", FluentArg::Number(l.item.recipient_count)),
                    ],
                ),
            };
            Row {
                id: m.id,
                tlp: TlpView::of(&page, m.tlp),
                urgency: page.t(m.urgency.label_message()),
                urgent: m.urgency == Urgency::Urgent,
                kind: page.t(m.kind.label_message()),
                sender_state: name_of(&names, &m.sender_state),
                // The server has no subject of an end-to-end message to show.
                subject: if m.e2e {
                    subjects.get(&m.id).map(|_| page.t("comm-e2e-subject"))
                } else {
                    subjects.get(&m.id).cloned()
                },
                sent: when(&page, m.sent_at),
                status,
                unread: l.item.receipts.is_some_and(|r| r.read_at.is_none()),
            }
        })
        .collect();
    let mut base = format!("/communications?folder={}", folder.as_str());
    for (k, v) in [("kind", &q.kind), ("urgency", &q.urgency), ("tlp", &q.tlp)] {
        if let Some(v) = v.as_deref().filter(|v| !v.is_empty()) {
            base.push_str(&format!("&{k}={}", enc(v)));
        }
    }
    if unread {
        base.push_str("&unread=1");
    }
    if unacknowledged {
        base.push_str("&unacknowledged=1");
    }
    let next = (listed.len() == PAGE_SIZE as usize)
        .then(|| {
            listed
                .last()
                .map(|l| format!("{base}&before={}", l.item.meta.id))
        })
        .flatten();
    let choice = |value: &str, label: String, selected: bool| Choice {
        value: value.to_string(),
        label,
        selected,
    };
    let kinds = CommunicationKind::ALL
        .iter()
        .map(|k| choice(k.as_str(), page.t(k.label_message()), kind == Some(*k)))
        .collect();
    let urgencies = Urgency::ALL
        .iter()
        .map(|u| choice(u.as_str(), page.t(u.label_message()), urgency == Some(*u)))
        .collect();
    let tlps = TlpLabel::ALL
        .iter()
        .map(|t| choice(t.code(), t.as_str().to_string(), tlp == Some(*t)))
        .collect();
    let unread_count = if me.account.kind.is_poc() {
        service.unread(&who).await?
    } else {
        0
    };
    let p = InboxPage {
        folders: folders
            .iter()
            .map(|f| FolderLink {
                value: f.as_str(),
                label: page.t(f.label_message()),
                current: *f == folder,
            })
            .collect(),
        folder: folder.as_str(),
        kinds,
        urgencies,
        tlps,
        unread,
        unacknowledged,
        mine,
        rows,
        next,
        unread_count,
        may_send: me.account.kind.is_poc(),
        metadata_only: folder == Folder::All,
        page,
    };
    Ok(render(StatusCode::OK, &p))
}
