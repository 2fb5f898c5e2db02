//! The access matrix: every kind of viewer × content in no group and in an open, a closed and a
//! secret group × every path that can show, list, count or change it. Each path is one line of
//! a table; each cell says what that viewer must get. Then joining, requests, decisions,
//! leaving and roles.

mod common;

use axum::http::{Method, StatusCode};
use chrono::{Duration, Utc};
use common::{Answer, Browser, Extra, TestServer};
use serde_json::{Value, json};

/// Where a piece of content lives.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Place {
    Nowhere,
    Open,
    Closed,
    Secret,
}

const PLACES: [Place; 4] = [Place::Nowhere, Place::Open, Place::Closed, Place::Secret];

impl Place {
    fn name(self) -> &'static str {
        match self {
            Place::Nowhere => "community",
            Place::Open => "open",
            Place::Closed => "closed",
            Place::Secret => "secret",
        }
    }

    /// The demo group and its space (none: a community-wide space).
    fn group(self) -> Option<(&'static str, &'static str)> {
        match self {
            Place::Nowhere => None,
            Place::Open => Some(("north-west-partners", "north-west")),
            Place::Closed => Some(("beta-testers", "beta-lab")),
            Place::Secret => Some(("partner-council", "partner-council")),
        }
    }
}

/// Who is looking.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Who {
    Guest,
    /// A member of no group.
    Outsider,
    /// anna: a member of the closed group.
    ClosedMember,
    /// ivan: asked to join the closed group, not decided yet.
    Requester,
    /// dmitry: the closed group's admin.
    GroupAdmin,
    /// oleg: a community moderator in no group.
    Moderator,
    /// maria: staff, in no group.
    Staff,
    /// sergey: a member of the secret group (and admin of the open one).
    SecretMember,
}

const EVERYONE: [Who; 8] = [
    Who::Guest,
    Who::Outsider,
    Who::ClosedMember,
    Who::Requester,
    Who::GroupAdmin,
    Who::Moderator,
    Who::Staff,
    Who::SecretMember,
];

/// What a viewer gets when asking for one piece of content.
#[derive(Clone, Copy, Debug, PartialEq)]
enum Seen {
    Yes,
    /// 403 `members_only`, naming the group, never the content.
    MembersOnly,
    /// 404: the group does not exist for this viewer.
    NotFound,
}

/// The rules of the product, written out per cell.
fn sees(who: Who, place: Place) -> Seen {
    match place {
        Place::Nowhere | Place::Open => Seen::Yes,
        Place::Closed => match who {
            Who::ClosedMember | Who::GroupAdmin | Who::Moderator | Who::Staff => Seen::Yes,
            _ => Seen::MembersOnly,
        },
        Place::Secret => match who {
            Who::SecretMember | Who::Staff => Seen::Yes,
            _ => Seen::NotFound,
        },
    }
}

/// What a viewer gets when taking part (reply, vote, kudos, RSVP).
fn takes_part(who: Who, place: Place) -> StatusCode {
    if who == Who::Guest {
        return StatusCode::UNAUTHORIZED;
    }
    match (sees(who, place), place) {
        (Seen::NotFound, _) => StatusCode::NOT_FOUND,
        (Seen::MembersOnly, _) => StatusCode::FORBIDDEN,
        (Seen::Yes, Place::Nowhere) => StatusCode::OK,
        // Reading an open or closed group's content is not taking part in it.
        (Seen::Yes, Place::Open) if !matches!(who, Who::Staff | Who::SecretMember) => StatusCode::FORBIDDEN,
        (Seen::Yes, Place::Closed) if who == Who::Moderator => StatusCode::FORBIDDEN,
        (Seen::Yes, _) => StatusCode::OK,
    }
}

/// The content made for one place, with the words that give it away.
struct Content {
    place: Place,
    thread: String,
    /// `<idea id>|<its discussion thread id>`.
    idea: String,
    event: String,
    /// The knowledge-base article made from the event's report.
    article: String,
}

impl Content {
    fn thread_title(place: Place) -> String {
        format!("Matrix thread in the {} place", place.name())
    }
    fn reply_text(place: Place) -> String {
        format!("Matrix reply hidden in {}", place.name())
    }
    fn idea_title(place: Place) -> String {
        format!("Matrix idea for the {} group", place.name())
    }
    fn event_title(place: Place) -> String {
        format!("Matrix event of the {} place", place.name())
    }
    fn article_title(place: Place) -> String {
        format!("Matrix article of the {} place", place.name())
    }
}

/// Which words a list must (or must not) show.
#[derive(Clone, Copy, Debug)]
enum Item {
    Thread,
    Reply,
    Idea,
    Event,
    Article,
}

