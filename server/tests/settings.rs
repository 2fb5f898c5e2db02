//! Community settings (staff, `/admin/settings`): the look and the areas everyone reads from
//! `GET /community`, who may join (anyone, by invitation, by approval, listed domains) with the
//! mails those send through a real SMTP server (aiosmtpd), and "confirm the address before
//! posting".

mod common;

use axum::http::{Method, StatusCode};
use common::mail::SmtpServer;
use common::{Browser, Extra, PASSWORD, TestServer};
use serde_json::{Value, json};

/// The demo community's settings with `changes` applied, as the settings page sends them.
async fn settings_with(browser: &mut Browser, changes: Value) -> Value {
    let community = browser.get("/api/v1/community").await.body;
    let mut settings = json!({
        "name": community["name"],
        "description": community["description"],
        "founded_on": community["founded_on"],
        "default_locale": community["default_locale"],
        "time_zone": community["time_zone"],
        "accent_color": community["accent_color"],
        "features": community["features"],
        "join_policy": community["join_policy"],
        "allowed_email_domains": community["allowed_email_domains"],
        "email_confirmation_required": community["email_confirmation_required"],
    });
    for (key, value) in changes.as_object().expect("an object") {
        settings[key] = value.clone();
    }
    settings
}

async fn change(staff: &mut Browser, changes: Value) -> common::Answer {
    let settings = settings_with(staff, changes).await;
    staff.send(Method::PUT, "/api/v1/community", Some(settings), Extra::default()).await
}

fn registration(handle: &str, email: &str) -> Value {
    json!({ "handle": handle, "display_name": format!("Member {handle}"), "email": email, "password": PASSWORD, "accept_charter": true })
}

/// The token of the invitation link in a mail, the app being at `app`.
fn invitation_token(mail: &common::mail::ReadMail, app: &str) -> String {
    let prefix = format!("{app}/register?invitation=");
    let token = mail.link(&prefix).trim_start_matches(&prefix).to_owned();
    assert!(!token.is_empty(), "{}", mail.text);
    token
}

#[tokio::test]
async fn staff_change_the_community_and_every_visitor_reads_it_at_once() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let mut guest = server.browser();
    let before = guest.get("/api/v1/community").await.body;
    assert_eq!(before["join_policy"], "anyone", "the demo is open to anyone");
    assert!(before.get("accent_color").is_none_or(Value::is_null));

    let changed = change(
        &mut staff,
        json!({
            "name": "  Sever   Club ",
            "description": "Customers of Sever.",
            "accent_color": "#0A5C8A",
            "time_zone": "Asia/Yekaterinburg",
            "founded_on": "2020-02-29",
            "default_locale": "ru",
            "features": { "threads": true, "ideas": true, "events": false, "members": true, "surveys": true, "groups": false },
        }),
    )
    .await;
    assert_eq!(changed.status, StatusCode::OK, "{}", changed.text);

    let after = guest.get("/api/v1/community").await.body;
    assert_eq!(after["name"], "Sever Club", "stored normalised");
    assert_eq!(after["accent_color"], "#0a5c8a");
    assert_eq!(after["time_zone"], "Asia/Yekaterinburg");
    assert_eq!(after["founded_on"], "2020-02-29");
    assert_eq!(after["default_locale"], "ru");
    assert_eq!(after["features"]["events"], false);
    assert_eq!(after["features"]["groups"], false);
    assert_eq!(after["features"]["ideas"], true);
    // Mails carry the new name.
    assert_eq!(server.state.community_name().await.unwrap(), "Sever Club");

    let mut member = server.signed_in("james").await;
    let refused = change(&mut member, json!({ "name": "Mine now" })).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let mut stranger = server.browser();
    let refused = change(&mut stranger, json!({ "name": "Mine now" })).await;
    assert_eq!(refused.status, StatusCode::UNAUTHORIZED);
    assert_eq!(guest.get("/api/v1/community").await.body["name"], "Sever Club");
}

