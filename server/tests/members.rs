//! Profiles against a real SQLite file: what each viewer sees, editing, pictures, follows, roles,
//! reputation, badges and the directory.

mod common;

use axum::http::{Method, StatusCode};
use common::{Extra, TestServer};
use serde_json::{Value, json};
use veche_server::seed::gradient_png;

fn contact_values(profile: &Value) -> Vec<String> {
    profile["contacts"].as_array().unwrap().iter().map(|c| c["value"].as_str().unwrap().to_owned()).collect()
}

#[tokio::test]
async fn contact_details_reach_only_those_allowed_to_see_them() {
    let server = TestServer::start().await;
    // Anna: e-mail for members, phone for nobody, LinkedIn for everyone.
    let guest = server.browser().get("/api/v1/members/anna").await;
    assert_eq!(guest.status, StatusCode::OK);
    assert_eq!(contact_values(&guest.body), ["https://www.linkedin.com/in/example-anna"]);
    assert!(!guest.text.contains("anna.petrova@example.com"), "not even hidden in the answer");
    assert!(!guest.text.contains("555-77-66"));

    let member = server.signed_in("james").await.get("/api/v1/members/anna").await;
    assert_eq!(contact_values(&member.body), ["anna.petrova@example.com", "https://www.linkedin.com/in/example-anna"]);
    assert!(!member.text.contains("555-77-66"));

    let own = server.signed_in("anna").await.get("/api/v1/members/anna").await;
    assert_eq!(contact_values(&own.body).len(), 3, "the owner sees all of them");
    assert_eq!(own.body["permissions"]["edit"], true);
    assert_eq!(member.body["permissions"]["edit"], false);
    assert!(!own.text.contains("anna@example.com"), "the sign-in e-mail is never on a profile");
}

#[tokio::test]
async fn profiles_show_reputation_rank_badges_and_counts() {
    let server = TestServer::start().await;
    let oleg = server.browser().get("/api/v1/members/oleg").await;
    let reputation = oleg.body["member"]["reputation"].as_i64().unwrap();
    assert!(reputation > 0, "oleg answered questions");
    let badges: Vec<&str> =
        oleg.body["badges"].as_array().unwrap().iter().map(|b| b["kind"].as_str().unwrap()).collect();
    assert!(badges.contains(&"first_post"));
    assert!(badges.contains(&"first_accepted_answer"), "{badges:?}");
    assert!(oleg.body["counts"]["replies"].as_i64().unwrap() >= 3);
    assert_eq!(oleg.body["counts"]["followers"], 2);
    assert!(["newcomer", "contributor", "regular", "expert", "guru"].contains(&oleg.body["rank"].as_str().unwrap()));

    // Kudos raise the author's reputation at once.
    let mut ivan = server.signed_in("ivan").await;
    let threads = ivan.get("/api/v1/threads?limit=100").await;
    let pavel_thread =
        threads.body["items"].as_array().unwrap().iter().find(|t| t["author"]["handle"] == "pavel").unwrap()["id"]
            .as_str()
            .unwrap()
            .to_owned();
    let before = ivan.get("/api/v1/members/pavel").await.body["member"]["reputation"].as_i64().unwrap();
    ivan.send(Method::PUT, &format!("/api/v1/threads/{pavel_thread}/kudos"), None, Extra::default()).await;
    let after = ivan.get("/api/v1/members/pavel").await.body["member"]["reputation"].as_i64().unwrap();
    assert_eq!(after, before + 5);

    let rules = ivan.get("/api/v1/reputation/rules").await;
    assert_eq!(rules.body["points"]["kudos_received"], 5);
    assert_eq!(rules.body["ranks"][0]["rank"], "newcomer");
}

