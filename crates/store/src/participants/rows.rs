//! Participant rows and their conversion.

use super::{Participant, ParticipantNames};
use crate::{corrupt, db_time, StoreError, StoreResult};

macro_rules! participant_columns {
    () => {
        "code, alpha2, m49, kind, status, region, subregion, name_ar, name_zh, name_en, \
         name_es, name_fr, name_ru, created_at, status_changed_at"
    };
}
pub(super) use participant_columns;

#[derive(sqlx::FromRow)]
pub(super) struct ParticipantRow {
    code: String,
    alpha2: Option<String>,
    m49: Option<String>,
    kind: String,
    status: String,
    region: String,
    subregion: String,
    name_ar: String,
    name_zh: String,
    name_en: String,
    name_es: String,
    name_fr: String,
    name_ru: String,
    created_at: i64,
    status_changed_at: i64,
}

impl TryFrom<ParticipantRow> for Participant {
    type Error = StoreError;

    fn try_from(r: ParticipantRow) -> StoreResult<Self> {
        let bad = corrupt("participants", r.code.clone());
        Ok(Participant {
            kind: r.kind.parse().map_err(&bad)?,
            status: r.status.parse().map_err(&bad)?,
            alpha2: r.alpha2,
            m49: r.m49,
            region: r.region,
            subregion: r.subregion,
            names: ParticipantNames {
                ar: r.name_ar,
                zh: r.name_zh,
                en: r.name_en,
                es: r.name_es,
                fr: r.name_fr,
                ru: r.name_ru,
            },
            created_at: db_time(r.created_at).map_err(&bad)?,
            status_changed_at: db_time(r.status_changed_at).map_err(&bad)?,
            code: r.code,
        })
    }
}
