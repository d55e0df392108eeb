//! `cargo xtask homeserver`: a local Synapse until Ctrl-C / SIGTERM.

use std::path::PathBuf;
use std::sync::mpsc;
use std::time::Duration;

use innomed_harness::{Homeserver, HomeserverOptions};

pub fn run(data_dir: Option<PathBuf>, port: Option<u16>) -> Result<(), String> {
    let (tx, rx) = mpsc::channel();
    ctrlc::set_handler(move || {
        let _ = tx.send(());
    })
    .map_err(|e| format!("installing the signal handler: {e}"))?;

    eprintln!("Starting Synapse {}...", innomed_harness::SYNAPSE_VERSION);
    let mut hs = Homeserver::start(HomeserverOptions {
        data_dir,
        port,
        ..HomeserverOptions::default()
    })
    .map_err(|e| e.to_string())?;
    println!("Homeserver URL: {}", hs.url());
    println!("Server name:    {}", hs.server_name());
    println!("Data dir:       {}", hs.data_dir().display());
    println!("Log:            {}", hs.log_path().display());
    println!("Press Ctrl-C to stop.");

    // Wake up on a signal, or notice if Synapse dies on its own.
    loop {
        match rx.recv_timeout(Duration::from_secs(1)) {
            Ok(()) | Err(mpsc::RecvTimeoutError::Disconnected) => break,
            Err(mpsc::RecvTimeoutError::Timeout) if !hs.is_running() => {
                return Err(format!(
                    "Synapse exited unexpectedly; see {}",
                    hs.log_path().display()
                ));
            }
            Err(mpsc::RecvTimeoutError::Timeout) => {}
        }
    }
    eprintln!("Stopping Synapse...");
    hs.stop().map_err(|e| e.to_string())?;
    eprintln!("Stopped.");
    Ok(())
}
