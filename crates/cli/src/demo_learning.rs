//! The demo's e-learning: the three shipped modules installed, and
//! Pakistan's technical PoC halfway through "What a PoC does" (two of its
//! three lessons read, the quiz not yet taken).

use anyhow::{anyhow, Context, Result};
use pocdir_domain::clock::Clock;
use pocdir_domain::log::entry::LogActor;
use pocdir_store::Store;
use pocdir_web::learning::service::install_shipped;

pub const HALFWAY_ACCOUNT: &str = "technical.poc@cert.pk.example.org";
pub const HALFWAY_MODULE: &str = "what-a-poc-does";

pub async fn seed(store: &dyn Store, clock: &dyn Clock) -> Result<()> {
    install_shipped(store, clock, &LogActor::system())
        .await
        .map_err(|e| anyhow!("the demo's e-learning modules: {e:?}"))?;
    let account = store
        .account_by_email(HALFWAY_ACCOUNT)
        .await?
        .with_context(|| format!("the demo account {HALFWAY_ACCOUNT}"))?;
    for lesson in ["01-roles", "02-duties"] {
        store
            .mark_lesson_read(account.id, HALFWAY_MODULE, lesson, clock.now())
            .await?;
    }
    Ok(())
}
