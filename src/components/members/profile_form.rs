use leptos::prelude::*;
use veche_api::members::{self as contract, ContactSetting, Profile, ProfileSettings, SHORT_MAX};
use veche_api::validate::DISPLAY_NAME_MAX;

use super::{ContactRow, ContactsEditor};
use crate::api::members;
use crate::components::form::{CheckboxField, FormAlert, FormState, TextField};
use crate::components::threads::MarkdownEditor;
use crate::i18n::messages::common::Common;
use crate::i18n::messages::members::Members;
use crate::i18n::use_i18n;
use crate::state::drafts::use_draft;

/// One's own profile: name, work, city, bio, contact details and whether one's idea votes
/// show. Checked here first with the server's own rules, then by the server (its 422 messages
/// go beside the same fields). Changes not saved yet are kept in this browser as a draft, so a
/// reload (or a switch of language) brings them back.
/// The settings as they are sent: names, work and contact values without surrounding spaces.
fn trimmed(settings: &ProfileSettings) -> ProfileSettings {
    let trim = |text: &str| text.trim().to_owned();
    ProfileSettings {
        display_name: trim(&settings.display_name),
        position: trim(&settings.position),
        company: trim(&settings.company),
        city: trim(&settings.city),
        bio: settings.bio.clone(),
        contacts: settings
            .contacts
            .iter()
            .map(|contact| ContactSetting { value: trim(&contact.value), ..contact.clone() })
            .collect(),
        show_votes: settings.show_votes,
    }
}

#[component]
pub fn ProfileForm(
    /// The settings as saved.
    settings: ProfileSettings,
    /// Whose profile: names the draft.
    handle: String,
    /// Told the profile as others now see it, once saved.
    on_saved: Callback<Profile>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let draft = use_draft::<Option<ProfileSettings>>(&format!("profile.{handle}"));
    let saved_settings = StoredValue::new(settings.clone());
    let settings = draft.get_untracked().unwrap_or(settings);
    let display_name = RwSignal::new(settings.display_name);
    let position = RwSignal::new(settings.position);
    let company = RwSignal::new(settings.company);
    let city = RwSignal::new(settings.city);
    let bio = RwSignal::new(settings.bio);
    let show_votes = RwSignal::new(settings.show_votes);
    let contacts = RwSignal::new(
        settings
            .contacts
            .into_iter()
            .enumerate()
            .map(|(key, setting)| ContactRow::new(key, setting))
            .collect::<Vec<_>>(),
    );
    let saved = RwSignal::new(false);
    let current = move || ProfileSettings {
        display_name: display_name.get(),
        position: position.get(),
        company: company.get(),
        city: city.get(),
        bio: bio.get(),
        contacts: contacts.with(|rows| rows.iter().map(ContactRow::typed).collect()),
        show_votes: show_votes.get(),
    };
    Effect::new(move |_| {
        let typed = current();
        let unsaved = saved_settings.with_value(|saved| trimmed(saved) != trimmed(&typed));
        draft.set(unsaved.then_some(typed));
    });

    let save = Action::new_local(|settings: &ProfileSettings| {
        let settings = settings.clone();
        async move { members::save_settings(&settings).await }
    });
    Effect::new(move |_| match save.value().get() {
        Some(Ok(profile)) => {
            saved_settings.set_value(untrack(current));
            draft.set(None);
            saved.set(true);
            on_saved.run(profile);
        }
        Some(Err(error)) => form.show_error(&error),
        None => {}
    });

    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        saved.set(false);
        let settings = trimmed(&untrack(current));
        if form.check(&contract::check_settings(&settings), i18n.locale()) {
            save.dispatch(settings);
        }
    };
    let pending = save.pending();

    view! {
        <form class="form form--wide profile-form" on:submit=on_submit novalidate>
            <FormAlert message=form.alert() />
            <TextField
                label=i18n.t(Common::DisplayNameLabel)
                name="display_name"
                value=display_name
                error=form.field("display_name")
                autocomplete="name"
                required=true
                maxlength=DISPLAY_NAME_MAX as u32
            />
            <TextField
                label=i18n.t(Members::PositionLabel)
                name="position"
                value=position
                error=form.field("position")
                autocomplete="organization-title"
                maxlength=SHORT_MAX as u32
            />
            <TextField
                label=i18n.t(Members::CompanyLabel)
                name="company"
                value=company
                error=form.field("company")
                autocomplete="organization"
                maxlength=SHORT_MAX as u32
            />
            <TextField
                label=i18n.t(Members::CityLabel)
                name="city"
                value=city
                error=form.field("city")
                autocomplete="address-level2"
                maxlength=SHORT_MAX as u32
            />
            <MarkdownEditor label=i18n.t(Members::BioLabel) name="bio" value=bio error=form.field("bio") max=contract::BIO_MAX />
            <ContactsEditor rows=contacts form=form />
            <CheckboxField name="show_votes" checked=show_votes error=form.field("show_votes")>
                {i18n.t(Members::ShowVotes)}
            </CheckboxField>
            <div class="form__actions">
                <button type="submit" class="button" disabled=move || pending.get()>
                    {move || i18n.t(if pending.get() { Members::Saving } else { Members::SaveProfile })}
                </button>
            </div>
            <p class="form-status" role="status">{move || saved.get().then(|| i18n.t(Members::ProfileSaved))}</p>
        </form>
    }
}

#[cfg(test)]
mod tests {
    use veche_api::members::{ContactKind, Visibility};

    use super::*;

    #[test]
    fn spaces_around_what_was_typed_are_not_a_change() {
        let saved = ProfileSettings {
            display_name: "Anna Petrova".into(),
            city: "Kaliningrad".into(),
            bio: "Data analyst.".into(),
            contacts: vec![ContactSetting {
                kind: ContactKind::Email,
                value: "anna@example.com".into(),
                visibility: Visibility::Members,
            }],
            ..ProfileSettings::default()
        };
        let mut typed = saved.clone();
        typed.display_name = "  Anna Petrova ".into();
        typed.contacts[0].value = " anna@example.com".into();
        assert_eq!(trimmed(&typed), trimmed(&saved));
        assert_eq!(trimmed(&typed).display_name, "Anna Petrova");
        // The bio is markdown: its spaces are kept as typed.
        typed.bio = "Data analyst.  ".into();
        assert_ne!(trimmed(&typed), trimmed(&saved));
        typed.bio = saved.bio.clone();
        typed.contacts[0].visibility = Visibility::Everyone;
        assert_ne!(trimmed(&typed), trimmed(&saved));
    }
}
