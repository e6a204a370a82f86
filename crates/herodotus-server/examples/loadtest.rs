//! A bounded load test of the API over loopback: keep-alive HTTP/1.1
//! connections sending a mix of dashboard, dyad-series, click-a-point and
//! stats requests; prints requests/s and latency percentiles.
//!
//! ```text
//! cargo run --release -p herodotus-server --example loadtest -- DB [CONNECTIONS] [REQUESTS] [MAX_SECONDS]
//! ```
//! Serves DB in-process on 127.0.0.1 (an ephemeral port) and stops after
//! REQUESTS requests (default 20,000) or MAX_SECONDS (default 30), whichever
//! comes first. Only loopback is ever contacted.

use herodotus_server::{serve, Config, Processor};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const PATHS: &[(&str, &str)] = &[
    ("dyad week", "/api/dyad/USA/RUS?by=week"),
    ("dyad week", "/api/dyad/CHN/USA?by=week"),
    ("dyad month", "/api/dyad/ISR/IRN?by=month"),
    (
        "events of a week",
        "/api/events?source=USA&target=RUS&undirected=1&from=2023-03-06&to=2023-03-12&limit=100",
    ),
    (
        "events of a week",
        "/api/events?source=UKR&target=RUS&undirected=1&from=2024-05-06&to=2024-05-12&limit=100",
    ),
    ("dashboard page", "/"),
    ("dyad page", "/dyad/USA/RUS?by=month"),
    ("stats", "/api/stats"),
];

async fn request(
    r: &mut BufReader<tokio::net::tcp::OwnedReadHalf>,
    w: &mut tokio::net::tcp::OwnedWriteHalf,
    path: &str,
) -> std::io::Result<u16> {
    w.write_all(format!("GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n").as_bytes())
        .await?;
    let mut line = String::new();
    r.read_line(&mut line).await?;
    let status: u16 = line
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut len = 0usize;
    loop {
        line.clear();
        if r.read_line(&mut line).await? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            if k.eq_ignore_ascii_case("content-length") {
                len = v.trim().parse().unwrap_or(0);
            }
        }
    }
    let mut body = vec![0u8; len];
    r.read_exact(&mut body).await?;
    Ok(status)
}

fn pct(v: &[f64], p: f64) -> f64 {
    v[((v.len() as f64 - 1.0) * p).round() as usize]
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(db) = args.first() else {
        eprintln!("usage: loadtest DB [CONNECTIONS] [REQUESTS] [MAX_SECONDS]");
        std::process::exit(2);
    };
    let conns: usize = args.get(1).map_or(8, |s| s.parse().expect("CONNECTIONS"));
    let total: u64 = args.get(2).map_or(20_000, |s| s.parse().expect("REQUESTS"));
    let max = Duration::from_secs(args.get(3).map_or(30, |s| s.parse().expect("MAX_SECONDS")));

    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("bind");
    let addr = listener.local_addr().expect("addr");
    assert!(addr.ip().is_loopback());
    let processor: Processor = Arc::new(
        |_a: &herodotus_core::Article, _b: &herodotus_core::coder::Budget| Ok(Default::default()),
    );
    let mut config = Config::new(db.into(), addr, processor);
    config.readers = 4;
    let (stop_tx, stop_rx) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(serve(listener, config, async {
        let _ = stop_rx.await;
    }));

    let issued = Arc::new(AtomicU64::new(0));
    let deadline = Instant::now() + max;
    let t0 = Instant::now();
    let mut tasks = Vec::new();
    for c in 0..conns {
        let issued = issued.clone();
        tasks.push(tokio::spawn(async move {
            let s = TcpStream::connect(addr).await.expect("connect");
            s.set_nodelay(true).ok();
            let (r, mut w) = s.into_split();
            let mut r = BufReader::new(r);
            let mut lat: Vec<(usize, f64)> = Vec::new();
            let mut errors = 0u64;
            let mut i = c;
            while Instant::now() < deadline && issued.fetch_add(1, Ordering::Relaxed) < total {
                let k = i % PATHS.len();
                i += 1;
                let t = Instant::now();
                match request(&mut r, &mut w, PATHS[k].1).await {
                    Ok(200) => lat.push((k, t.elapsed().as_secs_f64() * 1000.0)),
                    _ => errors += 1,
                }
            }
            (lat, errors)
        }));
    }
    let mut all: Vec<(usize, f64)> = Vec::new();
    let mut errors = 0;
    for t in tasks {
        let (l, e) = t.await.expect("task");
        all.extend(l);
        errors += e;
    }
    let secs = t0.elapsed().as_secs_f64();
    let _ = stop_tx.send(());
    server.await.expect("server task").expect("server");

    let mut v: Vec<f64> = all.iter().map(|x| x.1).collect();
    v.sort_by(|a, b| a.total_cmp(b));
    println!(
        "{} requests ({} errors) over {conns} connections in {secs:.2} s: {:.0} requests/s; latency p50 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        v.len(),
        errors,
        v.len() as f64 / secs,
        pct(&v, 0.5),
        pct(&v, 0.99),
        v.last().copied().unwrap_or(0.0)
    );
    let mut names: Vec<&str> = PATHS.iter().map(|p| p.0).collect();
    names.dedup();
    for name in names {
        let mut v: Vec<f64> = all
            .iter()
            .filter(|(k, _)| PATHS[*k].0 == name)
            .map(|x| x.1)
            .collect();
        if v.is_empty() {
            continue;
        }
        v.sort_by(|a, b| a.total_cmp(b));
        println!(
            "  {name:<18} {:>6} requests  p50 {:>7.2} ms  p99 {:>7.2} ms",
            v.len(),
            pct(&v, 0.5),
            pct(&v, 0.99)
        );
    }
    if errors > 0 {
        std::process::exit(1);
    }
}
