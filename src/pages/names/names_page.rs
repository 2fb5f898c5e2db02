use leptos::prelude::*;
use leptos_meta::Title;
use veche_api::Locale;
use veche_api::names::{NameText, Translations, WordsChange, check_words};

use crate::api::names::Named;
use crate::api::{self, ApiResult};
use crate::components::feedback::{Loaded, StaffOnly};
use crate::components::form::{FormAlert, FormState, SelectField, TextField};
use crate::i18n::messages::names_admin::NamesAdmin;
use crate::i18n::use_i18n;

/// A space or an idea category, with its words per language.
#[derive(Clone, Debug, PartialEq)]
struct Item {
    named: Named,
    slug: String,
    name: String,
    translations: Translations,
}

impl Item {
    /// Its value in the list of choices.
    fn key(&self) -> String {
        let kind = match self.named {
            Named::Space => "space",
            Named::IdeaCategory => "category",
        };
        format!("{kind}:{}", self.slug)
    }
}

async fn items() -> ApiResult<Vec<Item>> {
    let spaces = api::threads::spaces().await?;
    let categories = api::ideas::categories().await?;
    let spaces = spaces.into_iter().map(|space| Item {
        named: Named::Space,
        slug: space.slug,
        name: space.name,
        translations: space.translations,
    });
    let categories = categories.into_iter().map(|category| Item {
        named: Named::IdeaCategory,
        slug: category.slug,
        name: category.name,
        translations: category.translations,
    });
    Ok(spaces.chain(categories).collect())
}

/// `/admin/names`: staff give spaces and idea categories a name and a description in English and
/// in Russian; readers get their language's words.
#[component]
pub fn NamesPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Title text=i18n.t(NamesAdmin::Title) />
        <StaffOnly>
            <NamesLoader />
        </StaffOnly>
    }
}

#[component]
fn NamesLoader() -> impl IntoView {
    let i18n = use_i18n();
    let loaded = LocalResource::new(items);
    view! {
        <section class="account-page">
            <h1>{i18n.t(NamesAdmin::Title)}</h1>
            <p>{i18n.t(NamesAdmin::Intro)}</p>
            <Loaded resource=loaded let:items>
                {view! { <WordsForm items /> }}
            </Loaded>
        </section>
    }
}

/// One form: pick a space or category, edit its words in both languages.
#[component]
fn WordsForm(
    /// The spaces and categories, as loaded.
    items: Vec<Item>,
) -> impl IntoView {
    let i18n = use_i18n();
    let choices: Vec<(String, String)> = items
        .iter()
        .map(|item| {
            let kind = match item.named {
                Named::Space => i18n.t(NamesAdmin::SpacePrefix),
                Named::IdeaCategory => i18n.t(NamesAdmin::CategoryPrefix),
            };
            (item.key(), format!("{kind}: {}", item.name))
        })
        .collect();
    let items = RwSignal::new(items);
    let chosen = RwSignal::new(choices.first().map(|(key, _)| key.clone()).unwrap_or_default());
    let en_name = RwSignal::new(String::new());
    let en_description = RwSignal::new(String::new());
    let ru_name = RwSignal::new(String::new());
    let ru_description = RwSignal::new(String::new());
    let form = FormState::new();
    let saved = RwSignal::new(false);
    // Choosing another item fills the fields with its words.
    Effect::new(move |_| {
        let key = chosen.get();
        let item = items.with_untracked(|items| items.iter().find(|item| item.key() == key).cloned());
        if let Some(item) = item {
            let (english, russian) = (item.translations.get(Locale::En), item.translations.get(Locale::Ru));
            en_name.set(english.name);
            en_description.set(english.description);
            ru_name.set(russian.name);
            ru_description.set(russian.description);
        }
        form.clear();
        saved.set(false);
    });
    let save = Action::new_local(|(named, slug, words, key): &(Named, String, WordsChange, String)| {
        let (named, slug, words, key) = (*named, slug.clone(), words.clone(), key.clone());
        async move { api::names::set_words(named, &slug, &words, key).await }
    });
    form.follow(save, move |words: WordsChange| {
        let key = chosen.get_untracked();
        items.update(|items| {
            if let Some(item) = items.iter_mut().find(|item| item.key() == key) {
                item.translations = Translations::new(words.en.clone(), words.ru.clone());
            }
        });
        saved.set(true);
    });
    let on_submit = move |event: leptos::ev::SubmitEvent| {
        event.prevent_default();
        form.clear();
        saved.set(false);
        let key = chosen.get_untracked();
        let Some(item) = items.with_untracked(|items| items.iter().find(|item| item.key() == key).cloned()) else {
            return;
        };
        let words = WordsChange {
            en: NameText { name: en_name.get_untracked(), description: en_description.get_untracked() },
            ru: NameText { name: ru_name.get_untracked(), description: ru_description.get_untracked() },
        };
        if form.check(&check_words(&words), i18n.locale()) {
            save.dispatch((item.named, item.slug, words, api::client::new_idempotency_key()));
        }
    };
    view! {
        <form class="form account-form" on:submit=on_submit novalidate>
            <SelectField label=i18n.t(NamesAdmin::Choose) name="named" value=chosen choices error=Signal::derive(|| None::<String>) />
            <FormAlert message=form.alert() />
            <TextField label=i18n.t(NamesAdmin::EnglishName) name="en_name" value=en_name error=form.field("en.name") required=true maxlength=80 />
            <TextField label=i18n.t(NamesAdmin::EnglishDescription) name="en_description" value=en_description error=form.field("en.description") rows=3 maxlength=2000 />
            <TextField label=i18n.t(NamesAdmin::RussianName) name="ru_name" value=ru_name error=form.field("ru.name") hint=i18n.t(NamesAdmin::RussianHint) maxlength=80 />
            <TextField label=i18n.t(NamesAdmin::RussianDescription) name="ru_description" value=ru_description error=form.field("ru.description") rows=3 maxlength=2000 />
            <p role="status" class="account-form__done">{move || saved.get().then(|| i18n.t(NamesAdmin::Saved))}</p>
            <button type="submit" class="button" disabled=move || save.pending().get()>
                {move || if save.pending().get() { i18n.t(NamesAdmin::Saving) } else { i18n.t(NamesAdmin::Save) }}
            </button>
        </form>
    }
}