#[tokio::test]
async fn bad_settings_are_refused_beside_their_fields_in_both_languages() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("elena").await;
    let refused = change(
        &mut staff,
        json!({
            "name": "",
            "accent_color": "#ffd400",
            "time_zone": "Mars/Olympus_Mons",
            "founded_on": "2023-02-29",
            "join_policy": "domains",
            "allowed_email_domains": [],
        }),
    )
    .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
    let errors = &refused.body["errors"];
    assert_eq!(errors["name"], "This field is required.");
    assert!(
        errors["accent_color"].as_str().unwrap().contains("White text on this colour is hard to read: contrast 1.4:1")
    );
    assert_eq!(errors["time_zone"], "Enter a time zone name like Europe/Moscow or UTC.");
    assert_eq!(errors["founded_on"], "Enter a real date like 2024-05-31.");
    assert_eq!(errors["allowed_email_domains"], "This field is required.");

    staff.language = "ru".into();
    let refused =
        change(&mut staff, json!({ "accent_color": "#777777", "allowed_email_domains": ["not a domain"] })).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        refused.body["errors"]["accent_color"]
            .as_str()
            .unwrap()
            .starts_with("Белый текст на этом цвете плохо читается: контраст 4,4:1")
    );
    assert_eq!(refused.body["errors"]["allowed_email_domains"], "Введите домены вида example.com, по одному в строке.");
    assert_eq!(change(&mut staff, json!({ "accent_color": "#767676" })).await.status, StatusCode::OK, "4.54:1 passes");

    let community = server.browser().get("/api/v1/community").await.body;
    assert_eq!(community["accent_color"], "#767676", "nothing of the refused changes was kept");
    assert_eq!(community["time_zone"], "Europe/Moscow");
}

#[tokio::test]
async fn the_logo_is_encoded_again_and_made_to_fit_256_pixels() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let png = veche_server::seed::gradient_png(1024, 512, (10, 92, 138), (240, 240, 240));
    let upload =
        |bytes: Vec<u8>| Extra { raw_body: Some(bytes), content_type: Some("image/png".into()), ..Extra::default() };
    let uploaded = staff.send(Method::PUT, "/api/v1/community/logo", None, upload(png.clone())).await;
    assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.text);
    let url = uploaded.body["logo_url"].as_str().expect("a logo").to_owned();
    let mut guest = server.browser();
    assert_eq!(guest.get("/api/v1/community").await.body["logo_url"], url.as_str());
    let served = guest.get(&url).await;
    assert_eq!(served.header("content-type"), Some("image/png"));
    let logo = image::load_from_memory(&served.bytes).expect("a picture");
    assert_eq!((logo.width(), logo.height()), (256, 128));

    let mut member = server.signed_in("james").await;
    let refused = member.send(Method::PUT, "/api/v1/community/logo", None, upload(png)).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let script = staff.send(Method::PUT, "/api/v1/community/logo", None, upload(b"<svg onload='x'/>".to_vec())).await;
    assert_eq!(script.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);

    let removed = staff.send(Method::DELETE, "/api/v1/community/logo", None, Extra::default()).await;
    assert_eq!(removed.status, StatusCode::OK);
    assert!(guest.get("/api/v1/community").await.body.get("logo_url").is_none_or(Value::is_null));
}

#[tokio::test]
async fn an_invitation_mailed_through_smtp_lets_its_address_join_a_closed_community_once() {
    let smtp = SmtpServer::start();
    let server = TestServer::mailing_through(&smtp).await;
    let mut staff = server.signed_in("maria").await;
    assert_eq!(change(&mut staff, json!({ "join_policy": "invitation" })).await.status, StatusCode::OK);

    let mut guest = server.browser();
    let closed = guest.post("/api/v1/auth/register", registration("zoya", "zoya@example.net")).await;
    assert_eq!((closed.status, closed.code()), (StatusCode::FORBIDDEN, "invitation_required"));

    let taken = staff.post("/api/v1/community/invitations", json!({ "email": "anna@example.com" })).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY, "a member's address needs no invitation");
    let invited =
        staff.post("/api/v1/community/invitations", json!({ "email": "zoya@example.net", "locale": "ru" })).await;
    assert_eq!(invited.status, StatusCode::CREATED, "{}", invited.text);
    assert_eq!(invited.body["email"], "zoya@example.net");
    let mut member = server.signed_in("james").await;
    let refused = member.post("/api/v1/community/invitations", json!({ "email": "x@example.net" })).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);

    assert_eq!(server.state.mail_sender().expect("sender").deliver_due().await.expect("delivered"), 1);
    let received = smtp.received();
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail.to, "zoya@example.net");
    assert_eq!(mail.subject, "Приглашение в сообщество «Sever Software Community»");
    assert!(mail.text.contains("Maria Ivanova приглашает вас"), "{}", mail.text);
    let token = invitation_token(mail, "https://community.example.com");

    let mut zoya = server.browser();
    let mut body = registration("zoya", "zoya@other.example");
    body["invitation"] = json!(token);
    let other_address = zoya.post("/api/v1/auth/register", body.clone()).await;
    assert_eq!(other_address.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", other_address.text);
    assert_eq!(other_address.body["errors"]["email"], "Use the address the invitation was sent to.");

    body["email"] = json!("Zoya@Example.net");
    let joined = zoya.post("/api/v1/auth/register", body.clone()).await;
    assert_eq!(joined.status, StatusCode::CREATED, "{}", joined.text);
    assert_eq!(joined.body["account"]["member"]["handle"], "zoya");
    assert_eq!(joined.body["account"]["email_verified"], true, "the invitation reached the address");

    body["handle"] = json!("zoya2");
    body["email"] = json!("zoya@example.net");
    let taken = server.browser().post("/api/v1/auth/register", body.clone()).await;
    assert_eq!(taken.body["errors"]["email"], "This is already taken.");
    body["email"] = json!("friend-of-zoya@example.net");
    let again = server.browser().post("/api/v1/auth/register", body.clone()).await;
    assert_eq!((again.status, again.code()), (StatusCode::GONE, "link_used"));
    body["invitation"] = json!("forged");
    let forged = server.browser().post("/api/v1/auth/register", body).await;
    assert_eq!((forged.status, forged.code()), (StatusCode::NOT_FOUND, "link_invalid"));
}