fn marker(item: Item, place: Place) -> String {
    match item {
        Item::Thread => Content::thread_title(place),
        Item::Reply => Content::reply_text(place),
        Item::Idea => Content::idea_title(place),
        Item::Event => Content::event_title(place),
        Item::Article => Content::article_title(place),
    }
}

const AUTHOR: &str = "matrixauthor";

/// Paths that show one piece of content: the answer is the content, 403 or 404.
const SINGLE: &[&str] = &[
    "/api/v1/threads/{thread}",
    "/api/v1/threads/{thread}/replies",
    "/api/v1/ideas/{idea}",
    "/api/v1/ideas/{idea}/voters",
    "/api/v1/threads/{idea_discussion}/replies",
    "/api/v1/events/{event}",
    "/api/v1/events/{event}/attendees",
    "/api/v1/events/{event}/ics",
    "/api/v1/kb/articles/{article}",
];

/// Paths that list or search: the item is there exactly when the viewer may read it.
fn lists() -> Vec<(String, Item)> {
    let from = Utc::now().date_naive();
    let to = from + Duration::days(30);
    vec![
        ("/api/v1/threads?limit=100&sort=newest".into(), Item::Thread),
        ("/api/v1/threads?limit=100&sort=discussed".into(), Item::Thread),
        ("/api/v1/ideas?limit=100&sort=newest".into(), Item::Idea),
        ("/api/v1/ideas?q=Matrix%20idea".into(), Item::Idea),
        ("/api/v1/ideas/similar?title=Matrix%20idea%20group".into(), Item::Idea),
        (format!("/api/v1/events?from={from}&to={to}"), Item::Event),
        (format!("/api/v1/members/{AUTHOR}/activity?kind=threads"), Item::Thread),
        (format!("/api/v1/members/{AUTHOR}/activity?kind=replies"), Item::Reply),
        (format!("/api/v1/members/{AUTHOR}/activity?kind=ideas"), Item::Idea),
        ("/api/v1/kb".into(), Item::Article),
        ("/api/v1/search?q=Matrix%20article&type=article".into(), Item::Article),
        ("/api/v1/search?q=Matrix%20article".into(), Item::Article),
    ]
}

/// Taking part: method, path, body. Each is tried on each place's content.
fn mutations() -> Vec<(Method, &'static str, Value)> {
    vec![
        (Method::POST, "/api/v1/threads/{thread}/replies", json!({ "body": "A reply from the matrix." })),
        (Method::PUT, "/api/v1/threads/{thread}/kudos", Value::Null),
        (Method::PUT, "/api/v1/ideas/{idea}/vote", Value::Null),
        (Method::PUT, "/api/v1/events/{event}/rsvp", json!({ "status": "interested" })),
    ]
}

async fn send(browser: &mut Browser, method: Method, path: &str, body: Value) -> Answer {
    let body = if body.is_null() { None } else { Some(body) };
    browser.send(method, path, body, Extra::default()).await
}

