//! `innomed login-psc`: sign-in with Pro Santé Connect from the terminal. The page's address is
//! printed; once the doctor has signed in in a browser on this machine, the homeserver sends the
//! browser back to a one-shot listener on loopback, which hands the address to the core.

use std::{
    io::{BufRead, BufReader, Write},
    net::TcpListener,
    time::{Duration, Instant},
};

use anyhow::{anyhow, Context, Result};
use innomed_core::{ClientConfig, InnomedClient};

/// What the browser shows once the terminal has the token.
const DONE_PAGE: &str = "<!DOCTYPE html><html lang=\"fr\"><meta charset=\"utf-8\">\
<title>Innomed</title><p>Connexion reçue : revenez au terminal.</p>\
<p lang=\"en\">Sign-in received: go back to the terminal.</p></html>";

/// Signs in: prints the page to open (stderr, so `--json` output stays one object), waits up to
/// `wait` for the browser to come back.
pub async fn sign_in(config: &ClientConfig, wait: Duration) -> Result<InnomedClient> {
    let listener = TcpListener::bind("127.0.0.1:0").context("listening on loopback")?;
    let port = listener.local_addr()?.port();
    let redirect = format!("http://127.0.0.1:{port}/psc");
    let sign_in = InnomedClient::start_psc_sign_in(config, &redirect).await?;
    eprintln!(
        "Ouvrez cette page pour vous connecter avec Pro Santé Connect / Open this page to sign \
         in with Pro Santé Connect:\n{}",
        sign_in.url()
    );
    let callback = tokio::task::spawn_blocking(move || wait_for_callback(&listener, port, wait))
        .await
        .map_err(|e| anyhow!("loopback listener: {e}"))??;
    Ok(sign_in.finish(&callback).await?)
}

/// The first request to `/psc` on the listener, as a full address.
fn wait_for_callback(listener: &TcpListener, port: u16, wait: Duration) -> Result<String> {
    listener.set_nonblocking(true)?;
    let deadline = Instant::now() + wait;
    loop {
        match listener.accept() {
            Ok((mut stream, _)) => {
                stream.set_nonblocking(false)?;
                stream.set_read_timeout(Some(Duration::from_secs(10)))?;
                let mut line = String::new();
                BufReader::new(&stream).read_line(&mut line)?;
                let path = line
                    .split_whitespace()
                    .nth(1)
                    .unwrap_or_default()
                    .to_owned();
                if !path.starts_with("/psc") {
                    let _ =
                        stream.write_all(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n");
                    continue;
                }
                let _ = write!(
                    stream,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\
                     Cache-Control: no-store\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{}",
                    DONE_PAGE.len(),
                    DONE_PAGE
                );
                return Ok(format!("http://127.0.0.1:{port}{path}"));
            }
            Err(e) if e.kind() == std::io::ErrorKind::WouldBlock => {
                if Instant::now() >= deadline {
                    return Err(innomed_core::AccountError::SignInRefused.into());
                }
                std::thread::sleep(Duration::from_millis(100));
            }
            Err(e) => return Err(e.into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::{io::Read, net::TcpStream};

    #[test]
    fn the_browser_coming_back_gives_the_address_and_a_page() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let browser = std::thread::spawn(move || {
            // A stray request first (a favicon), then the callback.
            for path in ["/favicon.ico", "/psc?loginToken=abc"] {
                let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
                write!(stream, "GET {path} HTTP/1.1\r\nHost: x\r\n\r\n").expect("write");
                let mut answer = String::new();
                let _ = stream.read_to_string(&mut answer);
                if path.starts_with("/psc") {
                    return answer;
                }
            }
            unreachable!()
        });
        let callback = wait_for_callback(&listener, port, Duration::from_secs(10)).expect("back");
        assert_eq!(
            callback,
            format!("http://127.0.0.1:{port}/psc?loginToken=abc")
        );
        assert!(browser
            .join()
            .expect("browser")
            .contains("revenez au terminal"));
    }

    #[test]
    fn nobody_coming_back_is_a_refused_sign_in() {
        let listener = TcpListener::bind("127.0.0.1:0").expect("bind");
        let port = listener.local_addr().expect("addr").port();
        let err = wait_for_callback(&listener, port, Duration::from_millis(300))
            .expect_err("nobody came back");
        assert!(matches!(
            err.downcast_ref::<innomed_core::AccountError>(),
            Some(innomed_core::AccountError::SignInRefused)
        ));
    }
}
