//! Synapse configuration: a generated base file, generated secrets, and the
//! two fixed layers [`PRIVACY_YAML`] and [`TESTING_YAML`].
//!
//! Synapse merges its `-c` files in order (later top-level keys win):
//! `base.yaml`, `secrets.yaml`, `privacy.yaml`, `testing.yaml`.

use std::fs;
use std::path::{Path, PathBuf};

use crate::federation::FederationMember;
use crate::util::{base64_unpadded, random_bytes, random_hex};
use crate::{HarnessError, Result};

/// Privacy settings, ALWAYS applied (and what a production deployment needs
/// too). Source: `tests/harness/synapse/privacy.yaml`.
pub const PRIVACY_YAML: &str = include_str!("../synapse/privacy.yaml");

/// Test-only settings: open registration, rate limits lifted. Never for
/// production. Source: `tests/harness/synapse/testing.yaml`.
pub const TESTING_YAML: &str = include_str!("../synapse/testing.yaml");

/// Test-only sign-in with Pro Santé Connect through the harness's OpenID Connect provider
/// (`ISSUER` stands for its address). Source: `tests/harness/synapse/psc.yaml`.
pub const PSC_YAML: &str = include_str!("../synapse/psc.yaml");

/// The privacy key dropped when `encryption_by_default` is off.
const ENCRYPTION_KEY: &str = "encryption_enabled_by_default_for_room_type";

/// Where everything of one homeserver lives inside its data directory.
#[derive(Debug, Clone)]
pub(crate) struct Layout {
    pub(crate) dir: PathBuf,
}

impl Layout {
    pub(crate) fn base_config(&self) -> PathBuf {
        self.dir.join("base.yaml")
    }
    pub(crate) fn secrets_config(&self) -> PathBuf {
        self.dir.join("secrets.yaml")
    }
    pub(crate) fn privacy_config(&self) -> PathBuf {
        self.dir.join("privacy.yaml")
    }
    pub(crate) fn testing_config(&self) -> PathBuf {
        self.dir.join("testing.yaml")
    }
    pub(crate) fn log_config(&self) -> PathBuf {
        self.dir.join("log_config.yaml")
    }
    pub(crate) fn signing_key(&self) -> PathBuf {
        self.dir.join("localhost.signing.key")
    }
    pub(crate) fn database(&self) -> PathBuf {
        self.dir.join("homeserver.db")
    }
    pub(crate) fn media_store(&self) -> PathBuf {
        self.dir.join("media_store")
    }
    pub(crate) fn log(&self) -> PathBuf {
        self.dir.join("homeserver.log")
    }
    pub(crate) fn stdout(&self) -> PathBuf {
        self.dir.join("synapse.stdout.log")
    }
    pub(crate) fn stderr(&self) -> PathBuf {
        self.dir.join("synapse.stderr.log")
    }
    pub(crate) fn pid_file(&self) -> PathBuf {
        self.dir.join("homeserver.pid")
    }
    pub(crate) fn federation_certificate(&self) -> PathBuf {
        self.dir.join("federation.pem")
    }
    pub(crate) fn federation_key(&self) -> PathBuf {
        self.dir.join("federation.key")
    }
    pub(crate) fn federation_ca(&self) -> PathBuf {
        self.dir.join("federation-ca.pem")
    }
    /// Every file a process writes diagnostics to.
    pub(crate) fn log_files(&self) -> [PathBuf; 3] {
        [self.log(), self.stdout(), self.stderr()]
    }
}

/// What varies between homeservers.
pub(crate) struct Settings<'a> {
    pub(crate) server_name: &'a str,
    pub(crate) port: u16,
    pub(crate) encryption_by_default: bool,
    pub(crate) access_token_lifetime: Option<std::time::Duration>,
    /// The issuer of the OpenID Connect provider standing in for Pro Santé Connect.
    pub(crate) psc_issuer: Option<String>,
    /// A member of a closed federation: its TLS listener and whom it talks to.
    pub(crate) federation: Option<&'a FederationMember>,
}

