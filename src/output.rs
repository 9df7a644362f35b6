//! Where reports and files go: standard output (a closed pipe is not an error) or a file.
//!
//! A file is written as its user expects, decided on what is opened, not on a name checked
//! earlier:
//! - a regular file is replaced atomically (a temporary file beside it, synced, renamed over
//!   it), so an interruption leaves the old file or the new one, never half; it keeps its
//!   mode, and its owner and group where the process may set them (root may); a new file
//!   gets the default mode (0666 less the umask);
//! - a symbolic link is written through: its target is replaced and the link stays;
//! - a file with other hard links is opened at once (never through a symbolic link) and
//!   rewritten in place through that descriptor, so every name sees the new content and a
//!   name swapped for a link meanwhile is not followed. The new content is first written in
//!   full to a temporary file, then the space for it is reserved in the file before a byte
//!   of it changes: on a full disk the old report stays whole (exit 1);
//! - a device, FIFO or socket, and `/dev/stdout` or `/dev/stderr`, are written directly; a
//!   regular file reached through `/dev/fd/N` is appended to (a shell's `3>>file` asked for
//!   that, and `3>file` has already emptied it);
//! - a write error (a full disk, `/dev/full`) is an error, and the exit code says so.
//!
//! Temporaries are hidden files `.NAME.XXXXXX.tmp` beside the target. A run removes its own,
//! also when stopped by SIGTERM, SIGINT or SIGHUP (see [`remove_temporaries_on_stop`]); one
//! killed outright (SIGKILL) can leave one behind, which no later run touches, since it
//! cannot tell it from a writer still running (and looking would cost a pass over the
//! directory on every write).

use crate::diagnostic::InputError;

use crate::message::shown_path;
use anyhow::Context;
use std::fs::File;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard, PoisonError};

/// Writes `text` to `path` if given, else to standard output.
pub(crate) fn emit(text: &str, path: Option<&Path>) -> anyhow::Result<()> {
    with_writer(path, |out| Ok(out.write_all(text.as_bytes())?))
}

/// Prints to standard output; a reader that went away (`readiness … | head`) ends the output
/// quietly.
pub(crate) fn print(text: &str) -> anyhow::Result<()> {
    emit(text, None)
}

/// Writes every file or none of them (as `frameworks export` writes a directory): each is
/// written in full to its temporary first, and only when all are (a full disk fails before)
/// does any replace its file, as [`with_writer`] replaces a regular file.
pub(crate) fn write_each_or_none(files: &[(PathBuf, &[u8])]) -> anyhow::Result<()> {
    let mut written = Vec::with_capacity(files.len());
    for (path, bytes) in files {
        let keep = std::fs::metadata(path).ok().filter(std::fs::Metadata::is_file);
        match written_temporary(path, |out| Ok(out.write_all(bytes)?)) {
            Ok((temp, ())) => written.push((path, keep, temp)),
            Err(e) => {
                // Removed, then forgotten: a signal in between finds nothing left to remove.
                let paths: Vec<&PathBuf> = written.drain(..).map(|(path, ..)| path).collect();
                let mut temporaries = temporaries();
                paths.into_iter().for_each(|path| forget_temporary(&mut temporaries, path));
                return Err(e);
            }
        }
    }
    written.into_iter().try_for_each(|(path, keep, temp)| persist(path, keep.as_ref(), temp))
}

/// Writes `bytes` to `path` only if nothing is there when the file appears: written to a
/// temporary, then renamed with `renameat2(RENAME_NOREPLACE)` (a hard link where the file
/// system lacks it), so a file created at `path` meanwhile is never replaced. `Ok(false)`
/// when `path` is taken.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> anyhow::Result<bool> {
    let (temp, ()) = written_temporary(path, |out| Ok(out.write_all(bytes)?))?;
    let mut temporaries = temporaries();
    let result = temp.persist_noclobber(path);
    forget_temporary(&mut temporaries, path);
    match result {
        Ok(_) => {
            sync_directory(path);
            Ok(true)
        }
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(anyhow::Error::new(e.error).context(cannot("write", path))),
    }
}

/// Streams output through `write`: to standard output, or to `path` as described in the
/// module documentation. If `write` fails, an existing file is left as it was.
///
/// On standard output a reader that went away (`readiness … | head`) is not an error: the
/// rest of the output is discarded and `write` runs to its end, so it can still report
/// problems it finds on the way.
pub(crate) fn with_writer<T>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    match path.map(target).transpose()? {
        None => to_stream(std::io::stdout().lock(), "standard output", write),
        Some(Target::Stdout) => to_stream(std::io::stdout().lock(), "standard output", write),
        Some(Target::Stderr) => to_stream(std::io::stderr().lock(), "standard error", write),
        Some(Target::Direct(path, file)) => to_stream(file, &shown_path(&path), write),
        Some(Target::Replace { path, keep }) => replace(&path, keep.as_ref(), write),
        Some(Target::InPlace(path, file)) => rewrite_in_place(&path, file, write),
    }
}

