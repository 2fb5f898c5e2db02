//! E-mail through the queue, against a real SMTP server on loopback (aiosmtpd) and the `.eml`
//! folder used when no SMTP server is set.

mod common;

use std::time::Duration;

use axum::http::StatusCode;
use common::TestServer;
use common::mail::{SmtpServer, eml_files, free_port};

async fn join(server: &TestServer, handle: &str, locale: &str) {
    let mut browser = server.browser();
    let joined = browser
        .post(
            "/api/v1/auth/register",
            serde_json::json!({ "handle": handle, "display_name": format!("Member {handle}"), "email": format!("{handle}@example.org"), "password": common::PASSWORD, "accept_charter": true, "locale": locale }),
        )
        .await;
    assert_eq!(joined.status, StatusCode::CREATED, "{}", joined.text);
}

/// Waits until `check` holds, for up to ten seconds.
async fn eventually(mut check: impl FnMut() -> bool) {
    for _ in 0..200 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    assert!(check(), "not reached within 10 s");
}

#[tokio::test]
async fn a_new_member_gets_a_confirmation_mail_in_their_language_through_smtp() {
    let smtp = SmtpServer::start();
    let server = TestServer::mailing_through(&smtp).await;
    join(&server, "mila", "ru").await;
    assert_eq!(server.state.mail_sender().expect("sender").deliver_due().await.expect("delivered"), 1);

    let received = smtp.received();
    assert_eq!(received.len(), 1);
    let mail = &received[0];
    assert_eq!(mail.to, "mila@example.org");
    assert_eq!(mail.subject, "Подтвердите адрес почты в сообществе «Sever Software Community»");
    assert!(mail.text.contains("Здравствуйте, Member mila!"), "{}", mail.text);
    let link = mail.link("https://community.example.com/account/confirm-email?token=");
    assert!(mail.html.contains(&format!("href=\"{link}\"")), "the HTML has the same link: {}", mail.html);
    assert!(mail.message_id.ends_with("@community.example.com>"), "{}", mail.message_id);
}

#[tokio::test]
async fn an_smtp_outage_delays_mail_and_loses_none() {
    let port = free_port();
    let server = TestServer::start_with(|config| {
        config.smtp_url = Some(format!("smtp://127.0.0.1:{port}"));
        config.mail_retry_seconds = 3;
    })
    .await;
    let sender = server.state.mail_sender().expect("sender");
    for handle in ["ada", "boris", "vera"] {
        join(&server, handle, "en").await;
    }
    // SMTP is down: nothing goes out, everything waits.
    assert_eq!(sender.deliver_due().await.expect("no crash"), 0);
    assert_eq!(server.state.db.mail_counts().await.expect("counts"), (3, 0, 0, 0));
    // The next attempt waits for the back-off.
    let next = server.state.db.next_mail_due().await.expect("query").expect("queued mail");
    let wait = next - chrono::Utc::now();
    assert!(wait > chrono::Duration::seconds(1) && wait <= chrono::Duration::seconds(3), "{wait}");

    let smtp = SmtpServer::start_on(port);
    tokio::time::sleep(wait.to_std().expect("positive") + Duration::from_millis(1100)).await;
    assert_eq!(sender.deliver_due().await.expect("delivery"), 3);
    assert_eq!(sender.deliver_due().await.expect("delivery"), 0, "nothing is sent again");

    let mut recipients: Vec<String> = smtp.received().into_iter().map(|mail| mail.to).collect();
    recipients.sort();
    assert_eq!(recipients, ["ada@example.org", "boris@example.org", "vera@example.org"]);
    assert_eq!(server.state.db.mail_counts().await.expect("counts"), (0, 0, 3, 0));
}

#[tokio::test]
async fn a_restart_sends_each_mail_once() {
    let smtp = SmtpServer::start();
    let url = smtp.url();
    let server = TestServer::start_with(|config| config.smtp_url = Some(url)).await;

    // The running sender picks up a new mail at once.
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = server.state.mail_sender().expect("sender").spawn(stopped);
    join(&server, "gleb", "en").await;
    eventually(|| smtp.received().len() == 1).await;
    stop.send(true).expect("stop");
    running.await.expect("stopped cleanly");

    // A second mail, claimed by a sender that then dies mid-send (a crash): it is `sending`.
    join(&server, "dina", "en").await;
    let interrupted = server.state.db.claim_due_mail().await.expect("claim").expect("a mail");
    assert_eq!(interrupted.recipient, "dina@example.org");

    // The server starts again on the same database.
    let (router, restarted) = veche_server::build((*server.state.config).clone()).await.expect("restart");
    drop(router);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let running = restarted.mail_sender().expect("sender").spawn(stopped);
    eventually(|| smtp.received().len() == 2).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    stop.send(true).expect("stop");
    running.await.expect("stopped cleanly");

    let received = smtp.received();
    let recipients: Vec<&str> = received.iter().map(|mail| mail.to.as_str()).collect();
    assert_eq!(recipients, ["gleb@example.org", "dina@example.org"], "each mail arrives once");
    assert_eq!(received[1].message_id, interrupted.message_id, "the interrupted mail keeps its Message-ID");
    assert_eq!(restarted.db.mail_counts().await.expect("counts"), (0, 0, 2, 0));
}

#[tokio::test]
async fn without_smtp_mail_is_written_as_eml_files_beside_the_database() {
    let server = TestServer::start().await;
    join(&server, "ilya", "en").await;
    assert!(eml_files(&server.state).is_empty(), "nothing is written before the sender runs");
    server.state.mail_sender().expect("sender").deliver_due().await.expect("written");

    let folder = server.state.config.mail_folder();
    assert_eq!(folder, server.state.config.database.parent().expect("folder").join("mail"));
    let mails = eml_files(&server.state);
    assert_eq!(mails.len(), 1);
    assert_eq!(mails[0].to, "ilya@example.org");
    assert_eq!(mails[0].subject, "Confirm your e-mail address for Sever Software Community");
    assert!(mails[0].link("http://127.0.0.1:8080/account/confirm-email?token=").len() > 60);
}

#[tokio::test]
async fn a_mail_that_was_not_written_is_not_queued() {
    // Registration refused (the handle is taken): no member, and no mail either.
    let server = TestServer::start().await;
    let mut browser = server.browser();
    let refused = browser
        .post(
            "/api/v1/auth/register",
            serde_json::json!({ "handle": "elena", "display_name": "Another Elena", "email": "other@example.org", "password": common::PASSWORD, "accept_charter": true }),
        )
        .await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(server.state.db.mail_counts().await.expect("counts"), (0, 0, 0, 0));
}