/// The author is put in every group by staff, then writes a thread with a reply and an idea in
/// each place; staff add an event to each place and make an article of its report, and link
/// every article from the community-wide thread.
async fn make_content(server: &TestServer) -> Vec<Content> {
    let mut author = server.registered(AUTHOR).await;
    let mut staff = server.signed_in("maria").await;
    let mut made = Vec::new();
    let day = (Utc::now() + Duration::days(5)).date_naive();
    for place in PLACES {
        let (space, group_id) = match place.group() {
            Some((slug, space)) => {
                let added = send(
                    &mut staff,
                    Method::PUT,
                    &format!("/api/v1/groups/{slug}/members/{AUTHOR}/role"),
                    json!({ "role": "member" }),
                )
                .await;
                assert_eq!(added.status, StatusCode::OK, "{}", added.text);
                let group = staff.get(&format!("/api/v1/groups/{slug}")).await;
                (space, Some(group.body["id"].as_str().unwrap().to_owned()))
            }
            None => ("product-questions", None),
        };
        let thread = author
            .post(
                "/api/v1/threads",
                json!({ "space_id": space, "title": Content::thread_title(place), "body": "Only for the right eyes." }),
            )
            .await;
        assert_eq!(thread.status, StatusCode::CREATED, "{}", thread.text);
        let thread_id = thread.body["id"].as_str().unwrap().to_owned();
        let reply = author
            .post(&format!("/api/v1/threads/{thread_id}/replies"), json!({ "body": Content::reply_text(place) }))
            .await;
        assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);
        let categories = author.get("/api/v1/idea-categories").await;
        let idea = author
            .post(
                "/api/v1/ideas",
                json!({ "title": Content::idea_title(place), "body": "Idea body.", "category_id": categories.body[0]["id"], "group_id": group_id }),
            )
            .await;
        assert_eq!(idea.status, StatusCode::CREATED, "{}", idea.text);
        let event = staff
            .post(
                "/api/v1/events",
                json!({ "title": Content::event_title(place), "kind": "meetup", "description": "", "starts_local": format!("{day}T18:00"),
                        "ends_local": format!("{day}T20:00"), "time_zone": "Europe/Moscow", "city": "Kazan" }),
            )
            .await;
        assert_eq!(event.status, StatusCode::CREATED, "{}", event.text);
        let event_id = event.body["id"].as_str().unwrap().to_owned();
        if let Some(group) = &group_id {
            server.state.db.set_event_group(event_id.parse().unwrap(), Some(group.parse().unwrap())).await.unwrap();
        }
        let report = send(
            &mut staff,
            Method::PUT,
            &format!("/api/v1/events/{event_id}/report"),
            json!({ "report": "What we did at the matrix event." }),
        )
        .await;
        assert!(report.status.is_success(), "{}", report.text);
        let kb = staff.get("/api/v1/kb").await;
        let article = staff
            .post(
                "/api/v1/kb/articles",
                json!({ "section_id": kb.body["sections"][0]["id"], "title": Content::article_title(place),
                        "body": "What we did at the matrix event.", "event_id": event_id }),
            )
            .await;
        assert_eq!(article.status, StatusCode::CREATED, "{}", article.text);
        made.push(Content {
            place,
            thread: thread_id,
            idea: format!("{}|{}", idea.body["id"].as_str().unwrap(), idea.body["discussion_id"].as_str().unwrap()),
            event: event_id,
            article: article.body["id"].as_str().unwrap().to_owned(),
        });
    }
    let articles: Vec<&str> = made.iter().map(|c| c.article.as_str()).collect();
    let linked = send(
        &mut staff,
        Method::PUT,
        &format!("/api/v1/threads/{}/articles", made[0].thread),
        json!({ "article_ids": articles }),
    )
    .await;
    assert_eq!(linked.status, StatusCode::OK, "{}", linked.text);
    made
}

async fn viewer(server: &TestServer, who: Who) -> Browser {
    match who {
        Who::Guest => server.browser(),
        Who::Outsider => server.registered("outsider").await,
        Who::ClosedMember => server.signed_in("anna").await,
        Who::Requester => server.signed_in("ivan").await,
        Who::GroupAdmin => server.signed_in("dmitry").await,
        Who::Moderator => server.signed_in("oleg").await,
        Who::Staff => server.signed_in("maria").await,
        Who::SecretMember => server.signed_in("sergey").await,
    }
}

fn path_for(template: &str, content: &Content) -> String {
    let (idea, discussion) = content.idea.split_once('|').unwrap();
    template
        .replace("{idea_discussion}", discussion)
        .replace("{thread}", &content.thread)
        .replace("{idea}", idea)
        .replace("{event}", &content.event)
        .replace("{article}", &content.article)
}

fn check_refusal(answer: &Answer, expected: Seen, place: Place, context: &str) {
    match expected {
        Seen::Yes => assert!(answer.status.is_success(), "{context}: {} {}", answer.status, answer.text),
        Seen::MembersOnly => {
            assert_eq!(answer.status, StatusCode::FORBIDDEN, "{context}: {}", answer.text);
            assert_eq!(answer.code(), "members_only", "{context}");
            assert_eq!(answer.body["group"]["group"]["slug"], place.group().unwrap().0, "{context}");
        }
        Seen::NotFound => assert_eq!(answer.status, StatusCode::NOT_FOUND, "{context}: {}", answer.text),
    }
    if expected != Seen::Yes {
        for item in [Item::Thread, Item::Reply, Item::Idea, Item::Event, Item::Article] {
            assert!(!answer.text.contains(&marker(item, place)), "{context} leaks {item:?}: {}", answer.text);
        }
    }
}

