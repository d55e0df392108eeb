//! [`FaultProxy`]: a TCP proxy on loopback between the clients and the homeserver, that a test
//! slows down, cuts and resets while the clients are connected.
//!
//! It forwards bytes both ways, unchanged (plain HTTP on loopback: nothing to decrypt). It runs
//! on a thread of its own with its own single-threaded tokio runtime, so it works under any
//! test runtime (or none), and every control call returns once the fault is in effect:
//!
//! - [`set_delay`](FaultProxy::set_delay): each new connection waits that long before it is
//!   opened to the homeserver, and every chunk of bytes is forwarded that long after it was
//!   read, in both directions (a latency, not a throughput limit: chunks are pipelined);
//! - [`cut`](FaultProxy::cut): the connections in progress are closed with a TCP reset and
//!   new ones are refused (`ECONNREFUSED`): the network is gone, the client sees connection
//!   errors at once (not a black hole where requests hang until a timeout);
//! - [`reset`](FaultProxy::reset): the connections in progress are closed with a TCP reset,
//!   new ones are accepted as usual;
//! - [`restore`](FaultProxy::restore): no delay, connections accepted, on the same port.
//!
//! When the homeserver itself refuses or drops a connection, the client's connection is reset
//! too. Dropping the proxy stops its thread: the runtime, every relay and every socket go with
//! it, and the port is closed.
//!
//! Bounded: one thread per proxy; per connection one task and, per direction, at most 64
//! chunks of 16 KiB waiting for their delay (which is at most an hour). Loopback only: it
//! listens on `127.0.0.1` and forwards to a loopback address only.
//!
//! A client that learns the homeserver's own address does not stay behind the proxy: Synapse's
//! login response names its `public_baseurl`, and matrix-sdk then uses it. Reopen a session
//! with the proxy's URL instead, and check [`connections`](FaultProxy::connections).

use std::{
    io,
    net::{IpAddr, Ipv4Addr, SocketAddr, ToSocketAddrs},
    sync::{
        atomic::{AtomicU64, Ordering},
        mpsc as std_mpsc, Arc,
    },
    thread::JoinHandle,
    time::Duration,
};

use tokio::{
    io::{AsyncReadExt, AsyncWriteExt},
    net::{
        tcp::{ReadHalf, WriteHalf},
        TcpListener, TcpSocket, TcpStream,
    },
    sync::{mpsc, watch},
    task::JoinSet,
    time::Instant,
};

use crate::{HarnessError, Result};

/// The most read from one side before it is forwarded.
const CHUNK: usize = 16 * 1024;
/// The most chunks held back (by the delay) per direction of a connection.
const QUEUE: usize = 64;
/// The longest delay: anything longer is this.
const MAX_DELAY: Duration = Duration::from_secs(3600);
/// How long a control call waits for the proxy thread (which answers in milliseconds).
const CONTROL_WAIT: Duration = Duration::from_secs(10);
/// How long the relays get to close with a reset before they are dropped.
const DRAIN_WAIT: Duration = Duration::from_secs(5);
const BACKLOG: u32 = 1024;

/// A control call for the proxy thread, and where it answers once the call is in effect.
type Call = (Op, std_mpsc::SyncSender<Result<(), String>>);

/// A TCP proxy on `127.0.0.1` in front of a homeserver, with faults a test switches on and
/// off. See the module documentation.
pub struct FaultProxy {
    port: u16,
    upstream: SocketAddr,
    accepted: Arc<AtomicU64>,
    control: Option<mpsc::UnboundedSender<Call>>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for FaultProxy {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("FaultProxy")
            .field("port", &self.port)
            .field("upstream", &self.upstream)
            .finish()
    }
}

/// What a control call asks of the proxy thread.
#[derive(Clone, Copy, Debug)]
enum Op {
    Delay(Duration),
    Cut,
    Reset,
    Restore,
}

/// The faults in effect, watched by every relay.
#[derive(Clone, Copy, Debug, Default)]
struct Faults {
    delay: Duration,
    /// Bumped by each cut and reset: the relays accepted before it close.
    generation: u64,
}

