//! The use case of the best-practice library, for the pages, the API and
//! the demo: what a reader may see (filtered by the policy before anything
//! is matched or counted), publishing, withdrawing, and downloads, each
//! download of another State's document logged before the file leaves.

use crate::capacity::steps::Participants;
use crate::http::error::AppError;
use axum::http::StatusCode;
use pocdir_domain::capacity::request::Area;
use pocdir_domain::clock::Clock;
use pocdir_domain::communication::tlp::TlpLabel;
use pocdir_domain::directory::participant::ParticipantKind;
use pocdir_domain::directory::poc::FieldError;
use pocdir_domain::library::{
    withdrawal_reason, DocumentDraft, DocumentKind, LibraryQuery, Searchable,
};
use pocdir_domain::log::entry::ContentError;
use pocdir_domain::log::events;
use pocdir_domain::policy::{library_view, LibraryView};
use pocdir_domain::requester::Requester;
use pocdir_store::{LibraryDocument, NewLibraryDocument, Store, StoreError};
use sha2::{Digest, Sha256};

/// Why a step of the library did not happen.
#[derive(Debug)]
pub enum LibraryFailure {
    /// No such document, or none the reader may see.
    NotFound,
    Fields(Vec<FieldError>),
    /// The state forbids it: its message id.
    Refused(&'static str),
    Store(StoreError),
    Content(ContentError),
}

impl From<StoreError> for LibraryFailure {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::NotFound => LibraryFailure::NotFound,
            StoreError::NotAllowed(_) => LibraryFailure::Refused("library-refused-withdrawn"),
            other => LibraryFailure::Store(other),
        }
    }
}

impl From<ContentError> for LibraryFailure {
    fn from(e: ContentError) -> Self {
        LibraryFailure::Content(e)
    }
}

impl From<LibraryFailure> for AppError {
    fn from(e: LibraryFailure) -> Self {
        match e {
            LibraryFailure::NotFound => AppError::not_found(),
            LibraryFailure::Fields(errors) => AppError::invalid_fields(
                errors
                    .into_iter()
                    .map(|e| (e.field, e.message_id))
                    .collect(),
            ),
            LibraryFailure::Refused(id) => {
                AppError::new(StatusCode::CONFLICT, "not_allowed_now", id)
            }
            LibraryFailure::Store(e) => e.into(),
            LibraryFailure::Content(_) => AppError::internal(),
        }
    }
}

pub type LibraryResult<T> = Result<T, LibraryFailure>;

/// A document as one reader may see it, its codes read.
#[derive(Debug, Clone)]
pub struct Shown {
    pub document: LibraryDocument,
    pub view: LibraryView,
    pub kind: DocumentKind,
    pub tlp: TlpLabel,
    pub areas: Vec<Area>,
}

impl Shown {
    pub fn withdrawn(&self) -> bool {
        self.document.withdrawn_at.is_some()
    }

    fn searchable(&self) -> Searchable<'_> {
        Searchable {
            title: &self.document.title,
            summaries: &self.document.summaries,
            kind: self.kind,
            areas: &self.areas,
            languages: &self.document.languages,
            publisher: self.document.participant.as_deref(),
        }
    }
}

/// One page of a search: the documents the reader may see that match, and
/// how many match in all (never counting what the reader may not see).
pub struct Found {
    pub total: usize,
    pub documents: Vec<Shown>,
    /// The publishers of the documents the reader may see, for the filter.
    pub publishers: Vec<String>,
}

/// The longest page of a search.
pub const MAX_PAGE: usize = 100;

/// Who acts, on which store and clock.
pub struct Library<'a> {
    pub store: &'a dyn Store,
    pub clock: &'a dyn Clock,
}

fn read(
    document: LibraryDocument,
) -> LibraryResult<(DocumentKind, TlpLabel, Vec<Area>, LibraryDocument)> {
    let bad = |what: &str| {
        LibraryFailure::Store(StoreError::Corrupt(format!(
            "library_documents {}: {what}",
            document.id
        )))
    };
    let kind = DocumentKind::parse(&document.kind).ok_or_else(|| bad("kind"))?;
    let tlp = document.tlp.parse::<TlpLabel>().map_err(|_| bad("tlp"))?;
    let areas = document
        .areas
        .iter()
        .map(|a| Area::parse(a).ok_or_else(|| bad("areas")))
        .collect::<LibraryResult<Vec<_>>>()?;
    Ok((kind, tlp, areas, document))
}

/// What `who` may see of `document`, given who takes part.
fn view_of(
    who: &Requester,
    participants: &Participants,
    tlp: TlpLabel,
    d: &LibraryDocument,
) -> LibraryView {
    let own = who.actor.participant.as_ref().map(|p| p.as_str());
    let reader = own.and_then(|code| participants.get(code));
    library_view(
        &who.actor,
        d.participant.as_deref(),
        tlp,
        d.withdrawn_at.is_some(),
        reader.is_some_and(|p| p.status.takes_part()),
        reader.is_some_and(|p| p.kind != ParticipantKind::Organisation),
    )
}