#[tokio::test]
async fn an_expired_invitation_says_so() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    assert_eq!(change(&mut staff, json!({ "join_policy": "invitation" })).await.status, StatusCode::OK);
    staff.post("/api/v1/community/invitations", json!({ "email": "late@example.net" })).await;
    server.state.mail_sender().expect("sender").deliver_due().await.expect("delivered");
    let mail = common::mail::eml_files(&server.state).pop().expect("the invitation");
    let token = invitation_token(&mail, "http://127.0.0.1:8080");
    let database = server.state.config.database.display().to_string();
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{database}")).await.expect("database");
    sqlx::query("UPDATE invitations SET expires_at = '2000-01-01T00:00:00Z'").execute(&pool).await.expect("aged");
    pool.close().await;
    let mut body = registration("late", "late@example.net");
    body["invitation"] = json!(token);
    let expired = server.browser().post("/api/v1/auth/register", body).await;
    assert_eq!((expired.status, expired.code()), (StatusCode::GONE, "link_expired"));
}

#[tokio::test]
async fn registrations_wait_for_approval_and_the_person_is_mailed_either_way() {
    let smtp = SmtpServer::start();
    let url = smtp.url();
    let server = TestServer::start_with(|config| config.smtp_url = Some(url)).await;
    let mut staff = server.signed_in("elena").await;
    assert_eq!(change(&mut staff, json!({ "join_policy": "approval" })).await.status, StatusCode::OK);

    let mut zakhar = server.browser();
    let waiting = zakhar.post("/api/v1/auth/register", registration("zakhar", "zakhar@example.net")).await;
    assert_eq!(waiting.status, StatusCode::ACCEPTED, "{}", waiting.text);
    assert!(waiting.body["account"].is_null(), "not signed in while waiting");
    let mut body = registration("rita", "rita@example.net");
    body["locale"] = json!("ru");
    assert_eq!(server.browser().post("/api/v1/auth/register", body).await.status, StatusCode::ACCEPTED);
    let twice = server.browser().post("/api/v1/auth/register", registration("zakhar", "zakhar2@example.net")).await;
    assert_eq!(twice.status, StatusCode::UNPROCESSABLE_ENTITY, "a waiting handle is taken");

    let early = zakhar.login("zakhar", PASSWORD).await;
    assert_eq!((early.status, early.code()), (StatusCode::FORBIDDEN, "approval_pending"));
    let wrong = zakhar.login("zakhar", "not the password").await;
    assert_eq!(wrong.code(), "invalid_credentials", "the password is needed to learn anything");
    let directory = server.browser().get("/api/v1/members?q=zakhar").await;
    assert_eq!(directory.body["items"].as_array().map(Vec::len), Some(0), "not a member yet");

    let mut member = server.signed_in("james").await;
    assert_eq!(member.get("/api/v1/community/registrations").await.status, StatusCode::FORBIDDEN);
    let queue = staff.get("/api/v1/community/registrations").await;
    assert_eq!(queue.status, StatusCode::OK, "{}", queue.text);
    let items = queue.body["items"].as_array().expect("items").clone();
    assert_eq!(items.iter().map(|r| r["handle"].as_str().unwrap()).collect::<Vec<_>>(), ["zakhar", "rita"]);
    let first_page = staff.get("/api/v1/community/registrations?limit=1").await;
    let cursor = first_page.body["next_cursor"].as_str().expect("a next page").to_owned();
    let second = staff.get(&format!("/api/v1/community/registrations?limit=1&cursor={cursor}")).await;
    assert_eq!(second.body["items"][0]["handle"], "rita");

    let decide = |id: &Value, decision: &str| {
        (format!("/api/v1/community/registrations/{}", id.as_str().unwrap()), json!({ "decision": decision }))
    };
    let (path, approve) = decide(&items[0]["id"], "approve");
    assert_eq!(
        staff.send(Method::PUT, &path, Some(approve.clone()), Extra::default()).await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        staff.send(Method::PUT, &path, Some(approve), Extra::default()).await.status,
        StatusCode::NOT_FOUND,
        "decided already"
    );
    let (path, decline) = decide(&items[1]["id"], "decline");
    assert_eq!(staff.send(Method::PUT, &path, Some(decline), Extra::default()).await.status, StatusCode::NO_CONTENT);
    assert_eq!(staff.get("/api/v1/community/registrations").await.body["items"], json!([]));

    assert_eq!(server.state.mail_sender().expect("sender").deliver_due().await.expect("delivered"), 2);
    let received = smtp.received();
    let approved = received.iter().find(|mail| mail.to == "zakhar@example.net").expect("zakhar's mail");
    assert_eq!(approved.subject, "Welcome to Sever Software Community: your registration is approved");
    let token = approved.token("http://127.0.0.1:8080/account/confirm-email?token=");
    let declined = received.iter().find(|mail| mail.to == "rita@example.net").expect("rita's mail");
    assert_eq!(declined.subject, "Ваша заявка в сообщество «Sever Software Community»");

    let signed_in = zakhar.login("zakhar", PASSWORD).await;
    assert_eq!(signed_in.status, StatusCode::OK, "{}", signed_in.text);
    assert_eq!(signed_in.body["account"]["email_verified"], false);
    let confirmed = zakhar.post("/api/v1/auth/email/confirm", json!({ "token": token })).await;
    assert_eq!(confirmed.status, StatusCode::OK, "{}", confirmed.text);
    let rita = server.browser().login("rita", PASSWORD).await;
    assert_eq!(rita.code(), "invalid_credentials", "a declined registration is gone");
}

