use std::io;
use std::path::Path;

/// Fatal problems with what the user named: the run cannot start as asked.
/// Problems inside one document are diagnostics instead.
#[derive(Debug, thiserror::Error)]
pub enum IngestError {
    /// A named file or directory is missing or cannot be opened.
    #[error("cannot read '{path}': {reason}")]
    Unreadable {
        path: String,
        reason: String,
        kind: io::ErrorKind,
    },
    /// A directory (named or met while walking) cannot be listed.
    #[error("cannot read directory '{path}': {reason}")]
    UnreadableDir {
        path: String,
        reason: String,
        kind: io::ErrorKind,
    },
}

impl IngestError {
    pub(crate) fn unreadable(path: &Path, err: &io::Error) -> Self {
        IngestError::Unreadable {
            path: path.display().to_string(),
            reason: describe(err),
            kind: err.kind(),
        }
    }

    pub(crate) fn unreadable_dir(path: &Path, err: &io::Error) -> Self {
        IngestError::UnreadableDir {
            path: path.display().to_string(),
            reason: describe(err),
            kind: err.kind(),
        }
    }
}

/// The OS message without its " (os error N)" suffix, which says nothing to users.
pub(crate) fn describe(err: &io::Error) -> String {
    let text = err.to_string();
    match text.rfind(" (os error ") {
        Some(cut) if text.ends_with(')') => text.get(..cut).unwrap_or(&text).to_string(),
        _ => text,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn message_drops_os_error_number() {
        let err = io::Error::from_raw_os_error(2);
        let e = IngestError::unreadable(Path::new("x.txt"), &err);
        assert_eq!(
            e.to_string(),
            "cannot read 'x.txt': No such file or directory"
        );
    }
}
