//! Prometheus metrics: request counts and latencies by route.

use axum::extract::{MatchedPath, Request};
use axum::http::{header, HeaderValue};
use axum::response::{IntoResponse, Response};
use metrics_exporter_prometheus::{Matcher, PrometheusBuilder, PrometheusHandle};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

static HANDLE: OnceLock<Option<PrometheusHandle>> = OnceLock::new();

const LATENCY_BUCKETS: [f64; 12] = [
    0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5,
];

/// How often the recorded latencies are folded into their buckets.
const UPKEEP_EVERY: Duration = Duration::from_secs(5);

/// Installs the process-wide recorder once (several servers in one test process share it).
pub fn recorder() -> Option<&'static PrometheusHandle> {
    HANDLE
        .get_or_init(|| {
            let handle = PrometheusBuilder::new()
                .set_buckets_for_metric(
                    Matcher::Full("pocdir_http_request_duration_seconds".to_string()),
                    &LATENCY_BUCKETS,
                )
                .and_then(|b| b.install_recorder())
                .map_err(|e| tracing::warn!(error = %e, "metrics recorder not installed"))
                .ok()?;
            // The recorder keeps every latency sample until upkeep folds it
            // into the buckets; without it, a server nobody scrapes grows
            // by each request it answers.
            let kept = handle.clone();
            let upkeep = std::thread::Builder::new()
                .name("metrics-upkeep".into())
                .spawn(move || loop {
                    std::thread::sleep(UPKEEP_EVERY);
                    kept.run_upkeep();
                });
            if let Err(e) = upkeep {
                tracing::warn!(error = %e, "metrics upkeep not started");
            }
            Some(handle)
        })
        .as_ref()
}

/// One request's count and latency, by its route: started when the
/// request comes in, recorded with its answer.
pub struct Timing {
    route: String,
    method: String,
    started: Instant,
}

impl Timing {
    pub fn start(request: &Request) -> Self {
        let route = request
            .extensions()
            .get::<MatchedPath>()
            .map(|p| p.as_str().to_string())
            // Unmatched paths are not used as labels: that would let anyone grow the series.
            .unwrap_or_else(|| "unmatched".to_string());
        Timing {
            route,
            method: request.method().as_str().to_string(),
            started: Instant::now(),
        }
    }

    pub fn record(self, response: &Response) {
        let status = response.status().as_u16().to_string();
        metrics::counter!("pocdir_http_requests_total", "method" => self.method, "route" => self.route.clone(), "status" => status)
            .increment(1);
        metrics::histogram!("pocdir_http_request_duration_seconds", "route" => self.route)
            .record(self.started.elapsed().as_secs_f64());
    }
}

pub async fn serve_metrics() -> Response {
    let body = recorder().map(|h| h.render()).unwrap_or_default();
    (
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("text/plain; version=0.0.4; charset=utf-8"),
        )],
        body,
    )
        .into_response()
}