impl FaultProxy {
    /// Listens on `127.0.0.1` on a port the system picks, forwarding to `upstream_url`
    /// (`http://127.0.0.1:PORT`, `http://localhost:PORT` or `http://[::1]:PORT`; a path is
    /// ignored). Anything but a loopback address is refused.
    pub fn start(upstream_url: &str) -> Result<Self> {
        let upstream = loopback_upstream(upstream_url)?;
        let (control, ops) = mpsc::unbounded_channel();
        let (ready_tx, ready_rx) = std_mpsc::sync_channel::<io::Result<u16>>(1);
        let accepted = Arc::new(AtomicU64::new(0));
        let counter = accepted.clone();
        let thread = std::thread::Builder::new()
            .name("fault-proxy".to_owned())
            .spawn(move || {
                let runtime = match tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                {
                    Ok(runtime) => runtime,
                    Err(e) => {
                        let _ = ready_tx.send(Err(e));
                        return;
                    }
                };
                runtime.block_on(async move {
                    let any_port = SocketAddr::from((Ipv4Addr::LOCALHOST, 0));
                    let listener = match reserve(any_port).and_then(|s| s.listen(BACKLOG)) {
                        Ok(listener) => listener,
                        Err(e) => {
                            let _ = ready_tx.send(Err(e));
                            return;
                        }
                    };
                    let local = match listener.local_addr() {
                        Ok(local) => local,
                        Err(e) => {
                            let _ = ready_tx.send(Err(e));
                            return;
                        }
                    };
                    let _ = ready_tx.send(Ok(local.port()));
                    serve(listener, local, upstream, ops, counter).await;
                });
                // The runtime is dropped here, on its own thread: every relay task and every
                // socket are gone before `Drop` returns.
            })
            .map_err(HarnessError::io("starting the fault proxy thread"))?;
        let port = match ready_rx.recv() {
            Ok(Ok(port)) => port,
            Ok(Err(e)) => {
                let _ = thread.join();
                return Err(HarnessError::io("starting the fault proxy")(e));
            }
            Err(_) => {
                let _ = thread.join();
                return Err(HarnessError::io("starting the fault proxy")(
                    io::Error::other("the proxy thread ended"),
                ));
            }
        };
        Ok(Self {
            port,
            upstream,
            accepted,
            control: Some(control),
            thread: Some(thread),
        })
    }

    /// The URL clients use instead of the homeserver's: `http://127.0.0.1:PORT`. It does not
    /// change across [`cut`](Self::cut) and [`restore`](Self::restore).
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}", self.port)
    }

    /// The port the proxy listens on.
    pub fn port(&self) -> u16 {
        self.port
    }

    /// How many connections the proxy accepted so far: a test can check that its client
    /// really goes through it.
    pub fn connections(&self) -> u64 {
        self.accepted.load(Ordering::SeqCst)
    }

    /// Holds every new connection and every chunk back by `delay` (at most an hour);
    /// `Duration::ZERO` forwards at once again. Applies to the connections in progress too.
    pub fn set_delay(&self, delay: Duration) {
        self.apply(Op::Delay(delay.min(MAX_DELAY)));
    }

    /// Network loss: the connections in progress are reset and new ones refused, until
    /// [`restore`](Self::restore). Returns once both are true.
    pub fn cut(&self) {
        self.apply(Op::Cut);
    }

    /// Resets the connections in progress (TCP RST, in both directions); new connections are
    /// accepted. Returns once the old ones are closed.
    pub fn reset(&self) {
        self.apply(Op::Reset);
    }

    /// Back to normal: no delay, connections accepted on the same port.
    pub fn restore(&self) {
        self.apply(Op::Restore);
    }

    /// Sends `op` to the proxy thread and waits until it is in effect. Panics (this is a test
    /// harness) if the thread does not answer or could not apply it.
    fn apply(&self, op: Op) {
        let (done_tx, done_rx) = std_mpsc::sync_channel(1);
        let sent = self
            .control
            .as_ref()
            .is_some_and(|c| c.send((op, done_tx)).is_ok());
        assert!(sent, "fault proxy: its thread has stopped ({op:?})");
        match done_rx.recv_timeout(CONTROL_WAIT) {
            Ok(Ok(())) => {}
            Ok(Err(e)) => panic!("fault proxy: {op:?} failed: {e}"),
            Err(e) => panic!("fault proxy: no answer to {op:?}: {e}"),
        }
    }
}

