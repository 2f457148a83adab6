//! The `jevons` binary: the desktop app with no subcommand, the command line with one.

use std::process::ExitCode;

use clap::Parser;
use jevons::cli::{self, Cli};

fn main() -> ExitCode {
    std::panic::set_hook(Box::new(|info| {
        let message = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| (*s).to_owned())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".into());
        eprintln!("jevons: internal error ({}); nothing was lost, please report this", cli::printable(&message));
    }));
    let args = Cli::parse();
    let result = if args.command.is_none() {
        jevons::ui::run(args.db)
    } else {
        quit_quietly_on_closed_pipe();
        cli::run(args)
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(err) => {
            eprintln!("jevons: {}", cli::printable(&message(&err)));
            ExitCode::FAILURE
        }
    }
}

/// An error and its causes on one line (control characters it quotes from a file or a note are
/// written out when printed). A cause its wrapper already spelled out (an error that shows its
/// `source` in its own message) is not repeated.
fn message(err: &anyhow::Error) -> String {
    let mut text = String::new();
    for cause in err.chain().map(|cause| one_line(&cause.to_string())) {
        if !text.contains(&cause) {
            if !text.is_empty() {
                text.push_str(": ");
            }
            text.push_str(&cause);
        }
    }
    text
}

/// Errors are printed on one line, however they were worded.
fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `jevons search x | head` should stop quietly when `head` has read enough, like other tools.
fn quit_quietly_on_closed_pipe() {
    #[cfg(unix)]
    // SAFETY: restoring the default action of SIGPIPE before any thread is started.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
}