/// How to write to an output path.
enum Target {
    Stdout,
    Stderr,
    /// A device, FIFO or socket (or a file reached through `/dev/fd`), opened.
    Direct(PathBuf, File),
    /// A regular file (or none yet), after following symbolic links: replaced atomically,
    /// keeping the mode and owner of the file replaced.
    Replace {
        path: PathBuf,
        keep: Option<std::fs::Metadata>,
    },
    /// A regular file with other hard links, opened without following a link.
    InPlace(PathBuf, File),
}

fn target(path: &Path) -> anyhow::Result<Target> {
    let text = path.as_os_str();
    if ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].iter().any(|p| text == *p) {
        return Ok(Target::Stdout);
    }
    if ["/dev/stderr", "/dev/fd/2", "/proc/self/fd/2"].iter().any(|p| text == *p) {
        return Ok(Target::Stderr);
    }
    match std::fs::metadata(path) {
        Ok(m) if m.is_dir() => Err(InputError::message(format!("{} is a directory", shown_path(path))).into()),
        Ok(m) if !m.is_file() || is_descriptor(path) => {
            // A shell's `3>>file` asked for appending; `3>file` has already emptied it.
            let file =
                File::options().append(m.is_file()).write(true).open(path).with_context(|| cannot("open", path))?;
            Ok(Target::Direct(path.to_path_buf(), file))
        }
        Ok(m) => {
            let real = std::fs::canonicalize(path).with_context(|| cannot("resolve", path))?;
            if links(&m) > 1 {
                let file = open_no_follow(&real).with_context(|| cannot("open", &real))?;
                Ok(Target::InPlace(real, file))
            } else {
                Ok(Target::Replace { path: real, keep: Some(m) })
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(Target::Replace { path: dangling_target(path)?, keep: None })
        }
        Err(e) => Err(anyhow::Error::new(e).context(cannot("write", path))),
    }
}

/// A name for an open file descriptor (`/dev/fd/3`), whose file the shell opened: written
/// through, not replaced beside it (a file in `/dev/shm` is replaced like any other).
fn is_descriptor(path: &Path) -> bool {
    ["/dev/fd", "/proc/self/fd", "/proc/thread-self/fd"].iter().any(|dir| path.starts_with(dir))
}

/// Opens a file for writing in place, refusing a symbolic link put at its name since the
/// name was resolved.
#[cfg(unix)]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    use std::os::unix::fs::OpenOptionsExt;
    File::options().write(true).custom_flags(libc::O_NOFOLLOW).open(path)
}

#[cfg(not(unix))]
fn open_no_follow(path: &Path) -> std::io::Result<File> {
    File::options().write(true).open(path)
}

#[cfg(unix)]
fn links(m: &std::fs::Metadata) -> u64 {
    std::os::unix::fs::MetadataExt::nlink(m)
}

#[cfg(not(unix))]
fn links(_: &std::fs::Metadata) -> u64 {
    1
}

/// Where a path that does not exist yet will be created: the path itself, or, for a
/// symbolic link to a file not yet created, the end of its chain of links.
fn dangling_target(path: &Path) -> anyhow::Result<PathBuf> {
    let mut current = path.to_path_buf();
    for _ in 0..40 {
        let Ok(next) = std::fs::read_link(&current) else { return Ok(current) };
        current = match current.parent() {
            Some(dir) => dir.join(next),
            None => next,
        };
    }
    Err(InputError::message(format!("{} is a loop of symbolic links", shown_path(path))).into())
}

/// Writes to a stream; a reader that went away turns the rest of the output into a no-op.
fn to_stream<W: Write, T>(
    stream: W,
    name: &str,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let mut out = std::io::BufWriter::new(PipeAware { inner: stream, gone: false });
    let result = write(&mut out).and_then(|r| Ok(out.flush().map(|()| r)?));
    result.with_context(|| format!("cannot write to {name}"))
}

/// A writer that treats a closed pipe as the end of wanted output.
struct PipeAware<W> {
    inner: W,
    gone: bool,
}

impl<W: Write> Write for PipeAware<W> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        if self.gone {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.gone = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> std::io::Result<()> {
        match self.inner.flush() {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {
                self.gone = true;
                Ok(())
            }
            other => other,
        }
    }
}

