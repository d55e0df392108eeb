//! Patient data from a JSON object (`--from-json PATH`, or `--from-json -` for stdin) instead
//! of the command line: the arguments of a process are visible to every user of the machine
//! (`ps`, `/proc/<pid>/cmdline`), a file of one's own or a pipe is not.
//!
//! The JSON's keys are the arguments' names (`"patient"`, `"age-band"`, `"text"`…; the
//! `snake_case` spelling `"age_band"` is accepted too). A field given both on the command line
//! and in the JSON, an unknown key or a value of the wrong type is an error naming the field,
//! found before the account is opened: nothing is sent.

use std::{
    fmt,
    io::{IsTerminal, Read},
    path::Path,
    time::Duration,
};

use serde_json::{Map, Value};

/// The most a JSON input may hold (a case header or a long message is far less).
const MAX_BYTES: u64 = 1024 * 1024;

/// The longest `--timeout`, in seconds: a day. Far longer would overflow the deadlines computed
/// from it (`Instant + Duration`).
pub const MAX_TIMEOUT_SECS: u64 = 24 * 60 * 60;

/// The most messages `show --wait-messages` waits for.
pub const MAX_WAIT_MESSAGES: usize = 100_000;

/// Input that cannot be used (code `invalid_input` for scripts). The message names the field;
/// it never quotes the value, which may be patient data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InputError(pub String);

impl fmt::Display for InputError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for InputError {}

fn error(message: String) -> InputError {
    InputError(message)
}

/// The fields of one JSON object, taken one by one into a command's arguments.
pub struct JsonInput {
    fields: Map<String, Value>,
    /// `stdin` or the file's path, for messages.
    source: String,
    /// The keys the command accepts, for the message about an unknown one.
    accepted: Vec<&'static str>,
}

impl JsonInput {
    /// Reads the JSON object at `path`, or stdin when `path` is `-`.
    pub fn read(path: &Path) -> Result<Self, InputError> {
        let (source, text) = if path.as_os_str() == "-" {
            let stdin = std::io::stdin();
            if stdin.is_terminal() {
                eprintln!("innomed: reading the JSON from stdin (end with Ctrl-D)");
            }
            ("stdin".to_owned(), read_limited(stdin.lock(), "stdin")?)
        } else {
            let source = path.display().to_string();
            let file = std::fs::File::open(path)
                .map_err(|e| error(format!("reading the JSON from {source}: {e}")))?;
            let text = read_limited(file, &source)?;
            (source, text)
        };
        Self::parse(&text, &source)
    }

    /// The JSON object in `text` (`source` names it in messages).
    pub fn parse(text: &str, source: &str) -> Result<Self, InputError> {
        // serde_json's syntax errors give a line and a column, never the text.
        let value: Value = serde_json::from_str(text)
            .map_err(|e| error(format!("the JSON from {source} is not valid JSON: {e}")))?;
        let Value::Object(fields) = value else {
            return Err(error(format!(
                "the JSON from {source} must be one object, e.g. {{\"text\": \"…\"}}"
            )));
        };
        Ok(Self {
            fields,
            source: source.to_owned(),
            accepted: Vec::new(),
        })
    }

    /// Takes the field `key` (the argument's name, e.g. `age-band`): a string.
    pub fn string(
        &mut self,
        key: &'static str,
        cli: &mut Option<String>,
    ) -> Result<(), InputError> {
        let Some(value) = self.take(key, cli.is_some())? else {
            return Ok(());
        };
        match value {
            Value::String(s) => {
                *cli = Some(s);
                Ok(())
            }
            other => Err(self.wrong_type(key, "a string", &other)),
        }
    }

    /// Takes the field `key`: a list of strings (e.g. the captions of several files).
    pub fn strings(&mut self, key: &'static str, cli: &mut Vec<String>) -> Result<(), InputError> {
        let Some(value) = self.take(key, !cli.is_empty())? else {
            return Ok(());
        };
        let Value::Array(items) = value else {
            return Err(self.wrong_type(key, "a list of strings", &value));
        };
        let mut strings = Vec::with_capacity(items.len());
        for item in items {
            match item {
                Value::String(s) => strings.push(s),
                other => return Err(self.wrong_type(key, "a list of strings", &other)),
            }
        }
        *cli = strings;
        Ok(())
    }

    /// Takes the field `key` of a flag (e.g. `photo-consent`): `true` or `false`.
    pub fn flag(&mut self, key: &'static str, cli: &mut bool) -> Result<(), InputError> {
        let Some(value) = self.take(key, *cli)? else {
            return Ok(());
        };
        match value {
            Value::Bool(b) => {
                *cli = b;
                Ok(())
            }
            other => Err(self.wrong_type(key, "true or false", &other)),
        }
    }

