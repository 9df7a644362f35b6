//! Stop signals during a session: SIGTERM (a closing window or a shutdown), SIGHUP (a dropped
//! connection) and SIGINT (Ctrl-C where the terminal sends it as a signal, as a dumb one
//! does). Every answer is already saved; this waits for a save in progress, restores the
//! terminal, says where the answers are and how to resume, and exits with 128 + the signal's
//! number, as a shell expects.

use super::session_file::SessionFile;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, PoisonError};

/// Handles stop signals while it lives; afterwards they act as they normally would.
pub struct Watch {
    active: Arc<AtomicBool>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.active.store(false, Ordering::SeqCst);
    }
}

/// Starts handling stop signals for `session`; `message` says what to print on a stop.
#[cfg(unix)]
pub fn watch(
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
            if crossterm::terminal::is_raw_mode_enabled().unwrap_or(false) {
                let _ = crossterm::terminal::disable_raw_mode();
                let _ = crossterm::execute!(std::io::stderr(), crossterm::cursor::Show);
            }
            eprintln!();
            super::tell(&message(&session));
            std::process::exit(128 + signal);
        }
    });
    Ok(Watch { active })
}

/// Elsewhere the terminal's own handling stays: answers are saved after every answer anyway.
#[cfg(not(unix))]
pub fn watch(_: Arc<Mutex<SessionFile>>, _: impl Fn(&SessionFile) -> String + Send + 'static) -> anyhow::Result<Watch> {
    Ok(Watch { active: Arc::new(AtomicBool::new(false)) })
}