/// Writes everything to a synced temporary file beside `path`, which replaces `path` only
/// once complete.
fn replace<T>(
    path: &Path,
    keep: Option<&std::fs::Metadata>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let (temp, result) = written_temporary(path, write)?;
    persist(path, keep, temp)?;
    Ok(result)
}

/// Renames a complete temporary over `path`, with the owner and mode of the file it replaces.
fn persist(path: &Path, keep: Option<&std::fs::Metadata>, temp: tempfile::NamedTempFile) -> anyhow::Result<()> {
    if let Some(old) = keep {
        keep_owner_and_mode(temp.as_file(), old).with_context(|| cannot("write", path))?;
    }
    let mut temporaries = temporaries();
    let persisted = temp.persist(path);
    forget_temporary(&mut temporaries, path);
    persisted.map_err(|e| e.error).with_context(|| cannot("replace", path))?;
    sync_directory(path);
    Ok(())
}

/// Gives the new file the old one's owner and group where allowed (a user may not give a
/// file away; root may, and must, or a user's report would become root's), then its mode,
/// which a change of owner may have cleared bits of.
fn keep_owner_and_mode(new: &File, old: &std::fs::Metadata) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mine = new.metadata()?;
        if (mine.uid(), mine.gid()) != (old.uid(), old.gid()) {
            match std::os::unix::fs::fchown(new, Some(old.uid()), Some(old.gid())) {
                Err(e) if e.kind() == std::io::ErrorKind::PermissionDenied => {
                    // Keep the group at least, if the user is in it.
                    let _ = std::os::unix::fs::fchown(new, None, Some(old.gid()));
                }
                other => other?,
            }
        }
    }
    new.set_permissions(old.permissions())
}

/// Writes everything to a temporary file first, reserves the space for it in the file, then
/// copies it over the file's content, so every hard link sees the new content and a full
/// disk leaves the old content whole. A stop signal waits for the copy to end.
fn rewrite_in_place<T>(
    path: &Path,
    mut file: File,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let (temp, result) = written_temporary(path, write)?;
    let mut copying = temporaries();
    let copied = (|| {
        let mut source = temp.reopen()?;
        let len = source.metadata()?.len();
        reserve(&file, len)?;
        source.rewind()?;
        std::io::copy(&mut source, &mut file)?;
        file.set_len(len)?;
        file.sync_all()
    })();
    forget_temporary(&mut copying, path);
    drop(temp);
    copied.with_context(|| cannot("write", path))?;
    Ok(result)
}

/// Allocates the disk blocks for `len` bytes of `file` before its content changes; if that
/// fails, the file is left at its old length and content.
#[cfg(unix)]
fn reserve(file: &File, len: u64) -> std::io::Result<()> {
    use std::os::fd::AsRawFd;
    let old = file.metadata()?.len();
    let wanted = libc::off_t::try_from(len).map_err(std::io::Error::other)?;
    // SAFETY: the descriptor is open for writing for the whole call.
    match unsafe { libc::posix_fallocate(file.as_raw_fd(), 0, wanted) } {
        0 => Ok(()),
        code => {
            let _ = file.set_len(old);
            Err(std::io::Error::from_raw_os_error(code))
        }
    }
}

#[cfg(not(unix))]
fn reserve(_: &File, _: u64) -> std::io::Result<()> {
    Ok(())
}

/// A new temporary file beside `path` holding everything `write` wrote, synced to disk.
fn written_temporary<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<(tempfile::NamedTempFile, T)> {
    let temp = temporary(path)?;
    let mut out = std::io::BufWriter::new(temp);
    let written = write(&mut out).with_context(|| cannot("write", path)).and_then(|result| {
        let temp = out.into_inner().map_err(|e| anyhow::Error::new(e.into_error()).context(cannot("write", path)))?;
        temp.as_file().sync_all().with_context(|| cannot("write", path))?;
        Ok((temp, result))
    });
    if written.is_err() {
        forget_temporary(&mut temporaries(), path);
    }
    written
}

/// The temporaries of this process not yet renamed or removed, by the target they are for,
/// which a stop signal removes. Held while a temporary is created, renamed or copied, so a
/// signal never comes between the file and its entry here, nor halfway through a copy.
static TEMPORARIES: Mutex<Vec<(PathBuf, PathBuf)>> = Mutex::new(Vec::new());

fn temporaries() -> MutexGuard<'static, Vec<(PathBuf, PathBuf)>> {
    TEMPORARIES.lock().unwrap_or_else(PoisonError::into_inner)
}