/// Writes all config files; secrets and the signing key are generated only
/// if missing (a reused data dir keeps its identity). Returns the `-c` files
/// in merge order.
pub(crate) fn write_all(layout: &Layout, settings: &Settings<'_>) -> Result<Vec<PathBuf>> {
    fs::create_dir_all(layout.media_store())
        .map_err(HarnessError::io_path("creating", &layout.media_store()))?;
    write(&layout.log_config(), &log_config_yaml(layout))?;
    write(&layout.base_config(), &base_yaml(layout, settings))?;
    if !layout.signing_key().exists() {
        write(&layout.signing_key(), &signing_key()?)?;
    }
    if !layout.secrets_config().exists() {
        write(&layout.secrets_config(), &secrets_yaml()?)?;
    }
    write(
        &layout.privacy_config(),
        &privacy_yaml(settings.encryption_by_default),
    )?;
    let mut testing = TESTING_YAML.to_owned();
    if let Some(lifetime) = settings.access_token_lifetime {
        testing.push_str(&format!(
            "\n# This homeserver's test: access tokens expire quickly.\n\
             refreshable_access_token_lifetime: {}s\n",
            lifetime.as_secs().max(1)
        ));
    }
    write(&layout.testing_config(), &testing)?;
    let mut files = vec![
        layout.base_config(),
        layout.secrets_config(),
        layout.privacy_config(),
        layout.testing_config(),
    ];
    if let Some(member) = settings.federation {
        write(&layout.federation_certificate(), &member.certificate_pem)?;
        write(&layout.federation_key(), &member.key_pem)?;
        write(&layout.federation_ca(), &member.ca_pem)?;
        let layer = layout.dir.join("federation.yaml");
        write(&layer, &federation_yaml(layout, member))?;
        files.push(layer);
    }
    if let Some(issuer) = &settings.psc_issuer {
        let psc = layout.dir.join("psc.yaml");
        let templates = crate::workspace_root().join("deploy/synapse/templates");
        let layer = PSC_YAML
            .replace("ISSUER", issuer)
            .replace("TEMPLATES", &templates.to_string_lossy());
        write(&psc, &layer)?;
        files.push(psc);
    }
    Ok(files)
}

fn write(path: &Path, contents: &str) -> Result<()> {
    fs::write(path, contents).map_err(HarnessError::io_path("writing", path))
}

/// A YAML double-quoted scalar (JSON strings are valid YAML).
fn quoted(s: &str) -> String {
    serde_json::Value::from(s).to_string()
}

fn path_str(p: &Path) -> String {
    quoted(&p.to_string_lossy())
}

fn base_yaml(layout: &Layout, s: &Settings<'_>) -> String {
    let port = s.port;
    let federation = s
        .federation
        .map(|member| federation_listener(layout, member))
        .unwrap_or_default();
    format!(
        "# Generated by innomed-harness: server identity, listener and file layout.\n\
         server_name: {server_name}\n\
         public_baseurl: \"http://127.0.0.1:{port}/\"\n\
         pid_file: {pid}\n\
         listeners:\n  \
           - port: {port}\n    \
             bind_addresses: [\"127.0.0.1\"]\n    \
             type: http\n    \
             tls: false\n    \
             x_forwarded: false\n    \
             resources:\n      \
               - names: [client]\n        \
                 compress: false\n\
         {federation}\
         database:\n  \
           name: sqlite3\n  \
           args:\n    \
             database: {db}\n\
         media_store_path: {media}\n\
         log_config: {log_config}\n\
         signing_key_path: {signing_key}\n",
        server_name = quoted(s.server_name),
        pid = path_str(&layout.pid_file()),
        db = path_str(&layout.database()),
        media = path_str(&layout.media_store()),
        log_config = path_str(&layout.log_config()),
        signing_key = path_str(&layout.signing_key()),
    )
}

/// The federation listener (TLS with the test authority's certificate), added to `listeners`.
fn federation_listener(layout: &Layout, member: &FederationMember) -> String {
    format!(
        "  - port: {port}\n    \
             bind_addresses: [\"127.0.0.1\"]\n    \
             type: http\n    \
             tls: true\n    \
             x_forwarded: false\n    \
             resources:\n      \
               - names: [federation]\n        \
                 compress: false\n\
         tls_certificate_path: {certificate}\n\
         tls_private_key_path: {key}\n",
        port = member.port,
        certificate = path_str(&layout.federation_certificate()),
        key = path_str(&layout.federation_key()),
    )
}

