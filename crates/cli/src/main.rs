//! `pocdir` — one binary: the server and its admin commands.

use anyhow::Result;
use clap::{Parser, Subcommand};
use pocdir::accounts::{create_account, demo_totp_code, mint_token, AccountRequest};
use pocdir::config::{Config, Overrides};
use pocdir::demo::{self, DemoOutcome};
use pocdir::keys_commands;
use pocdir::log_commands;
use pocdir::server::{self, Services};
use pocdir_domain::account::AccountKind;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

/// mimalloc rather than the system's allocator: a request allocates and
/// frees many small values across threads, where glibc's malloc spent a
/// sixth of a loaded server's time (`perf`, `pocdir-bench http`).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(
    name = "pocdir",
    version,
    about = "Points-of-Contact Directory for cyber confidence-building between States"
)]
struct Cli {
    /// Configuration file (default: ./pocdir.toml when present).
    #[arg(long, global = true, value_name = "FILE")]
    config: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

/// Where the data is, for every command that opens the database.
#[derive(clap::Args, Clone, Default)]
struct DataArgs {
    /// Data folder (database, secrets, demo logins). Default: ./pocdir-data
    #[arg(long, value_name = "DIR")]
    data_dir: Option<PathBuf>,
    /// sqlite://PATH or postgres://USER@HOST/DB. Default: SQLite in the data folder.
    #[arg(long, value_name = "URL")]
    database_url: Option<String>,
}

#[derive(Subcommand)]
enum Command {
    /// Start the server (web pages, API, background jobs).
    Serve {
        #[command(flatten)]
        data: DataArgs,
        /// Address to listen on. Default: 127.0.0.1:8080
        #[arg(long, value_name = "ADDR:PORT")]
        listen: Option<SocketAddr>,
        /// Fill an empty database with demo accounts and print their logins.
        #[arg(long)]
        demo: bool,
    },
    /// Manage accounts.
    Account {
        #[command(subcommand)]
        command: AccountCommand,
    },
    /// The tamper-evident log: verify, export, key, monitor.
    Log {
        #[command(subcommand)]
        command: LogCommand,
    },
    /// Back up the whole database to one file, while the server runs: one
    /// consistent snapshot, compressed, in a format either backend restores.
    Backup {
        #[command(flatten)]
        data: DataArgs,
        /// The backup file to write (replaced only once it is whole; mode 0600).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        /// Encrypt the backup to this age recipient (age1…).
        #[arg(long, value_name = "RECIPIENT")]
        age_recipient: Option<String>,
        /// Also carry the files of the secrets folder (sealing keys, log
        /// signing key): whoever holds the backup can then open sealed values.
        #[arg(long)]
        include_secrets: bool,
    },
    /// Restore a backup into an empty data folder or empty database (of
    /// either backend: this is how an installation moves from SQLite to
    /// PostgreSQL, and back), then verify the log and count every table.
    Restore {
        /// The backup file (from `pocdir backup`).
        file: PathBuf,
        #[command(flatten)]
        data: DataArgs,
        /// The age identity file that decrypts an encrypted backup.
        #[arg(long, value_name = "FILE")]
        age_identity: Option<PathBuf>,
    },
    /// The keys that seal values at rest (secrets/sealing.keys): rotate, status.
    Keys {
        #[command(subcommand)]
        command: KeysCommand,
    },
    /// E-learning completion certificates.
    Certificate {
        #[command(subcommand)]
        command: CertificateCommand,
    },
    /// Offline crisis packs.
    Pack {
        #[command(subcommand)]
        command: PackCommand,
    },
    /// As a State: prove from the signed log what its entries are, who read
    /// its PoCs' details, and that history was only appended to. Every entry
    /// about the State is checked against the signed head, the head against
    /// the one seen last time, and the PoCs' details against the logged
    /// nominations. Exit 0 when all holds, 1 naming the first discrepancy,
    /// 2 when the check could not run.
    StateProof {
        /// The pocdir server, e.g. https://pocdir.example.org
        #[arg(long)]
        url: String,
        /// The State's code (ISO 3166-1 alpha-3), e.g. PAK.
        #[arg(long)]
        participant: String,
        /// An API token of one of the State's accounts (nominator or PoC);
        /// read from POCDIR_TOKEN when not given, to keep it out of the
        /// process list.
        #[arg(long, env = "POCDIR_TOKEN", hide_env_values = true)]
        token: String,
        /// The log's public key (base64), obtained out of band; default: the
        /// key remembered by the last run, or trust on first use.
        #[arg(long)]
        key: Option<String>,
        /// Where what a run saw is kept for the next (default:
        /// state-proof-<CODE>.json in the current folder).
        #[arg(long, value_name = "FILE")]
        state: Option<PathBuf>,
        /// The State's own record of its PoCs: a body of
        /// GET /api/v1/participants/<CODE>/pocs saved when it nominated them.
        #[arg(long, value_name = "FILE")]
        record: Option<PathBuf>,
    },
}

#[derive(Subcommand)]
enum PackCommand {
    /// Check a crisis pack offline: decrypt it, check that the instance's
    /// key signed it and that it is still valid; print its issue time,
    /// age, validity, holder and entry count.
    ///
    /// Exit 0: valid. Exit 1: refused, naming what failed (signed by
    /// another key, expired, tampered, wrong passphrase or key). Exit 2:
    /// it could not be checked (a file missing, no key given).
    Verify {
        /// The pack file (`….html.asc`).
        file: PathBuf,
        /// The instance's public key (from /.well-known/pocdir-pack-key.asc).
        #[arg(long, value_name = "KEY.asc", conflicts_with = "url")]
        key: Option<PathBuf>,
        /// The instance's address, to fetch its public key instead of --key.
        #[arg(long, value_name = "URL")]
        url: Option<String>,
        /// Your OpenPGP secret key, when the pack was encrypted to your key.
        #[arg(long, value_name = "PGPKEY", conflicts_with = "pack_passphrase_file")]
        secret_key: Option<PathBuf>,
        /// The file holding the passphrase of --secret-key (first line).
        #[arg(long, value_name = "FILE", requires = "secret_key")]
        passphrase_file: Option<PathBuf>,
        /// The file holding the passphrase chosen at download (first line).
        #[arg(long, value_name = "FILE")]
        pack_passphrase_file: Option<PathBuf>,
        /// Check as at this time (RFC 3339) instead of now: was it valid then?
        #[arg(long, value_name = "TIME", value_parser = parse_time)]
        at: Option<time::OffsetDateTime>,
        /// Also write the pack's HTML and CSV files into this folder.
        #[arg(long, value_name = "DIR")]
        out_dir: Option<PathBuf>,
    },
}

fn parse_time(s: &str) -> std::result::Result<time::OffsetDateTime, String> {
    time::OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .map_err(|e| format!("not an RFC 3339 time: {e}"))
}

#[derive(Subcommand)]
enum CertificateCommand {
    /// Check a certificate (the text its page shows, saved as a file).
    ///
    /// Exit 0: genuine. Exit 1: forged, or signed by another key. Exit 2:
    /// not a certificate, or it could not be checked.
    Verify {
        /// The certificate file (JSON).
        file: PathBuf,
        #[command(flatten)]
        data: DataArgs,
        /// The installation's public key (base64), as published at
        /// /.well-known/pocdir-log-key: check the signature with it alone,
        /// without the database. Default: the keys the log records, and
        /// the database's record of the certificates issued.
        #[arg(long)]
        key: Option<String>,
    },
}

#[derive(Subcommand)]
enum KeysCommand {
    /// Add a new key to the key file, make it current, and re-seal every
    /// sealed value under it. `pocdir serve` may keep running. Old keys stay
    /// in the file; back it up again afterwards.
    Rotate {
        #[command(flatten)]
        data: DataArgs,
        /// Rows re-sealed per transaction.
        #[arg(long, default_value_t = 500)]
        batch: u32,
    },
    /// How many sealed values are under each key. Creates nothing.
    Status {
        #[command(flatten)]
        data: DataArgs,
    },
}

#[derive(Subcommand)]
enum LogCommand {
    /// Recompute every entry and the tree, check every signed head.
    ///
    /// Only reads: it creates no file or folder, runs no migration, needs
    /// read access to the database and none of the server's secrets.
    /// Exit 0: intact. Exit 1: tampered with. Exit 2: could not check (no
    /// database, no key to check the heads with, …), which says nothing
    /// either way.
    Verify {
        #[command(flatten)]
        data: DataArgs,
        /// Verify an export file (from `pocdir log export`) instead of the database.
        #[arg(long, value_name = "FILE")]
        file: Option<PathBuf>,
        /// The log's public key (base64), as published at
        /// /.well-known/pocdir-log-key. When given, it wins: every signed head
        /// must verify with it, whatever keys the database (or export) records,
        /// and a head signed by any other key is tampering (exit 1). Default:
        /// the keys the log records in its database (or the export's), which
        /// are only the database's word; with none recorded and heads to check,
        /// the answer is "cannot check" (exit 2).
        #[arg(long)]
        key: Option<String>,
    },
    /// Write the whole log (the keys it records, entries, signed heads) as
    /// JSON lines. Reads the database only.
    Export {
        #[command(flatten)]
        data: DataArgs,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Print the log's public key (also served at /.well-known/pocdir-log-key):
    /// this installation's, else the one its database records. Creates nothing.
    Key {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Sign and keep a tree head for the log's current size.
    SignHead {
        #[command(flatten)]
        data: DataArgs,
    },
    /// Replace the log's signing key (secrets/log-signing.key) with a new
    /// one. The change is a log entry that names the new key, signed by the
    /// old key when the key file still holds it, so that `log verify` and
    /// monitors follow it. Run it with the server stopped (a running server
    /// stops signing heads until restarted), and back up the secrets folder
    /// again afterwards. When the key file was lost, this is the deliberate
    /// way to start a new key: the entry then says no old key endorsed it.
    RotateKey {
        #[command(flatten)]
        data: DataArgs,
    },
    /// As a participant: fetch the signed head, check its signature and that it
    /// extends the head seen last time, remember it. Exit 1 on a fork or rewrite.
    Monitor {
        /// The pocdir server, e.g. https://pocdir.example.org
        #[arg(long)]
        url: String,
        /// Where the last seen head is kept between runs.
        #[arg(long, value_name = "FILE")]
        state: PathBuf,
        /// The log's public key (base64), obtained out of band; default: trust on first use.
        #[arg(long)]
        key: Option<String>,
    },
}

#[derive(Subcommand)]
enum AccountCommand {
    /// Create an account and print its first password once (bootstraps the first secretariat account).
    Create {
        /// secretariat, nominator, diplomatic_poc, technical_poc, reporter or auditor
        #[arg(long)]
        kind: AccountKind,
        #[arg(long)]
        email: String,
        /// ISO 3166-1 alpha-3 code, for nominators and PoCs (e.g. PAK)
        #[arg(long)]
        participant: Option<String>,
        /// Name shown to others (default: the e-mail address)
        #[arg(long)]
        name: Option<String>,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Mint an API token for scripts and print it once.
    Token {
        #[arg(long)]
        email: String,
        /// A name to recognise the token by
        #[arg(long, default_value = "console")]
        name: String,
        /// read or write
        #[arg(long, default_value = "read")]
        scope: String,
        /// Days until it expires
        #[arg(long, default_value_t = 90)]
        days: i64,
        #[command(flatten)]
        data: DataArgs,
    },
    /// Print the current TOTP code of a demo account (demo accounts only).
    TotpCode {
        #[arg(long)]
        email: String,
        #[command(flatten)]
        data: DataArgs,
    },
}

fn load(
    cli_config: Option<&PathBuf>,
    data: &DataArgs,
    listen: Option<SocketAddr>,
) -> Result<Config> {
    Ok(Config::load(
        cli_config.map(PathBuf::as_path),
        Overrides {
            data_dir: data.data_dir.clone(),
            database_url: data.database_url.clone(),
            listen,
        },
    )?)
}

fn init_tracing(filter: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new(filter));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

#[tokio::main]
async fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli).await {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pocdir: {e:#}");
            ExitCode::FAILURE
        }
    }
}

/// Exit codes of the log commands: 0 intact, 1 tampered, 2 could not check.
const TAMPERED: u8 = 1;
const CANNOT_CHECK: u8 = 2;

async fn run_log(config_file: Option<&PathBuf>, command: LogCommand) -> ExitCode {
    init_tracing("warn");
    let services = Services::default();
    let result: Result<ExitCode> = async {
        match command {
            LogCommand::Verify { data, file, key } => {
                log_commands::ensure_consistent_args(
                    file.as_deref(),
                    data.data_dir.is_some() || data.database_url.is_some(),
                )?;
                let outcome = match file {
                    Some(path) => {
                        let key = key.as_deref().map(log_commands::parse_key).transpose()?;
                        if key.is_none() {
                            eprintln!("note: using the public key inside the export; pass --key to check it against a key you trust");
                        }
                        log_commands::verify_file(&path, key.as_ref())
                    }
                    None => {
                        let keys = match key {
                            Some(k) => log_commands::HeadKeys::Pinned(log_commands::parse_key(&k)?),
                            None => log_commands::HeadKeys::Recorded,
                        };
                        let config = load(config_file, &data, None)?;
                        let store = server::open_store_read_only(&config).await?;
                        let interactive = std::io::IsTerminal::is_terminal(&std::io::stderr());
                        log_commands::verify_store(store.as_ref(), keys, interactive).await
                    }
                };
                match outcome {
                    Ok(report) => {
                        println!(
                            "log intact: {} entries, {} signed heads checked, root {}",
                            report.entries,
                            report.heads,
                            hex::encode(report.root)
                        );
                        Ok(ExitCode::SUCCESS)
                    }
                    Err(log_commands::VerifyFailure::Tampered(t)) => {
                        eprintln!("pocdir: the log has been TAMPERED WITH: {t}");
                        if let Some(i) = t.first_bad_index() {
                            eprintln!("first bad entry: {i}");
                        }
                        Ok(ExitCode::from(TAMPERED))
                    }
                    Err(log_commands::VerifyFailure::Error(e)) => Err(e),
                }
            }
            LogCommand::Export { data, out } => {
                let config = load(config_file, &data, None)?;
                let store = server::open_store_read_only(&config).await?;
                let keys = log_commands::recorded_keys(store.as_ref()).await?;
                if keys.is_empty() {
                    eprintln!("note: the log records no public key; verify this export with --key");
                }
                let n = log_commands::export(store.as_ref(), &keys, &out).await?;
                eprintln!("exported {n} entries to {}", out.display());
                Ok(ExitCode::SUCCESS)
            }
            LogCommand::Key { data } => {
                let config = load(config_file, &data, None)?;
                let key = match server::existing_log_key(&config)? {
                    Some(key) => key,
                    None => {
                        let store = server::open_store_read_only(&config).await?;
                        log_commands::recorded_keys(store.as_ref())
                            .await?
                            .pop()
                            .ok_or_else(|| {
                                anyhow::anyhow!(
                                    "no log key yet: the server creates and records it when it first starts"
                                )
                            })?
                    }
                };
                println!("{}", log_commands::describe_key(&key));
                Ok(ExitCode::SUCCESS)
            }
            LogCommand::SignHead { data } => {
                let config = load(config_file, &data, None)?;
                let store = server::open_store(&config).await?;
                pocdir::log_key::ensure_log_key(&config, store.as_ref()).await?;
                let log = server::log_service(&config, &services, store)?;
                let head = log.latest_head().await?;
                println!("{}", serde_json::to_string_pretty(&head)?);
                Ok(ExitCode::SUCCESS)
            }
            LogCommand::RotateKey { data } => {
                let config = load(config_file, &data, None)?;
                let store = server::open_store(&config).await?;
                let done = pocdir::log_key::rotate_key(
                    &config,
                    store.as_ref(),
                    services.clock.as_ref(),
                    services.entropy.as_ref(),
                )
                .await?;
                match &done.previous_key_id {
                    Some(old) => println!(
                        "the log key is now {} (endorsed by the old key {old}); logged as entry {}.",
                        done.new_key_id, done.index
                    ),
                    None => println!(
                        "the log key is now {}; logged as entry {}. No old key was there to endorse it: \
                         heads signed before stay checkable with the keys the log records.",
                        done.new_key_id, done.index
                    ),
                }
                println!("Back up the secrets folder again: it holds the new key. Start (or restart) the server to sign with it.");
                Ok(ExitCode::SUCCESS)
            }
            LogCommand::Monitor { url, state, key } => {
                match log_commands::monitor(&url, &state, key.as_deref()).await? {
                    Ok(log_commands::MonitorOutcome::Started { tree_size }) => {
                        println!("first check: remembered the log key and the head at size {tree_size}");
                        Ok(ExitCode::SUCCESS)
                    }
                    Ok(log_commands::MonitorOutcome::Consistent { from, to }) => {
                        println!("consistent: the log grew from {from} to {to} entries without rewriting history");
                        Ok(ExitCode::SUCCESS)
                    }
                    Ok(log_commands::MonitorOutcome::KeyFollowed { from, to, key_id }) => {
                        println!("consistent: the log grew from {from} to {to} entries without rewriting history");
                        println!("the log key changed to {key_id}, endorsed by the key remembered before: remembered the new key");
                        Ok(ExitCode::SUCCESS)
                    }
                    Err(alarm) => {
                        eprintln!("pocdir: ALARM: {alarm}");
                        Ok(ExitCode::from(TAMPERED))
                    }
                }
            }
        }
    }
    .await;
    match result {
        Ok(code) => code,
        Err(e) => {
            eprintln!("pocdir: {e:#}");
            ExitCode::from(CANNOT_CHECK)
        }
    }
}

async fn run(cli: Cli) -> Result<ExitCode> {
    let services = Services::default();
    match cli.command {
        Command::Log { command } => Ok(run_log(cli.config.as_ref(), command).await),
        Command::StateProof {
            url,
            participant,
            token,
            key,
            state,
            record,
        } => {
            init_tracing("warn");
            let code = participant.trim().to_ascii_uppercase();
            let request = pocdir::state_proof::StateProofRequest {
                state_file: state
                    .unwrap_or_else(|| PathBuf::from(format!("state-proof-{code}.json"))),
                url,
                participant: code,
                token,
                key,
                record,
            };
            Ok(match pocdir::state_proof::state_proof(&request).await {
                Ok(Ok(proven)) => {
                    print!("{}", pocdir::state_proof::print_report(&proven));
                    ExitCode::SUCCESS
                }
                Ok(Err(failure)) => {
                    println!("DISCREPANCY: {failure}");
                    ExitCode::from(TAMPERED)
                }
                Err(e) => {
                    eprintln!("pocdir: cannot check: {e:#}");
                    ExitCode::from(CANNOT_CHECK)
                }
            })
        }
        Command::Backup {
            data,
            out,
            age_recipient,
            include_secrets,
        } => {
            init_tracing("warn");
            let config = load(cli.config.as_ref(), &data, None)?;
            let header = pocdir::backup::backup(
                &config,
                &out,
                age_recipient.as_deref(),
                include_secrets,
                services.clock.as_ref(),
            )
            .await?;
            let rows: u64 = header.tables.iter().map(|t| t.rows).sum();
            println!(
                "backed up {} tables ({rows} rows{}) of the {} database (schema {}) to {}",
                header.tables.len(),
                if header.secrets.is_empty() {
                    String::new()
                } else {
                    format!(", {} secret files", header.secrets.len())
                },
                header.backend,
                header.schema_version,
                out.display()
            );
            Ok(ExitCode::SUCCESS)
        }
        Command::Restore {
            file,
            data,
            age_identity,
        } => {
            init_tracing("warn");
            let config = load(cli.config.as_ref(), &data, None)?;
            let restored = pocdir::backup::restore(&config, &file, age_identity.as_deref()).await?;
            for line in pocdir::backup::describe(&restored) {
                println!("{line}");
            }
            Ok(if restored.log.is_ok() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(TAMPERED)
            })
        }
        Command::Keys { command } => {
            init_tracing("warn");
            match command {
                KeysCommand::Rotate { data, batch } => {
                    let config = load(cli.config.as_ref(), &data, None)?;
                    let done =
                        keys_commands::rotate(&config, services.clock.as_ref(), batch).await?;
                    println!(
                        "{} is now the current key (was {}); {} values re-sealed; logged as entry {}.",
                        done.new_key, done.previous_key, done.resealed, done.log_index
                    );
                    println!("Back up the key file again: it holds the new key.");
                }
                KeysCommand::Status { data } => {
                    let config = load(cli.config.as_ref(), &data, None)?;
                    for line in keys_commands::status(&config).await? {
                        println!("{line}");
                    }
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Certificate {
            command: CertificateCommand::Verify { file, data, key },
        } => {
            init_tracing("warn");
            let certificate = match pocdir::certificate_commands::read(&file) {
                Ok(c) => c,
                Err(why) => {
                    eprintln!("not a certificate: {why}");
                    return Ok(ExitCode::from(2));
                }
            };
            let checked = match key {
                Some(key) => pocdir::certificate_commands::verify_with_key(&certificate, &key),
                None => {
                    let config = load(cli.config.as_ref(), &data, None)?;
                    let store = server::open_store_read_only(&config).await?;
                    pocdir::certificate_commands::verify_with_store(store.as_ref(), &certificate)
                        .await
                }
            };
            Ok(match checked {
                Ok(Ok(())) => {
                    println!(
                        "genuine: {} passed {} (version {}) on {}, certificate {}",
                        certificate.holder,
                        certificate.module_title,
                        certificate.version,
                        certificate.issued_on,
                        certificate.id
                    );
                    ExitCode::SUCCESS
                }
                Ok(Err(refusal)) => {
                    println!("NOT genuine: {refusal}");
                    ExitCode::from(1)
                }
                Err(why) => {
                    eprintln!("cannot check: {why}");
                    ExitCode::from(2)
                }
            })
        }
        Command::Pack {
            command:
                PackCommand::Verify {
                    file,
                    key,
                    url,
                    secret_key,
                    passphrase_file,
                    pack_passphrase_file,
                    at,
                    out_dir,
                },
        } => {
            init_tracing("warn");
            use pocdir::pack_commands::{self as packs, KeySource, Secret};
            let source = match (key, url) {
                (Some(k), _) => KeySource::File(k),
                (None, Some(u)) => KeySource::Url(u),
                (None, None) => {
                    eprintln!("cannot check: give the instance's public key (--key KEY.asc) or its address (--url URL)");
                    return Ok(ExitCode::from(2));
                }
            };
            let secret = match (secret_key, pack_passphrase_file) {
                (Some(key), _) => Secret::Key {
                    key,
                    passphrase: passphrase_file,
                },
                (None, Some(p)) => Secret::Passphrase(p),
                (None, None) => {
                    eprintln!("cannot check: give your secret key (--secret-key) or the pack's passphrase (--pack-passphrase-file)");
                    return Ok(ExitCode::from(2));
                }
            };
            let at = at.unwrap_or_else(|| services.clock.now());
            Ok(match packs::verify(&file, &source, &secret, at).await {
                Ok(Ok(opened)) => {
                    for line in packs::describe(&opened, at) {
                        println!("{line}");
                    }
                    if let Some(dir) = out_dir {
                        for path in packs::write_out(&opened, &dir)? {
                            println!("written:     {}", path.display());
                        }
                    }
                    ExitCode::SUCCESS
                }
                Ok(Err(refusal)) => {
                    println!("NOT valid: {refusal}");
                    ExitCode::from(1)
                }
                Err(why) => {
                    eprintln!("cannot check: {why:#}");
                    ExitCode::from(2)
                }
            })
        }
        Command::Serve { data, listen, demo } => {
            let config = load(cli.config.as_ref(), &data, listen)?;
            init_tracing(&config.log);
            // The server's own folder: its secrets, the demo logins, and the
            // database unless it lives elsewhere.
            pocdir::secrets::ensure_private_dir(&config.data_dir)?;
            let stop = server::shutdown_signal();
            tracing::info!(?config, "starting");
            let store = server::open_store(&config).await?;
            if demo {
                let settings = pocdir_communications::Settings {
                    deadlines: config.ack_deadlines(),
                    base_url: config.base_url(config.listen),
                };
                match demo::seed_with(
                    store.as_ref(),
                    services.clock.as_ref(),
                    services.entropy.as_ref(),
                    &config.data_dir,
                    &settings,
                )
                .await?
                {
                    DemoOutcome::Created(logins) => {
                        println!("{}", demo::describe(&logins, &config.data_dir))
                    }
                    DemoOutcome::AlreadyThere(Some(logins)) => {
                        println!("The database already has accounts or PoCs; nothing was added.");
                        println!("{}", demo::describe(&logins, &config.data_dir));
                    }
                    DemoOutcome::AlreadyThere(None) => {
                        println!(
                            "The database already has accounts or PoCs; the demo was not added."
                        )
                    }
                }
            }
            let running = server::start_with_store(&config, services, store).await?;
            println!("pocdir is listening on http://{}/", running.addr);
            stop.await;
            tracing::info!("shutting down: not ready any more, finishing the requests in flight");
            // A second signal does not wait for the drain.
            let again = server::shutdown_signal();
            tokio::select! {
                done = running.shutdown() => done?,
                () = again => anyhow::bail!("stopped by a second signal before the drain ended"),
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Account { command } => {
            init_tracing("warn");
            match command {
                AccountCommand::Create {
                    kind,
                    email,
                    participant,
                    name,
                    data,
                } => {
                    let config = load(cli.config.as_ref(), &data, None)?;
                    let store = server::open_store(&config).await?;
                    let created = create_account(
                        store.as_ref(),
                        services.clock.as_ref(),
                        services.entropy.as_ref(),
                        AccountRequest {
                            kind,
                            email: &email,
                            participant: participant.as_deref(),
                            display_name: name.as_deref(),
                            demo_totp_secret: None,
                            password: None,
                            // The console chose it: the holder replaces it.
                            must_change_password: true,
                        },
                    )
                    .await?;
                    println!(
                        "Created {} account {}.",
                        created.account.kind, created.account.email
                    );
                    println!("First password (shown once): {}", created.password);
                    println!("At the first sign-in the account sets up its second factor (TOTP), then chooses its own password.");
                    Ok(ExitCode::SUCCESS)
                }
                AccountCommand::Token {
                    email,
                    name,
                    scope,
                    days,
                    data,
                } => {
                    let config = load(cli.config.as_ref(), &data, None)?;
                    let store = server::open_store(&config).await?;
                    let (token, expires) = mint_token(
                        store.as_ref(),
                        services.clock.as_ref(),
                        services.entropy.as_ref(),
                        &email,
                        &name,
                        &scope,
                        days,
                    )
                    .await?;
                    eprintln!("API token for {email} (scope {scope}, expires {expires}); it is shown only now:");
                    println!("{token}");
                    Ok(ExitCode::SUCCESS)
                }
                AccountCommand::TotpCode { email, data } => {
                    let config = load(cli.config.as_ref(), &data, None)?;
                    let store = server::open_store_read_only(&config).await?;
                    println!(
                        "{}",
                        demo_totp_code(store.as_ref(), services.clock.as_ref(), &email).await?
                    );
                    Ok(ExitCode::SUCCESS)
                }
            }
        }
    }
}
