//! Adversarial inputs (issue 11): every stage of `herodotus code` must stay
//! linear in its input. Each test writes a hostile input, runs the real binary on
//! it (with quotes, tone and places), and asserts
//!
//! * peak memory (VmHWM of the child, polled from /proc) <= 300 MiB;
//! * output size linear in input: the input at 4x the size gives at most ~4x
//!   the output (and never more than a fixed multiple of the input);
//! * the run ends within a time limit and exits 0.
//!
//! The child is killed as soon as it passes 1 GiB or its time limit, so a
//! regression fails the test instead of taking the machine down (before the
//! caps, the 10,000-country list reached 3.7 GB and the "and" chain 24 GB).
//! The 50 MB line is `#[ignore]`d (minutes in a debug build); `.ci/run` runs it
//! with `cargo test --release -p herodotus --test adversarial -- --ignored`.
//! Linux only (it reads /proc); elsewhere the memory figure is not checked.

use std::io::Read;
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// The bound the issue sets on peak memory per input.
const MAX_PEAK_KIB: u64 = 300 * 1024;
/// The child is killed past this, so a blow-up cannot take the machine down.
const KILL_KIB: u64 = 1024 * 1024;

/// What one run cost.
#[derive(Debug)]
struct Cost {
    peak_kib: Option<u64>,
    out_bytes: u64,
    secs: f64,
    stderr: String,
    killed: Option<String>,
    success: bool,
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("herodotus-adversarial-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

/// A field of /proc/PID/status in KiB.
fn status_kib(pid: u32, field: &str) -> Option<u64> {
    let s = std::fs::read_to_string(format!("/proc/{pid}/status")).ok()?;
    let line = s.lines().find(|l| l.starts_with(field))?;
    line[field.len() + 1..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Runs `herodotus ARGS...` with stdout to a file, watching its memory.
fn run(args: &[&str], limit: Duration) -> Cost {
    let out_path = tmp(&format!("out-{}", args.join("_").replace(['/', ' '], "_")));
    let out = std::fs::File::create(&out_path).unwrap();
    let err_path = out_path.with_extension("err");
    let err = std::fs::File::create(&err_path).unwrap();
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_herodotus"))
        .args(args)
        .stdin(Stdio::null())
        .stdout(out)
        .stderr(err)
        .spawn()
        .expect("spawning herodotus");
    let pid = child.id();
    let mut peak: Option<u64> = None;
    let mut killed = None;
    let status = loop {
        // VmHWM is the high-water mark of the resident set: read it before each
        // reap attempt, so the last reading is within one poll of the exit.
        if let Some(k) = status_kib(pid, "VmHWM:") {
            peak = Some(peak.map_or(k, |p: u64| p.max(k)));
            if k > KILL_KIB && killed.is_none() {
                killed = Some(format!("killed at {k} KiB"));
                let _ = child.kill();
            }
        }
        if let Some(st) = child.try_wait().expect("waiting for herodotus") {
            break st;
        }
        if start.elapsed() > limit && killed.is_none() {
            killed = Some(format!("killed after {limit:?}"));
            let _ = child.kill();
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let mut stderr = String::new();
    std::fs::File::open(&err_path)
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let out_bytes = std::fs::metadata(&out_path).unwrap().len();
    let _ = std::fs::remove_file(&out_path);
    let _ = std::fs::remove_file(&err_path);
    Cost {
        peak_kib: peak,
        out_bytes,
        secs: start.elapsed().as_secs_f64(),
        stderr,
        killed,
        success: status.success(),
    }
}

/// Codes `text` written to a file named `name`, asserting the bounds; returns the cost.
fn code(name: &str, text: &[u8], limit: Duration) -> Cost {
    let path = tmp(name);
    std::fs::write(&path, text).unwrap();
    let c = run(
        &["code", path.to_str().unwrap(), "--date", "2025-01-01"],
        limit,
    );
    let _ = std::fs::remove_file(&path);
    eprintln!(
        "{name}: {} bytes in, {} bytes out, peak {:?} KiB, {:.1} s",
        text.len(),
        c.out_bytes,
        c.peak_kib,
        c.secs
    );
    assert!(c.killed.is_none(), "{name}: {:?} ({c:?})", c.killed);
    assert!(c.success, "{name}: exit status ({c:?})");
    assert!(!c.stderr.contains("panicked"), "{name}: {}", c.stderr);
    if cfg!(target_os = "linux") {
        let peak = c.peak_kib.expect("VmHWM read from /proc");
        assert!(
            peak <= MAX_PEAK_KIB,
            "{name}: peak {peak} KiB > {MAX_PEAK_KIB} KiB"
        );
    }
    c
}

/// Runs the generator at size `n` and `4n`: the larger input must cost at most
/// ~4x the output (5x allowed, plus 64 KiB for per-run constants), and the
/// output must stay under 64 bytes per input byte (an event repeating a 1 MB
/// sentence was 84 bytes per byte).
fn assert_linear(name: &str, n: usize, make: impl Fn(usize) -> String, limit: Duration) {
    let small = make(n);
    let big = make(4 * n);
    let cs = code(&format!("{name}-small.txt"), small.as_bytes(), limit);
    let cb = code(&format!("{name}-big.txt"), big.as_bytes(), limit);
    assert!(
        cb.out_bytes <= 5 * cs.out_bytes + 64 * 1024,
        "{name}: output not linear: {} bytes for {} in, {} bytes for {} in",
        cs.out_bytes,
        small.len(),
        cb.out_bytes,
        big.len()
    );
    assert!(
        cb.out_bytes <= 64 * big.len() as u64,
        "{name}: {} bytes out for {} in",
        cb.out_bytes,
        big.len()
    );
}

const COUNTRIES: &[&str] = &[
    "France", "Germany", "Russia", "China", "Japan", "Brazil", "India", "Canada", "Mexico",
    "Egypt", "Iran", "Iraq", "Syria", "Turkey", "Spain", "Italy", "Poland", "Ukraine", "Kenya",
    "Nigeria",
];

fn limit() -> Duration {
    // Debug builds are ~20x slower than release; the bound is on memory and
    // output, the time limit only stops a runaway.
    Duration::from_secs(240)
}

#[test]
fn ten_thousand_countries_in_one_list() {
    assert_linear(
        "countries",
        2_500,
        |n| {
            let list: Vec<&str> = (0..n).map(|i| COUNTRIES[i % COUNTRIES.len()]).collect();
            format!(
                "Leaders of {} and Chile met in Geneva and condemned the attack on Ukraine.\n",
                list.join(", ")
            )
        },
        limit(),
    );
}

#[test]
fn one_megabyte_line() {
    // One sentence (no full stop) of clauses that each code an event.
    let clause = "Russia accused Ukraine of shelling the city and China urged restraint, ";
    assert_linear(
        "line",
        250_000 / clause.len(),
        |n| format!("{}\n", clause.repeat(n)),
        limit(),
    );
    // The same line with full stops: one event per sentence, each carrying its
    // own sentence, not the line.
    let sentence = "Russia accused Ukraine of shelling the city. ";
    assert_linear(
        "line-sentences",
        250_000 / sentence.len(),
        |n| format!("{}\n", sentence.repeat(n)),
        limit(),
    );
}

#[test]
fn and_chains() {
    // 1.1 MB of "Russia and " (killed at 24 GB before the caps), and the 44 KB
    // sentence of the issue (1.8 GB before).
    assert_linear(
        "and",
        25_000,
        |n| format!("{}China met.\n", "Russia and ".repeat(n)),
        limit(),
    );
    code(
        "and-44k.txt",
        format!("{}China met in Moscow.\n", "Russia and ".repeat(4_000)).as_bytes(),
        limit(),
    );
}

#[test]
fn comma_list_of_the_server_issue() {
    // The 64 KB body that crashed `POST /api/code`, on the command line.
    code(
        "russia-64k.txt",
        "Russia, ".repeat(8_000).as_bytes(),
        limit(),
    );
}

#[test]
fn five_thousand_nested_quotes() {
    assert_linear(
        "nested",
        1_250,
        |n| {
            format!(
                "{}Russia attacked Ukraine{}.\n",
                "Putin said \"".repeat(n),
                "\"".repeat(n)
            )
        },
        limit(),
    );
}

#[test]
fn a_hundred_thousand_pronouns() {
    // Three pronouns per sentence, each to be resolved against the cast.
    assert_linear(
        "pronouns",
        100_000 / 3 / 4,
        |n| {
            format!(
                "Vladimir Putin met Volodymyr Zelensky in Istanbul. {}\n",
                "He said they would attack it. ".repeat(n)
            )
        },
        limit(),
    );
}

#[test]
#[ignore = "50 MB: minutes in a debug build; .ci/run runs it in release"]
fn fifty_megabyte_line() {
    let clause = "Russia accused Ukraine of shelling the city and China urged restraint, ";
    let mut text = clause.repeat(50_000_000 / clause.len());
    text.push('\n');
    let c = code("line-50m.txt", text.as_bytes(), Duration::from_secs(600));
    assert!(c.out_bytes <= 64 * text.len() as u64);
}

/// Sends one HTTP/1.1 request and returns the status line and body.
fn http(addr: &str, method: &str, path: &str, body: &str) -> (String, String) {
    use std::io::Write;
    let mut s = std::net::TcpStream::connect(addr).unwrap();
    s.set_read_timeout(Some(Duration::from_secs(120))).unwrap();
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut resp = String::new();
    s.read_to_string(&mut resp).unwrap();
    let status = resp.lines().next().unwrap_or("").to_string();
    let body = resp.split_once("\r\n\r\n").map_or("", |x| x.1).to_string();
    (status, body)
}

#[test]
fn server_codes_the_64_kb_body_in_bounded_memory() {
    use std::io::BufRead;
    let db = tmp("serve.db");
    let mut child = Command::new(env!("CARGO_BIN_EXE_herodotus"))
        .args([
            "serve",
            "--db",
            db.to_str().unwrap(),
            "--addr",
            "127.0.0.1:0",
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let pid = child.id();
    let mut err = std::io::BufReader::new(child.stderr.take().unwrap());
    let mut line = String::new();
    err.read_line(&mut line).unwrap();
    let addr = line
        .split("http://")
        .nth(1)
        .and_then(|r| r.split('/').next())
        .unwrap_or_else(|| panic!("no address in {line:?}"))
        .to_string();
    // Watch the server's memory while the request runs.
    let done = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
    let watcher = {
        let done = done.clone();
        std::thread::spawn(move || {
            let mut peak = 0;
            while !done.load(std::sync::atomic::Ordering::Relaxed) {
                peak = peak.max(status_kib(pid, "VmHWM:").unwrap_or(0));
                if peak > KILL_KIB {
                    break;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            peak
        })
    };
    let body =
        serde_json::json!({"id": "c", "date": "2025-01-01", "text": "Russia, ".repeat(8_000)})
            .to_string();
    let t = Instant::now();
    let (status, resp) = http(&addr, "POST", "/api/code", &body);
    let secs = t.elapsed().as_secs_f64();
    // A text over the token budget is refused as JSON, not coded.
    let big = serde_json::json!({"id": "d", "text": "Russia, ".repeat(60_000)}).to_string();
    let (status_big, resp_big) = http(&addr, "POST", "/api/code", &big);
    done.store(true, std::sync::atomic::Ordering::Relaxed);
    let peak = watcher.join().unwrap();
    let _ = child.kill();
    let _ = child.wait();
    let _ = std::fs::remove_file(&db);
    eprintln!("serve /api/code 64 KB: {status}, {secs:.1} s, server peak {peak} KiB");
    assert!(status.contains(" 200 "), "{status} {resp}");
    assert!(status_big.contains(" 413 "), "{status_big} {resp_big}");
    assert!(resp_big.contains("\"error\""), "{resp_big}");
    if cfg!(target_os = "linux") {
        assert!(peak > 0 && peak <= MAX_PEAK_KIB, "server peak {peak} KiB");
    }
}

#[test]
fn other_encodings_and_a_bad_byte_are_coded_not_dropped() {
    let story = "Russian troops attacked Ukrainian positions near Kharkiv on Tuesday.\n";
    let le = tmp("utf16.txt");
    let mut v = vec![0xFF, 0xFE];
    for u in story.encode_utf16() {
        v.extend(u.to_le_bytes());
    }
    std::fs::write(&le, v).unwrap();
    let bad = tmp("bad.txt");
    let mut b = format!("Caf\u{e9} talk.\n{story}").into_bytes();
    b.insert(b.len() - 2, 0xFF);
    std::fs::write(&bad, b).unwrap();
    let c = run(
        &[
            "code",
            le.to_str().unwrap(),
            bad.to_str().unwrap(),
            "--date",
            "2025-01-01",
        ],
        limit(),
    );
    let _ = std::fs::remove_file(&le);
    let _ = std::fs::remove_file(&bad);
    assert!(c.success, "{c:?}");
    assert!(
        c.stderr.contains("utf16.txt: decoded as UTF-16LE"),
        "{}",
        c.stderr
    );
    assert!(
        c.stderr
            .contains("bad.txt:2: invalid UTF-8 bytes replaced by U+FFFD"),
        "{}",
        c.stderr
    );
    assert!(c.stderr.contains("2 articles coded"), "{}", c.stderr);
    assert!(c.out_bytes > 0);
}
