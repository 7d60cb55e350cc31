//! `jixiao serve`: the live preview. A local web server shows the report
//! as the HTML writer lays it out, rebuilt on every save of the facts or a
//! template ([`crate::watch`], the machinery `jixiao watch` uses) and pushed
//! to the page by server-sent events, without a reload. Beside the report,
//! the audit's findings, each linked to the places where its figures are
//! printed; clicking or hovering a figure shows its `explain` trace; a build
//! that fails shows its located message in a banner above the last good
//! report.
//!
//! - [`guard`]: which requests are answered at all (the `Host` header, a
//!   fixed set of read-only routes, no files);
//! - [`preview`]: one build of the page's report, or its banner;
//! - [`live`]: the state the rebuilds publish and the requests read, and the
//!   event stream;
//! - [`page`]: the page, its script and stylesheet.
//!
//! The server listens on 127.0.0.1 unless told otherwise; it answers on one
//! thread, each event stream on a thread of its own (at most
//! [`MAX_STREAMS`]), and stops when the stop flag is set (Ctrl-C).

pub mod guard;
pub mod live;
pub mod page;
pub mod preview;

use std::io::Write as _;
use std::net::{IpAddr, Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::Duration;

use tiny_http::{Header, Request, Response};

use crate::watch::{self, Inputs, Timing, WatchError};
use guard::{Hosts, Refusal, Route};
use live::Live;
use preview::PreviewTemplates;

/// The address the server listens on unless told otherwise.
pub const DEFAULT_HOST: IpAddr = IpAddr::V4(Ipv4Addr::LOCALHOST);

/// The most event streams (open pages) served at once.
pub const MAX_STREAMS: usize = 16;

/// What to preview and where to listen.
#[derive(Debug, Clone)]
pub struct Config {
    pub data: PathBuf,
    pub templates: Option<PathBuf>,
    /// The address or name to listen on.
    pub host: String,
    /// 0 picks a free port.
    pub port: u16,
}

/// Why the server cannot run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    #[error("无法在 {host}:{port} 上启动预览服务器：{reason}")]
    Bind {
        host: String,
        port: u16,
        reason: String,
    },
    #[error(transparent)]
    Watch(#[from] WatchError),
}

/// A bound server, not yet serving.
pub struct Server {
    http: tiny_http::Server,
    addr: SocketAddr,
    hosts: Hosts,
    config: Config,
    live: Arc<Live>,
}

impl Server {
    /// Binds the server's socket and builds the report once.
    pub fn bind(config: Config) -> Result<Server, ServeError> {
        let bind_error = |reason: String| ServeError::Bind {
            host: config.host.clone(),
            port: config.port,
            reason,
        };
        let http = tiny_http::Server::http((config.host.as_str(), config.port))
            .map_err(|e| bind_error(e.to_string()))?;
        let addr = http
            .server_addr()
            .to_ip()
            .ok_or_else(|| bind_error("不是 IP 地址".into()))?;
        let live = Arc::new(Live::default());
        let templates = PreviewTemplates::load(config.templates.as_deref());
        live.publish(templates.and_then(|t| preview::build(&config.data, &t)));
        Ok(Server {
            http,
            hosts: Hosts::of(addr, &config.host),
            addr,
            config,
            live,
        })
    }

    /// The address listened on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// The page's address: on this machine when it listens on every
    /// address.
    pub fn url(&self) -> String {
        let port = self.addr.port();
        let host = match self.addr.ip() {
            IpAddr::V4(ip) if ip.is_unspecified() => "127.0.0.1".to_string(),
            IpAddr::V6(ip) if ip.is_unspecified() => "::1".to_string(),
            ip => ip.to_string(),
        };
        format!("http://{}/", guard::host_port(&host, port))
    }

    /// The shared state, for a caller that reports the builds.
    pub fn live(&self) -> &Arc<Live> {
        &self.live
    }

    /// Serves until `stop` is set, rebuilding on every save; `rebuilt` is
    /// told of each rebuild, with the paths saved and whether it built.
    pub fn run(
        self,
        stop: &AtomicBool,
        rebuilt: impl Fn(&[PathBuf], bool) + Send,
    ) -> Result<(), ServeError> {
        let inputs = Inputs::of_build(
            std::slice::from_ref(&self.config.data),
            self.config.templates.as_deref(),
        )?;
        let streams = AtomicUsize::new(0);
        let (inputs, this) = (&inputs, &self);
        std::thread::scope(|scope| {
            let watcher = scope.spawn(move || this.rebuild_on_save(inputs, stop, &rebuilt));
            while !stop.load(Ordering::SeqCst) && !watcher.is_finished() {
                match self.http.recv_timeout(Duration::from_millis(100)) {
                    Ok(Some(request)) => self.answer(request, scope, stop, &streams),
                    Ok(None) => {}
                    Err(_) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
            // A watcher that could not start ends the server.
            stop.store(true, Ordering::SeqCst);
            watcher.join().unwrap_or(Ok(()))
        })
    }

    fn rebuild_on_save(
        &self,
        inputs: &Inputs,
        stop: &AtomicBool,
        rebuilt: &impl Fn(&[PathBuf], bool),
    ) -> Result<(), ServeError> {
        let dir = self.config.templates.as_deref();
        let mut templates = PreviewTemplates::load(dir);
        watch::watch(inputs, Timing::default(), stop, |changed| {
            if changed.iter().any(|p| *p != self.config.data) {
                templates = PreviewTemplates::load(dir);
            }
            let outcome = match &templates {
                Ok(t) => preview::build(&self.config.data, t),
                Err(banner) => Err(banner.clone()),
            };
            let built = outcome.is_ok();
            self.live.publish(outcome);
            rebuilt(changed, built);
        })?;
        Ok(())
    }

    fn answer<'scope>(
        &'scope self,
        request: Request,
        scope: &'scope std::thread::Scope<'scope, '_>,
        stop: &'scope AtomicBool,
        streams: &'scope AtomicUsize,
    ) {
        let host = request
            .headers()
            .iter()
            .find(|h| h.field.equiv("Host"))
            .map(|h| h.value.as_str().to_owned());
        let method = request.method().as_str().to_owned();
        let route = guard::route(&method, request.url(), host.as_deref(), &self.hosts);
        let (body, content_type) = match route {
            Err(refusal) => return refuse(request, refusal),
            Ok(Route::Events) => {
                if streams.fetch_add(1, Ordering::SeqCst) >= MAX_STREAMS {
                    streams.fetch_sub(1, Ordering::SeqCst);
                    return respond(request, 503, "太多页面同时打开".into(), page::TEXT);
                }
                scope.spawn(move || {
                    let mut out = request.into_writer();
                    let head = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream; charset=utf-8\r\n\
                                Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\r\n";
                    if out.write_all(head.as_bytes()).and_then(|()| out.flush()).is_ok() {
                        self.live.stream(&mut out, stop);
                    }
                    streams.fetch_sub(1, Ordering::SeqCst);
                });
                return;
            }
            Ok(Route::Page) => (page::page(&self.live), page::HTML),
            Ok(Route::Script) => (page::SCRIPT.into(), page::JAVASCRIPT),
            Ok(Route::Style) => (page::STYLE.into(), page::CSS),
            Ok(Route::Report) => (self.live.report_json(), page::JSON),
            Ok(Route::Explain(figure)) => match self.live.explain_json(&figure) {
                Some(json) => (json, page::JSON),
                None => {
                    let message = format!("没有名为「{figure}」的数字");
                    let json = serde_json::json!({ "error": message }).to_string();
                    return respond(request, 404, json, page::JSON);
                }
            },
        };
        respond(request, 200, body, content_type);
    }
}

fn refuse(request: Request, refusal: Refusal) {
    respond(
        request,
        refusal.status(),
        refusal.message().into(),
        page::TEXT,
    );
}

/// Answers with `body`, and headers that keep the page to itself: no
/// caching, no sniffing, no framing, scripts and styles of its own only.
fn respond(request: Request, status: u16, body: String, content_type: &str) {
    let headers = [
        ("Content-Type", content_type),
        ("Cache-Control", "no-store"),
        ("X-Content-Type-Options", "nosniff"),
        ("Referrer-Policy", "no-referrer"),
        (
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; \
             connect-src 'self'; img-src 'self' data:; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
        ),
    ];
    let mut response = Response::from_data(body.into_bytes()).with_status_code(status);
    for (field, value) in headers {
        if let Ok(header) = Header::from_bytes(field.as_bytes(), value.as_bytes()) {
            response.add_header(header);
        }
    }
    // The page may be gone already; nothing to do about it.
    let _ = request.respond(response);
}