/// The closed federation's policy: only the listed servers, certificates verified against the
/// test authority, keys fetched from each server itself (the privacy layer trusts no key server).
fn federation_yaml(layout: &Layout, member: &FederationMember) -> String {
    let allowed = member
        .allowed_servers
        .iter()
        .map(|server| quoted(server))
        .collect::<Vec<_>>()
        .join(", ");
    format!(
        "# Generated by innomed-harness: a closed federation of CPTS homeservers over TLS.\n\
         federation_domain_whitelist: [{allowed}]\n\
         federation_verify_certificates: true\n\
         federation_custom_ca_list: [{ca}]\n\
         {backoff}",
        backoff = FEDERATION_BACKOFF,
        ca = path_str(&layout.federation_ca()),
    )
}

/// How soon a partner that was down is tried again: as in `deploy/synapse/homeserver.yaml`.
pub const FEDERATION_BACKOFF: &str = "federation:\n  \
    destination_min_retry_interval: 15s\n  \
    destination_retry_multiplier: 2\n  \
    destination_max_retry_interval: 5m\n";

/// Python logging config: INFO to `homeserver.log` only, nothing on stdout.
fn log_config_yaml(layout: &Layout) -> String {
    format!(
        "version: 1\n\
         formatters:\n  \
           precise:\n    \
             format: '%(asctime)s - %(name)s - %(lineno)d - %(levelname)s - %(request)s - %(message)s'\n\
         handlers:\n  \
           file:\n    \
             class: logging.FileHandler\n    \
             formatter: precise\n    \
             filename: {log}\n    \
             encoding: utf8\n\
         root:\n  \
           level: INFO\n  \
           handlers: [file]\n\
         disable_existing_loggers: false\n",
        log = path_str(&layout.log()),
    )
}

fn secrets_yaml() -> Result<String> {
    Ok(format!(
        "# Generated once per data dir by innomed-harness.\n\
         macaroon_secret_key: \"{}\"\n\
         registration_shared_secret: \"{}\"\n\
         form_secret: \"{}\"\n",
        random_hex(32)?,
        random_hex(32)?,
        random_hex(32)?,
    ))
}

/// An ed25519 signing key in Synapse's file format: `ed25519 <key id> <seed>`.
fn signing_key() -> Result<String> {
    let version = random_hex(3)?;
    let seed = base64_unpadded(&random_bytes(32)?);
    Ok(format!("ed25519 a_{version} {seed}\n"))
}

/// [`PRIVACY_YAML`], without the encryption-by-default key when asked to.
pub(crate) fn privacy_yaml(encryption_by_default: bool) -> String {
    if encryption_by_default {
        return PRIVACY_YAML.to_owned();
    }
    PRIVACY_YAML
        .lines()
        .filter(|line| !line.trim_start().starts_with(ENCRYPTION_KEY))
        .map(|line| format!("{line}\n"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn privacy_layer_has_every_required_key() {
        for key in [
            "encryption_enabled_by_default_for_room_type: all",
            "presence:\n  enabled: false",
            "url_preview_enabled: false",
            "limit_profile_requests_to_users_who_share_rooms: true",
            "require_auth_for_profile_requests: true",
            "push:\n  include_content: false",
            "allow_public_rooms_without_auth: false",
            "allow_public_rooms_over_federation: false",
            "user_directory:\n  search_all_users: false",
            "report_stats: false",
            "trusted_key_servers: []",
            "suppress_key_server_warning: true",
        ] {
            assert!(PRIVACY_YAML.contains(key), "privacy.yaml lacks {key:?}");
        }
    }

    #[test]
    fn encryption_by_default_can_be_dropped() {
        let without = privacy_yaml(false);
        assert!(!without.contains(ENCRYPTION_KEY));
        assert!(without.contains("url_preview_enabled: false"));
        assert_eq!(
            without.lines().count() + 1,
            PRIVACY_YAML.lines().count(),
            "exactly one line removed"
        );
        assert_eq!(privacy_yaml(true), PRIVACY_YAML);
    }

    #[test]
    fn testing_layer_opens_registration() {
        assert!(TESTING_YAML.contains("enable_registration: true"));
        assert!(TESTING_YAML.contains("enable_registration_without_verification: true"));
        assert!(!TESTING_YAML.contains(ENCRYPTION_KEY));
    }

    #[test]
    fn signing_key_has_synapse_format() {
        let key = signing_key().expect("urandom");
        let parts: Vec<&str> = key.trim().split(' ').collect();
        assert_eq!(parts.len(), 3);
        assert_eq!(parts[0], "ed25519");
        assert!(parts[1].starts_with("a_"));
        assert_eq!(parts[2].len(), 43);
    }
}
