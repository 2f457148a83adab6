//! Jevons makes no network connection, by construction: no HTTP, TLS or WebSocket client is in
//! the dependency tree (Cargo.lock), and the code itself never opens a socket. OpenSSL's C
//! library is there only as SQLCipher's cryptography (encryption at rest), used by nothing else.

use crate::sources;

use std::path::Path;

/// Crates that speak HTTP, TLS or WebSocket, or resolve names: none may be in Cargo.lock.
const FORBIDDEN: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "ehttp",
    "minreq",
    "http-req",
    "awc",
    "actix-http",
    "actix-web",
    "h2",
    "h3",
    "quinn",
    "quiche",
    "tungstenite",
    "tokio-tungstenite",
    "async-tungstenite",
    "websocket",
    "native-tls",
    "openssl",
    "rustls",
    "tokio-rustls",
    "webpki-roots",
    "rustls-native-certs",
    "trust-dns-resolver",
    "hickory-resolver",
    "libp2p",
    "tiny_http",
    "warp",
    "axum",
    "ssh2",
];

/// Families: any crate named `reqwest-…`, `hyper-…` and so on (`hyper-util`, `reqwest-middleware`).
const FORBIDDEN_FAMILIES: &[&str] = &["reqwest", "hyper", "ureq", "isahc", "surf", "rustls", "tungstenite"];

fn forbidden(name: &str) -> bool {
    FORBIDDEN.contains(&name)
        || FORBIDDEN_FAMILIES
            .iter()
            .any(|family| name.strip_prefix(family).is_some_and(|rest| rest.starts_with('-') || rest.starts_with('_')))
}

/// The package names in a Cargo.lock.
fn locked_packages(lock: &str) -> Vec<String> {
    lock.lines()
        .filter_map(|line| line.strip_prefix("name = \""))
        .filter_map(|rest| rest.strip_suffix('"'))
        .map(str::to_owned)
        .collect()
}

#[test]
fn no_network_client_is_in_the_dependency_tree() {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
    let packages = locked_packages(&lock);
    for known in ["rusqlite", "egui", "jevons"] {
        assert!(packages.iter().any(|p| p == known), "Cargo.lock was not read: {known} missing");
    }
    let found: Vec<&String> = packages.iter().filter(|p| forbidden(p)).collect();
    assert!(found.is_empty(), "network crates in Cargo.lock: {found:?} (Jevons must never connect anywhere)");
}

/// `openssl-sys` is in the tree only as SQLCipher's cryptography (encryption at rest, issue 19):
/// no crate but `libsqlite3-sys` may depend on it, and the Rust TLS crates (`openssl`,
/// `native-tls`) stay forbidden above.
#[test]
fn openssl_is_only_sqlciphers_cryptography() {
    let lock = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("Cargo.lock")).unwrap();
    let dependents: Vec<String> = lock
        .split("[[package]]")
        .filter(|block| block.lines().any(|line| line.trim().trim_end_matches(',').trim_matches('"') == "openssl-sys"))
        .filter_map(|block| block.lines().find_map(|line| line.strip_prefix("name = \"")?.strip_suffix('"')))
        .map(str::to_owned)
        .filter(|name| name != "openssl-sys")
        .collect();
    assert_eq!(dependents, ["libsqlite3-sys"], "only SQLCipher may use OpenSSL");
}

#[test]
fn the_forbidden_list_catches_what_it_names() {
    for (name, caught) in [
        ("reqwest", true),
        ("reqwest-middleware", true),
        ("hyper", true),
        ("hyper-util", true),
        ("hyper_serde", true),
        ("rustls", true),
        ("rustls-pki-types", true),
        ("ureq", true),
        ("curl-sys", true),
        ("ehttp", true),
        ("hyperlink", false),
        ("rusqlite", false),
        ("url", false),
        ("http-range", false),
        ("zbus", false),
    ] {
        assert_eq!(forbidden(name), caught, "{name}");
    }
}

#[test]
fn the_code_opens_no_sockets() {
    let mut found = Vec::new();
    for (path, text) in sources::rust_files(&sources::src()) {
        for word in ["std::net", "TcpStream", "TcpListener", "UdpSocket", "ToSocketAddrs"] {
            if text.contains(word) {
                found.push(format!("{}: {word}", path.display()));
            }
        }
    }
    assert!(found.is_empty(), "networking in the source: {found:?}");
}
