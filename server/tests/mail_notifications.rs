//! What reaches members by e-mail, against real SQLite and a real SMTP server (aiosmtpd): the
//! preferences per kind, notifications mailed at once or gathered in a daily digest, the weekly
//! community digest, one-click unsubscribe (RFC 8058), closed groups kept out of every mail, and
//! an SMTP outage that delays mail and loses none.

mod common;

use std::time::Duration;

use axum::http::{Method, StatusCode};
use common::mail::{ReadMail, SmtpServer, eml_files, free_port};
use common::{Browser, Extra, TestServer};
use serde_json::{Value, json};
use veche_server::AppState;

async fn put(browser: &mut Browser, path: &str, body: Value) -> common::Answer {
    browser.send(Method::PUT, path, Some(body), Extra::default()).await
}

/// Sets what `member` gets by e-mail (the other kinds stay at their defaults).
async fn choose(member: &mut Browser, changes: Value) {
    let mut preferences = member.get("/api/v1/notifications/preferences").await.body;
    for (key, value) in changes.as_object().expect("an object") {
        preferences[key] = value.clone();
    }
    let saved = put(member, "/api/v1/notifications/preferences", preferences).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
}

/// Delivers what is queued; answers how many went out.
async fn deliver(state: &AppState) -> usize {
    state.mail_sender().expect("sender").deliver_due().await.expect("delivery")
}

/// Lets `days` pass on the server's clock and runs the digests that are then due.
async fn days_later(state: &AppState, days: i64) -> usize {
    state.clock.advance(chrono::Duration::days(days));
    veche_server::digests::run_due(&state.db, state.clock.now()).await.expect("digests")
}

fn is_weekly(mail: &ReadMail) -> bool {
    mail.subject.starts_with("This week at") || mail.subject.starts_with("Неделя в сообществе")
}

fn to(mails: &[ReadMail], address: &str) -> Vec<ReadMail> {
    mails.iter().filter(|mail| mail.to == address).cloned().collect()
}

/// A header of a raw mail, unfolded.
fn header(mail: &ReadMail, name: &str) -> Option<String> {
    let head = mail.raw.split("\n\n").next().unwrap_or_default().replace("\n ", " ").replace("\n\t", " ");
    head.lines()
        .find_map(|line| line.split_once(':').filter(|(key, _)| key.eq_ignore_ascii_case(name)))
        .map(|(_, value)| value.trim().to_owned())
}

/// The token of the mail's List-Unsubscribe address, after checking the header says one click.
fn unsubscribe_token(mail: &ReadMail, public_url: &str) -> String {
    assert_eq!(header(mail, "List-Unsubscribe-Post").as_deref(), Some("List-Unsubscribe=One-Click"));
    let address = header(mail, "List-Unsubscribe").expect("a List-Unsubscribe header");
    let prefix = format!("<{public_url}/unsubscribe?token=");
    assert!(address.starts_with(&prefix) && address.ends_with('>'), "{address}");
    address[prefix.len()..address.len() - 1].to_owned()
}

#[tokio::test]
async fn preferences_start_from_defaults_are_saved_and_refuse_unknown_deliveries() {
    let server = TestServer::start().await;
    let mut guest = server.browser();
    assert_eq!(guest.get("/api/v1/notifications/preferences").await.status, StatusCode::UNAUTHORIZED);

    let mut anna = server.signed_in("anna").await;
    let defaults = anna.get("/api/v1/notifications/preferences").await;
    assert_eq!(
        defaults.body,
        json!({ "replies": "immediately", "mentions": "immediately", "idea_status": "daily", "events": "immediately", "group_decisions": "immediately", "weekly_digest": false })
    );
    let chosen = json!({ "replies": "daily", "mentions": "never", "idea_status": "immediately", "events": "daily", "group_decisions": "never", "weekly_digest": true });
    let saved = put(&mut anna, "/api/v1/notifications/preferences", chosen.clone()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.body, chosen);
    assert_eq!(anna.get("/api/v1/notifications/preferences").await.body, chosen);

    anna.language = "ru".into();
    let mut wrong = chosen.clone();
    wrong["mentions"] = json!("hourly");
    let refused = put(&mut anna, "/api/v1/notifications/preferences", wrong).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
    assert!(refused.body["errors"]["mentions"].is_string(), "{}", refused.text);
    assert!(refused.body["errors"].get("replies").is_none());
    assert_eq!(anna.get("/api/v1/notifications/preferences").await.body, chosen, "nothing was saved");

    let missing = put(&mut anna, "/api/v1/notifications/preferences", json!({ "replies": "daily" })).await;
    assert!(missing.status.is_client_error(), "{}", missing.text);
}

