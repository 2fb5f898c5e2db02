//! Staff give spaces and idea categories their words in each language; readers get theirs.

mod common;

use common::process::{Member, ServerProcess, request};
use serde_json::{Value, json};

async fn read(server: &ServerProcess, path: &str, language: &str) -> Value {
    let answer = request(server.addr, "GET", path, &[("Accept-Language", language)], b"").await.expect("a read");
    assert_eq!(answer.status, 200, "{path}");
    answer.json()
}

fn named<'a>(list: &'a Value, slug: &str) -> &'a Value {
    list.as_array().and_then(|items| items.iter().find(|item| item["slug"] == slug)).expect("the item is listed")
}

#[tokio::test]
async fn staff_name_a_space_and_a_category_in_both_languages_and_each_reader_gets_theirs() {
    let dir = tempfile::tempdir().expect("temporary directory");
    let server = ServerProcess::start(&dir.path().join("veche.sqlite3")).await;
    let maria = Member::sign_in(server.addr, "maria").await;
    let anna = Member::sign_in(server.addr, "anna").await;
    let words = json!({
        "en": { "name": "Customer clubs", "description": "Meet customers near you." },
        "ru": { "name": "Клубы клиентов", "description": "Встречи с клиентами рядом с вами." }
    });

    let refused = anna.send("PUT", "/api/v1/spaces/regional-clubs/words", &words, None).await.expect("answer");
    assert_eq!(refused.status, 403, "members do not rename spaces");
    let saved = maria.send("PUT", "/api/v1/spaces/regional-clubs/words", &words, None).await.expect("answer");
    assert_eq!(saved.status, 200, "{}", String::from_utf8_lossy(&saved.body));
    let spaces = read(&server, "/api/v1/spaces", "ru").await;
    let space = named(&spaces, "regional-clubs");
    assert_eq!(space["name"], "Клубы клиентов");
    assert_eq!(space["description"], "Встречи с клиентами рядом с вами.");
    assert_eq!(named(&read(&server, "/api/v1/spaces", "en").await, "regional-clubs")["name"], "Customer clubs");

    // No Russian name: Russian readers get the English words.
    let english_only = json!({ "en": { "name": "Mobile apps" }, "ru": { "name": "" } });
    let saved = maria.send("PUT", "/api/v1/idea-categories/mobile/words", &english_only, None).await.expect("answer");
    assert_eq!(saved.status, 200, "{}", String::from_utf8_lossy(&saved.body));
    let categories = read(&server, "/api/v1/idea-categories", "ru").await;
    assert_eq!(named(&categories, "mobile")["name"], "Mobile apps");

    // Refused beside the fields, in the request's language: no English name, a hidden character.
    let bad = json!({ "en": { "name": " " }, "ru": { "name": "Клубы\u{202E}" } });
    let refused = maria.send("PUT", "/api/v1/spaces/regional-clubs/words", &bad, None).await.expect("answer");
    assert_eq!(refused.status, 422);
    let errors = &refused.json()["errors"];
    assert_eq!(errors["en.name"], "This field is required.");
    assert!(errors["ru.name"].as_str().unwrap_or("").contains("invisible"), "{errors}");
    assert_eq!(named(&read(&server, "/api/v1/spaces", "en").await, "regional-clubs")["name"], "Customer clubs");

    let missing = maria.send("PUT", "/api/v1/spaces/no-such-space/words", &words, None).await.expect("answer");
    assert_eq!(missing.status, 404);
}