    /// Refuses the keys no call took.
    pub fn finish(self) -> Result<(), InputError> {
        match self.fields.keys().next() {
            None => Ok(()),
            Some(unknown) => Err(error(format!(
                "unknown field \"{}\" in the JSON from {}; this command takes: {}",
                crate::output::line(unknown),
                self.source,
                self.accepted.join(", ")
            ))),
        }
    }

    /// The value of `key` (or of its `snake_case` spelling), removed from the object.
    fn take(
        &mut self,
        key: &'static str,
        on_command_line: bool,
    ) -> Result<Option<Value>, InputError> {
        self.accepted.push(key);
        let snake = key.replace('-', "_");
        let value = match (self.fields.remove(key), self.fields.remove(&snake)) {
            (Some(_), Some(_)) => {
                return Err(error(format!(
                    "the JSON from {} has both {key:?} and {snake:?}; give the field once",
                    self.source
                )))
            }
            (Some(v), None) | (None, Some(v)) => v,
            (None, None) => return Ok(None),
        };
        if on_command_line {
            return Err(error(format!(
                "--{key} is given both on the command line and in the JSON from {}; give it \
                 in one place only",
                self.source
            )));
        }
        Ok(Some(value))
    }

    fn wrong_type(&self, key: &str, expected: &str, found: &Value) -> InputError {
        let found = match found {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        error(format!(
            "field {key:?} in the JSON from {} must be {expected}, not {found}",
            self.source
        ))
    }
}

/// Fills a command's arguments from the JSON at `source`, if any; unknown keys are refused.
pub fn fill(
    source: Option<&Path>,
    take: impl FnOnce(&mut JsonInput) -> Result<(), InputError>,
) -> Result<(), InputError> {
    let Some(source) = source else {
        return Ok(());
    };
    let mut json = JsonInput::read(source)?;
    take(&mut json)?;
    json.finish()
}

/// A field the command needs, from the command line or the JSON.
pub fn required<'a>(value: Option<&'a str>, key: &str) -> Result<&'a str, InputError> {
    value.ok_or_else(|| {
        error(format!(
            "missing {key:?}: give --{key}, or \"{key}\" in the --from-json object"
        ))
    })
}

/// `--timeout SECONDS` as a duration, at most [`MAX_TIMEOUT_SECS`].
pub fn timeout(seconds: u64) -> Result<Duration, InputError> {
    if seconds > MAX_TIMEOUT_SECS {
        return Err(error(format!(
            "--timeout is at most {MAX_TIMEOUT_SECS} seconds (a day)"
        )));
    }
    Ok(Duration::from_secs(seconds))
}

/// A count option (`--KEY N`), at most `max`.
pub fn count(key: &str, value: usize, max: usize) -> Result<usize, InputError> {
    if value > max {
        return Err(error(format!("--{key} is at most {max}")));
    }
    Ok(value)
}

