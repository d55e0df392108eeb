//! Terminal output of the demo (colour only on a terminal, `NO_COLOR` respected).

use super::*;

pub(super) fn color() -> bool {
    static COLOR: OnceLock<bool> = OnceLock::new();
    *COLOR.get_or_init(|| {
        std::io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
    })
}

pub(super) fn paint(code: &str, text: &str) -> String {
    if color() {
        format!("\x1b[{code}m{text}\x1b[0m")
    } else {
        text.to_owned()
    }
}

pub(super) fn bold(text: &str) -> String {
    paint("1", text)
}

pub(super) fn dim(text: &str) -> String {
    paint("2", text)
}

pub(super) fn green(text: &str) -> String {
    paint("32", text)
}

pub(super) fn red(text: &str) -> String {
    paint("31;1", text)
}

pub(super) fn section(title: &str) {
    println!();
    println!("{}", bold(&format!("== {title} ==")));
}

pub(super) fn note(text: &str) {
    println!("{}", dim(text));
}

pub(super) fn result(text: &str) {
    println!("  → {text}");
}

pub(super) fn warn(text: &str) {
    println!("  {} {text}", paint("33", "warning:"));
}
