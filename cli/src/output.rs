//! Printing results: a JSON object with `--json`, readable lines otherwise.

use std::process::ExitCode;

use serde_json::{json, Value};

pub struct Output {
    pub json: bool,
}

/// What a command produced: the JSON object, and its human form.
pub struct Report {
    pub value: Value,
    pub text: String,
}

impl Output {
    pub fn print(&self, report: &Report) {
        if self.json {
            println!("{}", report.value);
        } else {
            println!("{}", report.text);
        }
    }

    /// Prints the error (typed `code` first, for scripts) and returns a failing exit code.
    pub fn fail(&self, error: &anyhow::Error) -> ExitCode {
        let code = crate::commands::error_code(error);
        if self.json {
            println!(
                "{}",
                json!({ "ok": false, "error": code, "message": error.to_string() })
            );
        } else {
            eprintln!("innomed: {error:#} [{code}]");
        }
        ExitCode::FAILURE
    }
}
