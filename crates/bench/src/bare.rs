//! The floor: an HTTP server that does no work, on the same stack as pocdir
//! (axum on hyper on a multi-thread tokio runtime), run as its own process.

use anyhow::{bail, Context, Result};
use axum::http::header;
use axum::response::IntoResponse;
use axum::Router;
use std::io::Read;
use std::net::SocketAddr;

/// The fixed answer on every path.
pub const BODY: &str = r#"{"ok":true,"server":"pocdir-bench bare-server"}"#;

async fn answer() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], BODY)
}

/// Serves until SIGTERM, Ctrl-C, or the end of stdin (the benchmark holds
/// stdin open, so the server also ends if the benchmark dies).
pub fn run(listen: SocketAddr) -> Result<()> {
    if !listen.ip().is_loopback() {
        bail!("the bare server listens on loopback only, not {listen}");
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .context("cannot build the tokio runtime")?;
    rt.block_on(async move {
        let listener = tokio::net::TcpListener::bind(listen)
            .await
            .with_context(|| format!("cannot listen on {listen}"))?;
        let app = Router::new().fallback(answer);
        eprintln!("bare-server listening on http://{listen}/");
        axum::serve(listener, app)
            .with_graceful_shutdown(stop_signal())
            .await?;
        Ok(())
    })
}

async fn stop_signal() {
    // A plain thread, not tokio's stdin: its read cannot be cancelled and
    // would hold up the runtime's shutdown. It ends with the process.
    let (tx, stdin_closed) = tokio::sync::oneshot::channel::<()>();
    std::thread::spawn(move || {
        let mut stdin = std::io::stdin().lock();
        let mut buf = [0u8; 64];
        // Bounded by the life of the parent: EOF (or an error) when it goes.
        while matches!(stdin.read(&mut buf), Ok(n) if n > 0) {}
        let _ = tx.send(());
    });
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        _ = stdin_closed => {}
        _ = term => {}
        _ = tokio::signal::ctrl_c() => {}
    }
}