#[tokio::test]
async fn every_viewer_sees_exactly_what_the_rules_allow_on_every_path() {
    let server = TestServer::start().await;
    let content = make_content(&server).await;
    let guest_counters = server.browser().get("/api/v1/ideas/counters").await.body;
    for who in EVERYONE {
        let mut browser = viewer(&server, who).await;
        for item in &content {
            let expected = sees(who, item.place);
            for template in SINGLE {
                let path = path_for(template, item);
                let answer = browser.get(&path).await;
                check_refusal(&answer, expected, item.place, &format!("{who:?} GET {path} ({:?})", item.place));
            }
        }
        for (path, kind) in lists() {
            let answer = browser.get(&path).await;
            assert_eq!(answer.status, StatusCode::OK, "{who:?} {path}: {}", answer.text);
            for place in PLACES {
                let shown = answer.text.contains(&marker(kind, place));
                assert_eq!(shown, sees(who, place) == Seen::Yes, "{who:?} {path}: {kind:?} of {place:?}");
            }
        }
        // The community-wide thread and each readable event link only the articles the viewer may read.
        let community = browser.get(&format!("/api/v1/threads/{}", content[0].thread)).await;
        for item in &content {
            let linked = community.text.contains(&marker(Item::Article, item.place));
            assert_eq!(linked, sees(who, item.place) == Seen::Yes, "{who:?} thread links article of {:?}", item.place);
            if sees(who, item.place) == Seen::Yes {
                let event = browser.get(&format!("/api/v1/events/{}", item.event)).await;
                assert_eq!(event.body["article"]["id"], item.article.as_str(), "{who:?} event's article");
            }
        }
        // Counters count only what the viewer may read: the author's profile, and the board.
        let readable = PLACES.iter().filter(|p| sees(who, **p) == Seen::Yes).count() as i64;
        let profile = browser.get(&format!("/api/v1/members/{AUTHOR}")).await;
        assert_eq!(profile.body["counts"]["threads"], readable, "{who:?} profile threads");
        assert_eq!(profile.body["counts"]["replies"], readable, "{who:?} profile replies");
        assert_eq!(profile.body["counts"]["ideas"], readable, "{who:?} profile ideas");
        let counters = browser.get("/api/v1/ideas/counters").await;
        // The demo's closed group has one idea of its own besides the matrix one.
        let closed = if sees(who, Place::Closed) == Seen::Yes { 2 } else { 0 };
        let secret = if sees(who, Place::Secret) == Seen::Yes { 1 } else { 0 };
        assert_eq!(
            counters.body["ideas"].as_i64().unwrap(),
            guest_counters["ideas"].as_i64().unwrap() + closed + secret,
            "{who:?} idea counter"
        );
        // A group's space (with its thread counts) is listed only to who may read it.
        let spaces = browser.get("/api/v1/spaces").await;
        for place in [Place::Closed, Place::Secret] {
            let listed = spaces.text.contains(&format!("\"{}\"", place.group().unwrap().1));
            assert_eq!(listed, sees(who, place) == Seen::Yes, "{who:?} spaces: {place:?}");
        }
    }
}

#[tokio::test]
async fn only_members_take_part_and_refusals_follow_the_group_kind() {
    let server = TestServer::start().await;
    let content = make_content(&server).await;
    for who in EVERYONE {
        let mut browser = viewer(&server, who).await;
        for item in &content {
            for (method, template, body) in mutations() {
                let path = path_for(template, item);
                let answer = send(&mut browser, method.clone(), &path, body).await;
                let expected = takes_part(who, item.place);
                let context = format!("{who:?} {method} {path} ({:?}): {}", item.place, answer.text);
                if expected == StatusCode::OK {
                    assert!(answer.status.is_success(), "{context}");
                } else {
                    assert_eq!(answer.status, expected, "{context}");
                }
                if expected == StatusCode::FORBIDDEN && sees(who, item.place) == Seen::MembersOnly {
                    assert_eq!(answer.code(), "members_only", "{context}");
                }
            }
        }
    }
}

#[tokio::test]
async fn the_view_says_which_group_and_hides_actions_a_reader_may_not_take() {
    let server = TestServer::start().await;
    let content = make_content(&server).await;
    let open = content.iter().find(|c| c.place == Place::Open).unwrap();
    let mut outsider = server.registered("reader").await;
    let thread = outsider.get(&format!("/api/v1/threads/{}", open.thread)).await;
    assert_eq!(thread.body["group"]["slug"], "north-west-partners");
    assert_eq!(thread.body["permissions"]["reply"], false, "{}", thread.text);
    let idea = outsider.get(&path_for("/api/v1/ideas/{idea}", open)).await;
    assert_eq!(
        (idea.body["permissions"]["vote"].clone(), idea.body["permissions"]["comment"].clone()),
        (json!(false), json!(false))
    );
    let event = outsider.get(&format!("/api/v1/events/{}", open.event)).await;
    assert_eq!(event.body["permissions"]["rsvp"], false);
    let community = content.iter().find(|c| c.place == Place::Nowhere).unwrap();
    let thread = outsider.get(&format!("/api/v1/threads/{}", community.thread)).await;
    assert!(thread.body.get("group").is_none(), "{}", thread.text);
    assert_eq!(thread.body["permissions"]["reply"], true);

    // A gated answer tells a signed-in outsider they may ask, and a guest that they may not.
    let closed = content.iter().find(|c| c.place == Place::Closed).unwrap();
    let gated = outsider.get(&format!("/api/v1/threads/{}", closed.thread)).await;
    assert_eq!(gated.body["group"]["group"]["name"], "Beta testers");
    assert_eq!(gated.body["group"]["can_request"], true);
    let gated = server.browser().get(&format!("/api/v1/threads/{}", closed.thread)).await;
    assert_eq!(gated.body["group"]["can_request"], false);
    let mut ivan = server.signed_in("ivan").await;
    let gated = ivan.get(&format!("/api/v1/threads/{}", closed.thread)).await;
    assert_eq!(
        (gated.body["group"]["can_request"].clone(), gated.body["group"]["requested"].clone()),
        (json!(false), json!(true))
    );
}

