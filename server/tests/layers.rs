//! The server's modules import one way: each may use the layers below it, never one above (the
//! table in DEVELOPERS.md, "The server's layers"). This reads every `crate::…` path in `src/`
//! and fails naming the file and the import that points up or sideways.

use std::path::{Path, PathBuf};

/// Each module's layer, lowest first. A module may import modules of a lower layer only (and
/// itself). `mail/sender.rs` is the mail queue's worker: it reads the queue (`db`), unlike the
/// rest of `mail`, which only writes mails.
const LAYERS: &[(&str, u8)] = &[
    // Plain helpers: no database, no HTTP.
    ("clock", 0),
    ("config", 0),
    ("tokens", 0),
    ("language", 0),
    ("csv", 0),
    ("ics", 0),
    ("recurrence", 0),
    ("images", 0),
    ("archive", 0),
    ("trend", 0),
    ("mail", 1),
    ("oidc", 1),
    // Every SQL statement, and the SQL side of who may see what (`db::visibility`).
    ("db", 2),
    // The rules of who may see and do what, on top of `db`.
    ("access", 3),
    // Work that combines the layers below: fan-out of notices, digests, the demo seed, the sender.
    ("notify", 4),
    ("digests", 4),
    ("seed", 4),
    ("mail/sender", 4),
    // The maintenance commands (`init`, `backup`, `restore`).
    ("founding", 4),
    ("backup", 4),
    // Extractors, errors, sessions, middleware, the state every handler reaches.
    ("http", 5),
    // The contract's paths, and the assembly of the service.
    ("routes", 6),
    ("lib", 7),
    ("main", 7),
];

fn layer(module: &str) -> u8 {
    LAYERS
        .iter()
        .find(|(name, _)| *name == module)
        .map(|(_, layer)| *layer)
        .unwrap_or_else(|| panic!("`{module}` has no layer: add it to LAYERS here and to DEVELOPERS.md"))
}

/// The module a source file belongs to, as `LAYERS` names it.
fn module_of(relative: &Path) -> String {
    let text = relative.to_string_lossy().replace('\\', "/");
    if text == "mail/sender.rs" {
        return "mail/sender".to_owned();
    }
    let first = text.split('/').next().unwrap_or_default();
    first.trim_end_matches(".rs").to_owned()
}

/// The module a `crate::…` path names (`crate::mail::sender::Sender` → `mail/sender`).
fn target_of(path: &str) -> String {
    let mut parts = path.split("::").skip(1);
    let first = parts.next().unwrap_or_default().to_owned();
    if first == "mail" && parts.next() == Some("sender") {
        return "mail/sender".to_owned();
    }
    first
}

fn sources(dir: &Path, into: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).expect("read src") {
        let path = entry.expect("entry").path();
        if path.is_dir() {
            sources(&path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            into.push(path);
        }
    }
}

/// Every `crate::a::b` path in a line of code (comments are skipped: they may point anywhere),
/// and the modules of a grouped `use crate::{a, b::c}`.
fn crate_paths(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or_default();
    let mut found = Vec::new();
    let mut rest = code;
    while let Some(at) = rest.find("crate::") {
        let before = rest[..at].chars().last();
        let after = &rest[at + "crate::".len()..];
        rest = after;
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        if let Some(group) = after.strip_prefix('{') {
            let inner = group.split('}').next().unwrap_or_default();
            for item in inner.split(',') {
                let item = item.trim();
                if !item.is_empty() && item != "self" {
                    found.push(format!("crate::{item}"));
                }
            }
            continue;
        }
        let path: String = after.chars().take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':').collect();
        found.push(format!("crate::{}", path.trim_end_matches(':')));
    }
    found
}

#[test]
fn no_module_imports_a_layer_above_its_own() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&src, &mut files);
    files.sort();
    let mut upward = Vec::new();
    for file in &files {
        let relative = file.strip_prefix(&src).expect("under src");
        let module = module_of(relative);
        let own = layer(&module);
        let text = std::fs::read_to_string(file).expect("read source");
        for (number, line) in text.lines().enumerate() {
            for path in crate_paths(line) {
                let target = target_of(&path);
                // The mail module's own files reach each other; the sender is above them.
                if target == module || (module == "mail/sender" && target == "mail") {
                    continue;
                }
                if layer(&target) >= own {
                    upward.push(format!("{}:{}: {module} uses {path}", relative.display(), number + 1));
                }
            }
        }
    }
    assert!(upward.is_empty(), "imports that point up or sideways:\n{}", upward.join("\n"));
}

#[test]
fn the_check_sees_grouped_and_nested_paths() {
    assert_eq!(crate_paths("use crate::{clock, tokens};"), ["crate::clock", "crate::tokens"]);
    assert_eq!(crate_paths("    x(crate::db::Db::open()) // crate::routes"), ["crate::db::Db::open"]);
    assert_eq!(target_of("crate::mail::sender::Sender"), "mail/sender");
    assert_eq!(target_of("crate::mail::MailLinks"), "mail");
    assert_eq!(module_of(Path::new("db/visibility.rs")), "db");
    assert_eq!(module_of(Path::new("lib.rs")), "lib");
}