#[tokio::test]
async fn a_reply_is_mailed_at_once_in_the_authors_language_and_one_click_switches_it_off() {
    let smtp = SmtpServer::start();
    let server = TestServer::mailing_through(&smtp).await;
    // Oleg reads Russian (his account's language in the demo).
    let mut oleg = server.signed_in("oleg").await;
    let thread = oleg.new_thread("Экспорт в <CSV>", "Как выгрузить отчёт?").await;
    let mut anna = server.signed_in("anna").await;
    anna.new_reply(&thread, "Try the export button, @oleg.").await;
    anna.new_reply(&thread, "And a plain second reply.").await;
    assert_eq!(deliver(&server.state).await, 2);

    let mails = to(&smtp.received(), "oleg@example.com");
    assert_eq!(mails.len(), 2, "the mention and the reply: {mails:#?}");
    let mut subjects: Vec<&str> = mails.iter().map(|mail| mail.subject.as_str()).collect();
    subjects.sort();
    assert_eq!(
        subjects,
        ["Anna Petrova упоминает вас в «Экспорт в <CSV>»", "Anna Petrova: новый ответ в вашей теме «Экспорт в <CSV>»"]
    );
    let reply = mails.iter().find(|mail| mail.subject.contains("новый ответ")).expect("the reply's mail");
    assert!(reply.text.contains("Здравствуйте, Oleg Smirnov!"), "{}", reply.text);
    assert!(reply.text.contains("“And a plain second reply.”"));
    assert!(reply.text.contains(&format!("https://community.example.com/threads/{thread}#reply-")));
    assert!(reply.html.contains("Экспорт в &lt;CSV&gt;") && !reply.html.contains("<CSV>"), "titles are text");
    assert!(reply.text.contains("Sever Software Community"));
    assert!(reply.text.contains("https://community.example.com/account/notifications"));

    // The mail program's one click: a POST to the address, without a cookie or a CSRF token.
    let token = unsubscribe_token(reply, "https://community.example.com");
    assert!(reply.text.contains(&format!("https://community.example.com/unsubscribe?token={token}")));
    let mut mail_program = server.browser();
    // Opening the link (a GET, also a link scanner's) shows the app's page and switches nothing.
    let opened = mail_program.get(&format!("/unsubscribe?token={token}")).await;
    assert!(opened.header("content-type").is_some_and(|t| t.starts_with("text/html")), "{}", opened.text);
    assert_eq!(oleg.get("/api/v1/notifications/preferences").await.body["replies"], "immediately");
    let clicked = mail_program
        .post_with(
            &format!("/unsubscribe?token={token}"),
            json!(null),
            Extra {
                without_csrf: true,
                content_type: Some("application/x-www-form-urlencoded".into()),
                raw_body: Some(b"List-Unsubscribe=One-Click".to_vec()),
                ..Extra::default()
            },
        )
        .await;
    assert_eq!(clicked.status, StatusCode::OK, "{}", clicked.text);
    let preferences = oleg.get("/api/v1/notifications/preferences").await.body;
    assert_eq!(preferences["replies"], "never");
    assert_eq!(preferences["mentions"], "immediately", "only the mail's own kind is switched off");

    // Replies are no longer mailed; the bell still has them.
    anna.new_reply(&thread, "A third reply nobody mails.").await;
    assert_eq!(deliver(&server.state).await, 0);
    let bell = oleg.get("/api/v1/notifications").await;
    assert_eq!(bell.body["items"].as_array().expect("items").len(), 3);
}

