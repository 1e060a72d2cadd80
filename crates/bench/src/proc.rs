//! Child processes that are always reaped, and their memory use.

use anyhow::{bail, Context, Result};
use serde::Serialize;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::time::{Duration, Instant};

/// A running child process, killed (SIGKILL) and reaped when dropped,
/// so no server outlives the benchmark, also when it fails half-way.
pub struct ChildGuard {
    child: Option<Child>,
    name: String,
    log: PathBuf,
}

impl ChildGuard {
    /// Spawns `cmd` with stdout and stderr appended to `log`.
    pub fn spawn(name: &str, mut cmd: Command, log: &Path, stdin: Stdio) -> Result<ChildGuard> {
        let out = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(log)
            .with_context(|| format!("cannot open {}", log.display()))?;
        let err = out.try_clone()?;
        let child = cmd
            .stdin(stdin)
            .stdout(out)
            .stderr(err)
            .spawn()
            .with_context(|| format!("cannot start {name} ({:?})", cmd.get_program()))?;
        Ok(ChildGuard {
            child: Some(child),
            name: name.to_string(),
            log: log.to_path_buf(),
        })
    }

    pub fn pid(&self) -> u32 {
        self.child.as_ref().map_or(0, Child::id)
    }

    /// `Some` once the process has ended.
    pub fn exited(&mut self) -> Result<Option<ExitStatus>> {
        match self.child.as_mut() {
            Some(c) => Ok(c.try_wait()?),
            None => bail!("{} was already stopped", self.name),
        }
    }

    /// An error that says the process ended, with the end of its log.
    pub fn died(&self, status: ExitStatus) -> anyhow::Error {
        anyhow::anyhow!(
            "{} exited early ({status}); end of its log:\n{}",
            self.name,
            log_tail(&self.log, 20)
        )
    }

    /// Asks the process to stop (SIGTERM, which pocdir handles gracefully),
    /// waits up to `grace`, then kills it. Returns how it ended.
    pub async fn stop(mut self, grace: Duration) -> Result<ExitStatus> {
        // The child stays in the guard while waiting, so that it is still
        // killed if this future is dropped half-way.
        if let Some(status) = self.exited()? {
            return Ok(status);
        }
        // std can only send SIGKILL; `kill` from procps sends SIGTERM without unsafe code.
        let term = Command::new("kill")
            .arg("-TERM")
            .arg(self.pid().to_string())
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .status();
        if matches!(term, Ok(s) if s.success()) {
            let deadline = Instant::now() + grace;
            while Instant::now() < deadline {
                if let Some(status) = self.exited()? {
                    return Ok(status);
                }
                tokio::time::sleep(Duration::from_millis(5)).await;
            }
            eprintln!(
                "warning: {} did not stop within {grace:?} of SIGTERM; killing it",
                self.name
            );
        }
        let Some(mut child) = self.child.take() else {
            bail!("{} was already stopped", self.name);
        };
        child.kill().ok();
        Ok(child.wait()?)
    }
}

impl Drop for ChildGuard {
    fn drop(&mut self) {
        if let Some(mut child) = self.child.take() {
            if matches!(child.try_wait(), Ok(None)) {
                let _ = child.kill();
            }
            let _ = child.wait();
        }
    }
}

/// The last `lines` lines of a log file (for error messages).
pub fn log_tail(path: &Path, lines: usize) -> String {
    match std::fs::read_to_string(path) {
        Ok(text) => {
            let all: Vec<&str> = text.lines().collect();
            let skip = all.len().saturating_sub(lines);
            all.iter()
                .skip(skip)
                .copied()
                .collect::<Vec<_>>()
                .join("\n")
        }
        Err(e) => format!("(cannot read {}: {e})", path.display()),
    }
}

/// Resident memory of a process, from `/proc/PID/status`.
#[derive(Debug, Clone, Copy, Serialize, PartialEq, Eq)]
pub struct Memory {
    /// VmRSS: resident now.
    pub rss_kib: u64,
    /// VmHWM: the peak resident size so far.
    pub peak_rss_kib: u64,
}

pub fn memory(pid: u32) -> Result<Memory> {
    let path = format!("/proc/{pid}/status");
    let text = std::fs::read_to_string(&path).with_context(|| format!("cannot read {path}"))?;
    parse_status(&text).with_context(|| format!("no VmRSS/VmHWM in {path}"))
}

fn parse_status(text: &str) -> Option<Memory> {
    let field = |name: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(name))
            .and_then(|rest| {
                rest.trim()
                    .trim_end_matches("kB")
                    .trim()
                    .parse::<u64>()
                    .ok()
            })
    };
    Some(Memory {
        rss_kib: field("VmRSS:")?,
        peak_rss_kib: field("VmHWM:")?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_fields_are_read() {
        let text = "Name:\tpocdir\nVmPeak:\t  900 kB\nVmHWM:\t   23456 kB\nVmRSS:\t   20480 kB\nThreads:\t3\n";
        assert_eq!(
            parse_status(text),
            Some(Memory {
                rss_kib: 20480,
                peak_rss_kib: 23456
            })
        );
        assert_eq!(parse_status("Name:\tx\n"), None);
    }

    #[test]
    fn own_memory_is_readable() {
        let m = memory(std::process::id()).unwrap();
        assert!(m.rss_kib > 0 && m.peak_rss_kib >= m.rss_kib);
    }
}