impl Library<'_> {
    /// Every document `who` may see, newest first, with the participants.
    pub async fn visible(&self, who: &Requester) -> LibraryResult<(Participants, Vec<Shown>)> {
        let participants = Participants::of(self.store.participants().await?);
        let mut shown = Vec::new();
        for stored in self.store.library_documents().await? {
            let (kind, tlp, areas, document) = read(stored)?;
            let view = view_of(who, &participants, tlp, &document);
            if view != LibraryView::Nothing {
                shown.push(Shown {
                    document,
                    view,
                    kind,
                    tlp,
                    areas,
                });
            }
        }
        Ok((participants, shown))
    }

    /// The documents `who` may see that answer `query`, `limit` from
    /// `offset`. Withdrawn ones are left out unless `withdrawn` is asked
    /// (only their publishers and the secretariat see them at all).
    pub async fn search(
        &self,
        who: &Requester,
        query: &LibraryQuery,
        withdrawn: bool,
        offset: usize,
        limit: usize,
    ) -> LibraryResult<(Participants, Found)> {
        let (participants, visible) = self.visible(who).await?;
        let mut publishers: Vec<String> = visible
            .iter()
            .filter_map(|s| s.document.participant.clone())
            .collect();
        publishers.sort();
        publishers.dedup();
        let matching: Vec<Shown> = visible
            .into_iter()
            .filter(|s| s.withdrawn() == withdrawn && query.matches(&s.searchable()))
            .collect();
        let total = matching.len();
        let documents = matching
            .into_iter()
            .skip(offset)
            .take(limit.clamp(1, MAX_PAGE))
            .collect();
        Ok((
            participants,
            Found {
                total,
                documents,
                publishers,
            },
        ))
    }

    /// One document as `who` may see it: `NotFound` when it may not.
    pub async fn document(&self, who: &Requester, id: i64) -> LibraryResult<(Participants, Shown)> {
        let participants = Participants::of(self.store.participants().await?);
        let stored = self
            .store
            .library_document(id)
            .await?
            .ok_or(LibraryFailure::NotFound)?;
        let (kind, tlp, areas, document) = read(stored)?;
        let view = view_of(who, &participants, tlp, &document);
        if view == LibraryView::Nothing {
            return Err(LibraryFailure::NotFound);
        }
        Ok((
            participants,
            Shown {
                document,
                view,
                kind,
                tlp,
                areas,
            },
        ))
    }

    /// Whether a download of `shown` by `who` is a read the log keeps:
    /// another State's document (the secretariat's reads included).
    pub fn download_is_logged(who: &Requester, shown: &Shown) -> bool {
        shown
            .document
            .participant
            .as_deref()
            .is_some_and(|p| !who.is_of(p))
    }

    /// A document's file for `who`; another State's document is logged
    /// as read (through `path`: `page` or `api`) before it is handed over.
    pub async fn file(
        &self,
        who: &Requester,
        id: i64,
        path: &str,
    ) -> LibraryResult<(Shown, Vec<u8>)> {
        let (_, shown) = self.document(who, id).await?;
        if shown.withdrawn() && shown.view != LibraryView::Publisher {
            return Err(LibraryFailure::NotFound);
        }
        let bytes = self
            .store
            .library_file(id)
            .await?
            .ok_or(LibraryFailure::NotFound)?;
        if Self::download_is_logged(who, &shown) {
            let entry = events::library_downloaded(
                self.clock.now(),
                &who.log,
                id,
                shown.document.participant.as_deref(),
                path,
            )?;
            self.store.append_log(&[entry]).await?;
        }
        Ok((shown, bytes))
    }

    /// Publishes a document for `who`'s State (or for the secretariat),
    /// which must take part and be a State.
    pub async fn publish(
        &self,
        who: &Requester,
        draft: DocumentDraft,
    ) -> LibraryResult<LibraryDocument> {
        let participants = Participants::of(self.store.participants().await?);
        let publisher = match who.actor.participant.as_ref().map(|p| p.as_str()) {
            None => None,
            Some(code) => match participants.get(code) {
                Some(p) if !p.status.takes_part() => {
                    return Err(LibraryFailure::Refused("library-refused-not-participating"))
                }
                Some(p) if p.kind == ParticipantKind::Organisation => {
                    return Err(LibraryFailure::Refused("library-refused-not-a-state"))
                }
                Some(_) => Some(code.to_owned()),
                None => return Err(LibraryFailure::Refused("library-refused-not-participating")),
            },
        };
        let doc = draft.check().map_err(LibraryFailure::Fields)?;
        let sha256 = hex::encode(Sha256::digest(&doc.bytes));
        let now = self.clock.now();
        let areas: Vec<&str> = doc.areas.iter().map(|a| a.as_str()).collect();
        let log = events::library_published(
            now,
            &who.log,
            0,
            publisher.as_deref(),
            &doc.title,
            doc.tlp.code(),
            &doc.languages,
            &areas,
            &sha256,
        )?;
        let new = NewLibraryDocument {
            participant: publisher,
            title: doc.title,
            kind: doc.kind.as_str().to_owned(),
            tlp: doc.tlp.code().to_owned(),
            languages: doc.languages,
            areas: doc.areas.iter().map(|a| a.as_str().to_owned()).collect(),
            summaries: doc.summaries,
            file_name: doc.file_name,
            file_type: doc.file_type.as_str().to_owned(),
            sha256,
            bytes: doc.bytes,
            published_at: now,
            published_by: Some(who.account_id()),
        };
        Ok(self.store.publish_library_document(new, log).await?)
    }

    /// Withdraws a document: its publisher's accounts or the secretariat.
    pub async fn withdraw(
        &self,
        who: &Requester,
        id: i64,
        reason: &str,
    ) -> LibraryResult<LibraryDocument> {
        let (_, shown) = self.document(who, id).await?;
        if shown.view != LibraryView::Publisher {
            return Err(LibraryFailure::Refused("library-refused-not-publisher"));
        }
        if shown.withdrawn() {
            return Err(LibraryFailure::Refused("library-refused-withdrawn"));
        }
        let reason = withdrawal_reason(reason).map_err(|e| LibraryFailure::Fields(vec![e]))?;
        let now = self.clock.now();
        let log = events::library_withdrawn(
            now,
            &who.log,
            id,
            shown.document.participant.as_deref(),
            &reason,
        )?;
        Ok(self
            .store
            .withdraw_library_document(id, now, who.account_id(), &reason, log)
            .await?)
    }
}