fn forget_temporary(temporaries: &mut Vec<(PathBuf, PathBuf)>, target: &Path) {
    temporaries.retain(|(t, _)| t != target);
}

/// From the first temporary on, SIGTERM, SIGINT and SIGHUP remove this process's temporaries,
/// then end it as they would have (the exit status still names the signal). Installed only
/// when a file is written, so a run that prints pays nothing, and so never during the live
/// questionnaire, which handles those signals itself and saves with its own temporaries.
fn remove_temporaries_on_stop() {
    static INSTALLED: std::sync::Once = std::sync::Once::new();
    // Without the handler (no thread to spare), a stop leaves a temporary, as SIGKILL does.
    INSTALLED.call_once(|| drop(handle_stop_signals()));
}

#[cfg(unix)]
fn handle_stop_signals() -> anyhow::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGINT, SIGHUP])?;
    std::thread::spawn(move || {
        if let Some(signal) = signals.forever().next() {
            // Kept locked, so no writer creates or renames a temporary after this.
            let temporaries = temporaries();
            for (_, temp) in temporaries.iter() {
                let _ = std::fs::remove_file(temp);
            }
            let _ = signal_hook::low_level::emulate_default_handler(signal);
            std::process::exit(128 + signal);
        }
    });
    Ok(())
}

#[cfg(not(unix))]
fn handle_stop_signals() -> anyhow::Result<()> {
    Ok(())
}

/// Longest part of the target's name used in a temporary's name, so that the temporary of
/// a file named near the 255-byte limit still has a valid name.
const NAME_BYTES: usize = 200;

/// A hidden temporary file beside the target, named after it, with the default permissions
/// of a new file.
fn temporary(path: &Path) -> anyhow::Result<tempfile::NamedTempFile> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let mut cut = NAME_BYTES.min(name.len());
    while !name.is_char_boundary(cut) {
        cut -= 1;
    }
    let prefix = format!(".{}.", &name[..cut]);
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    remove_temporaries_on_stop();
    let mut temporaries = temporaries();
    let temp = builder.tempfile_in(dir).with_context(|| format!("cannot create a file in {}", shown_path(dir)))?;
    temporaries.push((path.to_path_buf(), temp.path().to_path_buf()));
    Ok(temp)
}

/// Makes the rename itself durable. Best effort: the data is already synced, and some
/// file systems cannot sync a directory.
fn sync_directory(path: &Path) {
    if let Some(dir) = path.parent().filter(|p| !p.as_os_str().is_empty()) {
        let _ = File::open(dir).and_then(|d| d.sync_all());
    }
}

fn cannot(what: &str, path: &Path) -> String {
    format!("cannot {what} {}", shown_path(path))
}

/// Refuses an output that is one of the inputs (the same file under any name: a symbolic
/// link or a hard link to it, or the same path), before anything is read or written.
pub(crate) fn refuse_overwriting_inputs(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = impl AsRef<Path>>,
) -> Result<(), InputError> {
    let Some(output) = output else { return Ok(()) };
    let Some(out) = identity(output) else { return Ok(()) };
    for input in inputs {
        let input = input.as_ref();
        if identity(input).is_some_and(|id| id == out) {
            let same =
                if input == output { String::new() } else { format!(" (the same file as {})", shown_path(input)) };
            return Err(InputError::new(vec![
                crate::diagnostic::Diagnostic::new(format!(
                    "the output {}{same} is also an input: writing it would destroy what is being read",
                    shown_path(output)
                ))
                .help("choose another --output file"),
            ]));
        }
    }
    Ok(())
}

/// What makes two paths the same file: its device and inode, symbolic links followed; for a
/// file not created yet (a `--save` file), its directory's identity and its name.
#[cfg(unix)]
#[derive(PartialEq)]
enum Identity {
    File(u64, u64),
    Missing(u64, u64, std::ffi::OsString),
}

