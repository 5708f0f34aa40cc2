/// Something a stage wants the user to know about one document. Extraction
/// never fails: what went wrong or stayed unknown is said here instead.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Diagnostic {
    pub level: Level,
    /// A stable kebab-case code users can filter on (`year-unknown`, `invalid-utf8`).
    pub code: &'static str,
    pub message: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum Level {
    Info,
    Warning,
    Error,
}

impl Level {
    pub fn as_str(self) -> &'static str {
        match self {
            Level::Info => "info",
            Level::Warning => "warning",
            Level::Error => "error",
        }
    }
}

impl Diagnostic {
    pub fn info(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { level: Level::Info, code, message: message.into() }
    }
    pub fn warning(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { level: Level::Warning, code, message: message.into() }
    }
    pub fn error(code: &'static str, message: impl Into<String>) -> Self {
        Diagnostic { level: Level::Error, code, message: message.into() }
    }
}
