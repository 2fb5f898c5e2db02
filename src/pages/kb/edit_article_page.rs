use leptos::prelude::*;
use leptos_meta::Title;
use veche_api::kb::{Article, ArticleInput};

use super::article_editor::ArticleEditor;
use super::new_article_page::section_choices;
use crate::api::{self, ApiResult};
use crate::components::feedback::Loaded;
use crate::components::groups::gated_failure;
use crate::i18n::messages::kb::Kb;
use crate::i18n::use_i18n;

/// What an edit of `article` starts from: the server's text and the version it has.
fn saved_input(article: &Article) -> ArticleInput {
    ArticleInput {
        section_id: article.section.id.clone(),
        title: article.title.clone(),
        body: article.body.clone(),
        event_id: None,
        version: Some(article.version),
    }
}

/// `/kb/articles/<id>/edit` (staff): the article in the editor, as a draft until saved.
#[component]
pub fn EditArticlePage(
    /// The article's id, from the address.
    id: String,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = StoredValue::new(id);
    let loaded = LocalResource::new(move || async move {
        let article = api::kb::article(&id.get_value()).await?;
        let base = api::kb::index().await?;
        ApiResult::Ok((base, article))
    });
    let retry = Callback::new(move |_| loaded.refetch());

    view! {
        <Title text=i18n.t(Kb::EditArticleTitle) />
        <section class="editor-page">
            <h1>{i18n.t(Kb::EditArticleTitle)}</h1>
            <Loaded resource=loaded failure=gated_failure let:loaded>
                {{
                    let (base, article) = loaded;
                    view! {
                    <ArticleEditor
                        draft_name=format!("kb.edit.{}", article.id)
                        saved=saved_input(&article)
                        sections=section_choices(&base)
                        article_id=Some(article.id.clone())
                        event_title=None
                        cancel_href=format!("/kb/articles/{}", article.id)
                        reload=Some(retry)
                    />
                    }
                }}
            </Loaded>
        </section>
    }
}
