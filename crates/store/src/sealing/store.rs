//! The passes over every sealed column, written once for both backends.

use super::{Form, SealStore, SealedColumn, SealedCounts, SEALED_COLUMNS};
use crate::sql::{Driver, Param, SqlStore};
use crate::{Backend, StoreError, StoreResult};
use async_trait::async_trait;
use pocdir_domain::seal::key_id_of_str;

/// The text form's prefix, without a key id: what every sealed TEXT value starts with.
const TEXT_SEALED: &str = "seal1.";
const BYTES_VERSION: u8 = 1;
/// Long enough to hold the prefix and the longest key id (64).
const HEAD_LEN: i64 = 80;

const SEAL_STATE: &str = "SELECT clear_values_sealed FROM seal_state WHERE id = 1";
const SET_SEAL_STATE: &str = "UPDATE seal_state SET clear_values_sealed = true WHERE id = 1";

fn select_batch(c: &SealedColumn) -> String {
    let SealedColumn {
        table,
        key,
        key2,
        column,
        ..
    } = c;
    format!(
        "SELECT {key}, {key2}, {column} FROM {table} \
         WHERE {column} IS NOT NULL AND length({column}) > 0 \
         AND substr({column}, 1, CAST($1 AS INTEGER)) <> $2 \
         AND ({key} > $3 OR ({key} = $3 AND {key2} > $4)) \
         ORDER BY {key}, {key2} LIMIT $5"
    )
}

fn update_one(c: &SealedColumn) -> String {
    let SealedColumn {
        table,
        key,
        key2,
        column,
        ..
    } = c;
    // The blind index is written too ($5; the same on a rotation, new for
    // a value that was in clear).
    let index = c
        .index
        .map(|index| format!(", {index} = $5"))
        .unwrap_or_default();
    format!(
        "UPDATE {table} SET {column} = $1{index} \
         WHERE {key} = $2 AND {key2} = $3 AND {column} = $4"
    )
}

fn select_heads(c: &SealedColumn) -> String {
    let SealedColumn { table, column, .. } = c;
    format!(
        "SELECT substr({column}, 1, CAST($1 AS INTEGER)) FROM {table} \
         WHERE {column} IS NOT NULL AND length({column}) > 0"
    )
}

/// The key id at the head of a sealed BLOB, if it is one.
fn key_id_of_bytes(head: &[u8]) -> Option<String> {
    let (&version, rest) = head.split_first()?;
    let (&len, rest) = rest.split_first()?;
    if version != BYTES_VERSION {
        return None;
    }
    let id = rest.get(..usize::from(len))?;
    std::str::from_utf8(id).ok().map(str::to_string)
}

fn bytes_prefix(key_id: &str) -> Vec<u8> {
    let mut prefix = vec![BYTES_VERSION, u8::try_from(key_id.len()).unwrap_or(u8::MAX)];
    prefix.extend_from_slice(key_id.as_bytes());
    prefix
}

/// Which values a pass takes: those not under the current key, or only
/// those in clear.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Pass {
    Rotate,
    InClear,
}

impl<D: Driver> SqlStore<D> {
    /// Seals, once per database, the values an earlier version wrote in
    /// clear. Run at open, after the migrations; the row in `seal_state`
    /// says it was done, and a second instance doing it at the same time
    /// writes nothing twice (each row is written only if unchanged).
    pub(crate) async fn seal_values_in_clear(&self) -> StoreResult<()> {
        let (done,): (bool,) = self.fetch_one(SEAL_STATE, &[]).await?;
        if done {
            return Ok(());
        }
        let mut sealed = 0;
        for column in SEALED_COLUMNS {
            sealed += self.reseal_column(column, Pass::InClear, 500).await?;
        }
        self.execute(SET_SEAL_STATE, &[]).await?;
        if sealed > 0 {
            self.purge_old_row_images().await?;
            tracing::info!(sealed, "sealed the values an earlier version kept in clear");
        }
        Ok(())
    }

    /// The values in clear that sealing replaced still lie in the files
    /// (SQLite's free pages, PostgreSQL's dead row versions) until the
    /// tables are rewritten: rewrite them, once, at the upgrade.
    async fn purge_old_row_images(&self) -> StoreResult<()> {
        match D::BACKEND {
            Backend::Sqlite => {
                self.maintenance("VACUUM").await?;
                self.maintenance("PRAGMA wal_checkpoint(TRUNCATE)").await?;
            }
            Backend::Postgres => {
                let mut tables: Vec<&str> = SEALED_COLUMNS.iter().map(|c| c.table).collect();
                tables.sort_unstable();
                tables.dedup();
                self.maintenance(&format!("VACUUM FULL {}", tables.join(", ")))
                    .await?;
            }
        }
        Ok(())
    }

