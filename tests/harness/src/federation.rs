//! [`Federation`]: several homeservers on loopback, each the homeserver of a CPTS with its own
//! server name, federating over TLS (certificates of a test authority, verified), in a closed
//! federation: each accepts only the servers it lists (`federation_domain_whitelist`) and asks no
//! key server for the others' keys.

use std::sync::{Mutex, OnceLock, PoisonError};

use crate::homeserver::{Homeserver, HomeserverOptions};
use crate::process::free_port;
use crate::tls::TestCa;
use crate::{HarnessError, Result};

/// What a homeserver needs to join a federation: its federation port (its server name is
/// `localhost:<port>`), its certificate and key, the authority's certificate, and the servers
/// it accepts.
#[derive(Debug, Clone)]
pub struct FederationMember {
    pub port: u16,
    pub certificate_pem: String,
    pub key_pem: String,
    pub ca_pem: String,
    pub allowed_servers: Vec<String>,
}

impl FederationMember {
    /// `localhost:<federation port>`: a name with its port, so every server reaches the others
    /// directly (no `.well-known` or SRV lookup), over TLS checked against that name. Not an IP
    /// literal: Synapse refuses loopback addresses written in server names whatever its
    /// allow-list says, and the tests keep that protection as production has it.
    pub fn server_name(&self) -> String {
        server_name(self.port)
    }
}

fn server_name(port: u16) -> String {
    format!("localhost:{port}")
}

/// Partner homeservers that federate with one another only, and optionally an outsider: a
/// homeserver with a certificate of the same authority that lists the partners, but that no
/// partner lists. Dropping it stops them all.
#[derive(Debug)]
pub struct Federation {
    partners: Vec<Homeserver>,
    outsider: Option<Homeserver>,
}

impl Federation {
    /// Starts `partners` homeservers (and the outsider if asked), side by side; returns when
    /// every one serves clients.
    pub fn start(partners: usize, outsider: bool) -> Result<Self> {
        let dir = tempfile::Builder::new()
            .prefix("innomed-federation-ca-")
            .tempdir()
            .map_err(HarnessError::io("creating the test authority's folder"))?;
        let ca = TestCa::create(dir.path())?;
        let ca_pem = read(ca.certificate())?;
        let count = partners + usize::from(outsider);
        let ports = (0..count)
            .map(|_| free_port())
            .collect::<Result<Vec<_>>>()?;
        let partner_names: Vec<String> =
            ports[..partners].iter().map(|p| server_name(*p)).collect();
        let mut members = Vec::with_capacity(count);
        for (i, port) in ports.iter().enumerate() {
            let issued = ca.issue(dir.path(), &format!("server-{i}"))?;
            members.push(FederationMember {
                port: *port,
                certificate_pem: read(&issued.certificate)?,
                key_pem: read(&issued.key)?,
                ca_pem: ca_pem.clone(),
                // Partners list one another; the outsider lists the partners, in vain.
                allowed_servers: partner_names.clone(),
            });
        }
        // The authority's key is no longer needed: removed before any server starts.
        drop(dir);
        let started: Vec<Result<Homeserver>> = std::thread::scope(|scope| {
            let handles: Vec<_> = members
                .into_iter()
                .map(|member| {
                    scope.spawn(move || {
                        Homeserver::start(HomeserverOptions {
                            federation: Some(member),
                            ..HomeserverOptions::default()
                        })
                    })
                })
                .collect();
            handles
                .into_iter()
                .map(|h| {
                    h.join().unwrap_or_else(|_| {
                        Err(HarnessError::Stop("a homeserver's start panicked".into()))
                    })
                })
                .collect()
        });
        let mut servers = started.into_iter().collect::<Result<Vec<_>>>()?;
        let outsider = if outsider { servers.pop() } else { None };
        Ok(Self {
            partners: servers,
            outsider,
        })
    }

    /// Two partner homeservers and an outsider for the whole test process, started on first
    /// use (never dropped: each launcher stops its server when the test process exits).
    pub fn shared() -> Result<&'static Federation> {
        static SHARED: OnceLock<Federation> = OnceLock::new();
        static STARTING: Mutex<()> = Mutex::new(());
        if let Some(federation) = SHARED.get() {
            return Ok(federation);
        }
        let _guard = STARTING.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(federation) = SHARED.get() {
            return Ok(federation);
        }
        let federation = Federation::start(2, true)?;
        Ok(SHARED.get_or_init(|| federation))
    }

    /// The `i`-th partner homeserver.
    pub fn partner(&self, i: usize) -> &Homeserver {
        &self.partners[i]
    }

    /// The `i`-th partner homeserver, to stop and restart it.
    pub fn partner_mut(&mut self, i: usize) -> &mut Homeserver {
        &mut self.partners[i]
    }

    /// The homeserver outside the federation, if started.
    pub fn outsider(&self) -> Option<&Homeserver> {
        self.outsider.as_ref()
    }
}

fn read(path: &std::path::Path) -> Result<String> {
    std::fs::read_to_string(path).map_err(HarnessError::io_path("reading", path))
}