#[tokio::test]
async fn group_lists_filter_content_by_group() {
    let server = TestServer::start().await;
    let mut anna = server.signed_in("anna").await;
    let threads = anna.get("/api/v1/threads?group=beta-testers&limit=100").await;
    let titles: Vec<&str> =
        threads.body["items"].as_array().unwrap().iter().map(|t| t["title"].as_str().unwrap()).collect();
    assert_eq!(titles.len(), 2, "{titles:?}");
    assert!(titles.iter().all(|t| t.contains("5.1")), "{titles:?}");
    let ideas = anna.get("/api/v1/ideas?group=beta-testers").await;
    assert_eq!(ideas.body["items"].as_array().unwrap().len(), 1);
    let from = Utc::now().date_naive();
    let events =
        anna.get(&format!("/api/v1/events?from={from}&to={}&group=beta-testers", from + Duration::days(30))).await;
    assert_eq!(events.body.as_array().unwrap().len(), 1, "{}", events.text);
    // A secret group is no such group to an outsider, even as a filter.
    let refused = anna.get("/api/v1/threads?group=partner-council").await;
    assert_eq!(refused.status, StatusCode::UNPROCESSABLE_ENTITY);
    // The closed group's content is not listed to an outsider who filters by it.
    let mut outsider = server.registered("filterer").await;
    let empty = outsider.get("/api/v1/threads?group=beta-testers").await;
    assert_eq!(empty.body["items"], json!([]));
}

#[tokio::test]
async fn the_group_list_shows_each_viewer_their_groups_and_standing() {
    let server = TestServer::start().await;
    let slugs = |answer: &Answer| -> Vec<(String, String)> {
        answer
            .body
            .as_array()
            .unwrap()
            .iter()
            .map(|g| (g["slug"].as_str().unwrap().to_owned(), g["membership"].as_str().unwrap().to_owned()))
            .collect()
    };
    let guest = server.browser().get("/api/v1/groups").await;
    let mut seen = slugs(&guest);
    seen.sort();
    assert_eq!(seen, [("beta-testers".into(), "none".into()), ("north-west-partners".into(), "none".into())]);
    let mut ivan = server.signed_in("ivan").await;
    assert!(slugs(&ivan.get("/api/v1/groups").await).contains(&("beta-testers".into(), "requested".into())));
    let mut dmitry = server.signed_in("dmitry").await;
    let beta = dmitry.get("/api/v1/groups/beta-testers").await;
    assert_eq!((beta.body["membership"].clone(), beta.body["can_manage"].clone()), (json!("admin"), json!(true)));
    assert_eq!(beta.body["member_count"], 2);
    let mut sergey = server.signed_in("sergey").await;
    assert!(slugs(&sergey.get("/api/v1/groups").await).contains(&("partner-council".into(), "member".into())));
    assert_eq!(server.browser().get("/api/v1/groups/partner-council").await.status, StatusCode::NOT_FOUND);
    assert_eq!(
        server.signed_in("oleg").await.get("/api/v1/groups/partner-council").await.status,
        StatusCode::NOT_FOUND
    );
    assert_eq!(server.signed_in("maria").await.get("/api/v1/groups/partner-council").await.status, StatusCode::OK);
    // Members of a closed group are for those who may read it.
    let members = server.registered("curious").await.get("/api/v1/groups/beta-testers/members").await;
    assert_eq!(members.code(), "members_only");
    let members = dmitry.get("/api/v1/groups/beta-testers/members").await;
    let handles: Vec<&str> =
        members.body["items"].as_array().unwrap().iter().map(|m| m["member"]["handle"].as_str().unwrap()).collect();
    assert_eq!(handles, ["dmitry", "anna"], "admins first");
}

async fn put(browser: &mut Browser, path: &str, body: Value) -> Answer {
    send(browser, Method::PUT, path, body).await
}