#[tokio::test]
async fn an_unsubscribe_link_works_without_signing_in_can_be_undone_and_cannot_be_forged() {
    let server = TestServer::start().await;
    let mut oleg = server.signed_in("oleg").await;
    let thread = oleg.new_thread("Webhooks retry policy", "How often are webhooks retried?").await;
    let mut anna = server.signed_in("anna").await;
    anna.new_reply(&thread, "Three times, I believe.").await;
    deliver(&server.state).await;
    let mails = to(&eml_files(&server.state), "oleg@example.com");
    assert_eq!(mails.len(), 1);
    let token = unsubscribe_token(&mails[0], "http://127.0.0.1:8080");

    // The app's page sends the token; a guest may.
    let mut guest = server.browser();
    let off = guest.post("/api/v1/notifications/unsubscribe", json!({ "token": token })).await;
    assert_eq!(off.status, StatusCode::OK, "{}", off.text);
    assert_eq!(off.body, json!({ "topics": ["replies"], "subscribed": false }));
    let again = guest.post("/api/v1/notifications/unsubscribe", json!({ "token": token })).await;
    assert_eq!(again.body, off.body, "repeating it changes nothing");
    assert_eq!(oleg.get("/api/v1/notifications/preferences").await.body["replies"], "never");

    let on = guest.post("/api/v1/notifications/resubscribe", json!({ "token": token })).await;
    assert_eq!(on.status, StatusCode::OK, "{}", on.text);
    assert_eq!(on.body, json!({ "topics": ["replies"], "subscribed": true }));
    assert_eq!(oleg.get("/api/v1/notifications/preferences").await.body["replies"], "immediately");

    // Someone else's mail, another kind, or a cut token: not a link this server made.
    let anna_id = server.member_id("anna").await;
    let (_, signature) = token.rsplit_once('.').expect("signed");
    for forged in [
        format!("{anna_id}.i.replies.{signature}"),
        token.replace("replies", "mentions"),
        token[..token.len() - 4].to_owned(),
        String::new(),
    ] {
        let refused = guest.post("/api/v1/notifications/unsubscribe", json!({ "token": forged })).await;
        assert_eq!(refused.status, StatusCode::NOT_FOUND, "{forged}: {}", refused.text);
        assert_eq!(refused.code(), "link_invalid");
    }
    assert_eq!(anna.get("/api/v1/notifications/preferences").await.body["replies"], "immediately");
    let one_click = guest
        .post_with(
            &format!("/unsubscribe?token={anna_id}.i.replies.{signature}"),
            json!(null),
            Extra { without_csrf: true, raw_body: Some(b"List-Unsubscribe=One-Click".to_vec()), ..Extra::default() },
        )
        .await;
    assert_eq!(one_click.status, StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn the_daily_digest_gathers_the_day_into_one_mail_once_also_across_a_restart() {
    let server = TestServer::start().await;
    let mut oleg = server.signed_in("oleg").await;
    // Oleg reads English here (the demo has him in Russian): mails follow the account's language.
    let patched = oleg.send(Method::PATCH, "/api/v1/auth/me", Some(json!({ "locale": "en" })), Extra::default()).await;
    assert_eq!(patched.status, StatusCode::OK, "{}", patched.text);
    choose(&mut oleg, json!({ "replies": "daily", "mentions": "daily" })).await;
    let thread = oleg.new_thread("Report designer crashes", "On a wide table.").await;
    let mut anna = server.signed_in("anna").await;
    anna.new_reply(&thread, "Same here with 40 columns.").await;
    let mut ivan = server.signed_in("ivan").await;
    ivan.new_reply(&thread, "@oleg it is fixed in 5.1.2").await;
    assert_eq!(deliver(&server.state).await, 0, "nothing is mailed at once");

    // Today's items wait for the day to end.
    assert_eq!(veche_server::digests::run_due(&server.state.db, server.state.clock.now()).await.expect("run"), 0);
    assert_eq!(days_later(&server.state, 1).await, 1);
    assert_eq!(veche_server::digests::run_due(&server.state.db, server.state.clock.now()).await.expect("run"), 0);
    deliver(&server.state).await;
    let mails = to(&eml_files(&server.state), "oleg@example.com");
    assert_eq!(mails.len(), 1, "{mails:#?}");
    let digest = &mails[0];
    assert_eq!(digest.subject, "Your daily digest from Sever Software Community: 2 new");
    assert!(digest.text.contains("Anna Petrova replied to your thread “Report designer crashes”"), "{}", digest.text);
    assert!(digest.text.contains("Ivan Morozov mentioned you in “Report designer crashes”"));
    assert!(digest.text.contains("“Same here with 40 columns.”"));
    assert!(unsubscribe_token(digest, "http://127.0.0.1:8080").contains(".d.replies,mentions."));

    // The server restarts on the same database, a day it already did: nothing again.
    let (_, restarted) = veche_server::build((*server.state.config).clone()).await.expect("restart");
    restarted.clock.advance(chrono::Duration::days(1));
    assert_eq!(veche_server::digests::run_due(&restarted.db, restarted.clock.now()).await.expect("run"), 0);
    // A new day's item goes into the next day's digest only.
    anna.new_reply(&thread, "One more detail.").await;
    restarted.clock.advance(chrono::Duration::days(1));
    assert_eq!(veche_server::digests::run_due(&restarted.db, restarted.clock.now()).await.expect("run"), 1);
    restarted.mail_sender().expect("sender").deliver_due().await.expect("delivered");
    let mails = to(&eml_files(&server.state), "oleg@example.com");
    assert_eq!(mails.len(), 2);
    assert!(mails[1].subject.ends_with(": 1 new"), "{}", mails[1].subject);
}

#[tokio::test]
async fn the_scheduler_sends_digests_as_the_servers_clock_passes_midnight() {
    let server = TestServer::start().await;
    let mut oleg = server.signed_in("oleg").await;
    choose(&mut oleg, json!({ "replies": "daily" })).await;
    let thread = oleg.new_thread("Scheduling question", "When do digests go out?").await;
    server.signed_in("anna").await.new_reply(&thread, "After midnight.").await;

    let (stop, stopped) = tokio::sync::watch::channel(false);
    let scheduler = server.state.spawn_digests(Duration::from_millis(50), stopped);
    tokio::time::sleep(Duration::from_millis(300)).await;
    assert_eq!(server.state.db.mail_counts().await.expect("counts").0, 0, "not before the day ends");
    server.state.clock.advance(chrono::Duration::days(1));
    let mut queued = 0;
    for _ in 0..100 {
        queued = server.state.db.mail_counts().await.expect("counts").0;
        if queued > 0 {
            break;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    tokio::time::sleep(Duration::from_millis(300)).await;
    stop.send(true).expect("stop");
    scheduler.await.expect("stopped");
    assert_eq!(server.state.db.mail_counts().await.expect("counts").0, 1, "one digest, however often it looked");
    assert_eq!(queued, 1);
}

/// Puts `handle` into the secret demo group (elena is staff and decides).
async fn into_secret_group(server: &TestServer, handle: &str) {
    let mut elena = server.signed_in("elena").await;
    let added =
        put(&mut elena, &format!("/api/v1/groups/partner-council/members/{handle}/role"), json!({ "role": "member" }))
            .await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.text);
}

async fn secret_thread(member: &mut Browser, title: &str) -> String {
    let created = member
        .post("/api/v1/threads", json!({ "space_id": "partner-council", "title": title, "body": "Under NDA." }))
        .await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    created.body["id"].as_str().expect("id").to_owned()
}

#[tokio::test]
async fn nothing_of_a_secret_group_reaches_someone_who_left_it_or_was_never_in_it() {
    let server = TestServer::start().await;
    // James joins the secret council, starts a thread there and gets replies in a daily digest.
    into_secret_group(&server, "james").await;
    let mut james = server.signed_in("james").await;
    choose(&mut james, json!({ "replies": "daily", "weekly_digest": true })).await;
    let thread = secret_thread(&mut james, "Price list 2027 (NDA)").await;
    let mut sergey = server.signed_in("sergey").await;
    sergey.new_reply(&thread, "The discounts go up by 5%.").await;
    let told = james.get("/api/v1/notifications").await.body["items"].clone();
    assert_eq!(told[0]["title"], "Price list 2027 (NDA)", "{told}");
    // Sergey keeps talking: the week's most discussed threads include it for those who may read it.
    for n in 0..6 {
        sergey.new_reply(&thread, &format!("Detail {n} of the price list.")).await;
    }

    // Then he leaves the council before the day ends.
    let left = james.send(Method::DELETE, "/api/v1/groups/partner-council/membership", None, Extra::default()).await;
    assert_eq!(left.status, StatusCode::NO_CONTENT, "{}", left.text);
    // Pavel never was in it; he gets the weekly digest and is mentioned in the council.
    let mut pavel = server.signed_in("pavel").await;
    choose(&mut pavel, json!({ "weekly_digest": true })).await;
    sergey.new_reply(&thread, "@pavel should not hear of this. @james neither.").await;
    // Sergey, in the council, gets the weekly digest too: it does list the council's thread.
    choose(&mut sergey, json!({ "weekly_digest": true })).await;

    deliver(&server.state).await;
    server.state.clock.advance(chrono::Duration::days(7));
    veche_server::digests::run_due(&server.state.db, server.state.clock.now()).await.expect("digests");
    deliver(&server.state).await;

    let mails = eml_files(&server.state);
    for mail in &mails {
        let secret = mail.text.contains("Price list 2027") || mail.html.contains("Price list 2027");
        let insider = mail.to == "sergey@example.com" || mail.to == "elena@example.com";
        assert!(!secret || insider, "{} got a mail about the secret group: {}", mail.to, mail.subject);
    }
    let pavel_weekly = to(&mails, "pavel@example.com");
    assert_eq!(pavel_weekly.len(), 1, "the weekly digest: {pavel_weekly:#?}");
    assert_eq!(pavel_weekly[0].subject, "Неделя в сообществе «Sever Software Community»", "Pavel reads Russian");
    let james_mails = to(&mails, "james@example.com");
    assert!(
        james_mails
            .iter()
            .all(|m| !m.subject.starts_with("Your daily digest") && !m.subject.starts_with("Сводка за день")),
        "no daily digest: its only item is the council's: {james_mails:#?}"
    );
    let sergey_weekly = to(&mails, "sergey@example.com");
    assert!(
        sergey_weekly.iter().any(|m| is_weekly(m) && m.text.contains("Price list 2027 (NDA)")),
        "a council member's digest lists it: {sergey_weekly:#?}"
    );
}

#[tokio::test]
async fn the_weekly_digest_is_for_those_who_opt_in_once_a_week_in_their_language() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    anna.language = "ru".into();
    let patched = anna.send(Method::PATCH, "/api/v1/auth/me", Some(json!({ "locale": "ru" })), Extra::default()).await;
    assert_eq!(patched.status, StatusCode::OK, "{}", patched.text);
    choose(&mut anna, json!({ "weekly_digest": true })).await;
    let mut oleg = server.signed_in("oleg").await;
    let thread = oleg.new_thread("Most talked about this week", "Let us talk.").await;
    for n in 0..3 {
        server.signed_in("ivan").await.new_reply(&thread, &format!("Reply number {n}")).await;
    }
    assert!(days_later(&server.state, 7).await >= 1);
    assert_eq!(veche_server::digests::run_due(&server.state.db, server.state.clock.now()).await.expect("run"), 0);
    deliver(&server.state).await;
    let weekly: Vec<ReadMail> = to(&eml_files(&server.state), "anna@example.com")
        .into_iter()
        .filter(|m| m.subject.starts_with("Неделя"))
        .collect();
    assert_eq!(weekly.len(), 1, "{weekly:#?}");
    assert_eq!(weekly[0].subject, "Неделя в сообществе «Sever Software Community»");
    assert!(weekly[0].text.contains("Самое обсуждаемое"), "{}", weekly[0].text);
    assert!(weekly[0].text.contains("Most talked about this week"));
    assert!(weekly[0].text.contains("Ответов за неделю: 3"));
    assert!(unsubscribe_token(&weekly[0], "http://127.0.0.1:8080").contains(".weekly_digest."));
    // Oleg did not opt in.
    assert!(to(&eml_files(&server.state), "oleg@example.com").iter().all(|m| !is_weekly(m)));
}

#[tokio::test]
async fn an_smtp_outage_delays_notification_mail_and_each_arrives_once() {
    let port = free_port();
    let mut smtp = SmtpServer::start_on(port);
    let server = TestServer::start_with(|config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        config.mail_retry_seconds = 2;
    })
    .await;
    let mut oleg = server.signed_in("oleg").await;
    let thread = oleg.new_thread("Outage test", "Does mail survive?").await;
    smtp.stop();
    let mut anna = server.signed_in("anna").await;
    anna.new_reply(&thread, "First reply while the mail server is down.").await;
    anna.new_reply(&thread, "Second reply while the mail server is down.").await;
    assert_eq!(deliver(&server.state).await, 0, "SMTP is down");
    assert_eq!(server.state.db.mail_counts().await.expect("counts"), (2, 0, 0, 0));

    let smtp = SmtpServer::start_on(port);
    tokio::time::sleep(Duration::from_millis(3200)).await;
    assert_eq!(deliver(&server.state).await, 2);
    assert_eq!(deliver(&server.state).await, 0, "nothing twice");
    let received = to(&smtp.received(), "oleg@example.com");
    assert_eq!(received.len(), 2, "{received:#?}");
    assert!(received[0].text.contains("First reply") || received[1].text.contains("First reply"));
    assert!(received[0].text.contains("Second reply") || received[1].text.contains("Second reply"));
    assert_ne!(received[0].message_id, received[1].message_id);
    assert_eq!(server.state.db.mail_counts().await.expect("counts"), (0, 0, 2, 0));
}