impl Drop for FaultProxy {
    fn drop(&mut self) {
        // Closing the control channel ends the accept loop; the thread then drops its runtime.
        self.control.take();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The loopback socket address of `url` (`http://HOST:PORT[/…]`).
fn loopback_upstream(url: &str) -> Result<SocketAddr> {
    let invalid = |why: &str| {
        HarnessError::io(format!("fault proxy upstream {url:?}"))(io::Error::new(
            io::ErrorKind::InvalidInput,
            why.to_owned(),
        ))
    };
    let rest = url
        .strip_prefix("http://")
        .ok_or_else(|| invalid("not an http:// URL"))?;
    let authority = rest.split('/').next().unwrap_or_default();
    let addrs: Vec<SocketAddr> = authority
        .to_socket_addrs()
        .map_err(|_| invalid("no HOST:PORT"))?
        .collect();
    if addrs.is_empty() || !addrs.iter().all(|a| a.ip().is_loopback()) {
        return Err(invalid("not a loopback address"));
    }
    // Synapse in the harness listens on 127.0.0.1: IPv4 first when a name gives both.
    let first = addrs
        .iter()
        .find(|a| matches!(a.ip(), IpAddr::V4(_)))
        .or_else(|| addrs.first())
        .copied();
    first.ok_or_else(|| invalid("not a loopback address"))
}

/// A socket bound to `addr` and not listening: connections to it are refused, and nobody
/// else can take the port meanwhile.
fn reserve(addr: SocketAddr) -> io::Result<TcpSocket> {
    let socket = TcpSocket::new_v4()?;
    // Connections of ours in TIME_WAIT on this port must not stop the port being taken again.
    socket.set_reuseaddr(true)?;
    socket.bind(addr)?;
    Ok(socket)
}

/// Whether the proxy accepts connections.
enum Door {
    Open(TcpListener),
    /// Refusing: the port kept by a bound socket that does not listen (`None` if even that
    /// failed; the next restore binds again).
    Closed(Option<TcpSocket>),
}

impl Door {
    async fn accept(&self) -> io::Result<TcpStream> {
        match self {
            Door::Open(listener) => listener.accept().await.map(|(stream, _)| stream),
            Door::Closed(_) => std::future::pending().await,
        }
    }

    fn close(&mut self, local: SocketAddr) {
        if let Door::Open(_) = self {
            // The listener goes first (connections waiting in its backlog are reset), then the
            // port is held by a socket that does not listen.
            *self = Door::Closed(None);
            *self = Door::Closed(reserve(local).ok());
        }
    }

    fn open(&mut self, local: SocketAddr) -> io::Result<()> {
        if let Door::Closed(socket) = self {
            let socket = match socket.take() {
                Some(socket) => socket,
                None => reserve(local)?,
            };
            *self = Door::Open(socket.listen(BACKLOG)?);
        }
        Ok(())
    }
}

/// The accept loop: applies the control calls in order, and relays each connection in a task
/// of its own. Returns when the [`FaultProxy`] is dropped; the relays are dropped with it.
async fn serve(
    listener: TcpListener,
    local: SocketAddr,
    upstream: SocketAddr,
    mut ops: mpsc::UnboundedReceiver<Call>,
    counter: Arc<AtomicU64>,
) {
    let mut door = Door::Open(listener);
    let (faults, _) = watch::channel(Faults::default());
    let mut relays = JoinSet::new();
    loop {
        tokio::select! {
            op = ops.recv() => {
                let Some((op, done)) = op else { break };
                let applied = match op {
                    Op::Delay(delay) => {
                        faults.send_modify(|f| f.delay = delay);
                        Ok(())
                    }
                    Op::Cut => {
                        door.close(local);
                        faults.send_modify(|f| f.generation += 1);
                        drain(&mut relays).await;
                        Ok(())
                    }
                    Op::Reset => {
                        faults.send_modify(|f| f.generation += 1);
                        drain(&mut relays).await;
                        Ok(())
                    }
                    Op::Restore => {
                        faults.send_modify(|f| f.delay = Duration::ZERO);
                        door.open(local).map_err(|e| format!("listening on {local} again: {e}"))
                    }
                };
                let _ = done.send(applied);
            }
            accepted = door.accept() => match accepted {
                Ok(client) => {
                    counter.fetch_add(1, Ordering::SeqCst);
                    // Its generation is taken here: a cut or reset applied before the relay
                    // first runs still closes it.
                    let generation = faults.borrow().generation;
                    relays.spawn(relay(client, upstream, faults.subscribe(), generation));
                }
                // Out of file descriptors or similar: do not spin.
                Err(_) => tokio::time::sleep(Duration::from_millis(50)).await,
            },
            Some(_) = relays.join_next(), if !relays.is_empty() => {}
        }
    }
}

/// Waits until every relay has closed (they were all told to), dropping stragglers.
async fn drain(relays: &mut JoinSet<()>) {
    let all = async { while relays.join_next().await.is_some() {} };
    if tokio::time::timeout(DRAIN_WAIT, all).await.is_err() {
        relays.abort_all();
        while relays.join_next().await.is_some() {}
    }
}

/// One client connection: opened to the homeserver after the delay, then bytes both ways
/// until both sides are done. A cut or reset, or an error on either side, resets both.
async fn relay(
    mut client: TcpStream,
    upstream: SocketAddr,
    faults: watch::Receiver<Faults>,
    generation: u64,
) {
    let mut watched = faults.clone();
    let killed = async move {
        // An error means the proxy is stopping: closing is right then too.
        let _ = watched.wait_for(|f| f.generation != generation).await;
    };
    let mut server: Option<TcpStream> = None;
    let finished = tokio::select! {
        _ = killed => false,
        relayed = async {
            let delay = faults.borrow().delay;
            tokio::time::sleep(delay).await;
            let stream = server.insert(TcpStream::connect(upstream).await?);
            let _ = stream.set_nodelay(true);
            let _ = client.set_nodelay(true);
            let (client_read, client_write) = client.split();
            let (server_read, server_write) = stream.split();
            tokio::try_join!(
                forward(client_read, server_write, &faults),
                forward(server_read, client_write, &faults),
            )
        } => relayed.is_ok(),
    };
    if !finished {
        // SO_LINGER 0: closing sends a reset, as a lost or broken connection would.
        let _ = client.set_zero_linger();
        if let Some(server) = &server {
            let _ = server.set_zero_linger();
        }
    }
}

/// Bytes from `from` to `to`, each chunk written `delay` after it was read; at the end of
/// `from`, `to` is shut down for writing (the other side reads the end).
async fn forward(
    mut from: ReadHalf<'_>,
    mut to: WriteHalf<'_>,
    faults: &watch::Receiver<Faults>,
) -> io::Result<()> {
    let (queued, mut due) = mpsc::channel::<(Instant, Vec<u8>)>(QUEUE);
    let read = async move {
        loop {
            let mut chunk = vec![0; CHUNK];
            let n = from.read(&mut chunk).await?;
            if n == 0 {
                return Ok::<_, io::Error>(());
            }
            chunk.truncate(n);
            let at = Instant::now() + faults.borrow().delay;
            if queued.send((at, chunk)).await.is_err() {
                return Ok(());
            }
        }
    };
    let write = async move {
        while let Some((at, chunk)) = due.recv().await {
            tokio::time::sleep_until(at).await;
            to.write_all(&chunk).await?;
        }
        to.shutdown().await
    };
    tokio::try_join!(read, write).map(|_| ())
}

#[cfg(test)]
mod tests {
    use std::{
        io::{ErrorKind, Read, Write},
        net::{Shutdown, TcpListener as StdListener, TcpStream as StdStream},
        sync::{
            atomic::{AtomicBool, Ordering},
            Arc,
        },
        time::Instant as StdInstant,
    };

    use super::*;

    const IO_WAIT: Duration = Duration::from_secs(10);

    /// A TCP echo server on loopback (a thread per connection), stopped when dropped.
    struct Echo {
        port: u16,
        stop: Arc<AtomicBool>,
        thread: Option<JoinHandle<()>>,
    }

    impl Echo {
        fn start() -> Self {
            let listener = StdListener::bind("127.0.0.1:0").expect("bind echo");
            let port = listener.local_addr().expect("echo addr").port();
            let stop = Arc::new(AtomicBool::new(false));
            let flag = stop.clone();
            let thread = std::thread::spawn(move || {
                for stream in listener.incoming() {
                    if flag.load(Ordering::SeqCst) {
                        return;
                    }
                    let Ok(mut stream) = stream else { continue };
                    std::thread::spawn(move || {
                        let mut reader = stream.try_clone().expect("clone");
                        let _ = std::io::copy(&mut reader, &mut stream);
                        let _ = stream.shutdown(Shutdown::Write);
                    });
                }
            });
            Self {
                port,
                stop,
                thread: Some(thread),
            }
        }

        fn url(&self) -> String {
            format!("http://127.0.0.1:{}", self.port)
        }
    }

    impl Drop for Echo {
        fn drop(&mut self) {
            self.stop.store(true, Ordering::SeqCst);
            let _ = StdStream::connect(("127.0.0.1", self.port));
            if let Some(thread) = self.thread.take() {
                let _ = thread.join();
            }
        }
    }

    fn connect(proxy: &FaultProxy) -> io::Result<StdStream> {
        let stream = StdStream::connect(("127.0.0.1", proxy.port()))?;
        stream.set_read_timeout(Some(IO_WAIT))?;
        stream.set_write_timeout(Some(IO_WAIT))?;
        Ok(stream)
    }

    /// Writes `data` and reads the same number of bytes back.
    fn round_trip(stream: &mut StdStream, data: &[u8]) -> io::Result<Vec<u8>> {
        stream.write_all(data)?;
        let mut back = vec![0; data.len()];
        stream.read_exact(&mut back)?;
        Ok(back)
    }

    /// What a read on a connection the proxy dropped gives: an error or the end, never data.
    fn assert_dropped(stream: &mut StdStream) {
        let mut byte = [0; 1];
        match stream.read(&mut byte) {
            Err(e) => assert!(
                matches!(e.kind(), ErrorKind::ConnectionReset | ErrorKind::BrokenPipe),
                "{e:?}"
            ),
            Ok(n) => assert_eq!(n, 0, "data after the connection was dropped"),
        }
    }

    #[test]
    fn bytes_flow_both_ways_unchanged_and_in_order() {
        let echo = Echo::start();
        let proxy = FaultProxy::start(&echo.url()).expect("proxy");
        assert_eq!(proxy.url(), format!("http://127.0.0.1:{}", proxy.port()));
        assert_eq!(proxy.connections(), 0);
        let mut a = connect(&proxy).expect("connect");
        assert_eq!(round_trip(&mut a, b"hello").expect("echo"), b"hello");
        assert_eq!(proxy.connections(), 1);
        // 2 MiB, more than the chunks and queues hold, written while it is read back.
        let data: Vec<u8> = (0..2 * 1024 * 1024u32).map(|i| (i % 251) as u8).collect();
        let mut writer = a.try_clone().expect("clone");
        let sent = data.clone();
        let writing = std::thread::spawn(move || writer.write_all(&sent));
        let mut back = vec![0; data.len()];
        a.read_exact(&mut back).expect("read back");
        writing.join().expect("writer").expect("write");
        assert!(back == data, "the bytes came back changed");
        // Several connections at once.
        let mut b = connect(&proxy).expect("second connection");
        assert_eq!(round_trip(&mut b, b"two").expect("echo"), b"two");
        assert_eq!(proxy.connections(), 2);
        assert_eq!(round_trip(&mut a, b"one").expect("echo"), b"one");
        // The end of one side reaches the other.
        b.shutdown(Shutdown::Write).expect("shutdown");
        let mut rest = Vec::new();
        b.read_to_end(&mut rest).expect("end");
        assert!(rest.is_empty());
    }

    #[test]
    fn a_delay_holds_connections_and_chunks_back_until_set_to_zero() {
        let echo = Echo::start();
        let proxy = FaultProxy::start(&echo.url()).expect("proxy");
        let mut before = connect(&proxy).expect("connect");
        round_trip(&mut before, b"x").expect("echo");
        let delay = Duration::from_millis(300);
        proxy.set_delay(delay);
        // A connection in progress: the chunk there and the echo back are each held back.
        let started = StdInstant::now();
        round_trip(&mut before, b"ping").expect("echo");
        let elapsed = started.elapsed();
        assert!(elapsed >= 2 * delay, "{elapsed:?}");
        assert!(elapsed < 2 * delay + Duration::from_secs(3), "{elapsed:?}");
        // A new one: opening it waits too.
        let started = StdInstant::now();
        let mut after = connect(&proxy).expect("connect");
        round_trip(&mut after, b"ping").expect("echo");
        assert!(started.elapsed() >= 3 * delay, "{:?}", started.elapsed());
        // Pipelined: ten chunks in a row take one delay each way, not ten.
        let started = StdInstant::now();
        for _ in 0..10 {
            after.write_all(b"0123456789").expect("write");
            std::thread::sleep(Duration::from_millis(5));
        }
        let mut back = [0; 100];
        after.read_exact(&mut back).expect("read");
        assert!(started.elapsed() < 6 * delay, "{:?}", started.elapsed());
        proxy.set_delay(Duration::ZERO);
        let started = StdInstant::now();
        round_trip(&mut after, b"fast").expect("echo");
        assert!(started.elapsed() < delay, "{:?}", started.elapsed());
        // An absurd delay is bounded, not an overflow.
        proxy.set_delay(Duration::MAX);
        proxy.restore();
        round_trip(&mut after, b"normal").expect("echo");
    }

    #[test]
    fn a_cut_drops_connections_and_refuses_new_ones_until_restored() {
        let echo = Echo::start();
        let proxy = FaultProxy::start(&echo.url()).expect("proxy");
        let url = proxy.url();
        let mut a = connect(&proxy).expect("connect");
        round_trip(&mut a, b"before").expect("echo");
        proxy.cut();
        assert_dropped(&mut a);
        for _ in 0..3 {
            let e = connect(&proxy).expect_err("refused while cut");
            assert_eq!(e.kind(), ErrorKind::ConnectionRefused, "{e:?}");
        }
        assert_eq!(proxy.connections(), 1, "refused ones are not counted");
        proxy.cut(); // idempotent
        proxy.restore();
        assert_eq!(proxy.url(), url, "same port");
        let mut b = connect(&proxy).expect("accepted again");
        assert_eq!(round_trip(&mut b, b"after").expect("echo"), b"after");
        // And again: cut, restore.
        proxy.cut();
        assert_dropped(&mut b);
        proxy.restore();
        let mut c = connect(&proxy).expect("accepted again");
        assert_eq!(round_trip(&mut c, b"again").expect("echo"), b"again");
    }

    #[test]
    fn a_reset_drops_connections_in_progress_but_accepts_new_ones() {
        let echo = Echo::start();
        let proxy = FaultProxy::start(&echo.url()).expect("proxy");
        let mut a = connect(&proxy).expect("connect");
        round_trip(&mut a, b"before").expect("echo");
        proxy.reset();
        let mut byte = [0; 1];
        let e = a.read(&mut byte).expect_err("reset");
        assert_eq!(e.kind(), ErrorKind::ConnectionReset, "{e:?}");
        let mut b = connect(&proxy).expect("new connection");
        assert_eq!(round_trip(&mut b, b"after").expect("echo"), b"after");
        // A reset while a delay holds bytes back resets too.
        proxy.set_delay(Duration::from_secs(5));
        b.write_all(b"held").expect("write");
        let started = StdInstant::now();
        proxy.reset();
        assert!(started.elapsed() < Duration::from_secs(2));
        assert_dropped(&mut b);
    }

    #[test]
    fn a_homeserver_that_is_down_gives_a_dropped_connection() {
        // A port nobody listens on.
        let port = StdListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("free port")
            .port();
        let proxy = FaultProxy::start(&format!("http://127.0.0.1:{port}/")).expect("proxy");
        let mut a = connect(&proxy).expect("the proxy itself accepts");
        let _ = a.write_all(b"GET / HTTP/1.1\r\n\r\n");
        assert_dropped(&mut a);
    }

    #[test]
    fn dropping_the_proxy_closes_its_port_and_its_connections() {
        let echo = Echo::start();
        let proxy = FaultProxy::start(&echo.url()).expect("proxy");
        let port = proxy.port();
        let mut a = connect(&proxy).expect("connect");
        round_trip(&mut a, b"x").expect("echo");
        drop(proxy);
        assert_dropped(&mut a);
        let e = StdStream::connect(("127.0.0.1", port)).expect_err("closed");
        assert_eq!(e.kind(), ErrorKind::ConnectionRefused);
        // Dropped while cut too.
        let proxy = FaultProxy::start(&echo.url()).expect("proxy");
        proxy.cut();
        drop(proxy);
    }

    #[test]
    fn only_loopback_http_upstreams_are_accepted() {
        for url in [
            "http://192.0.2.1:8008",
            "https://127.0.0.1:8008",
            "127.0.0.1:8008",
            "http://127.0.0.1",
            "http://",
        ] {
            assert!(FaultProxy::start(url).is_err(), "{url}");
        }
        for url in [
            "http://127.0.0.1:8008",
            "http://localhost:8008/",
            "http://[::1]:8008",
        ] {
            let proxy = FaultProxy::start(url).expect(url);
            assert!(proxy.upstream.ip().is_loopback());
        }
    }
}
