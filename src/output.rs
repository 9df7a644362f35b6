//! Where reports and files go: standard output (a closed pipe is not an error) or a file.
//!
//! A file is written as its user expects:
//! - a regular file is replaced atomically (a temporary file beside it, synced, renamed over
//!   it), so an interruption leaves the old file or the new one, never half; it keeps its
//!   permissions, and a new file gets the default ones (0666 less the umask);
//! - a symbolic link is written through: its target is replaced and the link stays;
//! - a file with other hard links is rewritten in place, so every name sees the new content
//!   (the new content is first written in full to a temporary file, so a failed run leaves it
//!   untouched, but the copy into place is not atomic);
//! - a device, FIFO or socket, and `/dev/stdout` or `/dev/stderr`, are written directly;
//! - a write error (a full disk, `/dev/full`) is an error, and the exit code says so.
//!
//! Temporaries are hidden files `.NAME.XXXXXX.tmp` beside the target. A run removes its own;
//! one killed outright (SIGKILL) can leave one behind, which no later run touches, since it
//! cannot tell it from a writer still running (and looking would cost a pass over the
//! directory on every write).

use crate::error::{InputError, shown_path};
use anyhow::Context;
use std::fs::File;
use std::io::{Seek, Write};
use std::path::{Path, PathBuf};

/// Writes `text` to `path` if given, else to standard output.
pub fn emit(text: &str, path: Option<&Path>) -> anyhow::Result<()> {
    with_writer(path, |out| Ok(out.write_all(text.as_bytes())?))
}

/// Prints to standard output; a reader that went away (`readiness … | head`) ends the output
/// quietly.
pub fn print(text: &str) -> anyhow::Result<()> {
    emit(text, None)
}

/// Writes `bytes` to `path` as described in the module documentation.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    with_writer(Some(path), |out| Ok(out.write_all(bytes)?))
}

/// Streams output through `write`: to standard output, or to `path` as described in the
/// module documentation. If `write` fails, an existing file is left as it was.
///
/// On standard output a reader that went away (`readiness … | head`) is not an error: the
/// rest of the output is discarded and `write` runs to its end, so it can still report
/// problems it finds on the way.
pub fn with_writer<T>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    match path.map(target).transpose()? {
        None => to_stream(std::io::stdout().lock(), "standard output", write),
        Some(Target::Stdout) => to_stream(std::io::stdout().lock(), "standard output", write),
        Some(Target::Stderr) => to_stream(std::io::stderr().lock(), "standard error", write),
        Some(Target::Direct(path)) => {
            let file = File::options().write(true).open(&path).with_context(|| cannot("open", &path))?;
            to_stream(file, &shown_path(&path), write)
        }
        Some(Target::Replace { path, keep }) => replace(&path, keep, write),
        Some(Target::InPlace(path)) => rewrite_in_place(&path, write),
    }
}

/// How to write to an output path.
enum Target {
    Stdout,
    Stderr,
    /// A device, FIFO or socket: opened and written.
    Direct(PathBuf),
    /// A regular file (or none yet), after following symbolic links: replaced atomically,
    /// keeping the permissions of the file replaced.
    Replace {
        path: PathBuf,
        keep: Option<std::fs::Permissions>,
    },
    /// A regular file with other hard links.
    InPlace(PathBuf),
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
        Ok(m) if !m.is_file() || path.starts_with("/dev") || path.starts_with("/proc") => {
            Ok(Target::Direct(path.to_path_buf()))
        }
        Ok(m) => {
            let real = std::fs::canonicalize(path).with_context(|| cannot("resolve", path))?;
            if links(&m) > 1 {
                Ok(Target::InPlace(real))
            } else {
                Ok(Target::Replace { path: real, keep: Some(m.permissions()) })
            }
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            Ok(Target::Replace { path: dangling_target(path)?, keep: None })
        }
        Err(e) => Err(anyhow::Error::new(e).context(cannot("write", path))),
    }
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
    keep: Option<std::fs::Permissions>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let (temp, result) = written_temporary(path, write)?;
    if let Some(permissions) = keep {
        temp.as_file().set_permissions(permissions).with_context(|| cannot("write", path))?;
    }
    temp.persist(path).with_context(|| cannot("replace", path))?;
    sync_directory(path);
    Ok(result)
}

/// Writes everything to a temporary file first, then copies it over `path`'s content, so
/// every hard link to `path` sees the new content.
fn rewrite_in_place<T>(path: &Path, write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>) -> anyhow::Result<T> {
    let (temp, result) = written_temporary(path, write)?;
    let mut source = temp.reopen().with_context(|| cannot("write", path))?;
    source.rewind().with_context(|| cannot("write", path))?;
    let mut file = File::options().write(true).truncate(true).open(path).with_context(|| cannot("open", path))?;
    std::io::copy(&mut source, &mut file).with_context(|| cannot("write", path))?;
    file.sync_all().with_context(|| cannot("write", path))?;
    Ok(result)
}

/// A new temporary file beside `path` holding everything `write` wrote, synced to disk.
fn written_temporary<T>(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<(tempfile::NamedTempFile, T)> {
    let temp = temporary(path)?;
    let mut out = std::io::BufWriter::new(temp);
    let result = write(&mut out).with_context(|| cannot("write", path))?;
    let temp = out.into_inner().map_err(|e| anyhow::Error::new(e.into_error()).context(cannot("write", path)))?;
    temp.as_file().sync_all().with_context(|| cannot("write", path))?;
    Ok((temp, result))
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
    builder.tempfile_in(dir).with_context(|| format!("cannot create a file in {}", shown_path(dir)))
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
pub fn refuse_overwriting_inputs(
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
                crate::error::Diagnostic::new(format!(
                    "the output {}{same} is also an input: writing it would destroy what is being read",
                    shown_path(output)
                ))
                .help("choose another --output file"),
            ]));
        }
    }
    Ok(())
}

/// What makes two paths the same file: its device and inode, symbolic links followed.
#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<PathBuf> {
    std::fs::canonicalize(path).ok()
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

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
