//! The session file: the answer file a live session saves to after every answer.
//!
//! - One writer at a time. The file is held under an advisory lock (`flock`, through the
//!   standard library's `File::try_lock`) for the whole session, so a second session on the
//!   same file is refused at once instead of silently overwriting the first one's answers.
//!   Every save writes a temporary file, locks it, then renames it over the session file, so
//!   the inode at the path is always the locked one; an opener checks, after locking, that
//!   the file it locked is still the one at the path.
//! - Nothing changes until an answer does; then only that value is rewritten (see
//!   [`answers::update`]), so the header, the consultant's comments and the order survive,
//!   and the file keeps its mode. A new file gets the mode the umask gives.
//! - The file may be edited while the session runs: each save starts from the file as it is
//!   then, so comments and edits typed into it are kept. The session holds the answers,
//!   though: an answer edited in the file is set back to the session's at the next save
//!   (change it on the review screen instead), and an edit that leaves the file unreadable
//!   is replaced by what the session last wrote.
//! - A save is atomic: a crash leaves the previous answers or the new ones, never half a file.

use crate::answers::{self, Answers, Completeness};
use crate::diagnostic::InputError;
use crate::frameworks::Frameworks;
use anyhow::Context;
use std::fs::{File, Permissions};
use std::io::Write;
use std::path::{Path, PathBuf};

pub(crate) struct SessionFile {
    /// Where the answers are, with symbolic links resolved so saves write through them.
    path: PathBuf,
    /// The locked handle of the file now at `path`; the lock lasts as long as it is open.
    _lock: File,
    /// The mode to keep; `None` for a file this session created.
    mode: Option<Permissions>,
    text: String,
    answers: Answers,
    /// Whether this session created the file (and may remove it if nothing was answered).
    created: bool,
}

/// Why a session file could not be taken.
#[derive(Debug)]
pub(crate) enum Refusal {
    /// Another session holds it.
    InUse(PathBuf),
    /// It already exists (when creating).
    Exists,
    Other(anyhow::Error),
}

impl From<Refusal> for anyhow::Error {
    fn from(refusal: Refusal) -> anyhow::Error {
        match refusal {
            Refusal::InUse(path) => InputError::message(format!(
                "`{}` is open in another readiness session; finish or stop that one first, or save to another file",
                path.display()
            ))
            .into(),
            Refusal::Exists => anyhow::anyhow!("the session file already exists"),
            Refusal::Other(e) => e,
        }
    }
}

impl SessionFile {
    /// Opens an existing answer file to continue a session in it.
    pub(crate) fn open(fw: &Frameworks, path: &Path) -> Result<SessionFile, Refusal> {
        let shown = path.display();
        let metadata = std::fs::metadata(path).map_err(|e| io(format!("cannot read `{shown}`"), e))?;
        if !metadata.is_file() {
            return Err(bad(format!("`{shown}` is not a regular file; a session file must be one")));
        }
        let path = std::fs::canonicalize(path).map_err(|e| io(format!("cannot read `{shown}`"), e))?;
        // Saving writes beside the file: find out now, not after the first answer.
        let dir = path.parent().unwrap_or(Path::new("."));
        tempfile::Builder::new()
            .prefix(".readiness.")
            .tempfile_in(dir)
            .map_err(|e| io(format!("cannot save answers beside `{shown}`"), e))?;
        let lock = lock_current(&path)?;
        let text = crate::input::read_limited(&path).map_err(|e| Refusal::Other(InputError::message(e).into()))?;
        let answers = answers::parse(fw, &path.display().to_string(), &text, Completeness::Partial)
            .map_err(|e| Refusal::Other(e.into()))?;
        let mode = Some(metadata.permissions());
        Ok(SessionFile { path, _lock: lock, mode, text, answers, created: false })
    }

    /// Creates a new session file holding `answers`; `Refusal::Exists` if there is a file at
    /// `path` already.
    pub(crate) fn create(fw: &Frameworks, path: &Path, answers: &Answers) -> Result<SessionFile, Refusal> {
        let path = std::path::absolute(path).map_err(|e| Refusal::Other(e.into()))?;
        let text = answers::render(fw, answers);
        let temp = temporary(&path, None, &text).map_err(Refusal::Other)?;
        let lock = match temp.persist_noclobber(&path) {
            Ok(file) => file,
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => return Err(Refusal::Exists),
            Err(e) => return Err(io(format!("cannot create `{}`", path.display()), e.error)),
        };
        Ok(SessionFile { path, _lock: lock, mode: None, text, answers: answers.clone(), created: true })
    }

