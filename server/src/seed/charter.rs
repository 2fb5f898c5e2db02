//! The demo charter: rules in the spirit of the source texts (mutual help, answering in return,
//! shared expertise without reputational risk) and the seven community roles they name.

use veche_api::charter::{CharterInput, CharterText, RoleDuty};
use veche_api::member::CommunityRole;

use crate::db::Db;

const RULES_EN: &str = "Sever Software's community is where customers and the company's team help each other, \
propose what to build next and meet in person. By joining you accept these rules.

## How we talk to each other
1. **Every request gets attention.** When a member asks you directly, give it the time it needs and act in the \
interest of the question.
2. **Help is returned.** If the community answered you, be ready to help someone else in your turn.
3. **Solutions come with recommendations.** When you answer, say what worked for you and why; link to the \
knowledge base when it already has the answer.
4. **Share expertise safely.** What members share here is not used against them or their companies. Do not \
publish someone else's personal data, contracts or prices.
5. **Be kind and stay on topic.** No insults, spam or advertising. Moderators hide what breaks these rules and \
say why.

## Our values
Trust, creating together, openness and respect; care for each other's reputation and for the company's; \
new ideas and the courage to try them.

## Changes
The rules may change as the community grows. Changes are announced in the news before they apply.";

const RULES_RU: &str = "Сообщество «Север Софт» — место, где клиенты и команда компании помогают друг другу, \
предлагают, что делать дальше, и встречаются вживую. Вступая в сообщество, вы принимаете эти правила.

## Как мы общаемся
1. **На каждое обращение отвечают.** Если участник обратился к вам, уделите вопросу нужное внимание и \
действуйте в интересах запроса.
2. **Помощь возвращается.** Если сообщество откликнулось на ваш вопрос, будьте готовы помочь другим.
3. **Решения — с рекомендациями.** Отвечая, расскажите, что сработало у вас и почему; если ответ уже есть в \
базе знаний, дайте ссылку.
4. **Экспертизой делятся без риска.** То, чем участники делятся здесь, не используется против них и их компаний. \
Не публикуйте чужие персональные данные, договоры и цены.
5. **Вежливо и по теме.** Без оскорблений, спама и рекламы. Модераторы скрывают то, что нарушает правила, и \
объясняют почему.

## Наши ценности
Доверие, сотворчество, открытость и взаимоуважение; забота о репутации друг друга и компании; новые идеи и \
смелость их пробовать.

## Изменения
Правила могут меняться по мере роста сообщества. Об изменениях объявляют в новостях заранее.";

const DUTIES: &[(CommunityRole, &str, &str)] = &[
    (
        CommunityRole::President,
        "Leads the community and speaks for the company: decides what the company commits to and answers for it.",
        "Руководит сообществом и говорит от имени компании: принимает решения и отвечает за обещания компании.",
    ),
    (
        CommunityRole::Mentor,
        "Experienced members who take newcomers under their wing and pass on what they know.",
        "Опытные участники, которые берут новичков под опеку и передают свой опыт.",
    ),
    (
        CommunityRole::Partner,
        "Represent partner companies: bring their customers' questions and share integration know-how.",
        "Представляют компании-партнёры: приносят вопросы своих клиентов и делятся опытом интеграций.",
    ),
    (
        CommunityRole::Hero,
        "The most active and helpful members, chosen by their answers and the kudos they receive.",
        "Самые активные и отзывчивые участники — по их ответам и полученным благодарностям.",
    ),
    (
        CommunityRole::Catalyst,
        "Sparks discussions, brings people together and keeps the community's events going.",
        "Зажигает обсуждения, знакомит людей и поддерживает жизнь мероприятий сообщества.",
    ),
    (
        CommunityRole::Scout,
        "Finds new ideas, trends and people worth inviting, and brings them to the community.",
        "Находит новые идеи, тренды и людей, которых стоит пригласить, и приводит их в сообщество.",
    ),
    (
        CommunityRole::Supporter,
        "Backs the community's initiatives: votes, comes to events and spreads the word.",
        "Поддерживает инициативы сообщества: голосует, приходит на встречи и рассказывает о них.",
    ),
];

pub async fn seed(db: &Db) -> anyhow::Result<()> {
    let text = |rules: &str, russian: bool| CharterText {
        rules: rules.to_owned(),
        roles: DUTIES
            .iter()
            .map(|&(role, en, ru)| RoleDuty {
                role,
                name: String::new(),
                description: (if russian { ru } else { en }).to_owned(),
            })
            .collect(),
    };
    let charter = CharterInput { en: text(RULES_EN, false), ru: text(RULES_RU, true), version: 0 };
    db.save_charter(&charter, None).await?;
    Ok(())
}
