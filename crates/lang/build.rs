//! Embeds every file under `resources/lang/<iso>/` into the library, so the
//! binary carries its language knowledge and runs without the source tree.
use std::{env, fs, path::Path};

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../resources/lang");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut entries = Vec::new();
    if let Ok(langs) = fs::read_dir(&root) {
        for lang in langs.flatten() {
            let lang_path = lang.path();
            if !lang_path.is_dir() {
                continue;
            }
            println!("cargo:rerun-if-changed={}", lang_path.display());
            let iso = lang.file_name().to_string_lossy().into_owned();
            if let Ok(files) = fs::read_dir(&lang_path) {
                for file in files.flatten() {
                    let path = file.path();
                    if path.is_file() {
                        println!("cargo:rerun-if-changed={}", path.display());
                        let name = file.file_name().to_string_lossy().into_owned();
                        let abs = fs::canonicalize(&path).expect("resource path");
                        entries.push((iso.clone(), name, abs));
                    }
                }
            }
        }
    }
    // Readers without their language files would silently find nothing:
    // a build that cannot see the resources must fail, not embed nothing.
    assert!(
        !entries.is_empty(),
        "no language resources found under {}: dateline cannot be built without them",
        root.display()
    );
    entries.sort();
    let mut out = String::from("/// (language, file name, contents) of every embedded resource.\npub static FILES: &[(&str, &str, &str)] = &[\n");
    for (iso, name, abs) in &entries {
        out.push_str(&format!("    ({iso:?}, {name:?}, include_str!({:?})),\n", abs.display().to_string()));
    }
    out.push_str("];\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("OUT_DIR")).join("embedded.rs");
    fs::write(dest, out).expect("write embedded.rs");
}