#[tokio::test]
async fn a_request_is_approved_by_the_group_admin_and_the_member_is_told() {
    let server = TestServer::start().await;
    let mut asker = server.registered("asker").await;
    let beta_thread = {
        let mut anna = server.signed_in("anna").await;
        let threads = anna.get("/api/v1/threads?group=beta-testers").await;
        threads.body["items"][0]["id"].as_str().unwrap().to_owned()
    };
    let thread_path = format!("/api/v1/threads/{beta_thread}");
    assert_eq!(asker.get(&thread_path).await.status, StatusCode::FORBIDDEN);

    let joined = asker.post("/api/v1/groups/beta-testers/join", json!({})).await;
    assert_eq!(joined.status, StatusCode::OK, "{}", joined.text);
    assert_eq!(joined.body["membership"], "requested");
    // Asking twice is still one request.
    asker.post("/api/v1/groups/beta-testers/join", json!({})).await;
    assert_eq!(asker.get(&thread_path).await.code(), "members_only");

    // Only the group's admins (and staff) see and decide requests.
    let mut anna = server.signed_in("anna").await;
    assert_eq!(anna.get("/api/v1/groups/beta-testers/requests").await.status, StatusCode::FORBIDDEN);
    let refused = put(&mut anna, "/api/v1/groups/beta-testers/requests/asker", json!({ "decision": "approve" })).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    let mut dmitry = server.signed_in("dmitry").await;
    let queue = dmitry.get("/api/v1/groups/beta-testers/requests").await;
    let waiting: Vec<&str> =
        queue.body["items"].as_array().unwrap().iter().map(|r| r["member"]["handle"].as_str().unwrap()).collect();
    assert_eq!(waiting, ["ivan", "asker"], "oldest request first");
    let approved =
        put(&mut dmitry, "/api/v1/groups/beta-testers/requests/asker", json!({ "decision": "approve" })).await;
    assert_eq!(approved.status, StatusCode::NO_CONTENT, "{}", approved.text);
    let again = put(&mut dmitry, "/api/v1/groups/beta-testers/requests/asker", json!({ "decision": "approve" })).await;
    assert_eq!(again.status, StatusCode::NOT_FOUND, "a decided request is gone");

    let thread = asker.get(&thread_path).await;
    assert_eq!(thread.status, StatusCode::OK);
    assert_eq!(thread.body["permissions"]["reply"], true);
    let told = asker.get("/api/v1/notifications").await;
    let first = &told.body["items"][0];
    assert_eq!((first["kind"].as_str(), first["link"].as_str()), (Some("group_access"), Some("/groups/beta-testers")));
}

#[tokio::test]
async fn a_declined_member_may_ask_again_and_a_member_who_leaves_loses_access() {
    let server = TestServer::start().await;
    let mut dmitry = server.signed_in("dmitry").await;
    let declined =
        put(&mut dmitry, "/api/v1/groups/beta-testers/requests/ivan", json!({ "decision": "decline" })).await;
    assert_eq!(declined.status, StatusCode::NO_CONTENT);
    let mut ivan = server.signed_in("ivan").await;
    let beta = ivan.get("/api/v1/groups/beta-testers").await;
    assert_eq!(beta.body["membership"], "none");
    let told = ivan.get("/api/v1/notifications").await;
    assert_eq!(told.body["items"][0]["kind"], "group_access");
    assert_eq!(ivan.post("/api/v1/groups/beta-testers/join", json!({})).await.body["membership"], "requested");

    // anna leaves: the group's event drops out of her calendar feed and its threads close.
    let mut anna = server.signed_in("anna").await;
    let from = Utc::now().date_naive();
    let to = from + Duration::days(30);
    let events = anna.get(&format!("/api/v1/events?from={from}&to={to}&group=beta-testers")).await;
    let event = events.body[0]["event_id"].as_str().unwrap().to_owned();
    let going = put(&mut anna, &format!("/api/v1/events/{event}/rsvp"), json!({ "status": "going" })).await;
    assert_eq!(going.status, StatusCode::OK, "{}", going.text);
    let feed = anna.get("/api/v1/calendar/feed").await;
    let feed_path = feed.body["url"].as_str().unwrap().split("/api/v1").nth(1).map(|p| format!("/api/v1{p}")).unwrap();
    assert!(server.browser().get(&feed_path).await.text.contains("Beta 5.1 feedback call"));
    let left = send(&mut anna, Method::DELETE, "/api/v1/groups/beta-testers/membership", Value::Null).await;
    assert_eq!(left.status, StatusCode::NO_CONTENT);
    assert!(!server.browser().get(&feed_path).await.text.contains("Beta 5.1 feedback call"));
    assert_eq!(anna.get(&format!("/api/v1/events/{event}")).await.code(), "members_only");
}

