//! Issuing an offline crisis pack: the entries its holder may see with
//! contact details, in the holder's language, signed by the instance's key
//! and sealed to the holder's OpenPGP key or passphrase, with the log
//! entries that put every read in it on record. One path for the download
//! (`web/src/crisis_pack`) and the periodic mail (`jobs/src/crisis_packs.rs`),
//! so that a mailed pack holds, and logs, exactly what a downloaded one
//! would. What a pack is, how it renders, seals and opens:
//! `domain::directory::crisis_pack`.

use crate::access::{DirectoryAccess, RecordError};
use crate::export::export_entries;
use crate::search::{DirectorySnapshot, SearchQuery};
use pocdir_domain::directory::crisis_pack::{
    self as pack, PackError, PackManifest, PackSigningKey, PackText, Recipient,
};
use pocdir_domain::directory::exchange::ExportEntry;
use pocdir_domain::directory::openpgp::OpenPgpKey;
use pocdir_domain::entropy::Entropy;
use pocdir_domain::log::entry::LogDraft;
use pocdir_domain::log::events;
use pocdir_domain::requester::Requester;
use pocdir_i18n::{Lang, Translator};
use pocdir_store::{Store, StoreResult};
use time::OffsetDateTime;

/// The pack file's words in the holder's language.
pub fn text(lang: Lang) -> PackText {
    let tr = Translator::new(lang);
    let t = |id: &str| tr.t(id);
    PackText {
        lang: lang.code().to_string(),
        right_to_left: lang.is_rtl(),
        title: t("crisis-pack-file-title"),
        // `{date}` and `{days}` are left for the domain (the dates) and the
        // file's script (the age when opened) to fill in.
        issued: tr.t1("crisis-pack-file-issued", "date", "{date}"),
        valid_until: tr.t1("crisis-pack-file-valid-until", "date", "{date}"),
        holder: t("crisis-pack-file-holder"),
        entries: t("crisis-pack-file-entries"),
        serial: t("crisis-pack-file-serial"),
        signing_key: t("crisis-pack-file-signing-key"),
        explanation: t("crisis-pack-file-explanation"),
        expired: t("crisis-pack-file-expired"),
        age: tr.t1("crisis-pack-file-age", "days", "{days}"),
        download_csv: t("crisis-pack-file-download-csv"),
        role_diplomatic: t("crisis-pack-role-diplomatic"),
        role_technical: t("crisis-pack-role-technical"),
        columns: [
            t("directory-col-state"),
            t("crisis-pack-col-role"),
            t("poc-field-name"),
            t("poc-field-title"),
            t("poc-field-organisation"),
            t("poc-field-emails"),
            t("poc-field-phones"),
            t("poc-field-secure-channels"),
            t("poc-field-languages"),
            t("poc-field-time-zone"),
            t("poc-field-hours"),
            t("poc-field-openpgp-key"),
        ],
    }
}

/// The holder's usable OpenPGP key at `now`: the first of its PoC
/// entries' keys that has not expired.
pub async fn holder_key(
    store: &dyn Store,
    account_id: i64,
    now: OffsetDateTime,
) -> StoreResult<Option<OpenPgpKey>> {
    for id in store.pocs_of_account(account_id).await? {
        let Some(poc) = store.poc(id).await? else {
            continue;
        };
        let key = poc.active_details().ok().flatten().and_then(|d| d.openpgp);
        if let Some(key) = key {
            if key.expires_at.is_none_or(|e| e > now) {
                return Ok(Some(key));
            }
        }
    }
    Ok(None)
}

/// Who a pack is for.
#[derive(Debug, Clone, Copy)]
pub struct Holder<'a> {
    pub who: &'a Requester,
    pub email: &'a str,
}

/// A pack made, not yet on record.
#[derive(Debug)]
pub struct Issued {
    pub manifest: PackManifest,
    /// The armored OpenPGP message.
    pub sealed: String,
    /// The log entries to write before the pack leaves, in one append:
    /// a read of every entry of another State in it, then the issue.
    pub entries: Vec<LogDraft>,
}

/// Why a pack could not be made.
#[derive(Debug, thiserror::Error)]
pub enum IssueError {
    #[error(transparent)]
    Pack(#[from] PackError),
    #[error(transparent)]
    Record(#[from] RecordError),
}

/// What a pack needs of the instance.
#[derive(Clone, Copy)]
pub struct Instance<'a> {
    pub base_url: &'a str,
    pub signing: &'a PackSigningKey,
    pub entropy: &'a dyn Entropy,
}

/// Makes the pack of everything `holder` may see in `snapshot`, sealed to
/// `recipient`, in `lang`.
pub fn issue(
    instance: Instance<'_>,
    snapshot: &DirectorySnapshot,
    holder: Holder<'_>,
    recipient: Recipient<'_>,
    lang: Lang,
    now: OffsetDateTime,
) -> Result<Issued, IssueError> {
    let found = export_entries(snapshot, &holder.who.actor, &SearchQuery::default(), now);
    let reads: Vec<(String, i64, i64)> = found
        .iter()
        .map(|(e, version)| (e.participant.clone(), e.id, *version))
        .collect();
    let shown: Vec<ExportEntry> = found.into_iter().map(|(e, _)| e).collect();
    let manifest = PackManifest::new(
        instance.base_url,
        holder.who.account_id(),
        holder.email,
        shown.len(),
        &instance.signing.fingerprint(),
        now,
    );
    let to_key = matches!(recipient, Recipient::Key(_));
    let html = pack::render_html(&manifest, &shown, &text(lang))?;
    let sealed = pack::seal(&html, instance.signing, recipient, now, instance.entropy)?;
    let issued = events::crisis_pack_issued(
        now,
        &holder.who.log,
        holder.who.actor.participant.as_ref().map(|p| p.as_str()),
        manifest.serial,
        manifest.entries,
        manifest.valid_until,
        to_key,
    )
    .map_err(RecordError::from)?;
    let entries = DirectoryAccess::read_entries(
        holder.who,
        reads
            .iter()
            .map(|(code, id, version)| (code.as_str(), *id, *version)),
        "export",
        vec![issued],
        now,
    )?;
    Ok(Issued {
        manifest,
        sealed,
        entries,
    })
}