    pub(crate) fn path(&self) -> &Path {
        &self.path
    }

    /// The answers as the file holds them.
    pub(crate) fn answers(&self) -> &Answers {
        &self.answers
    }

    /// Writes `answers`, unless they are what the file already holds.
    pub(crate) fn save(&mut self, fw: &Frameworks, answers: &Answers) -> anyhow::Result<()> {
        if *answers == self.answers {
            return Ok(());
        }
        let (base, held) = self.on_disk(fw);
        let text = answers::update(fw, &base, &held, answers).unwrap_or_else(|| answers::render(fw, answers));
        let temp = temporary(&self.path, self.mode.as_ref(), &text)?;
        let file = temp.persist(&self.path).with_context(|| format!("cannot replace `{}`", self.path.display()))?;
        // The new inode is locked before it replaced the old one; dropping the old handle now
        // releases a lock nobody can reach any more.
        self._lock = file;
        self.text = text;
        self.answers = answers.clone();
        Ok(())
    }

    /// The text to write the answers into, and the answers it holds: the file as it is now,
    /// so a comment or edit typed into it while the session runs survives the next save;
    /// what this session last wrote if the file cannot be read or does not read as answers
    /// (a half-made edit).
    fn on_disk(&self, fw: &Frameworks) -> (String, Answers) {
        let Ok(text) = crate::input::read_limited(&self.path) else {
            return (self.text.clone(), self.answers.clone());
        };
        if text == self.text {
            return (text, self.answers.clone());
        }
        match answers::parse(fw, "", &text, Completeness::Partial) {
            Ok(held) => (text, held),
            Err(_) => (self.text.clone(), self.answers.clone()),
        }
    }

    /// Removes the file if this session created it and nothing was answered, so an abandoned
    /// start leaves nothing behind. True if it was removed.
    pub(crate) fn discard_if_unused(&self) -> bool {
        self.created && self.answers.count() == 0 && std::fs::remove_file(&self.path).is_ok()
    }
}

/// Bad content: the user can fix the input (exit 2).
fn bad(message: String) -> Refusal {
    Refusal::Other(InputError::message(message).into())
}

/// A failure to read or write (exit 1), unless the file named is not there, which is a
/// mistake in the command (exit 2).
fn io(message: String, error: std::io::Error) -> Refusal {
    if error.kind() == std::io::ErrorKind::NotFound {
        return bad(format!("{message}: {error}"));
    }
    Refusal::Other(anyhow::Error::new(error).context(message))
}

/// Locks the file at `path`, making sure the file locked is still the one there (a session
/// that saved in between would have replaced it).
fn lock_current(path: &Path) -> Result<File, Refusal> {
    loop {
        let file = File::open(path).map_err(|e| io(format!("cannot read `{}`", path.display()), e))?;
        match file.try_lock() {
            Ok(()) => {}
            Err(std::fs::TryLockError::WouldBlock) => return Err(Refusal::InUse(path.to_path_buf())),
            Err(std::fs::TryLockError::Error(e)) => {
                return Err(io(format!("cannot lock `{}`", path.display()), e));
            }
        }
        if is_same_file(&file, path) {
            return Ok(file);
        }
    }
}

#[cfg(unix)]
fn is_same_file(file: &File, path: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    match (file.metadata(), std::fs::metadata(path)) {
        (Ok(a), Ok(b)) => a.dev() == b.dev() && a.ino() == b.ino(),
        _ => false,
    }
}

#[cfg(not(unix))]
fn is_same_file(_: &File, _: &Path) -> bool {
    true
}