#[tokio::test]
async fn members_edit_only_their_own_profile_with_checks() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let mut settings = anna.get("/api/v1/members/me/profile").await.body;
    assert_eq!(settings["city"], "Kaliningrad");
    settings["city"] = json!("Kaliningrad region");
    settings["contacts"] = json!([{ "kind": "website", "value": "javascript:alert(1)", "visibility": "everyone" }]);
    let refused = anna.send(Method::PUT, "/api/v1/members/me/profile", Some(settings.clone()), Extra::default()).await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(refused.body["errors"]["contacts.0.value"], "This value is not valid.");

    settings["contacts"] = json!([{ "kind": "website", "value": "https://anna.example.com", "visibility": "members" }]);
    settings["display_name"] = json!("Anna P.");
    let saved = anna.send(Method::PUT, "/api/v1/members/me/profile", Some(settings), Extra::default()).await;
    assert_eq!(saved.status, StatusCode::OK, "{}", saved.text);
    assert_eq!(saved.body["city"], "Kaliningrad region");
    assert_eq!(saved.body["member"]["display_name"], "Anna P.");
    assert!(contact_values(&server.browser().get("/api/v1/members/anna").await.body).is_empty());

    let guest = server
        .browser()
        .send(Method::PUT, "/api/v1/members/me/profile", Some(json!({ "display_name": "X" })), Extra::default())
        .await;
    assert_eq!(guest.status, StatusCode::UNAUTHORIZED);
}

