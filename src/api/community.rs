use veche_api::Page;
use veche_api::community::{
    Community, CommunitySettings, CommunityStats, Invitation, InvitationRequest, PendingRegistration,
    RegistrationDecision, RegistrationDecisionRequest,
};

use super::client::{self, ApiResult, Method, Options};

pub async fn get() -> ApiResult<Community> {
    client::request::<Community, ()>(Method::Get, "/community", None, Options::default()).await
}

/// The home page's counters, as this viewer may see them.
pub async fn stats() -> ApiResult<CommunityStats> {
    client::request::<CommunityStats, ()>(Method::Get, "/community/stats", None, Options::default()).await
}

/// Every setting at once (staff); answers the community as everyone reads it from now on.
pub async fn update(settings: &CommunitySettings) -> ApiResult<Community> {
    client::request(Method::Put, "/community", Some(settings), Options::default()).await
}

/// A new logo (staff): the server encodes it again and makes it fit 256 pixels.
pub async fn upload_logo(image: &web_sys::Blob, content_type: &str) -> ApiResult<Community> {
    client::upload(Method::Put, "/community/logo", image, content_type, Options::default()).await
}

pub async fn remove_logo() -> ApiResult<Community> {
    client::request::<_, ()>(Method::Delete, "/community/logo", None, Options::default()).await
}

/// Mails an invitation to join (staff).
pub async fn invite(request: &InvitationRequest) -> ApiResult<Invitation> {
    client::request(Method::Post, "/community/invitations", Some(request), Options::default()).await
}

/// The registrations waiting for approval, oldest first (staff): the first hundred.
pub async fn pending_registrations() -> ApiResult<Page<PendingRegistration>> {
    client::request::<_, ()>(Method::Get, "/community/registrations?limit=100", None, Options::default()).await
}

/// Approves or declines a registration (staff); the person is mailed either way.
pub async fn decide_registration(id: &str, decision: RegistrationDecision) -> ApiResult<()> {
    let path = format!("/community/registrations/{}", super::url::encode(id));
    client::request::<(), _>(Method::Put, &path, Some(&RegistrationDecisionRequest { decision }), Options::default())
        .await
}
