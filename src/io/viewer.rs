//! Opening a stored document in the system's viewer: a private copy of the file is written to
//! a folder of Jevons' own (readable by the user alone, emptied when the window closes), then a
//! viewer is started on it, at the page shown when the viewer takes a page.
//!
//! The viewer is, in order: the command in `JEVONS_VIEWER` (words split on spaces, `{file}` and
//! `{page}` replaced; no shell), then for a PDF the first of evince, okular, zathura, mupdf and
//! qpdfview found on the `PATH` (each told the page its own way), then the desktop's opener
//! (`xdg-open`, `open`, or the Windows file handler), which opens at the first page. Only the
//! copy's path, absolute and named by Jevons, and the page number are passed: nothing a user or
//! a document wrote reaches a viewer's command line.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use crate::model::MediaType;
use crate::store::{Store, StoreError};

/// The environment variable naming a viewer command (`zathura --page={page} {file}`).
pub const VIEWER_VARIABLE: &str = "JEVONS_VIEWER";

/// What opening did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// The copy the viewer was given.
    pub path: PathBuf,
    /// The program started.
    pub viewer: String,
    /// Whether the viewer was told the page.
    pub at_page: bool,
}

#[derive(Debug, thiserror::Error)]
pub enum ViewerError {
    #[error("source {0} holds no file")]
    NoFile(i64),
    #[error("cannot write a copy of the file to {path}: {error}")]
    Write { path: String, error: std::io::Error },
    #[error("no viewer could be started ({0}); set {VIEWER_VARIABLE} to a command such as \"evince {{file}}\"")]
    NoViewer(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// The folder the copies go to: the user's cache folder for Jevons, else the temporary folder.
pub fn copies_folder() -> PathBuf {
    let base = directories::ProjectDirs::from("", "", "jevons")
        .map(|dirs| dirs.cache_dir().to_path_buf())
        .unwrap_or_else(|| std::env::temp_dir().join(format!("jevons-{}", user_tag())));
    base.join("opened")
}

/// Something that tells users apart in a shared temporary folder.
fn user_tag() -> String {
    std::env::var("USER").or_else(|_| std::env::var("USERNAME")).unwrap_or_else(|_| "user".to_owned())
}

/// Removes the copies written for viewers (when the window closes); what cannot be removed
/// (a viewer holds it on Windows) stays until the next time.
pub fn remove_copies(folder: &Path) {
    let _ = fs::remove_dir_all(folder);
}

/// Writes a copy of source `source`'s file into `folder` and starts a viewer on it at `page`.
pub fn open_source_document(store: &Store, source: i64, page: u32, folder: &Path) -> Result<Opened, ViewerError> {
    let document = store.source_document(source)?.ok_or(ViewerError::NoFile(source))?;
    let name = copy_name(&document.sha256, document.file_name.as_deref(), document.media_type);
    let path = folder.join(name);
    let unchanged = fs::metadata(&path).is_ok_and(|m| m.is_file() && m.len() == document.size);
    if !unchanged {
        let bytes = store.document_bytes(document.id)?;
        write_private(folder, &path, &bytes)
            .map_err(|error| ViewerError::Write { path: path.display().to_string(), error })?;
    }
    start_viewer(&path, page, document.media_type)
}

/// The copy's file name: the start of the content hash (so two files never share a name) and
/// the file's own name reduced to letters, digits, `.`, `-` and `_`, with its type's extension.
pub fn copy_name(sha256: &str, file_name: Option<&str>, media: MediaType) -> String {
    let stem = file_name
        .map(|n| Path::new(n).file_stem().map_or_else(|| n.to_owned(), |s| s.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let mut clean: String = stem
        .chars()
        .map(|c| if c.is_alphanumeric() || c == '-' || c == '_' || c == '.' { c } else { '_' })
        .take(80)
        .collect();
    clean = clean.trim_matches(['.', '_']).to_owned();
    if clean.is_empty() {
        clean = "document".to_owned();
    }
    let hash: String = sha256.chars().take(12).collect();
    format!("{hash}-{clean}.{}", media.extension())
}

/// Writes `bytes` to `path` in `folder`, both readable by the user alone.
fn write_private(folder: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    fs::create_dir_all(folder)?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        fs::set_permissions(folder, fs::Permissions::from_mode(0o700))?;
    }
    let partial = path.with_extension("partial");
    let mut options = fs::OpenOptions::new();
    options.write(true).create(true).truncate(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(&partial)?;
    file.write_all(bytes)?;
    file.sync_all()?;
    fs::rename(&partial, path)
}

/// A program and its arguments.
struct Launch {
    program: String,
    args: Vec<String>,
    at_page: bool,
}

/// The viewers tried, in order, for a file of type `media` at `page`.
fn launches(path: &Path, page: u32, media: MediaType) -> Vec<Launch> {
    let file = path.display().to_string();
    let mut found = Vec::new();
    if let Ok(command) = std::env::var(VIEWER_VARIABLE)
        && !command.trim().is_empty()
    {
        let mut words =
            command.split_whitespace().map(|w| w.replace("{file}", &file).replace("{page}", &page.to_string()));
        if let Some(program) = words.next() {
            let mut args: Vec<String> = words.collect();
            if !command.contains("{file}") {
                args.push(file.clone());
            }
            found.push(Launch { program, args, at_page: command.contains("{page}") });
        }
    }
    if media == MediaType::Pdf {
        let page = page.to_string();
        let pdf = |program: &str, args: Vec<String>| Launch { program: program.to_owned(), args, at_page: true };
        found.push(pdf("evince", vec![format!("--page-index={page}"), file.clone()]));
        found.push(pdf("okular", vec!["--page".to_owned(), page.clone(), file.clone()]));
        found.push(pdf("zathura", vec![format!("--page={page}"), file.clone()]));
        found.push(pdf("mupdf", vec![file.clone(), page.clone()]));
        found.push(pdf("qpdfview", vec![format!("{file}#{page}")]));
    }
    let opener = if cfg!(target_os = "macos") {
        Launch { program: "open".to_owned(), args: vec![file], at_page: false }
    } else if cfg!(windows) {
        Launch {
            program: "rundll32".to_owned(),
            args: vec!["url.dll,FileProtocolHandler".to_owned(), file],
            at_page: false,
        }
    } else {
        Launch { program: "xdg-open".to_owned(), args: vec![file], at_page: false }
    };
    found.push(opener);
    found
}

/// Starts the first viewer that can be started (it runs on after Jevons; its output is not
/// shown).
fn start_viewer(path: &Path, page: u32, media: MediaType) -> Result<Opened, ViewerError> {
    let mut tried = Vec::new();
    for launch in launches(path, page, media) {
        let started = Command::new(&launch.program)
            .args(&launch.args)
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn();
        match started {
            Ok(mut child) => {
                // Reaped when it ends, so that it does not linger as a zombie.
                std::thread::spawn(move || child.wait());
                return Ok(Opened { path: path.to_path_buf(), viewer: launch.program, at_page: launch.at_page });
            }
            Err(error) => tried.push(format!("{}: {error}", launch.program)),
        }
    }
    Err(ViewerError::NoViewer(tried.join("; ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_copy_is_named_by_its_hash_and_a_clean_form_of_its_name() {
        let sha = "0123456789abcdef0123";
        assert_eq!(copy_name(sha, Some("Cantor on NVDA.pdf"), MediaType::Pdf), "0123456789ab-Cantor_on_NVDA.pdf");
        assert_eq!(copy_name(sha, Some("../../etc/passwd"), MediaType::Text), "0123456789ab-passwd.txt");
        assert_eq!(copy_name(sha, Some("-rf"), MediaType::Pdf), "0123456789ab--rf.pdf", "never starts with '-'");
        assert_eq!(copy_name(sha, None, MediaType::Html), "0123456789ab-document.html");
        assert_eq!(copy_name(sha, Some("..."), MediaType::Markdown), "0123456789ab-document.md");
        assert_eq!(copy_name(sha, Some("relatório 4T24.pdf"), MediaType::Pdf), "0123456789ab-relatório_4T24.pdf");
    }

    #[test]
    fn pdf_viewers_are_told_the_page_their_own_way_and_the_opener_comes_last() {
        let path = Path::new("/cache/opened/x.pdf");
        let tried = launches(path, 7, MediaType::Pdf);
        let evince = tried.iter().find(|l| l.program == "evince").expect("evince is tried");
        assert_eq!(evince.args, ["--page-index=7", "/cache/opened/x.pdf"]);
        assert!(tried.last().is_some_and(|l| !l.at_page), "the desktop's opener last, without a page");
        let text = launches(Path::new("/cache/opened/x.txt"), 1, MediaType::Text);
        assert!(text.iter().all(|l| !l.at_page), "only PDFs go to the PDF viewers");
    }

    #[test]
    fn the_copy_is_written_for_the_user_alone() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("opened");
        let path = folder.join("a.pdf");
        write_private(&folder, &path, b"%PDF-1.4").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"%PDF-1.4");
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            assert_eq!(fs::metadata(&path).unwrap().permissions().mode() & 0o777, 0o600);
            assert_eq!(fs::metadata(&folder).unwrap().permissions().mode() & 0o777, 0o700);
        }
    }
}