#[tokio::test]
async fn pictures_are_checked_by_their_bytes_and_served_with_their_type() {
    let server = TestServer::start().await;
    let mut james = server.signed_in("james").await;
    let png = gradient_png(40, 40, (10, 20, 30), (200, 100, 50));
    let uploaded = james
        .send(
            Method::PUT,
            "/api/v1/members/me/avatar",
            None,
            Extra { raw_body: Some(png.clone()), content_type: Some("image/png".into()), ..Extra::default() },
        )
        .await;
    assert_eq!(uploaded.status, StatusCode::OK, "{}", uploaded.text);
    let url = uploaded.body["avatar_url"].as_str().unwrap().to_owned();
    let served = james.get(&url).await;
    assert_eq!(served.header("content-type"), Some("image/png"));
    // What is served is what the server encoded: the same picture, not the same file.
    let kept = image::load_from_memory(&served.bytes).expect("a picture");
    assert_eq!((kept.width(), kept.height()), (40, 40));
    assert_eq!(kept.to_rgb8().get_pixel(0, 0), image::load_from_memory(&png).unwrap().to_rgb8().get_pixel(0, 0));

    let svg = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'></svg>".to_vec();
    let disguised = james
        .send(
            Method::PUT,
            "/api/v1/members/me/avatar",
            None,
            Extra { raw_body: Some(svg), content_type: Some("image/png".into()), ..Extra::default() },
        )
        .await;
    assert_eq!(disguised.status, StatusCode::UNSUPPORTED_MEDIA_TYPE, "a script dressed as a PNG is refused");

    let huge = vec![0u8; 5 * 1024 * 1024 + 1];
    let too_big = james
        .send(
            Method::POST,
            "/api/v1/members/me/photos",
            None,
            Extra { raw_body: Some(huge), content_type: Some("image/jpeg".into()), ..Extra::default() },
        )
        .await;
    assert_eq!(too_big.status, StatusCode::PAYLOAD_TOO_LARGE);

    let mut ids = Vec::new();
    for caption in ["First", "Second"] {
        let photo = james
            .send(
                Method::POST,
                &format!("/api/v1/members/me/photos?caption={caption}"),
                None,
                Extra { raw_body: Some(png.clone()), content_type: Some("image/png".into()), ..Extra::default() },
            )
            .await;
        assert_eq!(photo.status, StatusCode::CREATED, "{}", photo.text);
        ids.push(photo.body["id"].as_str().unwrap().to_owned());
    }
    let reordered = james
        .send(
            Method::PUT,
            "/api/v1/members/me/photos/order",
            Some(json!({ "ids": [ids[1], ids[0]] })),
            Extra::default(),
        )
        .await;
    assert_eq!(reordered.body[0]["caption"], "Second");

    let mut anna = server.signed_in("anna").await;
    let not_hers = anna.send(Method::DELETE, &format!("/api/v1/photos/{}", ids[0]), None, Extra::default()).await;
    assert_eq!(not_hers.status, StatusCode::FORBIDDEN);
    assert_eq!(
        james.send(Method::DELETE, &format!("/api/v1/photos/{}", ids[0]), None, Extra::default()).await.status,
        StatusCode::NO_CONTENT
    );
    let profile = anna.get("/api/v1/members/james").await;
    assert_eq!(profile.body["photos"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn only_staff_assign_roles() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let refused =
        anna.send(Method::PUT, "/api/v1/members/james/role", Some(json!({ "role": "hero" })), Extra::default()).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let mut maria = server.signed_in("maria").await;
    let set =
        maria.send(Method::PUT, "/api/v1/members/james/role", Some(json!({ "role": "scout" })), Extra::default()).await;
    assert_eq!(set.status, StatusCode::OK);
    assert_eq!(set.body["role"], "scout");
    let bad = maria
        .send(Method::PUT, "/api/v1/members/james/role", Some(json!({ "role": "emperor" })), Extra::default())
        .await;
    assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The new role shows on the member's author cards.
    let threads = anna.get("/api/v1/threads?limit=100").await;
    let james_thread =
        threads.body["items"].as_array().unwrap().iter().find(|t| t["author"]["handle"] == "james").unwrap().clone();
    assert_eq!(james_thread["author"]["role"], "scout");
}

#[tokio::test]
async fn follows_and_the_directory() {
    let server = TestServer::start().await;
    let mut james = server.signed_in("james").await;
    let followed = james.send(Method::PUT, "/api/v1/members/olga/follow", None, Extra::default()).await;
    assert_eq!(followed.body["following"], true);
    assert_eq!(james.get("/api/v1/members/olga").await.body["following"], true);
    let followers = james.get("/api/v1/members/olga/followers").await;
    assert_eq!(followers.body["items"][0]["handle"], "james");
    let own = james.send(Method::PUT, "/api/v1/members/james/follow", None, Extra::default()).await;
    assert_eq!(own.status, StatusCode::FORBIDDEN);

    let mut guest = server.browser();
    let found = guest.get("/api/v1/members?q=integra").await;
    assert_eq!(found.body["items"][0]["member"]["handle"], "sergey", "search matches the company");
    let by_city = guest.get("/api/v1/members?q=Novosibirsk").await;
    assert_eq!(by_city.body["items"][0]["member"]["handle"], "olga");
    let mentors = guest.get("/api/v1/members?role=mentor&sort=name").await;
    let handles: Vec<&str> =
        mentors.body["items"].as_array().unwrap().iter().map(|c| c["member"]["handle"].as_str().unwrap()).collect();
    assert_eq!(handles, ["dmitry", "oleg"]);
    let by_reputation = guest.get("/api/v1/members?sort=reputation").await;
    let reps: Vec<i64> = by_reputation.body["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["member"]["reputation"].as_i64().unwrap())
        .collect();
    assert!(reps.windows(2).all(|w| w[0] >= w[1]));
    assert_eq!(
        guest.get("/api/v1/members?q=%25").await.body["items"].as_array().unwrap().len(),
        0,
        "% is matched literally"
    );

    let activity = guest.get("/api/v1/members/oleg/activity?kind=replies").await;
    assert!(activity.body["items"][0]["link"].as_str().unwrap().contains("#reply-"));
    let leaderboard = guest.get("/api/v1/leaderboard?period=all").await;
    let points: Vec<i64> = leaderboard.body.as_array().unwrap().iter().map(|e| e["points"].as_i64().unwrap()).collect();
    assert!(!points.is_empty() && points.windows(2).all(|w| w[0] >= w[1]));
}