#[cfg(unix)]
fn identity(path: &Path) -> Option<Identity> {
    use std::os::unix::fs::MetadataExt;
    match std::fs::metadata(path) {
        Ok(m) => m.is_file().then(|| Identity::File(m.dev(), m.ino())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
            let dir = std::fs::metadata(dir).ok().filter(|m| m.is_dir())?;
            Some(Identity::Missing(dir.dev(), dir.ino(), path.file_name()?.to_owned()))
        }
        Err(_) => None,
    }
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    std::path::absolute(path).ok().map(|p| std::fs::canonicalize(&p).unwrap_or(p))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

    /// `bytes` written to `path` as every `--output` is written.
    fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
        with_writer(Some(path), |out| Ok(out.write_all(bytes)?))
    }

    fn entries(dir: &Path) -> usize {
        std::fs::read_dir(dir).unwrap().count()
    }

    #[test]
    fn atomic_write_replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(entries(dir.path()), 1);
    }

    #[test]
    fn another_writers_temporary_is_never_touched() {
        let dir = tempfile::tempdir().unwrap();
        let theirs = dir.path().join(".report.md.abc123.tmp");
        std::fs::write(&theirs, "partial").unwrap();
        let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
        File::options().write(true).open(&theirs).unwrap().set_modified(old).unwrap();
        write_atomic(&dir.path().join("report.md"), b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&theirs).unwrap(), "partial");
    }

    #[test]
    fn a_failed_write_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("portfolio.csv");
        std::fs::write(&path, "previous").unwrap();
        let err: anyhow::Result<()> = with_writer(Some(&path), |out| {
            out.write_all(b"partial")?;
            anyhow::bail!("nothing scored")
        });
        assert!(err.is_err());
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "previous");
        assert_eq!(entries(dir.path()), 1);
    }

    #[test]
    fn an_existing_file_keeps_its_mode_and_a_new_one_gets_the_default() {
        let dir = tempfile::tempdir().unwrap();
        let shared = dir.path().join("shared.md");
        std::fs::write(&shared, "old").unwrap();
        std::fs::set_permissions(&shared, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_atomic(&shared, b"new").unwrap();
        assert_eq!(std::fs::metadata(&shared).unwrap().permissions().mode() & 0o777, 0o640);
        let fresh = dir.path().join("fresh.md");
        write_atomic(&fresh, b"new").unwrap();
        let plain = dir.path().join("plain.md");
        File::create(&plain).unwrap();
        let mode = |p: &Path| std::fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&fresh), mode(&plain), "a new file gets what any new file gets: 0666 less the umask");
    }

    #[test]
    fn a_symbolic_link_is_written_through_to_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let (target, link) = (dir.path().join("target.md"), dir.path().join("link.md"));
        std::fs::write(&target, "old").unwrap();
        std::os::unix::fs::symlink("target.md", &link).unwrap();
        write_atomic(&link, b"new").unwrap();
        assert!(std::fs::symlink_metadata(&link).unwrap().file_type().is_symlink(), "the link stays a link");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
        let dangling = dir.path().join("dangling.md");
        std::os::unix::fs::symlink("later.md", &dangling).unwrap();
        write_atomic(&dangling, b"created").unwrap();
        assert_eq!(std::fs::read_to_string(dir.path().join("later.md")).unwrap(), "created");
        assert!(std::fs::symlink_metadata(&dangling).unwrap().file_type().is_symlink());
    }

    #[test]
    fn every_hard_link_sees_the_new_content() {
        let dir = tempfile::tempdir().unwrap();
        let (a, b) = (dir.path().join("a.md"), dir.path().join("b.md"));
        std::fs::write(&a, "old").unwrap();
        std::fs::hard_link(&a, &b).unwrap();
        write_atomic(&a, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&b).unwrap(), "new");
        assert_eq!(entries(dir.path()), 2, "no temporary left");
    }

    #[test]
    fn standard_streams_by_name_are_the_process_streams() {
        for name in ["/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"] {
            assert!(matches!(target(Path::new(name)).unwrap(), Target::Stdout), "{name}");
        }
        assert!(matches!(target(Path::new("/dev/stderr")).unwrap(), Target::Stderr));
    }

    #[test]
    fn a_name_near_the_length_limit_still_gets_a_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join(format!("{}.md", "r".repeat(250)));
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
    }

    #[test]
    fn atomic_write_into_a_missing_directory_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("nope/report.md"), b"x").unwrap_err();
        assert!(format!("{err:#}").contains("cannot create a file in"), "{err:#}");
    }

    #[test]
    fn an_input_named_as_output_is_refused_under_any_name() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("a.toml");
        std::fs::write(&input, "x").unwrap();
        let (link, hard) = (dir.path().join("link.toml"), dir.path().join("hard.toml"));
        std::os::unix::fs::symlink(&input, &link).unwrap();
        std::fs::hard_link(&input, &hard).unwrap();
        let dotted = dir.path().join(".").join("a.toml");
        for output in [&input, &link, &hard, &dotted] {
            assert!(refuse_overwriting_inputs(Some(output), [input.as_path()]).is_err(), "{}", output.display());
        }
        let other = dir.path().join("report.md");
        assert!(refuse_overwriting_inputs(Some(&other), [input.as_path()]).is_ok());
    }
}
