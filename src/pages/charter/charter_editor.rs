use leptos::prelude::*;
use veche_api::charter::{
    Charter as CharterDoc, CharterInput, CharterText, DUTY_MAX, ROLE_NAME_MAX, RULES_MAX, RoleDuty, check_charter,
};
use veche_api::member::CommunityRole;

use crate::api::{self, ApiError};
use crate::components::form::{FormAlert, FormState, TextField};
use crate::components::members::role_text;
use crate::components::threads::MarkdownEditor;
use crate::i18n::messages::charter::Charter;
use crate::i18n::use_i18n;
use crate::state::drafts::{clear_draft, use_draft_or};

const DRAFT: &str = "charter";

/// The charter's roles, in the order the charter lists them.
const ROLES: [CommunityRole; 7] = [
    CommunityRole::President,
    CommunityRole::Mentor,
    CommunityRole::Partner,
    CommunityRole::Hero,
    CommunityRole::Catalyst,
    CommunityRole::Scout,
    CommunityRole::Supporter,
];

/// The field names the contract uses in a 422, per language (`en.roles.mentor`).
struct Names {
    legend: Charter,
    /// Said after a role's name in the label of the field for the community's own name of it.
    role_name: Charter,
    rules: &'static str,
    roles: &'static str,
    duties: [&'static str; 7],
    /// The community's own names of the roles (`en.roles.mentor.name`).
    role_names: [&'static str; 7],
}

const ENGLISH: Names = Names {
    legend: Charter::English,
    role_name: Charter::RoleNameEnglish,
    rules: "en.rules",
    roles: "en.roles",
    duties: [
        "en.roles.president",
        "en.roles.mentor",
        "en.roles.partner",
        "en.roles.hero",
        "en.roles.catalyst",
        "en.roles.scout",
        "en.roles.supporter",
    ],
    role_names: [
        "en.roles.president.name",
        "en.roles.mentor.name",
        "en.roles.partner.name",
        "en.roles.hero.name",
        "en.roles.catalyst.name",
        "en.roles.scout.name",
        "en.roles.supporter.name",
    ],
};

const RUSSIAN: Names = Names {
    legend: Charter::Russian,
    role_name: Charter::RoleNameRussian,
    rules: "ru.rules",
    roles: "ru.roles",
    duties: [
        "ru.roles.president",
        "ru.roles.mentor",
        "ru.roles.partner",
        "ru.roles.hero",
        "ru.roles.catalyst",
        "ru.roles.scout",
        "ru.roles.supporter",
    ],
    role_names: [
        "ru.roles.president.name",
        "ru.roles.mentor.name",
        "ru.roles.partner.name",
        "ru.roles.hero.name",
        "ru.roles.catalyst.name",
        "ru.roles.scout.name",
        "ru.roles.supporter.name",
    ],
};

/// One language's text as fields: the rules, and per role the community's own name for it
/// (empty: the standard name) and its description (both empty: left out).
#[derive(Clone, Copy)]
struct TextFields {
    rules: RwSignal<String>,
    role_names: [RwSignal<String>; 7],
    duties: [RwSignal<String>; 7],
}

impl TextFields {
    fn of(text: &CharterText) -> Self {
        let duty = |role| text.roles.iter().find(|d: &&RoleDuty| d.role == role);
        TextFields {
            rules: RwSignal::new(text.rules.clone()),
            role_names: ROLES.map(|role| RwSignal::new(duty(role).map(|d| d.name.clone()).unwrap_or_default())),
            duties: ROLES.map(|role| RwSignal::new(duty(role).map(|d| d.description.clone()).unwrap_or_default())),
        }
    }

    /// The text as typed (tracked).
    fn text(&self) -> CharterText {
        CharterText {
            rules: self.rules.get(),
            roles: ROLES
                .iter()
                .zip(self.role_names.iter().zip(self.duties))
                .map(|(&role, (name, duty))| RoleDuty {
                    role,
                    name: name.get().trim().to_owned(),
                    description: duty.get(),
                })
                .filter(|duty| !duty.description.trim().is_empty() || !duty.name.is_empty())
                .collect(),
        }
    }
}

/// Staff change the rules in both languages. What they type is kept as a draft (with the version
/// it started from) until it is saved; a save over someone else's newer change is refused and
/// says so, keeping the text.
#[component]
pub fn CharterEditor(
    charter: CharterDoc,
    /// Called with `true` once saved, `false` when the editor is closed without saving.
    done: Callback<bool>,
    /// Loads the charter again (after someone else's change).
    reload: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let form = FormState::new();
    let saved = CharterInput { en: charter.en, ru: charter.ru, version: charter.version };
    let draft = use_draft_or(DRAFT, saved);
    let started = draft.get_untracked();
    let (en, ru) = (TextFields::of(&started.en), TextFields::of(&started.ru));
    let version = started.version;
    Effect::new(move |_| draft.set(CharterInput { en: en.text(), ru: ru.text(), version }));
    let pending = RwSignal::new(false);
    let stale = RwSignal::new(false);

    let save = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        stale.set(false);
        let input = draft.get_untracked();
        if !form.check(&check_charter(&input), i18n.locale()) || pending.get_untracked() {
            return;
        }
        pending.set(true);
        leptos::task::spawn_local(async move {
            match api::charter::update(&input, api::client::new_idempotency_key()).await {
                Ok(_) => {
                    clear_draft(DRAFT);
                    done.run(true);
                }
                Err(ApiError::Conflict { .. }) => stale.set(true),
                Err(error) => form.show_error(&error),
            }
            pending.set(false);
        });
    };
    let cancel = move |_| {
        clear_draft(DRAFT);
        done.run(false);
    };
    let load_current = move |_| {
        clear_draft(DRAFT);
        reload.run(());
    };

    view! {
        <form class="charter-editor" novalidate on:submit=save>
            <LanguageFields names=ENGLISH fields=en form=form />
            <LanguageFields names=RUSSIAN fields=ru form=form />
            <FormAlert message=form.alert() />
            <div class="form-alert" role="alert">
                {move || stale.get().then(|| view! {
                    <p class="form-alert__text">{i18n.t(Charter::Stale)}</p>
                    <button type="button" class="button button--ghost" on:click=load_current>{i18n.t(Charter::LoadCurrent)}</button>
                })}
            </div>
            <div class="form__actions">
                <button type="submit" class="button" aria-disabled=move || pending.get().to_string()>
                    {move || i18n.t(if pending.get() { Charter::Saving } else { Charter::Save })}
                </button>
                <button type="button" class="button button--ghost" on:click=cancel>{i18n.t(Charter::Cancel)}</button>
            </div>
        </form>
    }
}

/// The rules and the roles' duties in one language, as a fieldset.
#[component]
fn LanguageFields(names: Names, fields: TextFields, form: FormState) -> impl IntoView {
    let i18n = use_i18n();
    let roles_error = form.field(names.roles);
    view! {
        <fieldset class="charter-editor__language">
            <legend>{i18n.t(names.legend)}</legend>
            <MarkdownEditor label=i18n.t(Charter::RulesLabel) name=names.rules value=fields.rules error=form.field(names.rules) max=RULES_MAX rows=14 />
            <h3 class="charter-editor__duties">{i18n.t(Charter::DutiesHeading)}</h3>
            <p class="field__hint">{i18n.t(Charter::DutiesIntro)}</p>
            <p class="field__error" role="alert">{move || roles_error.get()}</p>
            {ROLES.iter().enumerate().map(|(i, &role)| {
                let (name_field, duty_field) = (names.role_names[i], names.duties[i]);
                let name_label = format!("{} — {}", i18n.t(role_text(role)), i18n.t(names.role_name));
                view! {
                    <div class="charter-editor__role">
                        <TextField label=name_label name=name_field value=fields.role_names[i] error=form.field(name_field)
                            maxlength=ROLE_NAME_MAX as u32 />
                        <TextField label=i18n.t(role_text(role)) name=duty_field value=fields.duties[i] error=form.field(duty_field)
                            maxlength=DUTY_MAX as u32 rows=2 />
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}