    async fn reseal_column(&self, c: &SealedColumn, pass: Pass, batch: u32) -> StoreResult<u64> {
        let current = self.keys.ring().current_id().to_string();
        let select = select_batch(c);
        let update = update_one(c);
        let mut after = (i64::MIN, i64::MIN);
        let mut resealed = 0;
        loop {
            let changed = match c.form {
                Form::Text => {
                    let prefix = match pass {
                        Pass::Rotate => format!("{TEXT_SEALED}{current}."),
                        Pass::InClear => TEXT_SEALED.to_string(),
                    };
                    let rows: Vec<(i64, i64, String)> = self
                        .fetch_all(&select, &batch_params(&prefix, after, batch))
                        .await?;
                    let Some(last) = rows.last() else { break };
                    after = (last.0, last.1);
                    let mut tx = self.begin().await?;
                    let mut changed = 0;
                    for (k1, k2, old) in &rows {
                        let name = row_name(*k1, *k2);
                        let plain = if key_id_of_str(old).is_ok() {
                            self.keys.open_str(c.purpose, c.table, &name, old)?
                        } else {
                            old.clone()
                        };
                        let new = self.keys.seal_str(c.purpose, c.table, &name, &plain)?;
                        let index = match c.index {
                            Some(_) => self.keys.blind_index(c.purpose, &plain)?,
                            None => String::new(),
                        };
                        let mut params = vec![
                            new.as_str().into(),
                            (*k1).into(),
                            (*k2).into(),
                            old.as_str().into(),
                        ];
                        if c.index.is_some() {
                            params.push(index.as_str().into());
                        }
                        changed += tx.execute(&update, &params).await?;
                    }
                    tx.commit().await?;
                    changed
                }
                Form::Bytes => {
                    if pass == Pass::InClear {
                        // No column was ever written in clear as bytes.
                        break;
                    }
                    let prefix = bytes_prefix(&current);
                    let params = [
                        Param::Int(i64::try_from(prefix.len()).unwrap_or(HEAD_LEN)),
                        Param::Bytes(&prefix),
                        Param::Int(after.0),
                        Param::Int(after.1),
                        Param::Int(i64::from(batch)),
                    ];
                    let rows: Vec<(i64, i64, Vec<u8>)> = self.fetch_all(&select, &params).await?;
                    let Some(last) = rows.last() else { break };
                    after = (last.0, last.1);
                    let mut tx = self.begin().await?;
                    let mut changed = 0;
                    for (k1, k2, old) in &rows {
                        let name = row_name(*k1, *k2);
                        let plain = self.keys.open_bytes(c.purpose, c.table, &name, old)?;
                        let new = self.keys.seal_bytes(c.purpose, c.table, &name, &plain)?;
                        changed += tx
                            .execute(
                                &update,
                                &[
                                    new.as_slice().into(),
                                    (*k1).into(),
                                    (*k2).into(),
                                    old.as_slice().into(),
                                ],
                            )
                            .await?;
                    }
                    tx.commit().await?;
                    changed
                }
            };
            resealed += changed;
        }
        Ok(resealed)
    }
}

fn batch_params<'a>(prefix: &'a str, after: (i64, i64), batch: u32) -> [Param<'a>; 5] {
    [
        Param::Int(i64::try_from(prefix.len()).unwrap_or(HEAD_LEN)),
        Param::Text(prefix),
        Param::Int(after.0),
        Param::Int(after.1),
        Param::Int(i64::from(batch)),
    ]
}

fn row_name(k1: i64, k2: i64) -> String {
    if k2 == 0 {
        k1.to_string()
    } else {
        format!("{k1} v{k2}")
    }
}

#[async_trait]
impl<D: Driver> SealStore for SqlStore<D> {
    async fn reseal_all(&self, batch: u32) -> StoreResult<u64> {
        if batch == 0 {
            return Err(StoreError::NotAllowed("a batch of no rows".into()));
        }
        let mut resealed = 0;
        for column in SEALED_COLUMNS {
            resealed += self.reseal_column(column, Pass::Rotate, batch).await?;
        }
        Ok(resealed)
    }

    async fn sealed_counts(&self) -> StoreResult<SealedCounts> {
        let mut counts = SealedCounts::new();
        for c in SEALED_COLUMNS {
            let sql = select_heads(c);
            let ids: Vec<Option<String>> = match c.form {
                Form::Text => {
                    let heads: Vec<(String,)> =
                        self.fetch_all(&sql, &[Param::Int(HEAD_LEN)]).await?;
                    heads
                        .iter()
                        .map(|(h,)| key_id_of_str(h).ok().map(str::to_string))
                        .collect()
                }
                Form::Bytes => {
                    let heads: Vec<(Vec<u8>,)> =
                        self.fetch_all(&sql, &[Param::Int(HEAD_LEN)]).await?;
                    heads.iter().map(|(h,)| key_id_of_bytes(h)).collect()
                }
            };
            for id in ids {
                *counts.entry(id).or_default() += 1;
            }
        }
        Ok(counts)
    }

    fn current_key_id(&self) -> String {
        self.keys.ring().current_id().to_string()
    }
}
