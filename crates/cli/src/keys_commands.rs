//! `pocdir keys rotate` and `pocdir keys status`: the keys that seal values
//! at rest (see `sealing_keys.rs` for the key file).

use crate::config::Config;
use crate::sealing_keys;
use crate::server;
use anyhow::{Context, Result};
use pocdir_domain::clock::Clock;
use pocdir_domain::log::entry::LogActor;
use pocdir_domain::log::events;
use pocdir_store::SealedCounts;

/// What a rotation did.
#[derive(Debug)]
pub struct Rotation {
    pub new_key: String,
    pub previous_key: String,
    pub resealed: u64,
    pub log_index: u64,
    pub counts: SealedCounts,
}

/// Adds a key to the key file and makes it current, logs it, then re-seals
/// every sealed value under it, `batch` rows per transaction. A running
/// `pocdir serve` keeps serving: it reads the key file again when it
/// changes or when it meets the new key's id.
pub async fn rotate(config: &Config, clock: &dyn Clock, batch: u32) -> Result<Rotation> {
    // Opening first creates the key file on a fresh install and seals what
    // an earlier version kept in clear, under the key that is current now.
    drop(server::open_store(config).await?);
    let (ring, previous_key) = sealing_keys::rotate(&config.data_dir)?;
    let new_key = ring.current_id().to_string();
    // Opened again: it reads the new key file, whose current key is the new one.
    let store = server::open_store(config).await?;
    let draft = events::keys_rotated(
        clock.now(),
        LogActor::console(),
        &new_key,
        &previous_key,
        &ring.key_ids(),
    )?;
    let log_index = store
        .append_log(&[draft])
        .await
        .context("cannot log the rotation")?
        .first()
        .copied()
        .unwrap_or_default();
    // A server that sealed a value under the old key just before it saw
    // the new file is caught by the next pass: repeat until none is left.
    let mut resealed = 0;
    loop {
        let n = store.reseal_all(batch).await.with_context(|| {
            format!(
                "re-sealing stopped; the key file already holds {new_key}: \
                 run `pocdir keys rotate` again to finish"
            )
        })?;
        resealed += n;
        if n == 0 {
            break;
        }
    }
    let counts = store.sealed_counts().await?;
    Ok(Rotation {
        new_key,
        previous_key,
        resealed,
        log_index,
        counts,
    })
}

/// How many values are under each key, as lines to print.
pub async fn status(config: &Config) -> Result<Vec<String>> {
    let path = sealing_keys::key_file(&config.data_dir);
    let Some(ring) = sealing_keys::load_existing(&config.data_dir)? else {
        return Ok(vec![format!(
            "no key file at {}: `pocdir serve` creates it on first start",
            path.display()
        )]);
    };
    let store = server::open_store_read_only(config).await?;
    let counts = store.sealed_counts().await?;
    let mut lines = vec![
        format!("key file: {}", path.display()),
        format!("current key: {}", ring.current_id()),
    ];
    for id in ring.key_ids() {
        let n = counts.get(&Some(id.to_string())).copied().unwrap_or(0);
        let current = if id == ring.current_id() {
            " (current)"
        } else {
            ""
        };
        lines.push(format!("{id}: {n} values{current}"));
    }
    for (id, n) in &counts {
        match id {
            Some(id) if ring.key_ids().contains(&id.as_str()) => {}
            Some(id) => lines.push(format!(
                "{id}: {n} values under a key the key file does not hold: they cannot be read"
            )),
            None => lines.push(format!(
                "in clear: {n} values (`pocdir serve` seals them when it starts)"
            )),
        }
    }
    Ok(lines)
}