#[tokio::test]
async fn staff_put_an_event_in_a_group_and_its_article_follows() {
    let server = TestServer::start().await;
    let mut staff = server.signed_in("maria").await;
    let beta = staff.get("/api/v1/groups/beta-testers").await.body["id"].as_str().unwrap().to_owned();
    let day = (Utc::now() + Duration::days(4)).date_naive();
    let event = |group: Value| {
        json!({ "title": "Beta design review", "kind": "webinar", "description": "", "starts_local": format!("{day}T10:00"),
                "ends_local": format!("{day}T11:00"), "time_zone": "Europe/Moscow", "online_url": "https://meet.example.com/r",
                "group_id": group })
    };
    let unknown = staff.post("/api/v1/events", event(json!("424242"))).await;
    assert_eq!(unknown.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(unknown.body["errors"]["group_id"].is_string(), "{}", unknown.text);
    let created = staff.post("/api/v1/events", event(json!(beta))).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["group"]["slug"], "beta-testers");
    let id = created.body["id"].as_str().unwrap().to_owned();
    let mut outsider = server.registered("bystander").await;
    assert_eq!(outsider.get(&format!("/api/v1/events/{id}")).await.code(), "members_only");

    // Its report becomes an article for the group; out of the group, both are for everyone.
    put(&mut staff, &format!("/api/v1/events/{id}/report"), json!({ "report": "We reviewed the designer." })).await;
    let kb = staff.get("/api/v1/kb").await;
    let article = staff
        .post(
            "/api/v1/kb/articles",
            json!({ "section_id": kb.body["sections"][0]["id"], "title": "Design review notes", "body": "Notes.", "event_id": id }),
        )
        .await;
    let article = article.body["id"].as_str().unwrap().to_owned();
    assert_eq!(outsider.get(&format!("/api/v1/kb/articles/{article}")).await.code(), "members_only");
    let moved = put(&mut staff, &format!("/api/v1/events/{id}"), event(Value::Null)).await;
    assert_eq!(moved.status, StatusCode::OK, "{}", moved.text);
    assert!(moved.body.get("group").is_none(), "{}", moved.text);
    assert_eq!(outsider.get(&format!("/api/v1/events/{id}")).await.status, StatusCode::OK);
    assert_eq!(outsider.get(&format!("/api/v1/kb/articles/{article}")).await.status, StatusCode::OK);
}

#[tokio::test]
async fn a_group_keeps_its_last_admin() {
    let server = TestServer::start().await;
    let mut dmitry = server.signed_in("dmitry").await;
    let left = send(&mut dmitry, Method::DELETE, "/api/v1/groups/beta-testers/membership", Value::Null).await;
    assert_eq!(left.status, StatusCode::CONFLICT, "{}", left.text);
    let mut staff = server.signed_in("maria").await;
    let demoted = put(&mut staff, "/api/v1/groups/beta-testers/members/dmitry/role", json!({ "role": "member" })).await;
    assert_eq!(demoted.status, StatusCode::CONFLICT, "{}", demoted.text);
    assert_eq!(dmitry.get("/api/v1/groups/beta-testers").await.body["membership"], "admin");
    // With a second admin, either may step down or leave.
    let promoted = put(&mut dmitry, "/api/v1/groups/beta-testers/members/anna/role", json!({ "role": "admin" })).await;
    assert_eq!(promoted.status, StatusCode::OK, "{}", promoted.text);
    let left = send(&mut dmitry, Method::DELETE, "/api/v1/groups/beta-testers/membership", Value::Null).await;
    assert_eq!(left.status, StatusCode::NO_CONTENT, "{}", left.text);
    assert_eq!(dmitry.get("/api/v1/groups/beta-testers").await.body["membership"], "none");
}