/// A synced, locked temporary file beside `path` holding `text`, with `mode` or else the
/// umask's default for a new file.
fn temporary(path: &Path, mode: Option<&Permissions>, text: &str) -> anyhow::Result<tempfile::NamedTempFile> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(Permissions::from_mode(0o666));
    }
    let mut temp = builder.tempfile_in(dir).with_context(|| format!("cannot create a file in `{}`", dir.display()))?;
    let write = |temp: &mut tempfile::NamedTempFile| -> std::io::Result<()> {
        if let Some(mode) = mode {
            temp.as_file().set_permissions(mode.clone())?;
        }
        temp.write_all(text.as_bytes())?;
        temp.as_file().sync_all()?;
        temp.as_file().lock()
    };
    write(&mut temp).with_context(|| format!("cannot write `{}`", path.display()))?;
    Ok(temp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;
    use crate::frameworks::Load;

    fn fw() -> Frameworks {
        Frameworks::builtin().unwrap()
    }

    #[test]
    fn a_second_session_on_the_same_file_is_refused_even_after_the_first_saved() {
        let fw = fw();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let mut first = SessionFile::create(&fw, &path, &Answers::default()).unwrap();
        assert!(matches!(SessionFile::open(&fw, &path), Err(Refusal::InUse(_))));
        let mut answers = Answers::default();
        answers.readiness.insert("data_quality".into(), Answer::Level(2));
        first.save(&fw, &answers).unwrap();
        assert!(matches!(SessionFile::open(&fw, &path), Err(Refusal::InUse(_))), "the replaced file is locked too");
        drop(first);
        let reopened = SessionFile::open(&fw, &path).unwrap();
        assert_eq!(reopened.answers(), &answers);
    }

    #[test]
    fn notes_and_the_respondent_survive_save_and_resume() {
        let fw = fw();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("maya.toml");
        let mut answers = Answers::default();
        answers.respondent = crate::answers::Respondent { name: Some("Maya".into()), role: None };
        let mut session = SessionFile::create(&fw, &path, &answers).unwrap();
        answers.readiness.insert("data_quality".into(), Answer::Level(2));
        session.save(&fw, &answers).unwrap();
        let note = crate::answers::Note { note: Some("line one\nline two".into()), evidence: Some("audit".into()) };
        answers.notes.insert("data_quality".into(), note);
        session.save(&fw, &answers).unwrap();
        drop(session);
        assert_eq!(SessionFile::open(&fw, &path).unwrap().answers(), &answers);
    }

    /// A session that saved one answer, and the answers it holds.
    fn started(fw: &Frameworks, path: &Path) -> (SessionFile, Answers) {
        let mut answers = Answers::default();
        let mut session = SessionFile::create(fw, path, &answers).unwrap();
        answers.readiness.insert("data_quality".into(), Answer::Level(2));
        session.save(fw, &answers).unwrap();
        (session, answers)
    }

    #[test]
    fn a_comment_typed_into_the_file_during_a_session_survives_the_next_answer() {
        let fw = fw();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let (mut session, mut answers) = started(&fw, &path);
        let typed = std::fs::read_to_string(&path).unwrap().replace(
            "data_quality = 2\n",
            "# the CRM export has 18% duplicates\ndata_quality = 2 # checked with Dev\n",
        );
        std::fs::write(&path, &typed).unwrap();
        answers.readiness.insert("data_collection".into(), Answer::Level(3));
        session.save(&fw, &answers).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert!(
            saved.contains("# the CRM export has 18% duplicates\ndata_quality = 2 # checked with Dev\n"),
            "{saved}"
        );
        assert_eq!(answers::parse(&fw, "", &saved, Completeness::Partial).unwrap(), answers);
    }

    #[test]
    fn an_answer_edited_in_the_file_during_a_session_gives_way_to_the_session_and_its_comment_stays() {
        let fw = fw();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let (mut session, mut answers) = started(&fw, &path);
        let edited = std::fs::read_to_string(&path).unwrap().replace("data_quality = 2\n", "data_quality = 4 # mine\n");
        std::fs::write(&path, &edited).unwrap();
        answers.readiness.insert("data_quality".into(), Answer::Level(1));
        session.save(&fw, &answers).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert!(saved.contains("data_quality = 1 # mine\n"), "{saved}");
        assert_eq!(answers::parse(&fw, "", &saved, Completeness::Partial).unwrap(), answers);
    }

    #[test]
    fn a_file_left_unreadable_by_an_edit_is_saved_from_what_the_session_last_wrote() {
        let fw = fw();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        let (mut session, mut answers) = started(&fw, &path);
        std::fs::write(&path, "[answers\ndata_quality = ").unwrap();
        answers.readiness.insert("data_collection".into(), Answer::Level(3));
        session.save(&fw, &answers).unwrap();
        let saved = std::fs::read_to_string(&path).unwrap();
        assert_eq!(answers::parse(&fw, "", &saved, Completeness::Partial).unwrap(), answers);
    }

    #[test]
    fn creating_never_replaces_a_file() {
        let fw = fw();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.toml");
        std::fs::write(&path, "keep me").unwrap();
        assert!(matches!(SessionFile::create(&fw, &path, &Answers::default()), Err(Refusal::Exists)));
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "keep me");
    }
}