#[tokio::test]
async fn only_listed_domains_may_join_and_the_refusal_is_beside_the_address() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let set = change(
        &mut staff,
        json!({ "join_policy": "domains", "allowed_email_domains": ["Sever.example", "@partner.example"] }),
    )
    .await;
    assert_eq!(set.status, StatusCode::OK, "{}", set.text);
    assert_eq!(set.body["allowed_email_domains"], json!(["sever.example", "partner.example"]));

    let mut guest = server.browser();
    guest.language = "ru".into();
    let refused = guest.post("/api/v1/auth/register", registration("ivo", "ivo@gmail.example")).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY, "{}", refused.text);
    assert!(
        refused.body["errors"]["email"].as_str().unwrap().starts_with("Вступить можно только с адресом на доменах")
    );
    let lookalike = guest.post("/api/v1/auth/register", registration("ivo", "ivo@partner.example.evil.test")).await;
    assert_eq!(lookalike.status, StatusCode::UNPROCESSABLE_ENTITY);
    let joined = guest.post("/api/v1/auth/register", registration("ivo", "ivo@Partner.example")).await;
    assert_eq!(joined.status, StatusCode::CREATED, "{}", joined.text);
}

#[tokio::test]
async fn with_confirmation_required_an_unconfirmed_member_cannot_post_until_confirmed() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let mut newcomer = server.registered("nika").await;
    // Off by default: the newcomer posts at once.
    newcomer.new_thread("Hello from Nika", "The first post, before confirming.").await;

    assert_eq!(change(&mut staff, json!({ "email_confirmation_required": true })).await.status, StatusCode::OK);
    let refused = newcomer
        .post("/api/v1/threads", json!({ "space_id": "integrations", "title": "Second thread", "body": "Blocked?" }))
        .await;
    assert_eq!((refused.status, refused.code()), (StatusCode::FORBIDDEN, "email_unconfirmed"));
    assert!(refused.body["detail"].as_str().unwrap().contains("confirm"));
    // Members who confirmed (the demo's) post as before.
    server.signed_in("james").await.new_thread("Still open", "Confirmed members write.").await;

    // Asking for the link again is allowed, and the link lifts the block.
    let resent = newcomer.post("/api/v1/auth/email/verification", json!({})).await;
    assert_eq!(resent.status, StatusCode::NO_CONTENT, "{}", resent.text);
    server.state.mail_sender().expect("sender").deliver_due().await.expect("delivered");
    let mail = common::mail::eml_files(&server.state).into_iter().rfind(|m| m.to == "nika@example.org").unwrap();
    let token = mail.token("http://127.0.0.1:8080/account/confirm-email?token=");
    assert_eq!(newcomer.post("/api/v1/auth/email/confirm", json!({ "token": token })).await.status, StatusCode::OK);
    newcomer.new_thread("Confirmed now", "This one goes through.").await;
}