#[tokio::test]
async fn open_groups_take_members_at_once_and_secret_ones_only_by_invitation() {
    let server = TestServer::start().await;
    let mut joiner = server.registered("joiner").await;
    let joined = joiner.post("/api/v1/groups/north-west-partners/join", json!({})).await;
    assert_eq!((joined.body["membership"].clone(), joined.body["member_count"].clone()), (json!("member"), json!(3)));
    let open_threads = joiner.get("/api/v1/threads?group=north-west-partners").await;
    let thread = open_threads.body["items"][0]["id"].as_str().unwrap().to_owned();
    let reply = joiner.post(&format!("/api/v1/threads/{thread}/replies"), json!({ "body": "Count us in." })).await;
    assert_eq!(reply.status, StatusCode::CREATED, "{}", reply.text);

    assert_eq!(joiner.post("/api/v1/groups/partner-council/join", json!({})).await.status, StatusCode::NOT_FOUND);
    // An admin adds a member to the secret group by naming their role; then they see it.
    let mut elena = server.signed_in("elena").await;
    let added =
        put(&mut elena, "/api/v1/groups/partner-council/members/joiner/role", json!({ "role": "member" })).await;
    assert_eq!(added.status, StatusCode::OK, "{}", added.text);
    assert_eq!(joiner.get("/api/v1/groups/partner-council").await.body["membership"], "member");
    // A plain member names no roles.
    let refused =
        put(&mut joiner, "/api/v1/groups/partner-council/members/joiner/role", json!({ "role": "admin" })).await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN);
    // A new admin manages the group.
    put(&mut elena, "/api/v1/groups/partner-council/members/joiner/role", json!({ "role": "admin" })).await;
    let renamed = send(
        &mut joiner,
        Method::PATCH,
        "/api/v1/groups/partner-council",
        json!({ "description": "Renamed by joiner." }),
    )
    .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
    assert_eq!(renamed.body["description"], "Renamed by joiner.");
}

#[tokio::test]
async fn only_staff_create_groups_and_the_input_is_checked() {
    let server = TestServer::start().await;
    let mut member = server.registered("founder").await;
    let body = json!({ "slug": "kazan-club", "name": "Kazan club", "description": "", "kind": "open" });
    assert_eq!(member.post("/api/v1/groups", body.clone()).await.status, StatusCode::FORBIDDEN);
    let mut maria = server.signed_in("maria").await;
    let created = maria.post("/api/v1/groups", body.clone()).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    assert_eq!(created.body["membership"], "admin");
    // The new group has a space of its own: its members start threads there, and only they
    // (a closed group's) read them.
    let thread = maria
        .post(
            "/api/v1/threads",
            json!({ "space_id": "kazan-club", "title": "First meeting date", "body": "Which Friday?" }),
        )
        .await;
    assert_eq!(thread.status, StatusCode::CREATED, "{}", thread.text);
    assert_eq!(thread.body["group"]["slug"], "kazan-club");
    // Renamed, the group takes its space's name along; a space given its own name keeps it.
    let renamed = send(
        &mut maria,
        Method::PATCH,
        "/api/v1/groups/kazan-club",
        json!({ "name": "Kazan and Volga club", "description": "Meetings on the Volga." }),
    )
    .await;
    assert_eq!(renamed.status, StatusCode::OK, "{}", renamed.text);
    let spaces = maria.get("/api/v1/spaces").await.body;
    let space = |slug: &str| spaces.as_array().unwrap().iter().find(|s| s["slug"] == slug).cloned().unwrap();
    assert_eq!(space("kazan-club")["name"], "Kazan and Volga club");
    assert_eq!(space("kazan-club")["description"], "Meetings on the Volga.");
    let before = space("beta-lab");
    send(&mut maria, Method::PATCH, "/api/v1/groups/beta-testers", json!({ "name": "Beta circle" })).await;
    let spaces = maria.get("/api/v1/spaces").await.body;
    let after = spaces.as_array().unwrap().iter().find(|s| s["slug"] == "beta-lab").cloned().unwrap();
    assert_eq!(after["name"], before["name"]);
    let secret = json!({ "slug": "integrations", "name": "Integration partners", "description": "", "kind": "secret" });
    let created = maria.post("/api/v1/groups", secret).await;
    assert_eq!(created.status, StatusCode::CREATED, "{}", created.text);
    let thread = maria
        .post(
            "/api/v1/threads",
            json!({ "space_id": "integrations-group", "title": "Partner roadmap", "body": "For partners only." }),
        )
        .await;
    assert_eq!(thread.status, StatusCode::CREATED, "{}", thread.text);
    let hidden = member.get(&format!("/api/v1/threads/{}", thread.body["id"].as_str().unwrap())).await;
    assert_eq!(hidden.status, StatusCode::NOT_FOUND);
    let taken = maria.post("/api/v1/groups", body).await;
    assert_eq!(taken.status, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(taken.body["errors"]["slug"].is_string());
    let invalid = maria
        .post(
            "/api/v1/groups",
            json!({ "slug": "Bad slug", "name": "x".repeat(81), "description": "", "kind": "guild" }),
        )
        .await;
    assert_eq!(invalid.status, StatusCode::UNPROCESSABLE_ENTITY);
    for field in ["slug", "name", "kind"] {
        assert!(invalid.body["errors"][field].is_string(), "{field}: {}", invalid.text);
    }
}
