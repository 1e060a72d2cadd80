//! `pocdir` — one binary: the server and its admin commands.

use anyhow::Result;
use clap::{Parser, Subcommand};
use pocdir::accounts::{create_account, demo_totp_code, mint_token, AccountRequest};
use pocdir::config::{Config, Overrides};
use pocdir::demo::{self, DemoOutcome};
use pocdir::server::{self, Services};
use pocdir_domain::account::AccountKind;
use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::ExitCode;

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
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("pocdir: {e:#}");
            ExitCode::FAILURE
        }
    }
}

async fn run(cli: Cli) -> Result<()> {
    let services = Services::default();
    match cli.command {
        Command::Serve { data, listen, demo } => {
            let config = load(cli.config.as_ref(), &data, listen)?;
            init_tracing(&config.log);
            let stop = server::shutdown_signal();
            tracing::info!(?config, "starting");
            let store = server::open_store(&config).await?;
            if demo {
                match demo::seed(
                    store.as_ref(),
                    services.clock.as_ref(),
                    services.entropy.as_ref(),
                    &config.data_dir,
                )
                .await?
                {
                    DemoOutcome::Created(logins) => {
                        println!("{}", demo::describe(&logins, &config.data_dir))
                    }
                    DemoOutcome::AlreadyThere(Some(logins)) => {
                        println!("The database already has accounts; nothing was added.");
                        println!("{}", demo::describe(&logins, &config.data_dir));
                    }
                    DemoOutcome::AlreadyThere(None) => {
                        println!("The database already has accounts; the demo was not added.")
                    }
                }
            }
            let running = server::start_with_store(&config, services, store).await?;
            println!("pocdir is listening on http://{}/", running.addr);
            stop.await;
            tracing::info!("shutting down");
            running.shutdown().await?;
            Ok(())
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
                        },
                    )
                    .await?;
                    println!(
                        "Created {} account {}.",
                        created.account.kind, created.account.email
                    );
                    println!("First password (shown once): {}", created.password);
                    println!("At the first sign-in the account sets up its second factor (TOTP).");
                    Ok(())
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
                    Ok(())
                }
                AccountCommand::TotpCode { email, data } => {
                    let config = load(cli.config.as_ref(), &data, None)?;
                    let store = server::open_store(&config).await?;
                    println!(
                        "{}",
                        demo_totp_code(store.as_ref(), services.clock.as_ref(), &email).await?
                    );
                    Ok(())
                }
            }
        }
    }
}
