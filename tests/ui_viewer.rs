//! "Open at page N" in a source's view: a private copy of the stored file goes to Jevons' cache
//! folder and the viewer named in `JEVONS_VIEWER` is started on it at the page shown. The test
//! is alone in its binary because it sets environment variables for the whole process.

#[path = "common/app.rs"]
mod app;
#[path = "common/pdf.rs"]
mod pdf;

use std::time::{Duration, Instant};

use jevons::session::documents::{AddFile, add_file};

#[test]
fn the_file_opens_in_the_viewer_at_the_page_shown() {
    let tools = tempfile::tempdir().unwrap();
    let said = tools.path().join("viewer-args.txt");
    let viewer = tools.path().join("viewer.sh");
    std::fs::write(
        &viewer,
        format!("#!/bin/sh\nprintf '%s\\n' \"$@\" > '{}.part'\nmv '{0}.part' '{0}'\n", said.display()),
    )
    .unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&viewer, std::fs::Permissions::from_mode(0o755)).unwrap();
    }
    let cache = tools.path().join("cache");
    // SAFETY: set before the app (and any thread of this test binary) starts; no other test in
    // this binary reads the environment.
    unsafe {
        std::env::set_var("JEVONS_VIEWER", format!("{} --page={{page}} {{file}}", viewer.display()));
        std::env::set_var("XDG_CACHE_HOME", &cache);
    }

    let mut app = app::start();
    let file = app.db.with_file_name("Cantor on NVDA.pdf");
    let bytes = pdf::pdf(&["Cover.", "We reiterate Overweight on NVDA."], None);
    std::fs::write(&file, &bytes).unwrap();
    let mut store = app.store();
    let request = AddFile { path: &file, url: None, title: None, keep_unreadable: false };
    let source = add_file(&mut store, &request, &mut |_, _| {}, &Default::default()).unwrap().source_id;
    drop(store);

    app.harness.state_mut().apply(jevons::ui::action::Action::OpenSource(source));
    app.settle();
    app.click("Next page");
    app.click("Open at page 2");
    let started = Instant::now();
    while !said.exists() {
        assert!(started.elapsed() < Duration::from_secs(30), "the viewer was never started");
        std::thread::sleep(Duration::from_millis(20));
    }
    let args: Vec<String> = std::fs::read_to_string(&said).unwrap().lines().map(str::to_owned).collect();
    assert_eq!(args.len(), 2, "the page and the file, nothing else: {args:?}");
    assert_eq!(args[0], "--page=2");
    let copy = std::path::PathBuf::from(&args[1]);
    assert!(copy.starts_with(&cache), "the copy is in Jevons' cache folder: {copy:?}");
    assert!(copy.file_name().unwrap().to_string_lossy().ends_with("-Cantor_on_NVDA.pdf"));
    assert_eq!(std::fs::read(&copy).unwrap(), bytes, "the copy is the stored file, byte for byte");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        assert_eq!(std::fs::metadata(&copy).unwrap().permissions().mode() & 0o777, 0o600, "for the user alone");
    }
    app.settle();
    assert!(app.has_label_containing("Opened in"), "a toast says where it opened");
}
