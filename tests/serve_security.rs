//! `jixiao serve` answers only its own pages, to its own names, read-only,
//! on the loopback address unless told otherwise; Ctrl-C stops it.

mod common;

use std::path::Path;

use common::{DATA, Served};

fn served() -> Served {
    Served::start(Path::new(DATA), &[])
}

#[test]
fn the_page_and_its_endpoints_answer_to_the_loopback_names() {
    let s = served();
    assert!(s.url.starts_with("http://127.0.0.1:"), "{}", s.url);
    for host in [
        format!("localhost:{}", s.port),
        format!("127.0.0.1:{}", s.port),
        format!("[::1]:{}", s.port),
    ] {
        let (status, body) = s.get("/", &host);
        assert_eq!(status, 200, "{host}");
        assert!(body.contains("jx-report"), "{host}");
    }
    let host = format!("127.0.0.1:{}", s.port);
    let (status, body) = s.get("/report", &host);
    assert_eq!(status, 200);
    let report: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(report["linked"], true);
    assert!(report["error"].is_null());
    let (status, body) = s.get("/explain?figure=overall.execution_rate", &host);
    assert_eq!(status, 200);
    let trace: serde_json::Value = serde_json::from_str(&body).unwrap();
    assert_eq!(trace["name"], "overall.execution_rate");
    assert_eq!(s.get("/explain?figure=no.such", &host).0, 404);
}

#[test]
fn a_foreign_host_is_refused() {
    let s = served();
    for host in [
        format!("evil.example:{}", s.port),
        format!("localhost.evil.example:{}", s.port),
        "localhost".to_string(),
        format!("127.0.0.1:{}", s.port + 1),
        String::new(),
    ] {
        for path in ["/", "/report", "/explain?figure=basic.actual", "/events"] {
            let (status, body) = s.get(path, &host);
            assert_eq!(status, 403, "{host} {path}");
            assert!(!body.contains("jx-report") && !body.contains("6078.91"));
        }
    }
    let (status, _) = s.raw("GET / HTTP/1.1\r\nConnection: close\r\n\r\n");
    assert!(status == 400 || status == 403, "{status}");
}

#[test]
fn no_path_reaches_a_file_and_nothing_is_written() {
    let s = served();
    let host = format!("localhost:{}", s.port);
    for path in [
        "/../Cargo.toml",
        "/../../../../etc/passwd",
        "/..%2fCargo.toml",
        "/%2e%2e/%2e%2e/etc/passwd",
        "/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
        "/report/../../data/2024.yaml",
        "/data/2024.yaml",
        "/src/serve/preview.js",
        "//etc/passwd",
        "/preview.js/..%5c..%5cCargo.toml",
    ] {
        let (status, body) = s.get(path, &host);
        assert_eq!(status, 404, "{path}");
        assert!(
            !body.contains("[package]") && !body.contains("root:"),
            "{path}"
        );
    }
    for method in ["POST", "PUT", "DELETE", "PATCH"] {
        let (status, _) = s.raw(&format!(
            "{method} /report HTTP/1.1\r\nHost: {host}\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{{}}"
        ));
        assert!(status == 405 || status == 400, "{method}: {status}");
    }
}

/// An address of this machine other than loopback, if it has one.
fn outside_address() -> Option<std::net::IpAddr> {
    // Connecting a UDP socket sends nothing; it picks the outgoing address.
    let socket = std::net::UdpSocket::bind("0.0.0.0:0").ok()?;
    socket.connect("192.0.2.1:9").ok()?;
    let ip = socket.local_addr().ok()?.ip();
    (!ip.is_loopback() && !ip.is_unspecified()).then_some(ip)
}

#[test]
fn nothing_listens_outside_loopback_by_default() {
    let s = served();
    let Some(ip) = outside_address() else {
        eprintln!("skipped: this machine has no address other than loopback");
        return;
    };
    let refused = std::net::TcpStream::connect_timeout(
        &(ip, s.port).into(),
        std::time::Duration::from_secs(2),
    );
    assert!(refused.is_err(), "{ip}:{} answers", s.port);
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_with_a_page_open() {
    use std::io::{Read, Write};
    let mut s = served();
    // An open page: its event stream stays open until the server stops.
    let mut events = std::net::TcpStream::connect(("127.0.0.1", s.port)).unwrap();
    let request = format!("GET /events HTTP/1.1\r\nHost: localhost:{}\r\n\r\n", s.port);
    events.write_all(request.as_bytes()).unwrap();
    let mut first = [0; 64];
    let n = events.read(&mut first).unwrap();
    assert!(String::from_utf8_lossy(&first[..n]).contains("200 OK"));
    let pid = s.child.id().to_string();
    let sent = std::process::Command::new("kill")
        .args(["-INT", &pid])
        .status()
        .unwrap();
    assert!(sent.success());
    let start = std::time::Instant::now();
    let status = loop {
        if let Some(status) = s.child.try_wait().unwrap() {
            break status;
        }
        assert!(start.elapsed().as_secs() < 10, "still running");
        std::thread::sleep(std::time::Duration::from_millis(50));
    };
    assert_eq!(status.code(), Some(0));
    assert!(std::net::TcpStream::connect(("127.0.0.1", s.port)).is_err());
}
