//! `innomed`: the terminal client over the Innomed core.
//!
//! Every command runs non-interactively (flags; password from `INNOMED_PASSWORD` or stdin) and
//! prints JSON with `--json`, so scripts and the demo can drive it.

mod commands;
mod cpts;
mod files;
mod input;
mod onboarding;
mod output;
mod photos;
mod psc;
mod recovery;
mod search;
mod state;

use std::{path::PathBuf, process::ExitCode};

use clap::{Parser, Subcommand};

use crate::output::Output;

#[derive(Parser)]
#[command(
    name = "innomed",
    version,
    about = "Innomed: encrypted case messaging for primary care"
)]
pub struct Cli {
    /// Print machine-readable JSON.
    #[arg(long, global = true)]
    json: bool,
    /// Data folder (store key, sessions, encrypted stores).
    #[arg(long, global = true, env = "INNOMED_DATA_DIR")]
    data_dir: Option<PathBuf>,
    /// Act as this account (default: the last one logged in).
    #[arg(long = "as", global = true, value_name = "USER_ID")]
    as_user: Option<String>,
    /// How long to wait for the homeserver, in seconds.
    #[arg(long, global = true, default_value_t = 30)]
    timeout: u64,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
pub enum Command {
    /// Create an account (where the homeserver allows it) and log in.
    Register {
        #[arg(long, env = "INNOMED_HOMESERVER")]
        homeserver: String,
        /// Local part of the user id, e.g. `dr.martin`.
        #[arg(long)]
        username: String,
    },
    /// Log in with a user id and password (from INNOMED_PASSWORD or stdin).
    Login {
        #[arg(long, env = "INNOMED_HOMESERVER")]
        homeserver: String,
        /// Full user id, e.g. `@dr.martin:cpts.fr`.
        #[arg(long)]
        user: String,
    },
    /// Sign in with Pro Santé Connect: prints the page to open in a browser on this machine,
    /// then waits (up to five minutes) for it to come back.
    LoginPsc {
        #[arg(long, env = "INNOMED_HOMESERVER")]
        homeserver: String,
    },
    /// Log out and delete every local file of the account.
    Logout,
    /// Show the current account.
    Whoami,
    /// The recovery key: set it up once, enter it on a new device.
    Recovery {
        #[command(subcommand)]
        action: recovery::RecoveryAction,
    },
    /// The CPTS: directory, duty rota and tele-expertise requests.
    Cpts {
        #[command(subcommand)]
        action: cpts::CptsAction,
    },
    /// List cases and invitations (archived cases with `--archived`); the filters combine.
    Cases(search::CasesArgs),
    /// Search every case on this device: header, messages, captions, document titles, advice,
    /// closure, members, specialty and dates ("lésion mars").
    Search {
        query: String,
        /// Wait (within --timeout) until every case was read into the index once.
        #[arg(long)]
        wait_index: bool,
    },
    /// Archive a closed case, or every closed case idle for some days.
    Archive {
        #[arg(long = "case", required_unless_present = "closed_older_than_days")]
        case_id: Option<String>,
        #[arg(long, conflicts_with = "case_id")]
        closed_older_than_days: Option<u32>,
    },
    /// Bring an archived case back to the list.
    Restore {
        #[arg(long = "case")]
        case_id: String,
    },
    /// Open a new case.
    Create(commands::CreateArgs),
    /// Show a case: header, status and conversation.
    Show {
        #[arg(long = "case")]
        case_id: String,
        /// Wait until at least this many text messages are readable.
        #[arg(long, default_value_t = 0)]
        wait_messages: usize,
        /// Also send a read receipt.
        #[arg(long)]
        mark_read: bool,
    },
    /// Send a message (markdown) to a case.
    Send {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long, required_unless_present = "from_json")]
        text: Option<String>,
        /// Reply to this event id.
        #[arg(long)]
        reply_to: Option<String>,
        /// Replace the text of this own message instead of sending a new one.
        #[arg(long)]
        edit: Option<String>,
        /// Read the text from a JSON object `{"text": "…"}` in this file (`-`: stdin) instead
        /// of the command line, which other users of the machine can see.
        #[arg(long, value_name = "PATH")]
        from_json: Option<PathBuf>,
    },
    /// Send a photo (JPEG, PNG or WebP): sanitised, then encrypted. Needs the patient's consent
    /// in the case header. The file's name is never sent.
    SendPhoto {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long)]
        file: PathBuf,
        #[arg(long)]
        caption: Option<String>,
        /// Read the caption from a JSON object `{"caption": "…"}` in this file (`-`: stdin)
        /// instead of the command line, which other users of the machine can see.
        #[arg(long, value_name = "PATH")]
        from_json: Option<PathBuf>,
    },
    /// Send photos and PDFs together, in this order: photos sanitised, PDFs cleaned of their
    /// metadata, scripts and embedded files, then each encrypted. Needs the patient's consent
    /// in the case header. Files' names are never sent.
    SendFile {
        #[arg(long = "case")]
        case_id: String,
        /// A photo (JPEG, PNG, WebP) or a PDF; repeat for several.
        #[arg(long = "file", required = true)]
        files: Vec<PathBuf>,
        /// The caption of a photo or the title of a document, in the order of the files;
        /// repeat for several.
        #[arg(long = "caption")]
        captions: Vec<String>,
        /// Read the captions from a JSON object `{"captions": ["…", …]}` in this file (`-`:
        /// stdin) instead of the command line, which other users of the machine can see.
        #[arg(long, value_name = "PATH")]
        from_json: Option<PathBuf>,
    },
    /// Decrypt a document of a case (cleaned again on this device) into a file you name
    /// (readable by you only; an existing file is replaced).
    File {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long)]
        event: String,
        #[arg(long)]
        out: PathBuf,
    },
    /// Decrypt a photo of a case into a file you name (readable by you only; an existing file
    /// is replaced).
    Photo {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long)]
        event: String,
        /// The thumbnail instead of the full image.
        #[arg(long)]
        thumbnail: bool,
        #[arg(long)]
        out: PathBuf,
    },
    /// Add (or remove) a reaction to a message: only agree 👍, seen 👀, thanks 🙏, done ✅.
    React {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long)]
        event: String,
        #[arg(long, value_parser = ["agree", "seen", "thanks", "done"])]
        reaction: String,
    },
    /// Invite a colleague into a case (the case history is shared with them).
    Invite {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long)]
        user: String,
    },
    /// Confirm a member you have not verified and your CPTS has not attested, for the identity
    /// they have now: messages go to them again (a request they took is handed over).
    Confirm {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long)]
        user: String,
    },
    /// Remove a colleague from a case (what is sent afterwards never reaches them).
    Remove {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long)]
        user: String,
    },
    /// Accept an invitation.
    Accept {
        #[arg(long = "case")]
        case_id: String,
    },
    /// Decline an invitation.
    Decline {
        #[arg(long = "case")]
        case_id: String,
    },
    /// Mute a case: none of your phones rings for it any more (`--off` lets it ring again).
    Mute {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long)]
        off: bool,
    },
    /// Change a case's status.
    Status {
        #[arg(long = "case")]
        case_id: String,
        #[arg(long, value_parser = ["open", "answered", "closed"])]
        set: String,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    // Logs go to stderr and carry ids only. By default only Innomed's own warnings show (the
    // SDK reports expected 404s at error level); RUST_LOG overrides this.
    tracing_subscriber::fmt()
        .with_writer(std::io::stderr)
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env()
                .unwrap_or_else(|_| "off,innomed=warn,innomed_core=warn".into()),
        )
        .init();
    let out = Output { json: cli.json };
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(r) => r,
        Err(e) => return out.fail(&anyhow::anyhow!(e)),
    };
    match runtime.block_on(commands::run(cli)) {
        Ok(report) => {
            out.print(&report);
            ExitCode::SUCCESS
        }
        Err(e) => out.fail(&e),
    }
}
