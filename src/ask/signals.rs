//! Stop signals during a session: SIGTERM (a closing window or a shutdown), SIGHUP (a dropped
//! connection) and SIGINT (Ctrl-C where the terminal sends it as a signal, as a dumb one
//! does). Every answer is already saved; this waits for a save in progress, restores the
//! terminal, says where the answers are and how to resume, and exits with 128 + the signal's
//! number, as a shell expects.

use super::session_file::SessionFile;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// Handles stop signals while it lives; afterwards they act as they normally would.
pub(crate) struct Watch {
    active: Arc<AtomicBool>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.active.store(false, Ordering::SeqCst);
    }
}

/// Starts handling stop signals for `session`, and the end of the terminal (a closed window,
/// a dropped connection: the input reports a hang-up) as SIGHUP; `message` says what to print
/// on a stop.
#[cfg(unix)]
pub(crate) fn watch(
    session: Arc<Mutex<SessionFile>>,
    message: impl Fn(&SessionFile) -> String + Send + 'static,
) -> anyhow::Result<Watch> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    let active = Arc::new(AtomicBool::new(true));
    let watching = Arc::clone(&active);
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if !watching.load(Ordering::SeqCst) {
                let _ = signal_hook::low_level::emulate_default_handler(signal);
                continue;
            }
            // Holding the session until exit also keeps any later save from starting.
            let session = session.lock().unwrap_or_else(PoisonError::into_inner);
            // A terminal that is gone gets nothing: a write to it would fail or block.
            if !hung_up() {
                say_on_a_clear_screen(&message(&session));
            }
            std::process::exit(128 + signal);
        }
    });
    // The terminal's reader (crossterm) retries a read that returns nothing for ever, so the
    // hang-up is watched for here: `poll` asking for no event still reports it.
    std::thread::spawn(|| {
        let mut tty = libc::pollfd { fd: libc::STDIN_FILENO, events: 0, revents: 0 };
        // SAFETY: one valid pollfd, for the duration of the call.
        while unsafe { libc::poll(&mut tty, 1, -1) } < 1 || tty.revents == 0 {}
        hang_up();
    });
    Ok(Watch { active })
}

/// Ends the process as a hang-up does: the session's handler saves nothing more (every answer
/// is saved), prints nothing and exits with 129; without a session, SIGHUP's default.
#[cfg(unix)]
pub(crate) fn hang_up() -> ! {
    let _ = signal_hook::low_level::raise(signal_hook::consts::SIGHUP);
    loop {
        std::thread::park();
    }
}

/// Whether standard input, the terminal, has hung up.
#[cfg(unix)]
pub(crate) fn hung_up() -> bool {
    let mut tty = libc::pollfd { fd: libc::STDIN_FILENO, events: 0, revents: 0 };
    // SAFETY: one valid pollfd, for the duration of the call.
    unsafe { libc::poll(&mut tty, 1, 0) > 0 && tty.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 }
}

/// Puts the terminal back (cooked mode, cursor, no bracketed paste), clears the question off
/// the screen and prints `text` from the top, so a command in it copies whole; on a dumb
/// terminal, on a line of its own. Errors are
/// ignored: the process exits next.
#[cfg(unix)]
fn say_on_a_clear_screen(text: &str) {
    use crossterm::{cursor, event, terminal};
    use std::io::Write;
    let _ = terminal::disable_raw_mode();
    let mut out = std::io::stderr().lock();
    if !super::full_screen() {
        let _ = writeln!(out);
    } else {
        let _ = crossterm::execute!(
            out,
            event::DisableBracketedPaste,
            cursor::Show,
            terminal::Clear(terminal::ClearType::All),
            cursor::MoveTo(0, 0)
        );
    }
    let columns = super::columns() - 1;
    for line in super::wrap::wrap(text, columns) {
        let _ = writeln!(out, "{line}");
    }
}

#[cfg(not(unix))]
pub(crate) fn hang_up() -> ! {
    std::process::exit(129)
}

#[cfg(not(unix))]
pub(crate) fn hung_up() -> bool {
    false
}

/// Elsewhere the terminal's own handling stays: answers are saved after every answer anyway.
#[cfg(not(unix))]
pub(crate) fn watch(
    _: Arc<Mutex<SessionFile>>,
    _: impl Fn(&SessionFile) -> String + Send + 'static,
) -> anyhow::Result<Watch> {
    Ok(Watch { active: Arc::new(AtomicBool::new(false)) })
}
