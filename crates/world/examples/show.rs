fn main() {
    let w = dateline_world::world();
    let s = std::env::args().nth(1).unwrap();
    let f = dateline_text::fold(&s);
    for (r, ids) in w.find_all_cased(&s, &f) {
        let e = w.entity(ids[0]);
        println!(
            "{:?} {:?} {} {:?} +{}",
            &f.text()[r.clone()],
            e.kind,
            e.name,
            e.country,
            ids.len() - 1
        );
    }
}
