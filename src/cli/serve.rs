//! `jixiao serve`: the live preview in the browser ([`jixiao::serve`]),
//! until Ctrl-C.

use std::path::PathBuf;
use std::process::ExitCode;

use jixiao::serve::{Config, Server};
use jixiao::watch::stop_on_interrupt;

pub fn serve(config: Config) -> ExitCode {
    let loopback = config
        .host
        .parse::<std::net::IpAddr>()
        .map_or(config.host.eq_ignore_ascii_case("localhost"), |ip| {
            ip.is_loopback()
        });
    if !loopback {
        errln!(
            "警告：预览服务器将在 {} 上监听，同一网络中的其他计算机也能看到报告和数据；只在可信的网络中这样做",
            config.host
        );
    }
    let (stop, refused) = stop_on_interrupt();
    if let Some(e) = refused {
        errln!("无法接管 Ctrl-C（{e}）；Ctrl-C 仍会结束预览");
    }
    let data = config.data.display().to_string();
    let server = match Server::bind(config) {
        Ok(server) => server,
        Err(e) => {
            errln!("{e}");
            return ExitCode::from(2);
        }
    };
    let (_, report, error) = server.live().current();
    outln!("预览 {data}：在浏览器中打开 {}", server.url());
    outln!("保存数据文件或模板后，页面自动更新；按 Ctrl-C 结束");
    if report.is_none() || error.is_some() {
        outln!("首次生成失败，错误显示在页面顶部；改正并保存后自动更新");
    }
    let ran = server.run(&stop, |changed: &[PathBuf], built| {
        let names: Vec<String> = changed.iter().map(|p| p.display().to_string()).collect();
        let outcome = if built {
            "已更新"
        } else {
            "生成失败，页面顶部显示错误"
        };
        outln!("{} 已保存：{outcome}", names.join("、"));
    });
    match ran {
        Ok(()) => {
            outln!("已停止预览");
            ExitCode::SUCCESS
        }
        Err(e) => {
            errln!("{e}");
            ExitCode::from(2)
        }
    }
}
