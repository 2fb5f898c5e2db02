use leptos::prelude::*;
use leptos_router::components::A;
use veche_api::Locale;
use veche_api::community::{Community, CommunitySettings, Features, JoinPolicy, parse_hex_color};
use veche_api::validate;

use crate::api;
use crate::components::form::{CheckboxField, FormAlert, FormState, SelectField, TextField};
use crate::i18n::messages::settings::Settings;
use crate::i18n::use_i18n;
use crate::state::community::use_community;

/// The join policies offered, with their texts.
const POLICIES: [(JoinPolicy, Settings); 4] = [
    (JoinPolicy::Anyone, Settings::PolicyAnyone),
    (JoinPolicy::Invitation, Settings::PolicyInvitation),
    (JoinPolicy::Approval, Settings::PolicyApproval),
    (JoinPolicy::Domains, Settings::PolicyDomains),
];

/// The domains typed one per line (or separated by commas or spaces), in lower case.
pub fn domains_of(text: &str) -> Vec<String> {
    text.split(|c: char| c == ',' || c.is_whitespace())
        .map(|domain| domain.trim().trim_start_matches('@').to_ascii_lowercase())
        .filter(|domain| !domain.is_empty())
        .collect()
}

/// Every setting but the logo, saved at once. The accent colour is checked as it is typed
/// (white text on it must pass WCAG AA), and again by the server.
#[component]
pub fn SettingsForm(
    /// The community as loaded: the form's starting values.
    community: Community,
) -> impl IntoView {
    let i18n = use_i18n();
    let shared = use_community();
    let form = FormState::new();
    let saved = RwSignal::new(false);
    let name = RwSignal::new(community.name);
    let description = RwSignal::new(community.description);
    let accent = RwSignal::new(community.accent_color.unwrap_or_default());
    let default_locale = RwSignal::new(community.default_locale.tag().to_owned());
    let time_zone = RwSignal::new(community.time_zone);
    let founded_on = RwSignal::new(community.founded_on);
    let features = community.features;
    let areas = [
        ("feature_threads", Settings::AreaThreads, RwSignal::new(features.threads)),
        ("feature_ideas", Settings::AreaIdeas, RwSignal::new(features.ideas)),
        ("feature_events", Settings::AreaEvents, RwSignal::new(features.events)),
        ("feature_members", Settings::AreaMembers, RwSignal::new(features.members)),
        ("feature_surveys", Settings::AreaSurveys, RwSignal::new(features.surveys)),
        ("feature_groups", Settings::AreaGroups, RwSignal::new(features.groups)),
    ];
    let policy = RwSignal::new(community.join_policy);
    let domains = RwSignal::new(community.allowed_email_domains.join("\n"));
    let confirmation_required = RwSignal::new(community.email_confirmation_required);

    let action = Action::new_local(|settings: &CommunitySettings| {
        let settings = settings.clone();
        async move { api::community::update(&settings).await }
    });
    form.follow(action, move |_| {
        saved.set(true);
        shared.reload();
    });
    // The accent's problem as it is typed, before the server is asked.
    let accent_problem = Memo::new(move |_| {
        let typed = accent.get();
        let typed = typed.trim();
        (!typed.is_empty()).then(|| validate::accent_color(typed)).flatten().map(|issue| issue.message(i18n.locale()))
    });
    // What the last save said about the colour holds only while the colour is the one it judged:
    // typing another one shows that one's problem, or none.
    let submitted_accent = RwSignal::new(None::<String>);
    let accent_error = Signal::derive(move || {
        accent_problem.get().or_else(|| {
            let unchanged = submitted_accent.with(|submitted| submitted.as_deref() == Some(accent.get().as_str()));
            form.field("accent_color").get().filter(|_| unchanged)
        })
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        saved.set(false);
        submitted_accent.set(Some(accent.get_untracked()));
        let [threads, ideas, events, members, surveys, groups] = areas.map(|(_, _, on)| on.get_untracked());
        let accent = accent.get_untracked().trim().to_ascii_lowercase();
        let settings = CommunitySettings {
            name: name.get_untracked(),
            description: description.get_untracked(),
            founded_on: founded_on.get_untracked(),
            default_locale: Locale::from_tag(&default_locale.get_untracked()).unwrap_or_default(),
            time_zone: time_zone.get_untracked().trim().to_owned(),
            accent_color: (!accent.is_empty()).then_some(accent),
            features: Features { threads, ideas, events, members, surveys, groups },
            join_policy: policy.get_untracked(),
            allowed_email_domains: domains_of(&domains.get_untracked()),
            email_confirmation_required: confirmation_required.get_untracked(),
        };
        if form.check(&validate::community_settings(&settings), i18n.locale()) {
            action.dispatch(settings);
        }
    };
    // Each language by its own name, as language pickers do.
    let languages: Vec<(String, String)> =
        [("en", "English"), ("ru", "Русский")].map(|(tag, name)| (tag.to_owned(), name.to_owned())).into();
    let swatch = move || {
        let typed = accent.get();
        parse_hex_color(typed.trim()).map(|_| typed.trim().to_ascii_lowercase())
    };

    view! {
        <form class="form settings__form" on:submit=on_submit novalidate>
            <FormAlert message=form.alert() />
            <section class="settings__section" aria-labelledby="identity-heading">
                <h2 id="identity-heading">{i18n.t(Settings::IdentityHeading)}</h2>
                <TextField label=i18n.t(Settings::NameLabel) name="name" value=name error=form.field("name") required=true maxlength=80 />
                <TextField label=i18n.t(Settings::DescriptionLabel) name="description" value=description error=form.field("description") rows=3 maxlength=500 />
                <div class="accent-field">
                    <TextField
                        label=i18n.t(Settings::AccentLabel)
                        name="accent_color"
                        value=accent
                        error=accent_error
                        hint=i18n.t(Settings::AccentHint)
                        maxlength=7
                    />
                    <div class="accent-field__tools">
                        <label class="accent-field__picker">
                            <span class="visually-hidden">{i18n.t(Settings::AccentHexLabel)}</span>
                            <input
                                type="color"
                                prop:value=move || swatch().unwrap_or_else(|| "#1d4ed8".to_owned())
                                on:input=move |event| accent.set(event_target_value(&event))
                            />
                        </label>
                        <button type="button" class="button button--ghost button--small" on:click=move |_| accent.set(String::new())>
                            {i18n.t(Settings::AccentDefault)}
                        </button>
                    </div>
                    // The preview uses the typed colour through the CSSOM custom property of
                    // its own element, like the whole app does once saved; a refused colour gets
                    // no sample (its unreadable text would be the page's own contrast failure).
                    <p class="accent-field__preview" hidden=move || accent_problem.get().is_some()>
                        <span class="visually-hidden">{i18n.t(Settings::AccentPreview)}": "</span>
                        <AccentSample color=Signal::derive(swatch) text=i18n.t(Settings::Save) />
                    </p>
                </div>
            </section>
            <section class="settings__section" aria-labelledby="region-heading">
                <h2 id="region-heading">{i18n.t(Settings::RegionHeading)}</h2>
                <SelectField label=i18n.t(Settings::DefaultLanguageLabel) name="default_locale" value=default_locale choices=languages error=form.field("default_locale") hint=i18n.t(Settings::DefaultLanguageHint) />
                <TextField label=i18n.t(Settings::TimeZoneLabel) name="time_zone" value=time_zone error=form.field("time_zone") hint=i18n.t(Settings::TimeZoneHint) required=true maxlength=64 />
                <TextField label=i18n.t(Settings::FoundedLabel) name="founded_on" value=founded_on error=form.field("founded_on") input_type="date" required=true />
            </section>
            <fieldset class="settings__section settings__fieldset">
                <legend><h2>{i18n.t(Settings::AreasHeading)}</h2></legend>
                <p class="field__hint">{i18n.t(Settings::AreasHint)}</p>
                {areas.into_iter().map(|(field, text, on)| view! {
                    <CheckboxField name=field checked=on error=Signal::derive(|| None::<String>)>{i18n.t(text)}</CheckboxField>
                }).collect_view()}
            </fieldset>
            <fieldset class="settings__section settings__fieldset" aria-describedby="field-join_policy-error">
                <legend><h2>{i18n.t(Settings::JoiningHeading)}</h2></legend>
                {POLICIES.into_iter().map(|(choice, text)| {
                    let id = format!("join-policy-{}", choice.as_str());
                    view! {
                        <div class="field field--checkbox">
                            <input
                                class="field__checkbox"
                                type="radio"
                                name="join_policy"
                                id=id.clone()
                                value=choice.as_str()
                                prop:checked=move || policy.get() == choice
                                on:change=move |_| policy.set(choice)
                            />
                            <label class="field__label field__label--inline" for=id>{i18n.t(text)}</label>
                        </div>
                    }
                }).collect_view()}
                <p class="field__error" id="field-join_policy-error" hidden=move || form.field("join_policy").with(Option::is_none)>
                    {move || form.field("join_policy").get().unwrap_or_default()}
                </p>
                <TextField label=i18n.t(Settings::DomainsLabel) name="allowed_email_domains" value=domains error=form.field("allowed_email_domains") hint=i18n.t(Settings::DomainsHint) rows=3 />
                <CheckboxField name="email_confirmation_required" checked=confirmation_required error=Signal::derive(|| None::<String>)>
                    {i18n.t(Settings::ConfirmationRequired)}
                </CheckboxField>
                <p><A href="/admin/joining">{i18n.t(Settings::JoiningLink)}</A></p>
            </fieldset>
            <p role="status" class="settings__saved">{move || saved.get().then(|| i18n.t(Settings::Saved))}</p>
            <button type="submit" class="button" disabled=move || action.pending().get()>
                {move || if action.pending().get() { i18n.t(Settings::Saving) } else { i18n.t(Settings::Save) }}
            </button>
        </form>
    }
}

/// A button-like sample of white text on `color` (nothing while the colour is not valid).
#[component]
fn AccentSample(
    /// `#rrggbb`, or `None` while what is typed is not a colour.
    #[prop(into)]
    color: Signal<Option<String>>,
    /// What the sample says.
    text: &'static str,
) -> impl IntoView {
    let node = NodeRef::<leptos::html::Span>::new();
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        let style = web_sys::HtmlElement::style(&element);
        let _ = match color.get() {
            Some(color) => style.set_property("--sample-accent", &color),
            None => style.remove_property("--sample-accent").map(|_| ()),
        };
    });
    view! { <span class="accent-field__sample" aria-hidden="true" node_ref=node>{text}</span> }
}

#[cfg(test)]
mod tests {
    use super::domains_of;

    #[test]
    fn domains_are_read_one_per_line_in_lower_case() {
        assert_eq!(
            domains_of("Sever.example\n @partner.example, x.org\n\n"),
            ["sever.example", "partner.example", "x.org"]
        );
        assert!(domains_of("  \n").is_empty());
    }
}
