//! A fake push gateway on loopback: records what the homeserver would hand to Apple or Google
//! (`POST /_matrix/push/v1/notify`) and accepts every push. Stopped when dropped.

use std::{
    io::{BufRead, BufReader, Read, Write},
    net::{Shutdown, TcpListener, TcpStream},
    sync::{
        atomic::{AtomicBool, Ordering},
        Arc, Mutex,
    },
    thread::JoinHandle,
    time::Duration,
};

use crate::{HarnessError, Result};

/// The bodies of the pushes received, oldest first.
type Received = Arc<Mutex<Vec<String>>>;

pub struct PushGateway {
    port: u16,
    received: Received,
    stop: Arc<AtomicBool>,
    thread: Option<JoinHandle<()>>,
}

impl PushGateway {
    /// Listens on `127.0.0.1` on a free port.
    pub fn start() -> Result<Self> {
        let listener = TcpListener::bind("127.0.0.1:0")
            .map_err(HarnessError::io("binding the push gateway"))?;
        let port = listener
            .local_addr()
            .map_err(HarnessError::io("binding the push gateway"))?
            .port();
        let received = Received::default();
        let stop = Arc::new(AtomicBool::new(false));
        let thread = {
            let (received, stop) = (received.clone(), stop.clone());
            std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if stop.load(Ordering::SeqCst) {
                        return;
                    }
                    if let Ok(stream) = stream {
                        if let Some(body) = serve(stream) {
                            received
                                .lock()
                                .unwrap_or_else(|e| e.into_inner())
                                .push(body);
                        }
                    }
                }
            })
        };
        Ok(Self {
            port,
            received,
            stop,
            thread: Some(thread),
        })
    }

    /// The URL to register in a pusher.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/_matrix/push/v1/notify", self.port)
    }

    /// Every push received so far, as the JSON the homeserver sent.
    pub fn received(&self) -> Vec<serde_json::Value> {
        self.received
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .iter()
            .filter_map(|b| serde_json::from_str(b).ok())
            .collect()
    }

    /// The raw bodies, to search for what must not be there.
    pub fn raw(&self) -> Vec<String> {
        self.received
            .lock()
            .unwrap_or_else(|e| e.into_inner())
            .clone()
    }
}

impl Drop for PushGateway {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::SeqCst);
        // Wake the accept loop so it sees the flag.
        if let Ok(s) = TcpStream::connect(("127.0.0.1", self.port)) {
            let _ = s.shutdown(Shutdown::Both);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// Reads one HTTP/1.1 request (headers, then `Content-Length` bytes), answers like a gateway
/// that accepted the push, and returns the body of a `POST`.
fn serve(stream: TcpStream) -> Option<String> {
    stream.set_read_timeout(Some(Duration::from_secs(5))).ok()?;
    let mut reader = BufReader::new(stream.try_clone().ok()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line).ok()?;
    let mut length = 0usize;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 || line == "\r\n" {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            if name.eq_ignore_ascii_case("content-length") {
                length = value.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0; length];
    reader.read_exact(&mut body).ok()?;
    let answer = r#"{"rejected":[]}"#;
    let mut stream = stream;
    let _ = write!(
        stream,
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{answer}",
        answer.len()
    );
    request_line
        .starts_with("POST ")
        .then(|| String::from_utf8_lossy(&body).into_owned())
}
