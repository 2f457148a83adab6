//! Links between notes through the real binary: `note show --json` lists a note's links with
//! where they go, and exactly the notes that link to it as backlinks.

use crate::cli;

use cli::Cli;
use serde_json::json;

#[test]
fn note_show_lists_exactly_the_notes_linking_to_it_as_backlinks() {
    let cli = Cli::new();
    let target = cli.add(&["--title", "Capex Cycle", "--body", "The thesis."]);
    let mut linkers = Vec::new();
    for (n, body) in ["[[Capex Cycle]]", "see [[capex cycle|the cycle]]", "[[Capex Cycle#Risks]] twice [[Capex Cycle]]"]
        .iter()
        .enumerate()
    {
        linkers.push(cli.add(&["--title", &format!("Linker {n}"), "--body", body]));
    }
    for (title, body) in [
        ("Mentions", "The Capex Cycle without a link."),
        ("In code", "`[[Capex Cycle]]`"),
        ("Elsewhere", "[[Capex]] and ![[Capex Cycle]]"),
    ] {
        cli.add(&["--title", title, "--body", body]);
    }
    let trashed = cli.add(&["--title", "Trashed linker", "--body", "[[Capex Cycle]]"]);
    cli.ok(&["note", "rm", &trashed.to_string()]);
    let shown = cli.note(target);
    let mut backlinks: Vec<i64> = shown["backlinks"].as_array().unwrap().iter().map(|v| v.as_i64().unwrap()).collect();
    backlinks.sort();
    assert_eq!(backlinks, linkers);
    assert_eq!(shown["title"], "Capex Cycle", "the note's own fields are still there");
    assert_eq!(
        cli.note(linkers[2])["links"],
        json!([
            {"text": "Capex Cycle", "heading": "Risks", "shown": null, "target_id": target},
            {"text": "Capex Cycle", "heading": null, "shown": null, "target_id": target},
        ])
    );
    let elsewhere = cli.note(linkers[2] + 3);
    assert_eq!(elsewhere["links"], json!([{"text": "Capex", "heading": null, "shown": null, "target_id": null}]));
    let text = cli.ok(&["note", "show", &target.to_string()]);
    assert!(text.contains(&format!("linked from: #{} #{} #{}", linkers[2], linkers[1], linkers[0])), "{text}");
}

#[test]
fn a_note_added_later_takes_the_links_already_written_to_its_title() {
    let cli = Cli::new();
    let early = cli.add(&["--title", "Early", "--body", "[[Later note]] and [[Early]]"]);
    assert_eq!(cli.note(early)["links"][0]["target_id"], json!(null));
    let later = cli.add(&["--title", "Later note", "--body", "[[Early]]"]);
    assert_eq!(cli.note(early)["links"][0]["target_id"], json!(later));
    assert_eq!(cli.note(later)["backlinks"], json!([early]));
    assert_eq!(cli.note(early)["backlinks"], json!([later]), "a self link is not a backlink; a loop is fine");
}
