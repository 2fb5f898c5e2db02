//! The groups area: the list of groups and a group's page (with its admins' request queue).

mod group_page;
mod groups_page;
mod join_requests;

use group_page::GroupPage;
use groups_page::GroupsPage;
use leptos::prelude::*;

use crate::pages::area_rest;
use crate::pages::not_found::NotFoundPage;

/// Which page of the area an address (below `/groups/`) names.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Place {
    List,
    Group(String),
    Unknown,
}

impl Place {
    fn of(rest: &str) -> Place {
        match rest.trim_matches('/') {
            "" => Place::List,
            slug if !slug.contains('/') => Place::Group(slug.to_owned()),
            _ => Place::Unknown,
        }
    }
}

/// `/groups` and `/groups/<slug>`. One route in the app's router serves the whole area.
#[component]
pub fn GroupsArea() -> impl IntoView {
    let rest = area_rest("/groups");
    let place = Memo::new(move |_| rest.with(|rest| Place::of(rest)));
    move || match place.get() {
        Place::List => view! { <GroupsPage /> }.into_any(),
        Place::Group(slug) => view! { <GroupPage slug=slug /> }.into_any(),
        Place::Unknown => view! { <NotFoundPage /> }.into_any(),
    }
}

#[cfg(test)]
mod tests {
    use super::Place;

    #[test]
    fn addresses_name_their_page() {
        assert_eq!(Place::of(""), Place::List);
        assert_eq!(Place::of("/"), Place::List);
        assert_eq!(Place::of("beta-testers"), Place::Group("beta-testers".into()));
        assert_eq!(Place::of("beta-testers/"), Place::Group("beta-testers".into()));
        assert_eq!(Place::of("beta-testers/members"), Place::Unknown);
    }
}