fn read_limited(reader: impl Read, source: &str) -> Result<String, InputError> {
    let mut text = String::new();
    reader
        .take(MAX_BYTES + 1)
        .read_to_string(&mut text)
        .map_err(|e| error(format!("reading the JSON from {source}: {e}")))?;
    if text.len() as u64 > MAX_BYTES {
        return Err(error(format!(
            "the JSON from {source} is larger than {MAX_BYTES} bytes"
        )));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> JsonInput {
        JsonInput::parse(text, "case.json").expect("valid JSON")
    }

    #[test]
    fn fields_fill_what_the_command_line_left_empty() {
        let mut json = input(r#"{"reason": "lésion\npigmentée", "photo-consent": true}"#);
        let (mut reason, mut consent) = (None, false);
        json.string("reason", &mut reason).expect("reason");
        json.flag("photo-consent", &mut consent).expect("consent");
        let mut absent = Some("from the command line".to_owned());
        json.string("question", &mut absent)
            .expect("absent from the JSON");
        json.finish().expect("nothing left");
        assert_eq!(reason.as_deref(), Some("lésion\npigmentée"));
        assert!(consent);
        assert_eq!(absent.as_deref(), Some("from the command line"));
    }

    #[test]
    fn snake_case_keys_are_accepted_but_not_both_spellings() {
        let mut json = input(r#"{"age_band": "40-64"}"#);
        let mut band = None;
        json.string("age-band", &mut band).expect("alias");
        assert_eq!(band.as_deref(), Some("40-64"));
        let mut json = input(r#"{"age_band": "40-64", "age-band": "18-39"}"#);
        let e = json.string("age-band", &mut None).expect_err("twice");
        assert!(
            e.0.contains("\"age-band\"") && e.0.contains("\"age_band\""),
            "{e}"
        );
    }

    #[test]
    fn a_field_on_the_command_line_and_in_the_json_is_refused() {
        let mut json = input(r#"{"text": "Bonjour"}"#);
        let mut text = Some("Bonsoir".to_owned());
        let e = json.string("text", &mut text).expect_err("conflict");
        assert!(e.0.contains("--text") && e.0.contains("case.json"), "{e}");
        assert!(!e.0.contains("Bonjour") && !e.0.contains("Bonsoir"), "{e}");
        let mut json = input(r#"{"photo-consent": false}"#);
        let e = json.flag("photo-consent", &mut true).expect_err("conflict");
        assert!(e.0.contains("--photo-consent"), "{e}");
    }

    #[test]
    fn a_wrong_type_names_the_field_without_its_value() {
        let mut json = input(r#"{"patient": 1234}"#);
        let e = json.string("patient", &mut None).expect_err("number");
        assert_eq!(
            e.0,
            "field \"patient\" in the JSON from case.json must be a string, not a number"
        );
        let mut json = input(r#"{"photo-consent": "oui"}"#);
        let e = json.flag("photo-consent", &mut false).expect_err("string");
        assert!(
            e.0.contains("\"photo-consent\"") && !e.0.contains("oui"),
            "{e}"
        );
        let mut json = input(r#"{"question": null}"#);
        let e = json.string("question", &mut None).expect_err("null");
        assert!(e.0.contains("\"question\"") && e.0.contains("null"), "{e}");
    }

    #[test]
    fn unknown_keys_are_refused_with_the_accepted_ones() {
        let mut json = input(r#"{"text": "Bonjour", "txet": "typo"}"#);
        json.string("text", &mut None).expect("text");
        let e = json.finish().expect_err("unknown");
        assert!(
            e.0.contains("\"txet\"") && e.0.contains("takes: text"),
            "{e}"
        );
    }

    #[test]
    fn malformed_json_or_not_an_object_is_a_clear_error() {
        let e = JsonInput::parse(r#"{"text": "Mme D. 45 ans"#, "stdin")
            .err()
            .expect("unterminated");
        assert!(
            e.0.starts_with("the JSON from stdin is not valid JSON"),
            "{e}"
        );
        assert!(!e.0.contains("Mme D."), "the value is not quoted: {e}");
        for not_an_object in ["[]", "\"text\"", "42", "null"] {
            let e = JsonInput::parse(not_an_object, "stdin")
                .err()
                .expect("refused");
            assert!(e.0.contains("must be one object"), "{e}");
        }
    }

    #[test]
    fn a_missing_required_field_says_where_to_give_it() {
        assert_eq!(required(Some("x"), "text").expect("present"), "x");
        let e = required(None, "outcome").expect_err("missing");
        assert!(
            e.0.contains("--outcome") && e.0.contains("\"outcome\""),
            "{e}"
        );
    }

    #[test]
    fn durations_and_counts_are_bounded() {
        assert_eq!(timeout(0).expect("zero"), Duration::ZERO);
        assert_eq!(timeout(30).expect("default"), Duration::from_secs(30));
        let longest = timeout(MAX_TIMEOUT_SECS).expect("a day");
        // What the commands compute from it cannot overflow.
        assert!(std::time::Instant::now().checked_add(longest).is_some());
        assert!(tokio::time::Instant::now().checked_add(longest).is_some());
        for too_long in [MAX_TIMEOUT_SECS + 1, u64::MAX / 2, u64::MAX] {
            let e = timeout(too_long).expect_err("refused");
            assert!(e.0.contains("--timeout"), "{e}");
        }
        assert_eq!(count("wait-messages", 3, 10).expect("in range"), 3);
        assert_eq!(count("wait-messages", 10, 10).expect("the bound"), 10);
        let e = count("wait-messages", usize::MAX, 10).expect_err("refused");
        assert_eq!(e.0, "--wait-messages is at most 10");
    }

    #[test]
    fn files_are_read_and_bounded() {
        let dir = tempfile::tempdir().expect("dir");
        let path = dir.path().join("advice.json");
        std::fs::write(&path, r#"{"outcome": "exérèse faite"}"#).expect("write");
        let mut outcome = None;
        fill(Some(&path), |json| json.string("outcome", &mut outcome)).expect("fill");
        assert_eq!(outcome.as_deref(), Some("exérèse faite"));
        let e = fill(Some(&dir.path().join("missing.json")), |_| Ok(())).expect_err("missing");
        assert!(e.0.contains("missing.json"), "{e}");
        let big = format!(r#"{{"text": "{}"}}"#, "a".repeat(1024 * 1024));
        std::fs::write(&path, big).expect("write");
        let e = fill(Some(&path), |_| Ok(())).expect_err("too large");
        assert!(e.0.contains("larger than"), "{e}");
        fill(None, |_| Err(error("not called".into()))).expect("no source, nothing read");
    }
}
