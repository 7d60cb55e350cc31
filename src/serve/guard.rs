//! What the preview server answers at all: requests addressed to it by one
//! of its own names (the `Host` header, against DNS rebinding: a page of
//! another site whose name is made to resolve to 127.0.0.1 sends its own
//! name), for one of a fixed set of routes, read-only. There is no file
//! behind any route, so no path can reach one: a path is compared whole
//! with the routes, never joined to a directory.

use std::net::{IpAddr, SocketAddr};

/// What a request asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    /// The page.
    Page,
    /// The page's script.
    Script,
    /// The page's own stylesheet (the report's comes with the page).
    Style,
    /// The report as JSON: body, findings, the last error.
    Report,
    /// Server-sent events, one per rebuild.
    Events,
    /// A figure's trace as JSON, `jixiao explain --format json`'s.
    Explain(String),
}

/// Why a request is refused, with the HTTP status it gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// No `Host`, or one that is not the server's: 403.
    ForeignHost,
    /// Anything but GET and HEAD: 405.
    Method,
    /// No such route: 404.
    NotFound,
}

impl Refusal {
    pub fn status(self) -> u16 {
        match self {
            Refusal::ForeignHost => 403,
            Refusal::Method => 405,
            Refusal::NotFound => 404,
        }
    }

    pub fn message(self) -> &'static str {
        match self {
            Refusal::ForeignHost => "拒绝：请求的主机名不是本预览服务器的地址",
            Refusal::Method => "拒绝：预览服务器只读，只接受 GET",
            Refusal::NotFound => "没有这个页面",
        }
    }
}

/// The `Host` values the server answers to.
#[derive(Debug, Clone)]
pub struct Hosts {
    /// Names and addresses with the port, lower case, IPv6 in brackets.
    names: Vec<String>,
    port: u16,
    /// Any IP address with the port: when listening beyond loopback, where
    /// other machines name the server by its address. An address is no
    /// name a rebinding site could give itself.
    any_address: bool,
}

impl Hosts {
    /// The names of a server bound to `addr` as `host`: the loopback names
    /// with the port (`localhost:N`, `127.0.0.1:N`, `[::1]:N`) and the name
    /// it was given; beyond loopback, any IP address too.
    pub fn of(addr: SocketAddr, host: &str) -> Hosts {
        let port = addr.port();
        let mut names: Vec<String> = ["localhost", "127.0.0.1", "::1", host]
            .iter()
            .map(|h| host_port(h, port))
            .collect();
        names.push(host_port(&addr.ip().to_string(), port));
        names.sort();
        names.dedup();
        Hosts {
            names,
            port,
            any_address: !addr.ip().is_loopback(),
        }
    }

    /// Whether a request's `Host` header names this server.
    pub fn allows(&self, host: &str) -> bool {
        let host = host.trim().to_ascii_lowercase();
        if self.names.contains(&host) {
            return true;
        }
        self.any_address
            && host
                .parse::<SocketAddr>()
                .is_ok_and(|a| a.port() == self.port)
    }
}

/// `host:port`, an IPv6 address in brackets, lower case.
pub fn host_port(host: &str, port: u16) -> String {
    match host.parse::<IpAddr>() {
        Ok(IpAddr::V6(v6)) => format!("[{v6}]:{port}"),
        _ => format!("{}:{port}", host.to_ascii_lowercase()),
    }
}

/// The route of a request, or why it is refused.
pub fn route(method: &str, url: &str, host: Option<&str>, hosts: &Hosts) -> Result<Route, Refusal> {
    if !host.is_some_and(|h| hosts.allows(h)) {
        return Err(Refusal::ForeignHost);
    }
    if method != "GET" && method != "HEAD" {
        return Err(Refusal::Method);
    }
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    match path {
        "/" => Ok(Route::Page),
        "/preview.js" => Ok(Route::Script),
        "/preview.css" => Ok(Route::Style),
        "/report" => Ok(Route::Report),
        "/events" => Ok(Route::Events),
        "/explain" => query_value(query, "figure")
            .map(Route::Explain)
            .ok_or(Refusal::NotFound),
        _ => Err(Refusal::NotFound),
    }
}

/// The value of `key` in a query string, percent-decoded; none when absent
/// or not UTF-8.
fn query_value(query: &str, key: &str) -> Option<String> {
    query.split('&').find_map(|pair| {
        let (k, v) = pair.split_once('=')?;
        (k == key).then(|| percent_decode(v)).flatten()
    })
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = text.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn loopback() -> Hosts {
        Hosts::of("127.0.0.1:8123".parse().unwrap(), "127.0.0.1")
    }

    fn get(url: &str, host: &str) -> Result<Route, Refusal> {
        route("GET", url, Some(host), &loopback())
    }

    #[test]
    fn loopback_names_with_the_port_are_the_only_hosts() {
        for host in [
            "localhost:8123",
            "127.0.0.1:8123",
            "[::1]:8123",
            "LOCALHOST:8123",
        ] {
            assert_eq!(get("/", host), Ok(Route::Page), "{host}");
        }
        for host in [
            "evil.example:8123",
            "localhost",
            "localhost:80",
            "127.0.0.1:8124",
            "localhost.evil.example:8123",
            "127.0.0.1:8123.evil.example",
            "",
        ] {
            assert_eq!(get("/", host), Err(Refusal::ForeignHost), "{host}");
        }
        assert_eq!(
            route("GET", "/", None, &loopback()),
            Err(Refusal::ForeignHost)
        );
    }

    #[test]
    fn beyond_loopback_any_address_is_answered_to_but_no_other_name() {
        let all = Hosts::of("0.0.0.0:9000".parse().unwrap(), "0.0.0.0");
        for host in [
            "192.168.1.20:9000",
            "[fe80::1]:9000",
            "localhost:9000",
            "0.0.0.0:9000",
        ] {
            assert!(all.allows(host), "{host}");
        }
        for host in [
            "192.168.1.20:9001",
            "evil.example:9000",
            "192.168.1.20",
            "1.2.3.4.evil:9000",
        ] {
            assert!(!all.allows(host), "{host}");
        }
        let named = Hosts::of("0.0.0.0:9000".parse().unwrap(), "Office-PC");
        assert!(named.allows("office-pc:9000"));
        let v6 = Hosts::of("[::1]:9000".parse().unwrap(), "::1");
        assert!(v6.allows("[::1]:9000") && v6.allows("localhost:9000"));
        assert!(!v6.allows("192.168.1.20:9000"));
    }

    #[test]
    fn only_the_fixed_routes_are_served_read_only() {
        let host = "localhost:8123";
        assert_eq!(get("/report", host), Ok(Route::Report));
        assert_eq!(get("/events", host), Ok(Route::Events));
        assert_eq!(
            get("/explain?figure=project%5B%E8%BF%90%5D.actual", host),
            Ok(Route::Explain("project[运].actual".into()))
        );
        for url in [
            "/../Cargo.toml",
            "/..%2f..%2fetc%2fpasswd",
            "/%2e%2e/%2e%2e/etc/passwd",
            "/report/../../etc/passwd",
            "//etc/passwd",
            "/data/2024.yaml",
            "/preview.js/../../Cargo.toml",
            "/explain",
            "/explain?figure=%ff",
            "/explain?figure=%zz",
            "",
            "*",
            "http://localhost:8123/",
        ] {
            assert_eq!(get(url, host), Err(Refusal::NotFound), "{url}");
        }
        for method in ["POST", "PUT", "DELETE", "PATCH", "OPTIONS"] {
            assert_eq!(
                route(method, "/report", Some(host), &loopback()),
                Err(Refusal::Method)
            );
        }
    }
}
