//! A test-only certificate authority for the federation of test homeservers: one CA, and one
//! server certificate per homeserver for `127.0.0.1`, made with the system's `openssl` tool.
//!
//! Every homeserver of a test federation trusts this CA for outbound federation
//! (`federation_custom_ca_list`) and verifies certificates, as production does with public
//! ones. The keys live in the federation's temporary folder and die with it.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::{HarnessError, Result};

/// The authority's certificate and key.
#[derive(Debug, Clone)]
pub(crate) struct TestCa {
    certificate: PathBuf,
    key: PathBuf,
}

/// A server certificate (for `localhost`) and its key, signed by a [`TestCa`].
#[derive(Debug, Clone)]
pub(crate) struct ServerCertificate {
    pub(crate) certificate: PathBuf,
    pub(crate) key: PathBuf,
}

impl TestCa {
    /// Makes a fresh authority in `dir` (valid two days).
    pub(crate) fn create(dir: &Path) -> Result<Self> {
        let certificate = dir.join("test-ca.pem");
        let key = dir.join("test-ca.key");
        openssl(&[
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "2",
            "-subj",
            "/CN=Innomed test federation CA",
            "-addext",
            "basicConstraints=critical,CA:TRUE",
            "-addext",
            "keyUsage=critical,keyCertSign,cRLSign",
            "-keyout",
            path(&key)?,
            "-out",
            path(&certificate)?,
        ])?;
        Ok(Self { certificate, key })
    }

    /// The authority's certificate (PEM), what every server of the federation trusts.
    pub(crate) fn certificate(&self) -> &Path {
        &self.certificate
    }

    /// Issues a certificate for `localhost` named `name` in `dir`.
    pub(crate) fn issue(&self, dir: &Path, name: &str) -> Result<ServerCertificate> {
        let key = dir.join(format!("{name}.key"));
        let request = dir.join(format!("{name}.csr"));
        let certificate = dir.join(format!("{name}.pem"));
        let extensions = dir.join(format!("{name}.ext"));
        std::fs::write(
            &extensions,
            "subjectAltName=DNS:localhost,IP:127.0.0.1\n\
             basicConstraints=critical,CA:FALSE\n\
             keyUsage=critical,digitalSignature,keyEncipherment\n\
             extendedKeyUsage=serverAuth,clientAuth\n",
        )
        .map_err(HarnessError::io_path("writing", &extensions))?;
        openssl(&[
            "req",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-subj",
            "/CN=localhost",
            "-keyout",
            path(&key)?,
            "-out",
            path(&request)?,
        ])?;
        openssl(&[
            "x509",
            "-req",
            "-in",
            path(&request)?,
            "-CA",
            path(&self.certificate)?,
            "-CAkey",
            path(&self.key)?,
            "-CAcreateserial",
            "-days",
            "2",
            "-extfile",
            path(&extensions)?,
            "-out",
            path(&certificate)?,
        ])?;
        Ok(ServerCertificate { certificate, key })
    }
}

fn path(p: &Path) -> Result<&str> {
    p.to_str()
        .ok_or_else(|| HarnessError::Stop(format!("not a UTF-8 path: {}", p.display())))
}

fn openssl(args: &[&str]) -> Result<()> {
    let output = Command::new("openssl")
        .args(args)
        .output()
        .map_err(HarnessError::io("running openssl (Debian package openssl)"))?;
    if output.status.success() {
        return Ok(());
    }
    Err(HarnessError::Startup {
        message: format!("openssl {} failed ({})", args[0], output.status),
        log_tail: String::from_utf8_lossy(&output.stderr).into_owned(),
    })
}
