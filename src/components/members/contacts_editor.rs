use leptos::prelude::*;
use veche_api::members::{CONTACTS_MAX, ContactKind, ContactSetting, Visibility};

use super::contact_kind_text;
use crate::components::form::FormState;
use crate::i18n::messages::members::{self as texts, Members};
use crate::i18n::use_i18n;

/// One contact detail being edited; `key` stays with the row while others come and go.
#[derive(Clone, Copy, Debug)]
pub struct ContactRow {
    pub key: usize,
    pub kind: RwSignal<ContactKind>,
    pub value: RwSignal<String>,
    pub visibility: RwSignal<Visibility>,
}

impl ContactRow {
    pub fn new(key: usize, setting: ContactSetting) -> Self {
        ContactRow {
            key,
            kind: RwSignal::new(setting.kind),
            value: RwSignal::new(setting.value),
            visibility: RwSignal::new(setting.visibility),
        }
    }

    /// The detail as typed (tracked).
    pub fn typed(&self) -> ContactSetting {
        ContactSetting { kind: self.kind.get(), value: self.value.get(), visibility: self.visibility.get() }
    }
}

pub fn visibility_text(visibility: Visibility) -> Members {
    match visibility {
        Visibility::Everyone => Members::VisibleEveryone,
        Visibility::Members => Members::VisibleMembers,
        Visibility::Nobody | Visibility::Unknown => Members::VisibleNobody,
    }
}

/// The contact details of one's profile: rows of kind, value and who sees it, added and
/// removed; each row's problems (`contacts.<n>.value`) beside its fields.
#[component]
pub fn ContactsEditor(
    /// The rows, two-way bound.
    rows: RwSignal<Vec<ContactRow>>,
    /// Where field messages come from.
    form: FormState,
) -> impl IntoView {
    let i18n = use_i18n();
    let locale = i18n.locale();
    let list_error = form.field("contacts");
    let next_key = StoredValue::new(rows.with_untracked(|r| r.iter().map(|row| row.key + 1).max().unwrap_or(0)));
    let add = move |_| {
        let key = next_key.get_value();
        next_key.set_value(key + 1);
        let setting =
            ContactSetting { kind: ContactKind::Website, value: String::new(), visibility: Visibility::Members };
        rows.update(|r| r.push(ContactRow::new(key, setting)));
        crate::components::threads::reveal(format!("contact-{key}-kind"));
    };
    view! {
        <fieldset class="contacts-editor">
            <legend class="contacts-editor__legend">{i18n.t(Members::ContactsHeading)}</legend>
            <p class="field__hint">{i18n.t(Members::ContactsHint)}</p>
            <For each=move || rows.get() key=|row| row.key let:row>
                {
                    let key = row.key;
                    let position = move || rows.with(|r| r.iter().position(|other| other.key == key)).unwrap_or(0);
                    let error = move |part: &str| form.message(&format!("contacts.{}.{part}", position()));
                    let value_error = Signal::derive(move || error("value"));
                    let ids = move |part: &str| format!("contact-{key}-{part}");
                    let remove = move |_| {
                        rows.update(|r| r.retain(|other| other.key != key));
                        // The row and its button are gone: the keyboard goes on from "Add a contact".
                        crate::components::threads::reveal("contact-add".to_owned());
                    };
                    view! {
                        <fieldset class="contact-row" class:field--invalid=move || value_error.with(Option::is_some)>
                            <legend class="visually-hidden">{move || texts::contact_number(locale, position() + 1)}</legend>
                            <div class="field contact-row__kind">
                                <label class="field__label" for=ids("kind")>{i18n.t(Members::ContactKindLabel)}</label>
                                <select id=ids("kind") class="field__select"
                                    on:change=move |event| row.kind.set(ContactKind::parse(&event_target_value(&event)))>
                                    {ContactKind::KNOWN.iter().map(|kind| {
                                        let kind = *kind;
                                        view! {
                                            <option value=kind.as_str() selected=move || row.kind.get() == kind>
                                                {i18n.t(contact_kind_text(kind))}
                                            </option>
                                        }
                                    }).collect_view()}
                                </select>
                            </div>
                            <div class="field contact-row__value">
                                <label class="field__label" for=ids("value")>{i18n.t(Members::ContactValueLabel)}</label>
                                <input
                                    id=ids("value")
                                    class="field__input"
                                    type="text"
                                    maxlength="300"
                                    aria-invalid=move || if value_error.with(Option::is_some) { "true" } else { "false" }
                                    aria-describedby=move || value_error.with(Option::is_some).then(|| ids("value-error"))
                                    bind:value=row.value
                                />
                                <p class="field__error" id=ids("value-error") hidden=move || value_error.with(Option::is_none)>
                                    {move || value_error.get().unwrap_or_default()}
                                </p>
                            </div>
                            <div class="field contact-row__visibility">
                                <label class="field__label" for=ids("visibility")>{i18n.t(Members::VisibilityLabel)}</label>
                                <select id=ids("visibility") class="field__select"
                                    on:change=move |event| row.visibility.set(Visibility::parse(&event_target_value(&event)))>
                                    {Visibility::KNOWN.iter().map(|visibility| {
                                        let visibility = *visibility;
                                        view! {
                                            <option value=visibility.as_str() selected=move || row.visibility.get() == visibility>
                                                {i18n.t(visibility_text(visibility))}
                                            </option>
                                        }
                                    }).collect_view()}
                                </select>
                            </div>
                            <button type="button" class="button button--ghost button--small contact-row__remove" on:click=remove>
                                {i18n.t(Members::RemoveContact)}
                                <span class="visually-hidden">" — "{move || texts::contact_number(locale, position() + 1)}</span>
                            </button>
                        </fieldset>
                    }
                }
            </For>
            <p class="field__error" hidden=move || list_error.with(Option::is_none)>
                {move || list_error.get().unwrap_or_default()}
            </p>
            <button
                id="contact-add"
                type="button"
                class="button button--secondary button--small"
                disabled=move || rows.with(|r| r.len() >= CONTACTS_MAX)
                on:click=add
            >
                {i18n.t(Members::AddContact)}
            </button>
        </fieldset>
    }
}
