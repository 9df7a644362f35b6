//! Where reports and files go: standard output (a closed pipe is not an error) or a file
//! written atomically, so an interruption leaves the old file or the new one, never half.

use anyhow::Context;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

/// Writes `text` to `path` if given (atomically), else to standard output.
pub fn emit(text: &str, path: Option<&Path>) -> anyhow::Result<()> {
    with_writer(path, |out| Ok(out.write_all(text.as_bytes())?))
}

/// Prints to standard output; a reader that went away (`readiness … | head`) ends the output
/// quietly.
pub fn print(text: &str) -> anyhow::Result<()> {
    emit(text, None)
}

/// Writes to a temporary file beside `path`, syncs it, then renames it over `path`.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> anyhow::Result<()> {
    with_writer(Some(path), |out| Ok(out.write_all(bytes)?))
}

/// Streams output through `write`: to standard output, or to a temporary file beside `path`
/// that replaces it only once everything is written and synced. A closed pipe on standard
/// output ends the output quietly.
pub fn with_writer<T: Default>(
    path: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<T>,
) -> anyhow::Result<T> {
    let Some(path) = path else {
        let mut out = std::io::BufWriter::new(std::io::stdout().lock());
        let result = write(&mut out).and_then(|r| Ok(out.flush().map(|()| r)?));
        return match result {
            Err(e) if is_broken_pipe(&e) => Ok(T::default()),
            other => other.context("cannot write to standard output"),
        };
    };
    let (dir, name) = split(path);
    let temp = temporary(dir, &name)?;
    let mut out = std::io::BufWriter::new(temp);
    let result = write(&mut out).with_context(|| format!("cannot write `{}`", path.display()))?;
    let temp = out.into_inner().map_err(|e| anyhow::anyhow!("cannot write `{}`: {}", path.display(), e.error()))?;
    temp.as_file().sync_all().with_context(|| format!("cannot write `{}`", path.display()))?;
    temp.persist(path).with_context(|| format!("cannot replace `{}`", path.display()))?;
    sweep_stale_temporaries(dir, &name);
    Ok(result)
}

/// Refuses an output file that is one of the inputs (by device and inode, links followed):
/// writing it would destroy what is being read.
pub fn refuse_overwriting_inputs<'a>(
    output: Option<&Path>,
    inputs: impl IntoIterator<Item = &'a Path>,
) -> Result<(), crate::error::InputError> {
    let Some(out) = output.and_then(identity) else { return Ok(()) };
    match inputs.into_iter().find(|input| identity(input).as_ref() == Some(&out)) {
        None => Ok(()),
        Some(input) => {
            let output = output.unwrap_or(input);
            let same =
                if input == output { String::new() } else { format!(" (the same file as `{}`)", input.display()) };
            Err(crate::error::InputError::new(vec![
                crate::error::Diagnostic::new(format!(
                    "the output `{}`{same} is also an input: writing it would destroy what is being read",
                    output.display()
                ))
                .help("choose another --output file"),
            ]))
        }
    }
}

#[cfg(unix)]
fn identity(path: &Path) -> Option<(u64, u64)> {
    use std::os::unix::fs::MetadataExt;
    std::fs::metadata(path).ok().filter(|m| m.is_file()).map(|m| (m.dev(), m.ino()))
}

#[cfg(not(unix))]
fn identity(path: &Path) -> Option<std::path::PathBuf> {
    std::fs::canonicalize(path).ok()
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|c| c.downcast_ref::<std::io::Error>().is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe))
}

/// The directory and file name of an output path.
fn split(path: &Path) -> (&Path, String) {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    (dir, path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default())
}

/// A hidden temporary file beside the target, named after it so stale ones can be found.
fn temporary(dir: &Path, name: &str) -> anyhow::Result<tempfile::NamedTempFile> {
    tempfile::Builder::new()
        .prefix(&format!(".{name}."))
        .suffix(".tmp")
        .tempfile_in(dir)
        .with_context(|| format!("cannot create a file in `{}`", dir.display()))
}

/// How old a temporary file must be before it is taken for the leftover of a killed writer.
const STALE_AFTER: Duration = Duration::from_secs(60);

/// Removes temporary files that earlier writers of the same target left when they were killed
/// (a SIGKILL cannot be cleaned up after by the process itself). Best effort: failures are
/// ignored, as the write itself has succeeded.
fn sweep_stale_temporaries(dir: &Path, name: &str) {
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let prefix = format!(".{name}.");
    for entry in entries.flatten() {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let stale = entry
            .metadata()
            .and_then(|m| m.modified())
            .ok()
            .and_then(|t| t.elapsed().ok())
            .is_some_and(|age| age > STALE_AFTER);
        if file_name.starts_with(&prefix) && file_name.ends_with(".tmp") && stale {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn atomic_write_replaces_content_and_leaves_no_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.md");
        write_atomic(&path, b"old").unwrap();
        write_atomic(&path, b"new").unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "new");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn stale_temporaries_of_killed_writers_are_swept_and_fresh_ones_kept() {
        let dir = tempfile::tempdir().unwrap();
        let stale = dir.path().join(".report.md.abc123.tmp");
        let fresh = dir.path().join(".report.md.def456.tmp");
        let other = dir.path().join(".notes.md.abc123.tmp");
        for p in [&stale, &fresh, &other] {
            std::fs::write(p, "partial").unwrap();
        }
        let old = std::time::SystemTime::now() - Duration::from_secs(600);
        std::fs::File::options().write(true).open(&stale).unwrap().set_modified(old).unwrap();
        std::fs::File::options().write(true).open(&other).unwrap().set_modified(old).unwrap();
        write_atomic(&dir.path().join("report.md"), b"new").unwrap();
        assert!(!stale.exists(), "a stale leftover of the same target is removed");
        assert!(fresh.exists(), "a writer that may still be running is left alone");
        assert!(other.exists(), "other targets' files are not touched");
    }

    #[test]
    fn atomic_write_into_a_missing_directory_fails_cleanly() {
        let dir = tempfile::tempdir().unwrap();
        let err = write_atomic(&dir.path().join("nope/report.md"), b"x").unwrap_err();
        assert!(format!("{err:#}").contains("cannot create a file in"), "{err:#}");
    }
}
